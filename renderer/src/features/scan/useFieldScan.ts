/**
 * For ordinary text fields (price, item name): a cashier often scans the customer's QR while the caret
 * is still in the price field. A burst that ends in Enter/Tab and looks like a payment QR is taken as a
 * scan (rebuilt from key codes); the field goes back to what it held before the burst. Human typing is
 * never touched.
 */
import { useRef, type KeyboardEvent } from 'react';
import { QR_PREFIX } from '../../../../shared/domain/qr-payload';
import { classifyScan } from '../../../../shared/domain/catalog/scan-code';
import { keyLike } from './dom-keys';
import { classifyWedgeKey } from './keycode-text';
import { ImeDuplicateFilter, ScanBurst } from './scan-burst';

/** Only text meant for the payment QR parser is taken out of a field. */
export function looksLikePaymentQr(text: string): boolean {
  return text.trim().toUpperCase().startsWith(QR_PREFIX);
}

/**
 * …or a product barcode (issue 12): an EAN-13/EAN-8/UPC-A with a valid check digit, at scanner speed
 * (the burst's timing already tells it from a person typing a price).
 */
export function looksLikeScannedCode(text: string): boolean {
  if (looksLikePaymentQr(text)) return true;
  const k = classifyScan(text);
  return k.kind === 'product' && k.format !== 'Code128';
}

/**
 * `keyDown` is to be called first in the field's onKeyDown: it returns true when it took the key as the
 * end of a scan (then the caller must do nothing else with it). `keyUp` goes in onKeyUp.
 */
export function useFieldScan(onScan: (text: string, valueBefore: string) => void) {
  const burst = useRef(new ScanBurst());
  const filter = useRef(new ImeDuplicateFilter());
  const before = useRef('');
  const keyDown = (e: KeyboardEvent<HTMLInputElement>): boolean => {
    const k = keyLike(e.nativeEvent);
    const action = classifyWedgeKey(k);
    if (action.type === 'char') {
      if (filter.current.accept(k, e.timeStamp) && !burst.current.char(action.char, e.timeStamp)) before.current = e.currentTarget.value;
      return false;
    }
    if (action.type === 'suffix') {
      const text = burst.current.suffix(e.timeStamp);
      if (text !== null && looksLikeScannedCode(text)) {
        e.preventDefault();
        onScan(text, before.current);
        return true;
      }
    }
    return false;
  };
  const keyUp = (e: KeyboardEvent<HTMLInputElement>): void => filter.current.keyUp(e.code);
  return { keyDown, keyUp };
}
