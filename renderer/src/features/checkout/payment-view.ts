/** How a Payment is shown: which outcome, which labels. Pure. */
import type { Payment } from '../../../../shared/contract';
import { FINAL_STATUSES } from '../../../../shared/contract-values';
import type { MessageKey } from '../../i18n/i18n';

export type Outcome = 'approved' | 'failed' | 'unknown' | 'pending';

export function outcomeOf(p: Payment): Outcome {
  if (p.status === 'approved' || p.status === 'failed' || p.status === 'unknown') return p.status;
  return 'pending';
}

/** 결제수단: the backend's paymentMethodType ('계좌' | 'MONEY') as the cashier calls it. */
export function methodLabelKey(methodType: string | null): MessageKey | null {
  if (methodType === '계좌' || methodType?.toUpperCase() === 'ACCOUNT') return 'method.account';
  if (methodType?.toUpperCase() === 'MONEY') return 'method.money';
  return null;
}

/**
 * The newer of two views of one payment. Pushed events can arrive after the call that returned the final
 * state, so a final status is never replaced by a non-final one, and older updates never win.
 */
export function newerPayment(cur: Payment, next: Payment): Payment {
  if (next.id !== cur.id) return cur;
  const curFinal = FINAL_STATUSES.includes(cur.status);
  const nextFinal = FINAL_STATUSES.includes(next.status);
  if (curFinal && !nextFinal) return cur;
  if (nextFinal && !curFinal) return next;
  return next.updatedAt >= cur.updatedAt ? next : cur;
}
