/**
 * The history states (shared/domain/ledger/history-state.ts) as SQL conditions on `payments p`.
 * Cancels in flight are rare: the sub-selects on refunds are uncorrelated (evaluated once, through the
 * refunds_status index), so each condition costs a lookup per scanned row, not a query.
 */
import type { HistoryState } from '../../../../shared/contract';

const OPEN_UNKNOWN = `SELECT payment_id FROM refunds WHERE status = 'unknown'`;
const OPEN_RUNNING = `SELECT payment_id FROM refunds WHERE status IN ('created', 'cancel_requested')`;
const OPEN_ANY = `SELECT payment_id FROM refunds WHERE status IN ('created', 'cancel_requested', 'unknown')`;

export const STATE_SQL: Record<HistoryState, string> = {
  failed: `p.status = 'failed'`,
  unknown: `(p.status = 'unknown' OR (p.status = 'approved' AND p.id IN (${OPEN_UNKNOWN})))`,
  in_progress: `(p.status IN ('created', 'ready_requested', 'ready', 'approve_requested') OR (p.status = 'approved' AND p.id IN (${OPEN_RUNNING}) AND p.id NOT IN (${OPEN_UNKNOWN})))`,
  approved: `(p.status = 'approved' AND p.refunded_amount = 0 AND p.id NOT IN (${OPEN_ANY}))`,
  refunded_partial: `(p.refunded_amount > 0 AND p.status = 'approved' AND p.refunded_amount < p.amount AND p.id NOT IN (${OPEN_ANY}))`,
  refunded_full: `(p.refunded_amount > 0 AND p.status = 'approved' AND p.refunded_amount >= p.amount AND p.id NOT IN (${OPEN_ANY}))`,
};

/** The open cancels' statuses of one row, for historyState(). */
export const OPEN_REFUNDS_COLUMN = `(SELECT group_concat(r.status) FROM refunds r WHERE r.payment_id = p.id AND r.status IN ('created', 'cancel_requested', 'unknown')) AS open_refunds`;
