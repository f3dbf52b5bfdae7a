import { useEffect, useEffectEvent } from 'react';
import type { Payment } from '../../../shared/contract';
import { pos } from '../api/pos';

/** Calls `onPayment` for every pushed payment.updated event while the component is mounted. */
export function usePaymentUpdates(onPayment: (p: Payment) => void): void {
  const handle = useEffectEvent(onPayment);
  useEffect(() => pos.on('payment.updated', (p) => handle(p)), []);
}
