/**
 * The one definition of a payment's history state (contract HISTORY_STATES): its status folded with
 * its cancels. The core's SQL filters (electron/core/services/ledger/history-sql.ts) mirror it, and a
 * test checks both agree on every combination.
 */
import type { HistoryRow, HistoryState, Payment, PaymentStatus, RefundStatus } from '../../contract';

export function historyState(status: PaymentStatus, amount: number, refundedAmount: number, refundStatuses: readonly RefundStatus[]): HistoryState {
  if (status === 'failed' || status === 'unknown') return status;
  if (status !== 'approved') return 'in_progress';
  if (refundStatuses.includes('unknown')) return 'unknown';
  if (refundStatuses.includes('created') || refundStatuses.includes('cancel_requested')) return 'in_progress';
  if (refundedAmount <= 0) return 'approved';
  return refundedAmount >= amount ? 'refunded_full' : 'refunded_partial';
}

/** A pushed or loaded Payment as a history row. */
export function historyRowOf(p: Payment): HistoryRow {
  return {
    id: p.id,
    orderId: p.orderId,
    createdAt: p.createdAt,
    approvedAt: p.approvedAt,
    status: p.status,
    state: historyState(
      p.status,
      p.amount,
      p.refundedAmount,
      p.refunds.map((r) => r.status),
    ),
    amount: p.amount,
    refundedAmount: p.refundedAmount,
    itemName: p.itemName,
    methodType: p.methodType,
    tid: p.tid,
    errorCode: p.error?.code ?? null,
  };
}
