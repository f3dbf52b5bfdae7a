/**
 * Rebuilds the text a keyboard-wedge scanner meant to type from the physical key (`KeyboardEvent.code`)
 * and Shift, never from `KeyboardEvent.key`: with the Korean IME in Hangul mode `key` is a jamo
 * (scanning "abc" gives "ㅁㅠㅊ") or "Process", while `code` stays "KeyA". Scanners emulate a US keyboard.
 *
 * Pure: no DOM types, so it runs in Node unit tests.
 */
import { SCAN_SUFFIX_KEYS } from './wedge-config';

/** The fields of a KeyboardEvent this module reads. */
export interface KeyLike {
  code: string;
  key?: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
  isComposing?: boolean;
  keyCode?: number;
  /** CapsLock state, when known (KeyboardEvent.getModifierState('CapsLock')). */
  capsLock?: boolean;
}

/** [unshifted, shifted] on a US layout, by KeyboardEvent.code. */
const SYMBOL_KEYS: Readonly<Record<string, readonly [string, string]>> = {
  Digit1: ['1', '!'],
  Digit2: ['2', '@'],
  Digit3: ['3', '#'],
  Digit4: ['4', '$'],
  Digit5: ['5', '%'],
  Digit6: ['6', '^'],
  Digit7: ['7', '&'],
  Digit8: ['8', '*'],
  Digit9: ['9', '('],
  Digit0: ['0', ')'],
  Minus: ['-', '_'],
  Equal: ['=', '+'],
  BracketLeft: ['[', '{'],
  BracketRight: [']', '}'],
  Backslash: ['\\', '|'],
  IntlBackslash: ['\\', '|'],
  Semicolon: [';', ':'],
  Quote: ["'", '"'],
  Backquote: ['`', '~'],
  Comma: [',', '<'],
  Period: ['.', '>'],
  Slash: ['/', '?'],
  Space: [' ', ' '],
};

/** Numeric keypad: the same character with or without Shift (NumLock assumed on, as scanners send it). */
const NUMPAD_KEYS: Readonly<Record<string, string>> = {
  NumpadDecimal: '.',
  NumpadAdd: '+',
  NumpadSubtract: '-',
  NumpadMultiply: '*',
  NumpadDivide: '/',
  NumpadEqual: '=',
  NumpadComma: ',',
};

/**
 * The character a US-layout key produces, or null for keys that type nothing (Enter, Shift, F-keys…).
 * Letters: Shift XOR CapsLock gives upper case.
 */
export function codeToChar(code: string, shift = false, capsLock = false): string | null {
  const letter = /^Key([A-Z])$/.exec(code);
  if (letter) return shift !== capsLock ? letter[1]! : letter[1]!.toLowerCase();
  const numpadDigit = /^Numpad([0-9])$/.exec(code);
  if (numpadDigit) return numpadDigit[1]!;
  const sym = SYMBOL_KEYS[code];
  if (sym) return shift ? sym[1] : sym[0];
  return NUMPAD_KEYS[code] ?? null;
}

export type WedgeKeyAction =
  /** A printable character rebuilt from the physical key. */
  | { type: 'char'; char: string }
  /** Enter / Tab: the end of a scan (or the cashier's submit). */
  | { type: 'suffix'; key: 'Enter' | 'Tab' }
  /** Not for the wedge: shortcuts (Ctrl/Alt/Meta), editing and navigation keys, modifiers alone. */
  | { type: 'other' };

/** True for the keydown an IME reports while it processes a key (key "Process", keyCode 229, or isComposing). */
export function isImeProcessKey(e: KeyLike): boolean {
  return e.isComposing === true || e.keyCode === 229 || e.key === 'Process';
}

/**
 * What a keydown means to a wedge reader. Ctrl/Alt/Meta combinations are never text (so Ctrl+V still
 * pastes and shortcuts still work); AltGr is not used by scanners.
 */
export function classifyWedgeKey(e: KeyLike): WedgeKeyAction {
  if (e.ctrlKey || e.altKey || e.metaKey) return { type: 'other' };
  if (SCAN_SUFFIX_KEYS.includes(e.code)) return { type: 'suffix', key: e.code === 'Tab' ? 'Tab' : 'Enter' };
  // Some virtual wedges send an empty code with a plain key: fall back to key only when it is already ASCII.
  if (e.code === '' || e.code === 'Unidentified') {
    if (e.key === 'Enter' || e.key === 'Tab') return { type: 'suffix', key: e.key };
    return e.key !== undefined && /^[\x20-\x7e]$/.test(e.key) ? { type: 'char', char: e.key } : { type: 'other' };
  }
  const char = codeToChar(e.code, e.shiftKey === true, e.capsLock === true);
  if (char === null) return { type: 'other' };
  // When `key` is the same Latin letter (no IME in the way), its case is the truth (CapsLock state unknown, synthetic input).
  if (e.key !== undefined && /^[A-Za-z]$/.test(e.key) && e.key.toLowerCase() === char.toLowerCase()) return { type: 'char', char: e.key };
  return { type: 'char', char };
}

/** Rebuilds the text of a sequence of keydowns (e.g. a recorded scan); suffix and other keys are skipped. */
export function textFromKeys(keys: readonly KeyLike[]): string {
  let s = '';
  for (const k of keys) {
    const a = classifyWedgeKey(k);
    if (a.type === 'char') s += a.char;
  }
  return s;
}

/** Keeps printable ASCII only: what a payment QR can contain. Jamo and control characters go. */
export function asciiOnly(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '');
}
