/**
 * The append-only event log of the ledger (issue 14, table sync_events): every fact that matters is
 * also appended here IN THE SAME SQLite TRANSACTION as the change itself, with a UUIDv7 id, this
 * terminal's id, a gapless per-terminal sequence, its type and a payload validated by its schema in
 * shared/sync-events.ts. Triggers refuse any UPDATE or DELETE and any sequence other than max + 1.
 *
 * Wiring a new fact is one line inside the transaction that writes it:
 *     appendEvent(db, 'payment.changed', snapshot)
 * (better-sqlite3 transactions nest as savepoints, so calling it inside an outer transaction is fine;
 * called outside one it is its own transaction, which is only right for a fact that is the event.)
 */
import type Database from 'better-sqlite3';
import { SYNC_EVENT_SCHEMAS, type SyncEvent, type SyncEventPayload, type SyncEventType } from '../../../shared/sync-events';
import { uuidv7 } from './uuid7';
import { randomUUID } from 'node:crypto';

interface Stmts {
  terminal: Database.Statement;
  insertMeta: Database.Statement;
  next: Database.Statement;
  insert: Database.Statement;
}
const cache = new WeakMap<Database.Database, Stmts>();
function stmts(db: Database.Database): Stmts {
  let s = cache.get(db);
  if (!s) {
    s = {
      terminal: db.prepare('SELECT terminal_id FROM sync_meta WHERE id = 1'),
      insertMeta: db.prepare('INSERT OR IGNORE INTO sync_meta (id, terminal_id) VALUES (1, ?)'),
      next: db.prepare('SELECT IFNULL(MAX(seq), 0) + 1 AS seq FROM sync_events'),
      insert: db.prepare('INSERT INTO sync_events (seq, id, terminal_id, type, payload, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
    };
    cache.set(db, s);
  }
  return s;
}

/** This ledger's terminal id (created on first use when the core did not set one: e.g. a bare test ledger). */
export function terminalId(db: Database.Database): string {
  const s = stmts(db);
  const r = s.terminal.get() as { terminal_id: string } | undefined;
  if (r) return r.terminal_id;
  s.insertMeta.run(randomUUID());
  return (s.terminal.get() as { terminal_id: string }).terminal_id;
}

/** Appends one event; throws (rolling the caller's transaction back) when the payload does not match its schema. */
export function appendEvent<T extends SyncEventType>(db: Database.Database, type: T, payload: SyncEventPayload<T>, at: Date = new Date()): SyncEvent {
  const parsed = SYNC_EVENT_SCHEMAS[type].parse(payload);
  const s = stmts(db);
  return db.transaction(() => {
    const tid = terminalId(db);
    const { seq } = s.next.get() as { seq: number };
    const ev: SyncEvent = { id: uuidv7(at.getTime()), terminalId: tid, seq, type, payload: parsed, createdAt: at.toISOString() };
    s.insert.run(ev.seq, ev.id, ev.terminalId, ev.type, JSON.stringify(ev.payload), ev.createdAt);
    return ev;
  })();
}

interface EventRow {
  seq: number;
  id: string;
  terminal_id: string;
  type: string;
  payload: string;
  created_at: string;
}
export const toSyncEvent = (r: EventRow): SyncEvent => ({ id: r.id, terminalId: r.terminal_id, seq: r.seq, type: r.type, payload: JSON.parse(r.payload) as unknown, createdAt: r.created_at });

/** Events after `afterSeq`, in order. */
export function eventsAfter(db: Database.Database, afterSeq: number, limit: number): SyncEvent[] {
  return (db.prepare('SELECT * FROM sync_events WHERE seq > ? ORDER BY seq LIMIT ?').all(afterSeq, limit) as EventRow[]).map(toSyncEvent);
}

export function maxSeq(db: Database.Database): number {
  return (db.prepare('SELECT IFNULL(MAX(seq), 0) AS m FROM sync_events').get() as { m: number }).m;
}

/** The highest sequence the head office acknowledged (events up to it count as sent). */
export function ackedSeq(db: Database.Database): number {
  const r = db.prepare('SELECT acked_seq FROM sync_meta WHERE id = 1').get() as { acked_seq: number } | undefined;
  return r?.acked_seq ?? 0;
}

/** Records an acknowledgement; never moves backwards, never past what the ledger holds. */
export function recordAck(db: Database.Database, seq: number): void {
  terminalId(db);
  db.prepare('UPDATE sync_meta SET acked_seq = MIN(MAX(acked_seq, ?), (SELECT IFNULL(MAX(seq), 0) FROM sync_events)) WHERE id = 1').run(seq);
}
