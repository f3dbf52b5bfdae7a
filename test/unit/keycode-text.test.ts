import { describe, expect, it } from 'vitest';
import { asciiOnly, classifyWedgeKey, codeToChar, isImeProcessKey, textFromKeys, type KeyLike } from '../../renderer/src/features/scan/keycode-text';

/** What Chromium reports for each key of a US-keyboard wedge scanner typing `text`, with the Korean IME in Hangul mode. */
const HANGUL: Record<string, string> = { a: 'ㅁ', b: 'ㅠ', c: 'ㅊ', e: 'ㄷ', n: 'ㅜ', o: 'ㅐ', q: 'ㅂ', s: 'ㄴ', r: 'ㄱ', z: 'ㅋ' };
function scannerKeys(text: string, ime: 'hangul' | 'process' | 'none'): KeyLike[] {
  const codeOf = (ch: string): { code: string; shift: boolean } => {
    if (/[a-z]/.test(ch)) return { code: `Key${ch.toUpperCase()}`, shift: false };
    if (/[A-Z]/.test(ch)) return { code: `Key${ch}`, shift: true };
    if (/[0-9]/.test(ch)) return { code: `Digit${ch}`, shift: false };
    const sym: Record<string, [string, boolean]> = { '.': ['Period', false], '-': ['Minus', false], '/': ['Slash', false], ':': ['Semicolon', true], '?': ['Slash', true], '=': ['Equal', false], '&': ['Digit7', true] };
    const s = sym[ch];
    if (!s) throw new Error(`no key for ${ch}`);
    return { code: s[0], shift: s[1] };
  };
  return [...text].map((ch) => {
    const { code, shift } = codeOf(ch);
    const lower = ch.toLowerCase();
    const key = ime === 'process' ? 'Process' : ime === 'hangul' && HANGUL[lower] ? HANGUL[lower]! : ch;
    return { code, key, shiftKey: shift, keyCode: ime === 'process' ? 229 : 0, isComposing: ime === 'hangul' && key !== ch };
  });
}

describe('codeToChar (US layout, by physical key)', () => {
  it('maps letters with Shift to upper case and without to lower case', () => {
    expect(codeToChar('KeyA')).toBe('a');
    expect(codeToChar('KeyA', true)).toBe('A');
    expect(codeToChar('KeyZ', true)).toBe('Z');
  });
  it('treats CapsLock as inverting letters only', () => {
    expect(codeToChar('KeyQ', false, true)).toBe('Q');
    expect(codeToChar('KeyQ', true, true)).toBe('q');
    expect(codeToChar('Digit1', false, true)).toBe('1');
  });
  it('maps the digit row with and without Shift', () => {
    expect([...'1234567890'].map((d) => codeToChar(`Digit${d}`))).toEqual([...'1234567890']);
    expect([...'1234567890'].map((d) => codeToChar(`Digit${d}`, true)).join('')).toBe('!@#$%^&*()');
  });
  it('maps punctuation used in QR payloads and URLs', () => {
    expect(codeToChar('Period')).toBe('.');
    expect(codeToChar('Minus')).toBe('-');
    expect(codeToChar('Minus', true)).toBe('_');
    expect(codeToChar('Slash')).toBe('/');
    expect(codeToChar('Slash', true)).toBe('?');
    expect(codeToChar('Equal')).toBe('=');
    expect(codeToChar('Equal', true)).toBe('+');
    expect(codeToChar('Semicolon')).toBe(';');
    expect(codeToChar('Semicolon', true)).toBe(':');
    expect(codeToChar('Comma')).toBe(',');
    expect(codeToChar('Quote', true)).toBe('"');
    expect(codeToChar('Backquote', true)).toBe('~');
    expect(codeToChar('BracketLeft')).toBe('[');
    expect(codeToChar('Backslash', true)).toBe('|');
    expect(codeToChar('Space')).toBe(' ');
  });
  it('maps the numeric keypad', () => {
    expect(codeToChar('Numpad7')).toBe('7');
    expect(codeToChar('NumpadDecimal')).toBe('.');
    expect(codeToChar('NumpadSubtract')).toBe('-');
  });
  it('gives null for keys that type nothing', () => {
    for (const code of ['Enter', 'Tab', 'ShiftLeft', 'ControlLeft', 'F2', 'Escape', 'Backspace', 'ArrowLeft', 'Lang1', 'HangulMode', '']) expect(codeToChar(code)).toBeNull();
  });
});

describe('classifyWedgeKey', () => {
  it('ignores the Hangul jamo in key and uses the code', () => {
    expect(classifyWedgeKey({ code: 'KeyO', key: 'ㅐ', isComposing: true })).toEqual({ type: 'char', char: 'o' });
    expect(classifyWedgeKey({ code: 'KeyO', key: 'ㅒ', shiftKey: true, isComposing: true })).toEqual({ type: 'char', char: 'O' });
    expect(classifyWedgeKey({ code: 'KeyA', key: 'Process', keyCode: 229 })).toEqual({ type: 'char', char: 'a' });
  });
  it('takes the case from key when key is the same Latin letter, never another letter', () => {
    expect(classifyWedgeKey({ code: 'KeyO', key: 'O' })).toEqual({ type: 'char', char: 'O' });
    expect(classifyWedgeKey({ code: 'KeyO', key: 'o', shiftKey: true })).toEqual({ type: 'char', char: 'o' });
    // AZERTY layout: the physical Q key reports key "a"; a scanner meant "q"
    expect(classifyWedgeKey({ code: 'KeyQ', key: 'a' })).toEqual({ type: 'char', char: 'q' });
  });
  it('reports Enter and Tab as the scan suffix', () => {
    expect(classifyWedgeKey({ code: 'Enter', key: 'Enter' })).toEqual({ type: 'suffix', key: 'Enter' });
    expect(classifyWedgeKey({ code: 'NumpadEnter', key: 'Enter' })).toEqual({ type: 'suffix', key: 'Enter' });
    expect(classifyWedgeKey({ code: 'Tab', key: 'Tab' })).toEqual({ type: 'suffix', key: 'Tab' });
  });
  it('leaves shortcuts and editing keys alone', () => {
    expect(classifyWedgeKey({ code: 'KeyV', key: 'v', ctrlKey: true })).toEqual({ type: 'other' });
    expect(classifyWedgeKey({ code: 'KeyA', key: 'a', metaKey: true })).toEqual({ type: 'other' });
    expect(classifyWedgeKey({ code: 'Digit1', key: '1', altKey: true })).toEqual({ type: 'other' });
    expect(classifyWedgeKey({ code: 'Backspace', key: 'Backspace' })).toEqual({ type: 'other' });
    expect(classifyWedgeKey({ code: 'ShiftLeft', key: 'Shift', shiftKey: true })).toEqual({ type: 'other' });
    expect(classifyWedgeKey({ code: 'F2', key: 'F2' })).toEqual({ type: 'other' });
  });
  it('falls back to key only when there is no code and key is plain ASCII', () => {
    expect(classifyWedgeKey({ code: '', key: 'x' })).toEqual({ type: 'char', char: 'x' });
    expect(classifyWedgeKey({ code: '', key: 'ㅌ' })).toEqual({ type: 'other' });
    expect(classifyWedgeKey({ code: '', key: 'Enter' })).toEqual({ type: 'suffix', key: 'Enter' });
  });
});

describe('rebuilding a scan', () => {
  const qr = 'ONEQ1.ABCDEFGHJKMNPQRSAA';
  it('gives the same text whatever the IME reports in key', () => {
    expect(textFromKeys(scannerKeys(qr, 'none'))).toBe(qr);
    expect(textFromKeys(scannerKeys(qr, 'hangul'))).toBe(qr);
    expect(textFromKeys(scannerKeys(qr, 'process'))).toBe(qr);
    expect(textFromKeys(scannerKeys('https://pay.example/q?t=Ab-9&x=1', 'hangul'))).toBe('https://pay.example/q?t=Ab-9&x=1');
  });
  it('skips suffix and non-text keys', () => {
    const keys: KeyLike[] = [{ code: 'ShiftLeft', key: 'Shift', shiftKey: true }, ...scannerKeys('abc', 'hangul'), { code: 'Enter', key: 'Enter' }];
    expect(textFromKeys(keys)).toBe('abc');
  });
  it('scanning "abc" in Hangul mode is ㅁㅠㅊ in key but abc from codes', () => {
    const keys = scannerKeys('abc', 'hangul');
    expect(keys.map((k) => k.key).join('')).toBe('ㅁㅠㅊ');
    expect(textFromKeys(keys)).toBe('abc');
  });
});

describe('helpers', () => {
  it('recognizes IME processing keydowns', () => {
    expect(isImeProcessKey({ code: 'KeyA', keyCode: 229 })).toBe(true);
    expect(isImeProcessKey({ code: 'KeyA', isComposing: true })).toBe(true);
    expect(isImeProcessKey({ code: 'KeyA', key: 'Process' })).toBe(true);
    expect(isImeProcessKey({ code: 'KeyA', key: 'a', keyCode: 65 })).toBe(false);
  });
  it('asciiOnly drops jamo and control characters', () => {
    expect(asciiOnly('ONEQ1.ㅐAB\r\n')).toBe('ONEQ1.AB');
    expect(asciiOnly('가나다')).toBe('');
  });
});
