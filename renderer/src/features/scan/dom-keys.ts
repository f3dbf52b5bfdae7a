/** DOM side of the wedge: KeyboardEvent → KeyLike, and "is the cashier typing into a field?". */
import type { KeyLike } from './keycode-text';

export function keyLike(e: KeyboardEvent): KeyLike {
  return {
    code: e.code,
    key: e.key,
    shiftKey: e.shiftKey,
    ctrlKey: e.ctrlKey,
    altKey: e.altKey,
    metaKey: e.metaKey,
    isComposing: e.isComposing,
    keyCode: e.keyCode,
    capsLock: typeof e.getModifierState === 'function' ? e.getModifierState('CapsLock') : false,
  };
}

const NON_TEXT_INPUTS = new Set(['button', 'checkbox', 'radio', 'submit', 'reset', 'image', 'file', 'color', 'range']);

/** True when keys typed now would land in a text field (where a global listener must never steal them). */
export function isTextEntry(el: Element | null): boolean {
  if (!el) return false;
  if (el instanceof HTMLInputElement) return !NON_TEXT_INPUTS.has(el.type);
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  return el instanceof HTMLElement && el.isContentEditable;
}
