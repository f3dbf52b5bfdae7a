/**
 * The approval must be this payment's: same amount, order id, tid (when the ledger has one) and
 * merchant (cid). Checked on every path that can record a payment approved — the approve answer, the
 * status look-up (after an unknown outcome, at start, on a recheck) and a refused MPM withdrawal — so
 * the ledger never records as approved what the bank approved for another amount, order or tid.
 */
import type { Payment } from '../../../../shared/contract';

export interface ApprovalAnswer {
  amount: number;
  orderId: string;
  tid: string;
  cid: string;
}

/** Why the answer is not this payment's approval, or null when it matches. */
export function approvalMismatch(p: Pick<Payment, 'amount' | 'orderId' | 'tid' | 'cid'>, a: ApprovalAnswer): string | null {
  const diffs: string[] = [];
  if (a.amount !== p.amount) diffs.push(`amount ${a.amount} ≠ ${p.amount}`);
  if (a.orderId !== p.orderId) diffs.push(`order ${a.orderId} ≠ ${p.orderId}`);
  if (p.tid !== null && a.tid !== p.tid) diffs.push(`tid ${a.tid} ≠ ${p.tid}`);
  if (a.cid !== p.cid) diffs.push(`merchant ${a.cid} ≠ ${p.cid}`);
  return diffs.length ? `the backend approved something else: ${diffs.join(', ')}` : null;
}
