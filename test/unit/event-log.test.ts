/**
 * The ledger's event log (issue 14): each fact and its event are one transaction (a failing event
 * insert leaves the fact unwritten, a refused fact leaves no event), sequences are gapless, payloads
 * are checked against their schema, and the log refuses updates and deletes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openLedger } from '../../electron/core/db/open-ledger';
import { DayCloseRepo } from '../../electron/core/services/ledger/day-close-repo';
import { PaymentRepo } from '../../electron/core/services/payment/payment-repo';
import { appendEvent, eventsAfter } from '../../electron/core/sync/event-log';
import type { SettlementReport } from '../../shared/contract';

let dir: string;
let db: Database.Database;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'evlog-'));
  db = openLedger(dir);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const sale = (repo: PaymentRepo, n: number) =>
  repo.create({ orderId: `O-${n}`, cid: 'CID', totals: { total: 1100, taxFree: 0, taxable: 1100, vat: 100, supply: 1000, itemName: '녹차', quantity: 1 }, items: [{ name: '녹차', unitPrice: 1100, quantity: 1, taxFree: false }], qrMasked: '****' });

it('writes a snapshot event with each payment change, seq 1, 2, 3 …', () => {
  const repo = new PaymentRepo(db);
  const p = sale(repo, 1);
  repo.transition(p.id, 'ready_requested', { tid: 'T1' });
  repo.transition(p.id, 'approved', { methodType: 'MONEY', approvedAt: '2026-12-04T01:02:03.000Z' });
  const evs = eventsAfter(db, 0, 100);
  expect(evs.map((e) => [e.seq, e.type, (e.payload as { status: string }).status])).toEqual([
    [1, 'payment.changed', 'created'],
    [2, 'payment.changed', 'ready_requested'],
    [3, 'payment.changed', 'approved'],
  ]);
  expect(evs[2]!.payload).toMatchObject({ id: p.id, orderId: 'O-1', amount: 1100, tid: 'T1', methodType: 'MONEY', history: { status: 'approved' } });
  expect(evs[0]!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/); // UUIDv7
});

it('the fact and its event commit together: a failing event insert leaves the payment unchanged', () => {
  const repo = new PaymentRepo(db);
  const p = sale(repo, 1);
  db.exec("CREATE TEMP TRIGGER fail_events BEFORE INSERT ON sync_events BEGIN SELECT RAISE(ABORT, 'disk says no'); END");
  expect(() => repo.transition(p.id, 'ready_requested', { tid: 'T1' })).toThrow(/disk says no/);
  expect(repo.get(p.id)!.status).toBe('created');
  expect(repo.history(p.id)).toHaveLength(1);
  db.exec('DROP TRIGGER fail_events');
  expect(eventsAfter(db, 0, 100)).toHaveLength(1);
});

it('a refused fact leaves no event (a day closed twice)', () => {
  const closes = new DayCloseRepo(db);
  const report = { day: '2026-12-04' } as unknown as SettlementReport;
  closes.insert({ day: '2026-12-04', closedAt: '2026-12-04T12:00:00.000Z', report });
  expect(() => closes.insert({ day: '2026-12-04', closedAt: '2026-12-04T13:00:00.000Z', report })).toThrow(/DAY_ALREADY_CLOSED/);
  expect(eventsAfter(db, 0, 100).map((e) => e.type)).toEqual(['day.closed']);
});

it('refuses a payload that does not match its schema, and the log refuses updates, deletes and gaps', () => {
  expect(() => appendEvent(db, 'day.closed', { day: '4 Dec', closedAt: 'now', reportJson: '{}' })).toThrow();
  expect(eventsAfter(db, 0, 100)).toHaveLength(0);
  appendEvent(db, 'day.closed', { day: '2026-12-04', closedAt: '2026-12-04T12:00:00.000Z', reportJson: '{}' });
  expect(() => db.prepare("UPDATE sync_events SET payload = '{}'").run()).toThrow(/append-only/);
  expect(() => db.prepare('DELETE FROM sync_events').run()).toThrow(/append-only/);
  expect(() => db.prepare("INSERT INTO sync_events (seq, id, terminal_id, type, payload, created_at) VALUES (3, 'x', 't', 'day.closed', '{}', 'now')").run()).toThrow(/gapless/);
});
