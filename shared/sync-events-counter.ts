/**
 * Event payloads of the counter (issue 13's tables) and of the catalog, for the event log (issue 14).
 *
 * Compact by design (the log is part of the ledger's bytes per sale):
 *   - a row's first event carries the row (columns as stored, nulls left out);
 *   - each later state change carries only what changed (status and the columns the transition set);
 *     `at` is the change's time (it is also the row's updated_at), `detail` the history line's note.
 * Applied in sequence order, the events of a row leave it exactly as the ledger holds it, and each
 * event is one line of the row's history (counter_events). Columns are the ledger's own names, so the
 * rebuild and the head office apply a change without a mapping table.
 *
 * The raw 현금영수증 identity (phone / card / business number) never leaves the terminal: only its
 * masked form travels; a rebuilt ledger keeps the masked form in its place.
 *
 * Unknown extra columns (a column a later migration adds) pass as plain scalars, so adding a column
 * never makes a sale fail to append its event; the known ones are checked here.
 */
import { z } from 'zod';

const isoUtc = z.string().datetime({ offset: false });
const int = z.number().int();
const scalar = z.union([z.string().max(200_000), z.number(), z.null()]);
const str = (max = 500) => z.string().max(max);

const orderCols = z
  .object({
    order_no: str(100),
    session_id: int,
    status: z.enum(['open', 'completed', 'voided']),
    items_json: str(200_000),
    item_name: str(),
    total: int.positive(),
    tax_free: int.nonnegative(),
    vat: int,
    supply: int,
    cash_receipt_json: str(10_000).nullable(),
    created_at: isoUtc,
    updated_at: isoUtc,
    completed_at: isoUtc.nullable(),
  })
  .partial()
  .catchall(scalar);

const tenderCols = z
  .object({
    order_id: int.positive(),
    kind: z.enum(['cash', 'qr']),
    status: z.enum(['taken', 'returned', 'pending', 'approved', 'failed', 'unknown']),
    amount: int.positive(),
    received: int.positive(),
    payment_order_id: str(100).nullable(),
    cash_refunded: int.nonnegative(),
    error_code: str(100).nullable(),
    error_detail: str(1000).nullable(),
    created_at: isoUtc,
    updated_at: isoUtc,
  })
  .partial()
  .catchall(scalar);

const cashReceiptCols = z
  .object({
    order_id: int.positive(),
    tender_id: int.positive(),
    request_id: str(100),
    status: z.enum(['created', 'issue_requested', 'issued', 'failed', 'unknown', 'cancel_requested', 'cancel_unknown', 'cancelled']),
    purpose: z.enum(['소득공제', '지출증빙']),
    identity_masked: str(40),
    self_issued: z.union([z.literal(0), z.literal(1)]),
    amount: int.positive(),
    tax_free: int,
    supply: int,
    vat: int,
    issue_number: str(100).nullable(),
    receipt_key: str(200).nullable(),
    issued_at: z.string().max(40).nullable(),
    cancelled_amount: int.nonnegative(),
    pending_cancel: int.nonnegative(),
    error_code: str(100).nullable(),
    error_detail: str(1000).nullable(),
    created_at: isoUtc,
    updated_at: isoUtc,
  })
  .partial()
  // the raw identity is personal data: it is refused here, so it can never be appended by mistake
  .extend({ identity: z.never().optional() })
  .catchall(scalar);

const sessionCols = z
  .object({
    status: z.enum(['open', 'closed']),
    business_day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    opened_at: isoUtc,
    closed_at: isoUtc.nullable(),
    float_counts: str(2000).nullable(),
    close_counts: str(2000).nullable(),
    counted: int.nullable(),
    over_short: int.nullable(),
    note: str(500).nullable(),
    report_json: str(200_000).nullable(),
  })
  .partial()
  .catchall(scalar);

/** One change of a counter row: its id, when, the history note, and the columns as they are after it. */
const rowChange = <T extends z.ZodTypeAny>(cols: T) => z.object({ id: int.positive(), at: isoUtc, detail: str(1000).optional(), set: cols }).strict();

export const drawerCashSchema = z
  .object({
    id: int.positive(),
    session_id: int.positive(),
    kind: z.enum(['float', 'cash_sale', 'cash_refund', 'cash_void', 'paid_in', 'paid_out']),
    amount: int.nonnegative(),
    reason: str(200).optional(),
    order_id: int.positive().optional(),
    tender_id: int.positive().optional(),
    at: isoUtc,
  })
  .strict();

const catalogCategory = z
  .object({ id: int.positive(), name: str(100), color: str(40), sort_order: int, archived: z.union([z.literal(0), z.literal(1)]), created_at: isoUtc, updated_at: isoUtc })
  .strict();
const catalogProduct = z
  .object({
    id: int.positive(),
    category_id: int.positive().optional(),
    name: z.string().min(1).max(40),
    alias: str(100).optional(),
    price: int.min(1).max(100_000_000),
    tax_free: z.union([z.literal(0), z.literal(1)]),
    sold_out: z.union([z.literal(0), z.literal(1)]),
    archived: z.union([z.literal(0), z.literal(1)]),
    sort_order: int,
    options_json: str(100_000).optional(),
    created_at: isoUtc,
    updated_at: isoUtc,
    barcodes: z.array(z.string().min(1).max(64)).max(50),
  })
  .strict();

export const COUNTER_EVENT_SCHEMAS = {
  /** An order (주문) was opened or changed state. */
  'order.changed': rowChange(orderCols),
  /** A tender (cash or QR part of an order) was taken or changed (approved, returned, cash refunded…). */
  'tender.changed': rowChange(tenderCols),
  /** A 현금영수증 was requested or changed state (issued, unknown, cancelled…). */
  'cash_receipt.changed': rowChange(cashReceiptCols),
  /** A drawer session was opened or closed (with its count and over/short). */
  'drawer_session.changed': rowChange(sessionCols),
  /** A cash movement of a drawer session: float, cash sale, refund, void, paid-in, paid-out. */
  'drawer.cash': drawerCashSchema,
  /** A catalog category as it is after a change made at this terminal. */
  'catalog.category': catalogCategory,
  /** A catalog product (with its barcodes) as it is after a change made at this terminal. */
  'catalog.product': catalogProduct,
} as const;

/** The counter tables a row-change event describes, by event type. */
export const COUNTER_TABLES = {
  'order.changed': { table: 'orders', entity: 'order' },
  'tender.changed': { table: 'order_tenders', entity: 'tender' },
  'cash_receipt.changed': { table: 'cash_receipts', entity: 'cash_receipt' },
  'drawer_session.changed': { table: 'drawer_sessions', entity: 'drawer_session' },
} as const;
export type CounterChangeType = keyof typeof COUNTER_TABLES;
