/**
 * The cashier's side of a merchant-presented QR sale: start it (the core readies the payment and puts
 * the phone URL on the customer display), follow the payment until it is final, or cancel it.
 */
import { useRef, useState } from 'react';
import type { MpmSession, Payment } from '../../../../shared/contract';
import { FINAL_STATUSES } from '../../../../shared/contract-values';
import type { CartItem } from '../../../../shared/domain/cart';
import type { ErrorCode } from '../../../../shared/domain/errors';
import { pos } from '../../api/pos';
import { errorCodeOf } from '../../lib/errors';
import { usePaymentUpdates } from '../../lib/usePaymentUpdates';

export type MerchantQrState =
  | { step: 'starting' }
  | { step: 'waiting'; session: MpmSession; approving: boolean }
  | { step: 'cancelling'; session: MpmSession; approving: boolean };

/** The end of a merchant-presented sale: its payment, or why it could not start. */
export type MerchantQrEnd = { payment: Payment } | { error: ErrorCode };

const isEnd = (p: Payment) => FINAL_STATUSES.includes(p.status) || p.status === 'unknown';

export function useMerchantQr(onEnd: (end: MerchantQrEnd) => void) {
  const [state, setState] = useState<MerchantQrState | null>(null);
  const id = useRef<number | null>(null);
  const ended = useRef(true);

  const finish = (end: MerchantQrEnd) => {
    if (ended.current) return;
    ended.current = true;
    id.current = null;
    setState(null);
    onEnd(end);
  };

  usePaymentUpdates((p) => {
    if (p.id !== id.current) return;
    if (isEnd(p)) finish({ payment: p });
    else if (p.status === 'approve_requested') setState((s) => (s && s.step !== 'starting' ? { ...s, approving: true } : s));
  });

  const start = async (items: CartItem[]) => {
    if (!ended.current) return;
    ended.current = false;
    setState({ step: 'starting' });
    try {
      const session = await pos.startMpmPayment({ items });
      id.current = session.payment.id;
      setState({ step: 'waiting', session, approving: false });
      // An end pushed before the id was known would be missed: look once.
      const now = await pos.getPayment({ id: session.payment.id });
      if (isEnd(now)) finish({ payment: now });
    } catch (e) {
      finish({ error: errorCodeOf(e) });
    }
  };

  const cancel = async () => {
    if (state?.step !== 'waiting' || state.approving || id.current === null) return;
    const paymentId = id.current;
    setState({ ...state, step: 'cancelling' });
    try {
      finish({ payment: await pos.cancelMpmPayment({ paymentId }) });
    } catch {
      setState((s) => (s?.step === 'cancelling' ? { ...s, step: 'waiting' } : s));
    }
  };

  return { state, start, cancel };
}
