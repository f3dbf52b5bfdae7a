/**
 * The declared state machines of the ledger: every status change a payment, a merchant-presented
 * payment or a refund may take, in one table each. The repositories refuse any other change
 * (PAYMENT_STATE), so a bug can never move a final payment back or skip the committed intent.
 *
 * Scanned (customer-presented) payment, flow 'cpm':
 *   created → ready_requested → ready → approve_requested → approved | failed | unknown
 *   A look-up settles whatever was in flight (approved | failed, or unknown when it cannot tell); an
 *   unknown READY payment whose approval was sent is approved again (ready → approve_requested).
 *   A failed payment's tid is withdrawn at the bank (withdraw.ts); if the bank refuses because it had
 *   approved it after all, the ledger follows: failed → approved, or failed → unknown when that approval is
 *   not this payment's (APPROVAL_MISMATCH, held for the cashier).
 * Merchant-presented payment, flow 'mpm': the same steps; the customer approves on the phone, and a cancel
 *   or timeout while ready is ready → failed, withdrawn the same way.
 * Refund: created → cancel_requested → cancelled | failed | unknown; unknown is retried with the same
 *   idempotency key (→ cancel_requested) until it settles.
 */
import type { PaymentStatus, RefundStatus } from '../../../../shared/contract';
import { PosError } from '../../../../shared/domain/errors';

export type Transitions<S extends string> = Readonly<Record<S, readonly S[]>>;

export const PAYMENT_TRANSITIONS: Transitions<PaymentStatus> = {
  created: ['ready_requested', 'failed'],
  ready_requested: ['ready', 'approved', 'failed', 'unknown'],
  ready: ['approve_requested', 'approved', 'failed', 'unknown'],
  approve_requested: ['approve_requested', 'approved', 'failed', 'unknown'],
  unknown: ['ready', 'approve_requested', 'approved', 'failed', 'unknown'],
  approved: [],
  failed: ['approved', 'unknown'],
};

/** A merchant-presented payment takes exactly the scanned payment's steps (the phone authorizes while it is ready). */
export const MPM_TRANSITIONS: Transitions<PaymentStatus> = PAYMENT_TRANSITIONS;

export const REFUND_TRANSITIONS: Transitions<RefundStatus> = {
  created: ['cancel_requested', 'failed'],
  cancel_requested: ['cancel_requested', 'cancelled', 'failed', 'unknown'],
  unknown: ['cancel_requested', 'cancelled', 'failed', 'unknown'],
  cancelled: [],
  failed: [],
};

/** Throws PAYMENT_STATE unless `to` is declared after `from` in the table. */
export function assertTransition<S extends string>(table: Transitions<S>, what: string, from: S, to: S): void {
  if (!table[from]?.includes(to)) throw new PosError('PAYMENT_STATE', `${what}: illegal transition ${from} → ${to}`);
}
