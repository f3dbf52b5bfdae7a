import { useEffect, useMemo } from 'react';
import { pos } from '../../api/pos';
import { toCartItems, type CartLine } from './cart-lines';

/**
 * Tells the core what the customer should see while the cashier rings up: the cart, and
 * "QR을 스캔해 주세요" once the scan field has the focus. Off while a payment runs (the core drives
 * the display then). Sent shortly after the last change; a refusal (e.g. a line the contract rejects)
 * only leaves the display as it was.
 */
export function useDisplaySync(enabled: boolean, lines: readonly CartLine[], scanning: boolean): void {
  const items = useMemo(() => toCartItems(lines), [lines]);
  useEffect(() => {
    if (!enabled) return;
    const phase = items.length === 0 ? 'idle' : scanning ? 'awaiting_scan' : 'cart';
    const t = window.setTimeout(() => void pos.setDisplayState({ phase, items }).catch(() => undefined), 60);
    return () => window.clearTimeout(t);
  }, [enabled, items, scanning]);
}
