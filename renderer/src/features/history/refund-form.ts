/** The refund dialog's form: default the whole refundable amount, an optional 면세 part, checked as the core checks it. Pure. */
import type { Payment, Refund, RefundInput } from '../../../../shared/contract';
import type { MessageKey } from '../../i18n/ko';

export interface RefundForm {
  amount: string;
  /** '' = let the core split it (all of the rest on a full cancel, proportional otherwise). */
  taxFree: string;
}

export function initialRefundForm(p: Payment): RefundForm {
  return { amount: p.refundableAmount.toLocaleString('en-US'), taxFree: '' };
}

/** The tax-free part a cancel of `amount` may carry (refund-service.ts refundTaxFree). */
export function taxFreeBounds(p: Payment, amount: number): { min: number; max: number; rest: number } {
  const confirmed = p.refunds.filter((r) => r.status === 'cancelled').reduce((n, r) => n + r.taxFree, 0);
  const rest = Math.max(0, p.taxFree - confirmed);
  const restTaxable = p.refundableAmount - rest;
  return { min: Math.max(0, amount - restTaxable), max: Math.min(amount, rest), rest };
}

const whole = (s: string): number | null => {
  const t = s.replaceAll(',', '').trim();
  return /^\d{1,9}$/.test(t) ? Number(t) : null;
};

export type RefundFormResult = { ok: true; input: RefundInput } | { ok: false; field: 'amount' | 'taxFree'; message: MessageKey; vars?: Record<string, number> };

export function parseRefundForm(p: Payment, f: RefundForm): RefundFormResult {
  const amount = whole(f.amount);
  if (amount === null || amount < 1) return { ok: false, field: 'amount', message: 'history.refund.amountInvalid' };
  if (amount > p.refundableAmount) return { ok: false, field: 'amount', message: 'history.refund.amountTooBig', vars: { max: p.refundableAmount } };
  if (f.taxFree.trim() === '') return { ok: true, input: { paymentId: p.id, amount } };
  const taxFree = whole(f.taxFree);
  const b = taxFreeBounds(p, amount);
  if (taxFree === null || taxFree < b.min || taxFree > b.max) return { ok: false, field: 'taxFree', message: 'history.refund.taxFreeRange', vars: { min: b.min, max: b.max } };
  return { ok: true, input: { paymentId: p.id, amount, taxFree } };
}

/** The cancel a refundPayment call added: the newest refund the payment did not have before. */
export function newRefund(before: Payment, after: Payment): Refund | null {
  const known = new Set(before.refunds.map((r) => r.id));
  return [...after.refunds].reverse().find((r) => !known.has(r.id)) ?? null;
}

export type RefundOutcome = 'cancelled' | 'unknown' | 'pending' | 'failed';
export function outcomeOfRefund(r: Refund): RefundOutcome {
  if (r.status === 'cancelled') return 'cancelled';
  if (r.status === 'failed') return 'failed';
  if (r.status === 'unknown') return 'unknown';
  return 'pending';
}
