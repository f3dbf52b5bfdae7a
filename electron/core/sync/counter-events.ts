/**
 * One-line event calls for the counter's tables (issue 13's orders, tenders, 현금영수증, drawer sessions
 * and drawer cash), made by CounterRepo inside the transaction that writes the row
 * (payload shapes: shared/sync-events-counter.ts).
 */
import type Database from 'better-sqlite3';
import { COUNTER_TABLES, type CounterChangeType } from '../../../shared/sync-events-counter';
import { appendEvent } from './event-log';

type Entity = (typeof COUNTER_TABLES)[CounterChangeType]['entity'];
type Scalar = string | number | null;

/** Columns that never travel: the raw 현금영수증 identity (personal data) and the row id (it is `id`). */
const NEVER = new Set(['id', 'identity']);

/** A row was inserted (or changed outside a state transition): its first/full event, nulls left out. */
export function appendRowCreated(db: Database.Database, entity: Entity, id: number, at: string, detail: string | undefined): void {
  const type = `${entity}.changed` as CounterChangeType;
  const row = db.prepare(`SELECT * FROM ${COUNTER_TABLES[type].table} WHERE id = ?`).get(id) as Record<string, Scalar>;
  const set: Record<string, Scalar> = {};
  for (const [k, v] of Object.entries(row)) if (v !== null && !NEVER.has(k)) set[k] = v;
  appendEvent(db, type, { id, at, ...(detail ? { detail } : {}), set } as never, new Date(at));
}

/** A state transition: only the new status and the columns the transition set (updated_at is `at`). */
export function appendRowTransition(db: Database.Database, entity: Entity, id: number, status: string, cols: Record<string, Scalar>, at: string, detail: string | undefined): void {
  const set: Record<string, Scalar> = { status };
  for (const [k, v] of Object.entries(cols)) if (!NEVER.has(k)) set[k] = v ?? null;
  appendEvent(db, `${entity}.changed` as CounterChangeType, { id, at, ...(detail ? { detail } : {}), set } as never, new Date(at));
}

/** A drawer cash movement was inserted (drawer_events row `id`). */
export function appendDrawerCash(db: Database.Database, id: number): void {
  const r = db.prepare('SELECT * FROM drawer_events WHERE id = ?').get(id) as { id: number; session_id: number; kind: 'float'; amount: number; reason: string | null; order_id: number | null; tender_id: number | null; at: string };
  appendEvent(
    db,
    'drawer.cash',
    {
      id: r.id,
      session_id: r.session_id,
      kind: r.kind,
      amount: r.amount,
      ...(r.reason !== null ? { reason: r.reason } : {}),
      ...(r.order_id !== null ? { order_id: r.order_id } : {}),
      ...(r.tender_id !== null ? { tender_id: r.tender_id } : {}),
      at: r.at,
    },
    new Date(r.at),
  );
}
