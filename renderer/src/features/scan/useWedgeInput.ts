/**
 * A text field for keyboard-wedge scanners that stays ASCII under the Korean IME: each printable
 * keydown is rebuilt from KeyboardEvent.code + Shift (keycode-text.ts) and its default prevented,
 * IME composition and duplicate keydowns are ignored, Enter submits, paste still works.
 */
import { useCallback, useLayoutEffect, useRef, useState, type ChangeEvent, type ClipboardEvent, type KeyboardEvent } from 'react';
import { keyLike } from './dom-keys';
import { asciiOnly, classifyWedgeKey } from './keycode-text';
import { ImeDuplicateFilter, ScanBurst } from './scan-burst';
import { SCAN_MAX_LENGTH } from './wedge-config';

export interface WedgeInputOptions {
  /** Enter (or a scanner's Tab suffix) in the field. */
  onSubmit: (text: string) => void;
}

export function useWedgeInput({ onSubmit }: WedgeInputOptions) {
  const [value, setValue] = useState('');
  const ref = useRef<HTMLInputElement>(null);
  const text = useRef('');
  const caret = useRef<number | null>(null);
  const composing = useRef(false);
  const filter = useRef(new ImeDuplicateFilter());
  const burst = useRef(new ScanBurst());

  const setText = useCallback((next: string, caretAt?: number) => {
    text.current = asciiOnly(next).slice(0, SCAN_MAX_LENGTH);
    caret.current = caretAt === undefined ? null : Math.min(caretAt, text.current.length);
    setValue(text.current);
  }, []);

  // Put the caret after the inserted text once React has written the value.
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && caret.current !== null && document.activeElement === el) el.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  }, [value]);

  /** Replaces the selection (or inserts at the caret) with ASCII text. */
  const insert = useCallback(
    (s: string) => {
      const el = ref.current;
      const cur = text.current;
      const start = Math.min(el?.selectionStart ?? cur.length, cur.length);
      const end = Math.min(Math.max(el?.selectionEnd ?? cur.length, start), cur.length);
      setText(cur.slice(0, start) + s + cur.slice(end), start + s.length);
    },
    [setText],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const k = keyLike(e.nativeEvent);
    const action = classifyWedgeKey(k);
    const t = e.timeStamp;
    if (action.type === 'char') {
      e.preventDefault();
      if (!filter.current.accept(k, t)) return;
      burst.current.char(action.char, t);
      insert(action.char);
    } else if (action.type === 'suffix') {
      if (action.key === 'Tab') {
        // A scanner configured with a Tab suffix: submit only when the text just came in as a burst.
        if (text.current === '' || burst.current.suffix(t) === null) return;
      } else {
        burst.current.reset();
      }
      e.preventDefault();
      if (!filter.current.accept(k, t)) return;
      onSubmit(text.current);
    }
    // everything else (Backspace, arrows, Ctrl+V, Esc, F-keys) keeps its default / bubbles to the screen
  };

  const onKeyUp = (e: KeyboardEvent<HTMLInputElement>) => filter.current.keyUp(e.code);

  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    // IME composition output (jamo) never becomes the value; deletions, cut and drops do.
    if (composing.current || (e.nativeEvent as InputEvent).isComposing) return;
    const el = e.target;
    setText(el.value, el.selectionStart ?? undefined);
  };

  const onPaste = (e: ClipboardEvent<HTMLInputElement>) => {
    e.preventDefault();
    insert(asciiOnly(e.clipboardData.getData('text').trim()));
  };

  const onCompositionStart = () => {
    composing.current = true;
  };
  const onCompositionEnd = () => {
    composing.current = false;
    if (ref.current) ref.current.value = text.current; // drop whatever the IME committed
  };

  const onFocus = () => ref.current?.select(); // a new scan replaces what is left in the field

  const clear = useCallback(() => setText(''), [setText]);
  const focus = useCallback(() => ref.current?.focus(), []);

  return {
    value,
    setText,
    clear,
    focus,
    inputProps: {
      ref,
      value,
      onKeyDown,
      onKeyUp,
      onChange,
      onPaste,
      onCompositionStart,
      onCompositionEnd,
      onFocus,
      autoComplete: 'off',
      autoCorrect: 'off',
      autoCapitalize: 'off',
      spellCheck: false,
      inputMode: 'text' as const,
    },
  };
}
