/** How the history shows rows: labels of states and methods, times in Seoul, merging pushed updates. Pure. */
import type { HistoryRow, HistoryState, Payment, PaymentStatus, RefundStatus } from '../../../../shared/contract';
import { historyRowOf } from '../../../../shared/domain/ledger/history-state';
import { formatSeoulDateTime } from '../../../../shared/domain/time';
import type { MessageKey } from '../../i18n/i18n';
import { methodLabelKey } from '../checkout/payment-view';

export const STATE_LABEL: Record<HistoryState, MessageKey> = {
  approved: 'history.state.approved',
  refunded_partial: 'history.state.refunded_partial',
  refunded_full: 'history.state.refunded_full',
  failed: 'history.state.failed',
  unknown: 'history.state.unknown',
  in_progress: 'history.state.in_progress',
};

/** Badge colour of a state (styles.css .badge--*). */
export const STATE_BADGE: Record<HistoryState, string> = {
  approved: 'approved',
  refunded_partial: 'partial',
  refunded_full: 'refunded',
  failed: 'failed',
  unknown: 'unknown',
  in_progress: 'pending',
};

export const REFUND_LABEL: Record<RefundStatus, MessageKey> = {
  created: 'history.refund.status.created',
  cancel_requested: 'history.refund.status.cancel_requested',
  cancelled: 'history.refund.status.cancelled',
  failed: 'history.refund.status.failed',
  unknown: 'history.refund.status.unknown',
};

const EVENT_LABEL: Record<string, MessageKey> = {
  created: 'history.event.created',
  ready_requested: 'history.event.ready_requested',
  ready: 'history.event.ready',
  approve_requested: 'history.event.approve_requested',
  approved: 'history.event.approved',
  failed: 'history.event.failed',
  unknown: 'history.event.unknown',
  'refund.created': 'history.event.refund.created',
  'refund.cancel_requested': 'history.event.refund.cancel_requested',
  'refund.cancelled': 'history.event.refund.cancelled',
  'refund.failed': 'history.event.refund.failed',
  'refund.unknown': 'history.event.refund.unknown',
};
/** A payment_events status (payment or refund.*) as a label key; null for one this build does not know. */
export function eventLabelKey(status: string): MessageKey | null {
  return EVENT_LABEL[status] ?? null;
}

/** 결제수단 as the cashier calls it ('계좌' → 계좌이체); the raw value for an unknown one. */
export function methodText(methodType: string | null, t: (k: MessageKey) => string): string {
  if (!methodType) return '-';
  const key = methodLabelKey(methodType);
  if (key) return t(key);
  if (methodType.toUpperCase() === 'CARD' || methodType === '카드') return t('history.method.card');
  return methodType;
}

/** "HH:mm:ss" in Seoul. */
export function seoulTime(iso: string): string {
  return formatSeoulDateTime(iso).slice(11);
}
/** "MM-DD HH:mm:ss" in Seoul. */
export function seoulShortDateTime(iso: string): string {
  return formatSeoulDateTime(iso).slice(5);
}

/** A payment that needs "다시 확인": its outcome, or one of its cancels', is not known yet. */
export function needsRecheck(p: Payment): boolean {
  const open: readonly PaymentStatus[] = ['unknown', 'ready_requested', 'approve_requested', 'ready'];
  return open.includes(p.status) || p.refunds.some((r) => r.status === 'unknown' || r.status === 'cancel_requested');
}

/** Applies a pushed payment to the rows on screen (only rows already there change). */
export function updateRows(rows: readonly HistoryRow[], p: Payment): HistoryRow[] {
  const i = rows.findIndex((r) => r.id === p.id);
  if (i < 0) return [...rows];
  const next = historyRowOf(p);
  return rows.map((r, j) => (j === i ? next : r));
}

/** The row of a new payment, when the list shows today's first page without other filters. */
export function prependRow(rows: readonly HistoryRow[], p: Payment): HistoryRow[] {
  if (rows.some((r) => r.id === p.id)) return updateRows(rows, p);
  return [historyRowOf(p), ...rows];
}
