/**
 * One-line event calls for the ledger's existing facts: each reads the row as it is now (inside the
 * writer's transaction) and appends it as a snapshot event (shared/sync-events.ts).
 */
import type Database from 'better-sqlite3';
import type { PaymentSnapshot, RefundSnapshot } from '../../../shared/sync-events';
import { appendEvent } from './event-log';

type History = PaymentSnapshot['history'];

/** After a payment row was inserted or changed, with the history entry written with it. */
export function appendPaymentEvent(db: Database.Database, id: number, history: History): void {
  const r = db.prepare('SELECT * FROM payments WHERE id = ?').get(id) as Record<string, unknown>;
  appendEvent(
    db,
    'payment.changed',
    {
      id: r.id as number,
      orderId: r.order_id as string,
      cid: r.cid as string,
      status: r.status as PaymentSnapshot['status'],
      amount: r.amount as number,
      taxFree: r.tax_free as number,
      vat: r.vat as number,
      supply: r.supply as number,
      itemName: r.item_name as string,
      quantity: r.quantity as number,
      itemsJson: r.items_json as string,
      qrMasked: r.qr_masked as string,
      flow: r.flow as 'cpm' | 'mpm',
      tid: r.tid as string | null,
      methodType: r.method_type as string | null,
      approvedAt: r.approved_at as string | null,
      errorCode: r.error_code as string | null,
      errorDetail: r.error_detail as string | null,
      categoryCd: r.category_cd as number | null,
      createdAt: r.created_at as string,
      updatedAt: r.updated_at as string,
      history,
    },
    new Date(history.at),
  );
}

/** After a refund row was inserted or changed. */
export function appendRefundEvent(db: Database.Database, id: number, history: History): void {
  const r = db.prepare('SELECT * FROM refunds WHERE id = ?').get(id) as Record<string, unknown>;
  const snap: RefundSnapshot = {
    id: r.id as number,
    paymentId: r.payment_id as number,
    requestId: r.request_id as string,
    status: r.status as RefundSnapshot['status'],
    amount: r.amount as number,
    taxFree: r.tax_free as number,
    vat: r.vat as number,
    aid: r.aid as string | null,
    cancelledAt: r.cancelled_at as string | null,
    errorCode: r.error_code as string | null,
    errorDetail: r.error_detail as string | null,
    createdAt: r.created_at as string,
    updatedAt: r.updated_at as string,
    history,
  };
  appendEvent(db, 'refund.changed', snap, new Date(history.at));
}
