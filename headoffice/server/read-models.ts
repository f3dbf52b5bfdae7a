/**
 * Read models built from newly ingested events, in the ingest's transaction: the events of one
 * terminal with seq in (fromSeq, toSeq] (an ingest stores exactly such a contiguous range).
 * Set-based: the newest snapshot per row wins; a payment reaching 'approved' (final) or a refund
 * reaching 'cancelled' (final) adds to rm_daily once, because the row's previous state is read in the
 * same statement (a CTE sees the table as it was before the statement).
 */
import type { PoolClient } from 'pg';
import { applyCounterReadModels } from './read-models-counter';

const SEOUL_DAY = (ts: string) => `((${ts})::timestamptz AT TIME ZONE 'Asia/Seoul')::date`;

export async function applyReadModels(c: PoolClient, terminalId: string, storeId: string, fromSeq: number, toSeq: number): Promise<void> {
  const range = [terminalId, fromSeq, toSeq, storeId];
  await c.query(
    `WITH latest AS (
       SELECT DISTINCT ON ((payload->>'id')::int) (payload->>'id')::int AS local_id, payload AS p
       FROM events WHERE terminal_id = $1 AND seq > $2 AND seq <= $3 AND type = 'payment.changed'
       ORDER BY (payload->>'id')::int, seq DESC),
     old AS (SELECT r.local_id, r.status FROM rm_payments r JOIN latest l ON r.terminal_id = $1 AND r.local_id = l.local_id),
     up AS (
       INSERT INTO rm_payments (terminal_id, local_id, store_id, order_id, status, amount, tax_free, vat, item_name, method_type, approved_at, sale_day, created_at, updated_at)
       SELECT $1, local_id, $4, p->>'orderId', p->>'status', (p->>'amount')::bigint, (p->>'taxFree')::bigint, (p->>'vat')::bigint, p->>'itemName',
              p->>'methodType', (p->>'approvedAt')::timestamptz, ${SEOUL_DAY("p->>'approvedAt'")}, (p->>'createdAt')::timestamptz, (p->>'updatedAt')::timestamptz
       FROM latest
       ON CONFLICT (terminal_id, local_id) DO UPDATE SET status = excluded.status, method_type = excluded.method_type, approved_at = excluded.approved_at,
         sale_day = excluded.sale_day, updated_at = excluded.updated_at
       RETURNING 1)
     INSERT INTO rm_daily AS d (store_id, terminal_id, day, method, sales_count, sales_amount)
     SELECT $4, $1, ${SEOUL_DAY("l.p->>'approvedAt'")}, COALESCE(l.p->>'methodType', 'UNKNOWN'), count(*), sum((l.p->>'amount')::bigint)
     FROM latest l LEFT JOIN old o USING (local_id)
     WHERE l.p->>'status' = 'approved' AND o.status IS DISTINCT FROM 'approved'
     GROUP BY 3, 4
     ON CONFLICT (day, store_id, terminal_id, method) DO UPDATE SET sales_count = d.sales_count + excluded.sales_count, sales_amount = d.sales_amount + excluded.sales_amount`,
    range,
  );
  await c.query(
    `WITH latest AS (
       SELECT DISTINCT ON ((payload->>'id')::int) (payload->>'id')::int AS local_id, payload AS p
       FROM events WHERE terminal_id = $1 AND seq > $2 AND seq <= $3 AND type = 'refund.changed'
       ORDER BY (payload->>'id')::int, seq DESC),
     old AS (SELECT r.local_id, r.status FROM rm_refunds r JOIN latest l ON r.terminal_id = $1 AND r.local_id = l.local_id),
     up AS (
       INSERT INTO rm_refunds (terminal_id, local_id, payment_local_id, store_id, status, amount, cancelled_at, cancel_day, updated_at)
       SELECT $1, local_id, (p->>'paymentId')::int, $4, p->>'status', (p->>'amount')::bigint, (p->>'cancelledAt')::timestamptz, ${SEOUL_DAY("p->>'cancelledAt'")}, (p->>'updatedAt')::timestamptz
       FROM latest
       ON CONFLICT (terminal_id, local_id) DO UPDATE SET status = excluded.status, cancelled_at = excluded.cancelled_at, cancel_day = excluded.cancel_day, updated_at = excluded.updated_at
       RETURNING 1)
     INSERT INTO rm_daily AS d (store_id, terminal_id, day, method, refund_count, refund_amount)
     SELECT $4, $1, ${SEOUL_DAY("l.p->>'cancelledAt'")}, COALESCE(pay.method_type, 'UNKNOWN'), count(*), sum((l.p->>'amount')::bigint)
     FROM latest l LEFT JOIN old o USING (local_id)
       LEFT JOIN rm_payments pay ON pay.terminal_id = $1 AND pay.local_id = (l.p->>'paymentId')::int
     WHERE l.p->>'status' = 'cancelled' AND o.status IS DISTINCT FROM 'cancelled'
     GROUP BY 3, 4
     ON CONFLICT (day, store_id, terminal_id, method) DO UPDATE SET refund_count = d.refund_count + excluded.refund_count, refund_amount = d.refund_amount + excluded.refund_amount`,
    range,
  );
  await c.query(
    `INSERT INTO rm_day_closes (terminal_id, day, closed_at, report)
     SELECT $1, (payload->>'day')::date, (payload->>'closedAt')::timestamptz, (payload->>'reportJson')::jsonb
     FROM events WHERE terminal_id = $1 AND seq > $2 AND seq <= $3 AND type = 'day.closed' AND $4::text IS NOT NULL
     ON CONFLICT DO NOTHING`,
    range,
  );
  await c.query(
    `INSERT INTO rm_terminal_store (terminal_id, profile, updated_at)
     SELECT DISTINCT ON (terminal_id) $1, payload, created_at FROM events
     WHERE terminal_id = $1 AND seq > $2 AND seq <= $3 AND type = 'store.saved' AND $4::text IS NOT NULL ORDER BY terminal_id, seq DESC
     ON CONFLICT (terminal_id) DO UPDATE SET profile = excluded.profile, updated_at = excluded.updated_at`,
    range,
  );
  await applyCounterReadModels(c, terminalId, storeId, fromSeq, toSeq); // issue 14: orders, tenders, 현금영수증, sessions, cash
}
