/**
 * Rebuilds a ledger from this terminal's events (restore from the head office, issue 14): each event
 * is stored again with its own id and sequence, and its snapshot is written back into the row it
 * describes (payments, refunds with their history, day closes, the store profile). Snapshots are
 * whole rows, so applying them in sequence order leaves every row as the newest event says.
 */
import type Database from 'better-sqlite3';
import { payloadError, SYNC_EVENT_SCHEMAS, type SyncEvent } from '../../../shared/sync-events';
import { maxSeq } from './event-log';
import { StoreRepo } from '../services/store/store-repo';
import { CounterRebuilder } from './rebuild-counter';

export function applyEvents(db: Database.Database, events: readonly SyncEvent[], terminalId: string): number {
  const insertEvent = db.prepare('INSERT INTO sync_events (seq, id, terminal_id, type, payload, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const upsertPayment = db.prepare(
    `INSERT INTO payments (id, order_id, cid, status, amount, tax_free, vat, supply, item_name, quantity, items_json, qr_masked, flow, tid, method_type, approved_at, error_code, error_detail, category_cd, created_at, updated_at)
     VALUES (@id, @orderId, @cid, @status, @amount, @taxFree, @vat, @supply, @itemName, @quantity, @itemsJson, @qrMasked, @flow, @tid, @methodType, @approvedAt, @errorCode, @errorDetail, @categoryCd, @createdAt, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET status = excluded.status, tid = excluded.tid, method_type = excluded.method_type, approved_at = excluded.approved_at,
       error_code = excluded.error_code, error_detail = excluded.error_detail, updated_at = excluded.updated_at`,
  );
  const upsertRefund = db.prepare(
    `INSERT INTO refunds (id, payment_id, request_id, status, amount, tax_free, vat, aid, cancelled_at, error_code, error_detail, created_at, updated_at)
     VALUES (@id, @paymentId, @requestId, @status, @amount, @taxFree, @vat, @aid, @cancelledAt, @errorCode, @errorDetail, @createdAt, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET status = excluded.status, vat = excluded.vat, aid = excluded.aid, cancelled_at = excluded.cancelled_at,
       error_code = excluded.error_code, error_detail = excluded.error_detail, updated_at = excluded.updated_at`,
  );
  const history = db.prepare('INSERT INTO payment_events (payment_id, status, at, detail) VALUES (?, ?, ?, ?)');
  const dayClose = db.prepare('INSERT OR IGNORE INTO day_closes (day, closed_at, report_json) VALUES (?, ?, ?)');
  const store = new StoreRepo(db);
  const counter = new CounterRebuilder(db);
  return db.transaction(() => {
    db.prepare('INSERT OR IGNORE INTO sync_meta (id, terminal_id) VALUES (1, ?)').run(terminalId);
    let n = 0;
    for (const e of events) {
      if (e.terminalId !== terminalId) throw new Error(`event ${e.id} belongs to terminal ${e.terminalId}, not ${terminalId}`);
      if (e.seq !== maxSeq(db) + 1) throw new Error(`event sequence ${e.seq} does not follow ${maxSeq(db)}`);
      const err = payloadError(e.type, e.payload);
      if (err) throw new Error(`event ${e.seq} (${e.type}): ${err}`);
      insertEvent.run(e.seq, e.id, e.terminalId, e.type, JSON.stringify(e.payload), e.createdAt);
      switch (e.type) {
        case 'payment.changed': {
          const p = SYNC_EVENT_SCHEMAS['payment.changed'].parse(e.payload);
          const { history: h, ...row } = p;
          upsertPayment.run(row);
          history.run(p.id, h.status, h.at, h.detail);
          break;
        }
        case 'refund.changed': {
          const r = SYNC_EVENT_SCHEMAS['refund.changed'].parse(e.payload);
          const { history: h, ...row } = r;
          upsertRefund.run(row);
          history.run(r.paymentId, h.status, h.at, h.detail);
          break;
        }
        case 'day.closed': {
          const d = SYNC_EVENT_SCHEMAS['day.closed'].parse(e.payload);
          dayClose.run(d.day, d.closedAt, d.reportJson);
          break;
        }
        case 'store.saved':
          store.upsert(SYNC_EVENT_SCHEMAS['store.saved'].parse(e.payload));
          break;
        default:
          counter.apply(e.type, e.payload); // orders, tenders, 현금영수증, drawer sessions and cash, catalog
      }
      n++;
    }
    db.prepare('UPDATE sync_meta SET acked_seq = ? WHERE id = 1').run(maxSeq(db));
    return n;
  })();
}
