/**
 * The refunds ledger (migration 3): one row per cancel, with its idempotency key fixed at creation.
 * Every state change is one transaction: the row and an entry in the payment's history
 * (payment_events, status "refund.<state>"), so a payment's detail view shows its cancels in order.
 */
import type Database from 'better-sqlite3';
import type { Refund, RefundStatus } from '../../../../shared/contract';
import { isErrorCode, PosError, type PosErrorShape } from '../../../../shared/domain/errors';
import { assertTransition, REFUND_TRANSITIONS } from './transitions';
import { appendRefundEvent } from '../../sync/fact-events';

interface Row {
  id: number;
  payment_id: number;
  request_id: string;
  status: RefundStatus;
  amount: number;
  tax_free: number;
  vat: number;
  aid: string | null;
  cancelled_at: string | null;
  error_code: string | null;
  error_detail: string | null;
  created_at: string;
  updated_at: string;
}

/** A cancel that may still take money back: counts against what can be cancelled. */
export const OPEN_REFUND_STATUSES: readonly RefundStatus[] = ['created', 'cancel_requested', 'unknown'];

function toRefund(r: Row): Refund {
  let error: PosErrorShape | null = null;
  if (r.error_code) error = { code: isErrorCode(r.error_code) ? r.error_code : 'INTERNAL', ...(r.error_detail ? { detail: r.error_detail } : {}) };
  return {
    id: r.id,
    paymentId: r.payment_id,
    requestId: r.request_id,
    status: r.status,
    amount: r.amount,
    taxFree: r.tax_free,
    vat: r.vat,
    aid: r.aid,
    cancelledAt: r.cancelled_at,
    error,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export interface RefundFields {
  vat?: number;
  aid?: string;
  cancelledAt?: string;
  error?: PosErrorShape | null;
}

export class RefundRepo {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  create(r: { paymentId: number; requestId: string; amount: number; taxFree: number }): Refund {
    const at = this.now().toISOString();
    const id = this.db.transaction(() => {
      const info = this.db
        .prepare(`INSERT INTO refunds (payment_id, request_id, status, amount, tax_free, created_at, updated_at) VALUES (?, ?, 'created', ?, ?, ?, ?)`)
        .run(r.paymentId, r.requestId, r.amount, r.taxFree, at, at);
      const newId = Number(info.lastInsertRowid);
      this.event(r.paymentId, 'created', at, `refund #${newId}: ${r.amount}`, newId);
      return newId;
    })();
    return this.get(id)!;
  }

  /** Moves a refund to `status`; refused (PAYMENT_STATE) unless REFUND_TRANSITIONS declares the step. */
  transition(id: number, status: RefundStatus, f: RefundFields = {}, detail?: string): Refund {
    const at = this.now().toISOString();
    this.db.transaction(() => {
      const cur = this.db.prepare('SELECT status FROM refunds WHERE id = ?').get(id) as { status: RefundStatus } | undefined;
      if (!cur) throw new PosError('PAYMENT_NOT_FOUND', `refund ${id}`);
      assertTransition(REFUND_TRANSITIONS, `refund ${id}`, cur.status, status);
      const info = this.db
        .prepare(
          `UPDATE refunds SET status = ?, updated_at = ?, vat = COALESCE(?, vat), aid = COALESCE(?, aid), cancelled_at = COALESCE(?, cancelled_at),
             error_code = CASE WHEN ? THEN ? ELSE error_code END, error_detail = CASE WHEN ? THEN ? ELSE error_detail END
           WHERE id = ?`,
        )
        .run(status, at, f.vat ?? null, f.aid ?? null, f.cancelledAt ?? null, f.error !== undefined ? 1 : 0, f.error?.code ?? null, f.error !== undefined ? 1 : 0, f.error?.detail ?? null, id);
      if (info.changes !== 1) throw new Error(`refund ${id} not found`);
      const { payment_id } = this.db.prepare('SELECT payment_id FROM refunds WHERE id = ?').get(id) as { payment_id: number };
      this.event(payment_id, status, at, `refund #${id}${detail ? `: ${detail}` : f.error ? `: ${f.error.code}` : ''}`, id);
    })();
    return this.get(id)!;
  }

  private event(paymentId: number, status: RefundStatus, at: string, detail: string, refundId: number): void {
    this.db.prepare('INSERT INTO payment_events (payment_id, status, at, detail) VALUES (?, ?, ?, ?)').run(paymentId, `refund.${status}`, at, detail);
    appendRefundEvent(this.db, refundId, { status: `refund.${status}`, at, detail }); // issue 14: event log
  }

  get(id: number): Refund | null {
    const r = this.db.prepare('SELECT * FROM refunds WHERE id = ?').get(id) as Row | undefined;
    return r ? toRefund(r) : null;
  }

  /** Refunds of each of the given payments, oldest first. */
  forPayments(paymentIds: readonly number[]): Map<number, Refund[]> {
    const out = new Map<number, Refund[]>();
    if (paymentIds.length === 0) return out;
    const stmt = this.db.prepare(`SELECT * FROM refunds WHERE payment_id IN (SELECT value FROM json_each(?)) ORDER BY id`);
    for (const r of stmt.all(JSON.stringify(paymentIds)) as Row[]) {
      const list = out.get(r.payment_id) ?? [];
      list.push(toRefund(r));
      out.set(r.payment_id, list);
    }
    return out;
  }

  listNonFinal(): Refund[] {
    return (this.db.prepare(`SELECT * FROM refunds WHERE status IN ('created', 'cancel_requested', 'unknown') ORDER BY id`).all() as Row[]).map(toRefund);
  }
}
