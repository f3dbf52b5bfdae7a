/** Today's list: merging pushed updates, the approved summary, the status badge. Pure. */
import type { Payment } from '../../../../shared/contract';
import { formatSeoulDateTime, seoulDay } from '../../../../shared/domain/time';
import type { MessageKey } from '../../i18n/i18n';
import { newerPayment, outcomeOf, type Outcome } from '../checkout/payment-view';

/** Newest first. */
export function sortPayments(list: readonly Payment[]): Payment[] {
  return [...list].sort((a, b) => (a.createdAt === b.createdAt ? b.id - a.id : a.createdAt < b.createdAt ? 1 : -1));
}

/** Applies a payment.updated event to today's list (a new payment of another day is not added). */
export function upsertPayment(list: readonly Payment[], p: Payment, today: string): Payment[] {
  const i = list.findIndex((x) => x.id === p.id);
  if (i >= 0) return list.map((x, j) => (j === i ? newerPayment(x, p) : x));
  return seoulDay(new Date(p.createdAt)) === today ? sortPayments([p, ...list]) : [...list];
}

export function approvedSummary(list: readonly Payment[]): { count: number; sum: number } {
  let count = 0;
  let sum = 0;
  for (const p of list) {
    if (p.status !== 'approved') continue;
    count++;
    sum += p.amount;
  }
  return { count, sum };
}

export const STATUS_LABEL: Record<Outcome, MessageKey> = {
  approved: 'history.status.approved',
  failed: 'history.status.failed',
  unknown: 'history.status.unknown',
  pending: 'history.status.pending',
};

export function statusLabelKey(p: Payment): MessageKey {
  return STATUS_LABEL[outcomeOf(p)];
}

/** "HH:mm:ss" in Seoul. */
export function seoulTime(iso: string): string {
  return formatSeoulDateTime(iso).slice(11);
}
