/**
 * The counter's ledger tables (migration of issue 13): drawer sessions and their cash events, orders,
 * tenders, 현금영수증, counter settings. Every state change goes through `transition`, which checks the
 * declared table (shared/domain/cash/state-machine.ts) inside the write transaction and records the
 * change in counter_events. Reads assemble the contract's Order / DrawerSession values.
 */
import type Database from 'better-sqlite3';
import type { Payment } from '../../../../shared/contract';
import type { CashReceipt, CounterSettings, DrawerEvent, Order, Tender } from '../../../../shared/contract-cash';
import type { CartItem } from '../../../../shared/domain/cart';
import type { DrawerEventKind } from '../../../../shared/domain/cash/drawer-cash';
import { cashReceiptMachine, COVERING_TENDER_STATUSES, drawerMachine, IllegalTransition, orderMachine, tenderMachine, type StateMachine } from '../../../../shared/domain/cash/state-machine';
import { isErrorCode, PosError, type PosErrorShape } from '../../../../shared/domain/errors';
import { appendDrawerCash, appendRowCreated, appendRowTransition } from '../../sync/counter-events';

type Entity = 'order' | 'tender' | 'cash_receipt' | 'drawer_session';
const MACHINES: Record<Entity, { table: string; machine: StateMachine<string> }> = {
  order: { table: 'orders', machine: orderMachine as StateMachine<string> },
  tender: { table: 'order_tenders', machine: tenderMachine as StateMachine<string> },
  cash_receipt: { table: 'cash_receipts', machine: cashReceiptMachine as StateMachine<string> },
  drawer_session: { table: 'drawer_sessions', machine: drawerMachine as StateMachine<string> },
};

export interface OrderRow {
  id: number;
  order_no: string;
  session_id: number;
  status: Order['status'];
  items_json: string;
  item_name: string;
  total: number;
  tax_free: number;
  vat: number;
  supply: number;
  created_at: string;
  updated_at: string;
  completed_at: string | null;
}
export interface TenderRow {
  id: number;
  order_id: number;
  kind: 'cash' | 'qr';
  status: Tender['status'];
  amount: number;
  received: number;
  payment_order_id: string | null;
  cash_refunded: number;
  error_code: string | null;
  error_detail: string | null;
  created_at: string;
}
export interface CashReceiptRow {
  id: number;
  order_id: number;
  tender_id: number;
  request_id: string;
  status: CashReceipt['status'];
  purpose: CashReceipt['purpose'];
  identity: string;
  identity_masked: string;
  self_issued: number;
  amount: number;
  tax_free: number;
  supply: number;
  vat: number;
  issue_number: string | null;
  receipt_key: string | null;
  issued_at: string | null;
  cancelled_amount: number;
  pending_cancel: number;
  error_code: string | null;
  error_detail: string | null;
  created_at: string;
  updated_at: string;
}
export interface SessionRow {
  id: number;
  status: 'open' | 'closed';
  business_day: string;
  opened_at: string;
  closed_at: string | null;
  float_counts: string | null;
  close_counts: string | null;
  counted: number | null;
  over_short: number | null;
  note: string | null;
  report_json: string | null;
}

function errorOf(code: string | null, detail: string | null): PosErrorShape | null {
  if (!code) return null;
  return { code: isErrorCode(code) ? code : 'INTERNAL', ...(detail ? { detail } : {}) };
}

export function toCashReceipt(r: CashReceiptRow): CashReceipt {
  return {
    id: r.id,
    orderId: r.order_id,
    tenderId: r.tender_id,
    requestId: r.request_id,
    status: r.status,
    purpose: r.purpose,
    identityMasked: r.identity_masked,
    selfIssued: r.self_issued === 1,
    amount: r.amount,
    taxFree: r.tax_free,
    supply: r.supply,
    vat: r.vat,
    issueNumber: r.issue_number,
    receiptKey: r.receipt_key,
    issuedAt: r.issued_at,
    cancelledAmount: r.cancelled_amount,
    pendingCancel: r.pending_cancel,
    error: errorOf(r.error_code, r.error_detail),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export class CounterRepo {
  constructor(
    readonly db: Database.Database,
    private readonly now: () => Date = () => new Date(),
    /** The QR payment behind a tender, by its order id (payments ledger). */
    private readonly paymentByOrderId: (orderId: string) => Payment | null = () => null,
  ) {}

  at(): string {
    return this.now().toISOString();
  }

  tx<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  /**
   * The one way a state changes: the declared table is checked against the stored state in the same
   * transaction (an illegal transition throws ILLEGAL_TRANSITION and nothing is written).
   */
  transition(entity: Entity, id: number, to: string, set: Record<string, string | number | null> = {}, detail?: string): void {
    const { table, machine } = MACHINES[entity];
    this.tx(() => {
      const row = this.db.prepare(`SELECT status FROM ${table} WHERE id = ?`).get(id) as { status: string } | undefined;
      if (!row) throw new PosError('VALIDATION_FAILED', `${entity} ${id} not found`);
      try {
        machine.assert(row.status, to);
      } catch (e) {
        if (e instanceof IllegalTransition) throw new PosError('ILLEGAL_TRANSITION', e.message);
        throw e;
      }
      const cols = Object.keys(set);
      const at = this.at();
      const hasUpdated = entity !== 'drawer_session';
      const assignments = ['status = ?', ...(hasUpdated ? ['updated_at = ?'] : []), ...cols.map((c) => `${c} = ?`)].join(', ');
      this.db.prepare(`UPDATE ${table} SET ${assignments} WHERE id = ?`).run(to, ...(hasUpdated ? [at] : []), ...cols.map((c) => set[c] ?? null), id);
      this.db.prepare('INSERT INTO counter_events (entity, entity_id, status, at, detail) VALUES (?, ?, ?, ?, ?)').run(entity, id, to, at, detail ?? null);
      appendRowTransition(this.db, entity, id, to, set, at, detail); // issue 14: event log
    });
  }

  transitionAllowed(entity: Entity, from: string, to: string): boolean {
    return MACHINES[entity].machine.can(from, to);
  }

  /** Records the first state of a new row in the history (inside the caller's transaction). */
  created(entity: Entity, id: number, status: string, detail?: string): void {
    const at = this.at();
    this.db.prepare('INSERT INTO counter_events (entity, entity_id, status, at, detail) VALUES (?, ?, ?, ?, ?)').run(entity, id, status, at, detail ?? null);
    appendRowCreated(this.db, entity, id, at, detail); // issue 14: event log
  }

  history(entity: Entity, id: number): { status: string; at: string; detail: string | null }[] {
    return this.db.prepare('SELECT status, at, detail FROM counter_events WHERE entity = ? AND entity_id = ? ORDER BY id').all(entity, id) as { status: string; at: string; detail: string | null }[];
  }

  // ── settings ──
  settings(): CounterSettings {
    const r = this.db.prepare('SELECT tax_type, cash_receipt_mandatory FROM counter_settings WHERE id = 1').get() as { tax_type: CounterSettings['taxType']; cash_receipt_mandatory: number };
    return { taxType: r.tax_type, cashReceiptMandatory: r.cash_receipt_mandatory === 1 };
  }
  updateSettings(p: Partial<CounterSettings>): CounterSettings {
    const cur = this.settings();
    const next = { ...cur, ...p };
    this.db.prepare('UPDATE counter_settings SET tax_type = ?, cash_receipt_mandatory = ? WHERE id = 1').run(next.taxType, next.cashReceiptMandatory ? 1 : 0);
    return this.settings();
  }

  // ── drawer ──
  openSession(): SessionRow | null {
    return (this.db.prepare("SELECT * FROM drawer_sessions WHERE status = 'open'").get() as SessionRow | undefined) ?? null;
  }
  session(id: number): SessionRow | null {
    return (this.db.prepare('SELECT * FROM drawer_sessions WHERE id = ?').get(id) as SessionRow | undefined) ?? null;
  }
  lastClosed(): SessionRow | null {
    return (this.db.prepare("SELECT * FROM drawer_sessions WHERE status = 'closed' ORDER BY id DESC LIMIT 1").get() as SessionRow | undefined) ?? null;
  }
  sessionsOfDay(day: string): SessionRow[] {
    return this.db.prepare('SELECT * FROM drawer_sessions WHERE business_day = ? ORDER BY id').all(day) as SessionRow[];
  }
  drawerEvents(sessionId: number): DrawerEvent[] {
    const rows = this.db.prepare('SELECT id, kind, amount, reason, order_id, at FROM drawer_events WHERE session_id = ? ORDER BY id').all(sessionId) as { id: number; kind: DrawerEventKind; amount: number; reason: string | null; order_id: number | null; at: string }[];
    return rows.map((r) => ({ id: r.id, kind: r.kind, amount: r.amount, reason: r.reason, orderId: r.order_id, at: r.at }));
  }
  addDrawerEvent(sessionId: number, kind: DrawerEventKind, amount: number, o: { reason?: string; orderId?: number; tenderId?: number } = {}): void {
    const r = this.db.prepare('INSERT INTO drawer_events (session_id, kind, amount, reason, order_id, tender_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(sessionId, kind, amount, o.reason ?? null, o.orderId ?? null, o.tenderId ?? null, this.at());
    appendDrawerCash(this.db, Number(r.lastInsertRowid)); // issue 14: event log
  }

  // ── orders ──
  orderRow(id: number): OrderRow | null {
    return (this.db.prepare('SELECT * FROM orders WHERE id = ?').get(id) as OrderRow | undefined) ?? null;
  }
  openOrderRow(): OrderRow | null {
    return (this.db.prepare("SELECT * FROM orders WHERE status = 'open'").get() as OrderRow | undefined) ?? null;
  }
  tenderRows(orderId: number): TenderRow[] {
    return this.db.prepare('SELECT * FROM order_tenders WHERE order_id = ? ORDER BY id').all(orderId) as TenderRow[];
  }
  tenderRow(id: number): TenderRow | null {
    return (this.db.prepare('SELECT * FROM order_tenders WHERE id = ?').get(id) as TenderRow | undefined) ?? null;
  }
  tenderByPaymentOrderId(orderId: string): TenderRow | null {
    return (this.db.prepare('SELECT * FROM order_tenders WHERE payment_order_id = ?').get(orderId) as TenderRow | undefined) ?? null;
  }
  receiptRows(orderId: number): CashReceiptRow[] {
    return this.db.prepare('SELECT * FROM cash_receipts WHERE order_id = ? ORDER BY id').all(orderId) as CashReceiptRow[];
  }
  receiptRow(id: number): CashReceiptRow | null {
    return (this.db.prepare('SELECT * FROM cash_receipts WHERE id = ?').get(id) as CashReceiptRow | undefined) ?? null;
  }
  receiptByTender(tenderId: number): CashReceiptRow | null {
    return (this.db.prepare('SELECT * FROM cash_receipts WHERE tender_id = ?').get(tenderId) as CashReceiptRow | undefined) ?? null;
  }
  openReceiptRows(): CashReceiptRow[] {
    return this.db.prepare("SELECT * FROM cash_receipts WHERE status IN ('created', 'issue_requested', 'unknown', 'cancel_requested', 'cancel_unknown') ORDER BY id").all() as CashReceiptRow[];
  }
  sessionOrderRows(sessionId: number): OrderRow[] {
    return this.db.prepare('SELECT * FROM orders WHERE session_id = ? ORDER BY id').all(sessionId) as OrderRow[];
  }

  tender(r: TenderRow): Tender {
    const p = r.payment_order_id ? this.paymentByOrderId(r.payment_order_id) : null;
    const refunded = r.kind === 'cash' ? r.cash_refunded : (p?.refundedAmount ?? 0);
    const live = r.status === 'taken' || r.status === 'approved';
    const refundable = !live ? 0 : r.kind === 'cash' ? r.amount - r.cash_refunded : (p?.refundableAmount ?? 0);
    return {
      id: r.id,
      orderId: r.order_id,
      kind: r.kind,
      status: r.status,
      amount: r.amount,
      received: r.received,
      change: r.received - r.amount,
      paymentId: p?.id ?? null,
      paymentOrderId: r.payment_order_id,
      methodType: p?.methodType ?? (r.kind === 'cash' ? 'CASH' : null),
      refunded,
      refundable,
      error: errorOf(r.error_code, r.error_detail) ?? (r.status === 'failed' || r.status === 'unknown' ? (p?.error ?? null) : null),
      createdAt: r.created_at,
    };
  }

  order(id: number): Order {
    const r = this.orderRow(id);
    if (!r) throw new PosError('ORDER_NOT_FOUND', `order ${id}`);
    return this.toOrder(r);
  }

  toOrder(r: OrderRow): Order {
    const tenders = this.tenderRows(r.id).map((t) => this.tender(t));
    const covered = tenders.filter((t) => COVERING_TENDER_STATUSES.includes(t.status)).reduce((s, t) => s + t.amount, 0);
    return {
      id: r.id,
      orderNo: r.order_no,
      status: r.status,
      sessionId: r.session_id,
      items: JSON.parse(r.items_json) as CartItem[],
      itemName: r.item_name,
      total: r.total,
      taxFree: r.tax_free,
      vat: r.vat,
      supply: r.supply,
      tenders,
      covered,
      due: r.total - covered,
      cashReceipts: this.receiptRows(r.id).map(toCashReceipt),
      createdAt: r.created_at,
      completedAt: r.completed_at,
    };
  }
}
