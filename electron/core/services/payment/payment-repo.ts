import type Database from 'better-sqlite3';
import { FINAL_STATUSES, PAYMENT_STATUSES, type Payment, type PaymentStatus, type Refund } from '../../../../shared/contract';
import type { CartItem, CartTotals } from '../../../../shared/domain/cart';
import { isErrorCode, PosError, type PosErrorShape } from '../../../../shared/domain/errors';
import { OPEN_REFUND_STATUSES, RefundRepo } from './refund-repo';
import { assertTransition, MPM_TRANSITIONS, PAYMENT_TRANSITIONS } from './transitions';
import { appendPaymentEvent } from '../../sync/fact-events';

interface Row {
  id: number;
  order_id: string;
  cid: string;
  status: PaymentStatus;
  amount: number;
  tax_free: number;
  vat: number;
  supply: number;
  item_name: string;
  quantity: number;
  items_json: string;
  qr_masked: string;
  flow: 'cpm' | 'mpm';
  tid: string | null;
  method_type: string | null;
  approved_at: string | null;
  error_code: string | null;
  error_detail: string | null;
  created_at: string;
  updated_at: string;
}

function toPayment(r: Row, refunds: Refund[]): Payment {
  let refunded = 0;
  let taken = 0;
  for (const f of refunds) {
    if (f.status === 'cancelled') refunded += f.amount;
    if (f.status === 'cancelled' || OPEN_REFUND_STATUSES.includes(f.status)) taken += f.amount;
  }
  let error: PosErrorShape | null = null;
  if (r.error_code) error = { code: isErrorCode(r.error_code) ? r.error_code : 'INTERNAL', ...(r.error_detail ? { detail: r.error_detail } : {}) };
  return {
    id: r.id,
    orderId: r.order_id,
    cid: r.cid,
    status: r.status,
    amount: r.amount,
    taxFree: r.tax_free,
    vat: r.vat,
    supply: r.supply,
    itemName: r.item_name,
    quantity: r.quantity,
    items: JSON.parse(r.items_json) as CartItem[],
    qrMasked: r.qr_masked,
    flow: r.flow,
    tid: r.tid,
    methodType: r.method_type,
    approvedAt: r.approved_at,
    error,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    refunds,
    refundedAmount: refunded,
    refundableAmount: r.status === 'approved' ? Math.max(0, r.amount - taken) : 0,
  };
}

export interface TransitionFields {
  tid?: string;
  methodType?: string;
  approvedAt?: string;
  error?: PosErrorShape | null;
}

export interface NewPayment {
  orderId: string;
  cid: string;
  totals: CartTotals;
  items: CartItem[];
  qrMasked: string;
  flow?: Payment['flow'];
  /** The drawer session the sale belongs to (issue 13; createIfNoneOpen sets it). */
  sessionId?: number | null;
}

/** Non-final statuses as an SQL list: an IN list seeks the (status, created_at) index, NOT IN would scan it. */
const OPEN_SQL = PAYMENT_STATUSES.filter((st) => !FINAL_STATUSES.includes(st))
  .map((st) => `'${st}'`)
  .join(', ');

/** The payments ledger. Every state change is one transaction: the row and its history entry. */
export class PaymentRepo {
  readonly refunds: RefundRepo;

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.refunds = new RefundRepo(db, now);
  }

  /** Rows to payments, with their refunds in one query. */
  private withRefunds(rows: Row[]): Payment[] {
    const refunds = this.refunds.forPayments(rows.map((r) => r.id));
    return rows.map((r) => toPayment(r, refunds.get(r.id) ?? []));
  }

  /**
   * Records the intent of a new sale, refused (PAYMENT_IN_PROGRESS) while another payment is not
   * final: one that may still go through must be settled first, so the customer is never charged
   * twice. Checked in the same transaction as the insert; every flow (QR scan, MPM) starts here.
   */
  createIfNoneOpen(p: NewPayment): Payment {
    return this.db.transaction(() => {
      const open = this.db.prepare(`SELECT order_id, status FROM payments WHERE status IN (${OPEN_SQL}) LIMIT 1`).get() as { order_id: string; status: string } | undefined;
      if (open) throw new PosError('PAYMENT_IN_PROGRESS', `order ${open.order_id} is ${open.status}`);
      // issue 13: a sale belongs to the open drawer session, checked in the same transaction (never outside one)
      const session = this.db.prepare("SELECT id FROM drawer_sessions WHERE status = 'open'").get() as { id: number } | undefined;
      if (!session) throw new PosError('DRAWER_NOT_OPEN');
      return this.create({ ...p, sessionId: session.id });
    })();
  }

  /** Runs `fn` (several writes) as ONE transaction: one commit, one fsync (issue 15: fewer commits per sale). */
  atomically<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** Records a payment in state created (no check: see createIfNoneOpen for the sale flows). */
  create(p: NewPayment): Payment {
    const at = this.now().toISOString();
    const id = this.db.transaction(() => {
      const info = this.db
        .prepare(
          // category_cd: the store's category at the time of sale (sales analytics by category).
          `INSERT INTO payments (order_id, cid, status, amount, tax_free, vat, supply, item_name, quantity, items_json, qr_masked, flow, created_at, updated_at, category_cd, session_id)
           VALUES (?, ?, 'created', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT category_cd FROM store_profile WHERE id = 1), ?)`,
        )
        .run(p.orderId, p.cid, p.totals.total, p.totals.taxFree, p.totals.vat, p.totals.supply, p.totals.itemName, p.totals.quantity, JSON.stringify(p.items), p.qrMasked, p.flow ?? 'cpm', at, at, p.sessionId ?? null);
      const newId = Number(info.lastInsertRowid);
      this.db.prepare('INSERT INTO payment_events (payment_id, status, at) VALUES (?, ?, ?)').run(newId, 'created', at);
      appendPaymentEvent(this.db, newId, { status: 'created', at, detail: null }); // issue 14: event log
      return newId;
    })();
    return this.get(id)!;
  }

  /** Moves a payment to `status`; refused (PAYMENT_STATE) unless its flow's table declares the step (transitions.ts). */
  transition(id: number, status: PaymentStatus, f: TransitionFields = {}, detail?: string): Payment {
    const at = this.now().toISOString();
    this.db.transaction(() => {
      const cur = this.db.prepare('SELECT status, flow FROM payments WHERE id = ?').get(id) as { status: PaymentStatus; flow: Row['flow'] } | undefined;
      if (!cur) throw new PosError('PAYMENT_NOT_FOUND', `payment ${id}`);
      assertTransition(cur.flow === 'mpm' ? MPM_TRANSITIONS : PAYMENT_TRANSITIONS, `payment ${id}`, cur.status, status);
      this.db
        .prepare(
          `UPDATE payments SET status = ?, updated_at = ?,
             tid = COALESCE(?, tid), method_type = COALESCE(?, method_type), approved_at = COALESCE(?, approved_at),
             error_code = CASE WHEN ? THEN ? ELSE error_code END, error_detail = CASE WHEN ? THEN ? ELSE error_detail END
           WHERE id = ?`,
        )
        .run(
          status,
          at,
          f.tid ?? null,
          f.methodType ?? null,
          f.approvedAt ?? null,
          f.error !== undefined ? 1 : 0,
          f.error?.code ?? null,
          f.error !== undefined ? 1 : 0,
          f.error?.detail ?? null,
          id,
        );
      this.db.prepare('INSERT INTO payment_events (payment_id, status, at, detail) VALUES (?, ?, ?, ?)').run(id, status, at, detail ?? f.error?.code ?? null);
      appendPaymentEvent(this.db, id, { status, at, detail: detail ?? f.error?.code ?? null }); // issue 14: event log
    })();
    return this.get(id)!;
  }

  get(id: number): Payment | null {
    const r = this.db.prepare('SELECT * FROM payments WHERE id = ?').get(id) as Row | undefined;
    return r ? this.withRefunds([r])[0]! : null;
  }

  getByOrderId(orderId: string): Payment | null {
    const r = this.db.prepare('SELECT * FROM payments WHERE order_id = ?').get(orderId) as Row | undefined;
    return r ? this.withRefunds([r])[0]! : null;
  }

  /** Payments created in [startIso, endIso), newest first. */
  listBetween(startIso: string, endIso: string): Payment[] {
    const rows = this.db.prepare('SELECT * FROM payments WHERE created_at >= ? AND created_at < ? ORDER BY id DESC').all(startIso, endIso) as Row[];
    return this.withRefunds(rows);
  }

  listNonFinal(): Payment[] {
    const rows = this.db.prepare(`SELECT * FROM payments WHERE status IN (${OPEN_SQL}) ORDER BY id`).all() as Row[];
    return this.withRefunds(rows);
  }

  history(id: number): { status: string; at: string; detail: string | null }[] {
    return this.db.prepare('SELECT status, at, detail FROM payment_events WHERE payment_id = ? ORDER BY id').all(id) as { status: string; at: string; detail: string | null }[];
  }
}
