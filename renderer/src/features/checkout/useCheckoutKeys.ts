/** Screen-wide shortcuts of the checkout screen (F2, F3, F4, Esc, Ctrl+Backspace). */
import { useEffect, useEffectEvent } from 'react';
import { isTextEntry } from '../scan/dom-keys';

export interface CheckoutKeyActions {
  focusScan: () => void;
  focusPrice: () => void;
  escape: () => void;
  removeLast: () => void;
  /** F4: the customer scans the terminal's QR (merchant-presented). */
  merchantQr?: () => void;
  /** F8: cash · split tender (issue 13; F6 registers an unknown barcode, issue 12). */
  tender?: () => void;
}

export function useCheckoutKeys(enabled: boolean, actions: CheckoutKeyActions): void {
  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (e.defaultPrevented || e.isComposing) return;
    if (e.key === 'F2') {
      e.preventDefault();
      actions.focusScan();
    } else if (e.key === 'F3') {
      e.preventDefault();
      actions.focusPrice();
    } else if (e.key === 'F4' && actions.merchantQr) {
      e.preventDefault();
      actions.merchantQr();
    } else if (e.key === 'F8' && actions.tender) {
      e.preventDefault();
      actions.tender();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      actions.escape();
    } else if (e.key === 'Backspace' && (e.ctrlKey || e.metaKey) && !e.altKey) {
      // In a field that still has text, Ctrl+Backspace keeps its usual meaning (delete a word).
      const el = document.activeElement;
      if (isTextEntry(el) && (el as HTMLInputElement).value !== '') return;
      e.preventDefault();
      actions.removeLast();
    }
  });
  useEffect(() => {
    if (!enabled) return;
    const h = (e: KeyboardEvent) => onKey(e);
    window.addEventListener('keydown', h);
    return () => window.removeEventListener('keydown', h);
  }, [enabled]);
}
