/**
 * Read models of the counter (migration 002), built in the ingest's transaction from one terminal's
 * newly stored events (seq in (fromSeq, toSeq]), set-based: the changes of each row are merged key by
 * key, the newest value of each column winning (the same result as applying them in sequence order),
 * then merged into the stored document. Drawer cash rows and catalog rows are stored as they came.
 */
import type { PoolClient } from 'pg';

export async function applyCounterReadModels(c: PoolClient, terminalId: string, storeId: string, fromSeq: number, toSeq: number): Promise<void> {
  const range = [terminalId, fromSeq, toSeq, storeId];
  await c.query(
    `WITH ch AS (
       SELECT seq, split_part(type, '.', 1) AS entity, (payload->>'id')::int AS local_id, payload
       FROM events WHERE terminal_id = $1 AND seq > $2 AND seq <= $3
         AND type IN ('order.changed', 'tender.changed', 'cash_receipt.changed', 'drawer_session.changed')),
     kv AS (
       SELECT DISTINCT ON (entity, local_id, s.key) entity, local_id, s.key, s.value
       FROM ch, jsonb_each(ch.payload->'set') AS s ORDER BY entity, local_id, s.key, seq DESC),
     merged AS (SELECT entity, local_id, jsonb_object_agg(key, value) AS doc FROM kv GROUP BY entity, local_id),
     last AS (SELECT DISTINCT ON (entity, local_id) entity, local_id, (payload->>'at')::timestamptz AS at FROM ch ORDER BY entity, local_id, seq DESC)
     INSERT INTO rm_counter_rows AS r (terminal_id, entity, local_id, store_id, doc, updated_at)
     SELECT $1, m.entity, m.local_id, $4, m.doc, l.at FROM merged m JOIN last l USING (entity, local_id)
     ON CONFLICT (terminal_id, entity, local_id) DO UPDATE SET doc = r.doc || excluded.doc, updated_at = excluded.updated_at`,
    range,
  );
  await c.query(
    `INSERT INTO rm_drawer_cash (terminal_id, local_id, store_id, session_local_id, kind, amount, reason, order_local_id, at)
     SELECT $1, (payload->>'id')::int, $4, (payload->>'session_id')::int, payload->>'kind', (payload->>'amount')::bigint, payload->>'reason',
            (payload->>'order_id')::int, (payload->>'at')::timestamptz
     FROM events WHERE terminal_id = $1 AND seq > $2 AND seq <= $3 AND type = 'drawer.cash'
     ON CONFLICT DO NOTHING`,
    range,
  );
  await c.query(
    `INSERT INTO rm_terminal_catalog AS t (terminal_id, kind, local_id, store_id, doc)
     SELECT DISTINCT ON (type, (payload->>'id')::int) $1, split_part(type, '.', 2), (payload->>'id')::int, $4, payload
     FROM events WHERE terminal_id = $1 AND seq > $2 AND seq <= $3 AND type IN ('catalog.category', 'catalog.product')
     ORDER BY type, (payload->>'id')::int, seq DESC
     ON CONFLICT (terminal_id, kind, local_id) DO UPDATE SET doc = excluded.doc`,
    range,
  );
}
