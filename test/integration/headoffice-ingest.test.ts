/**
 * Head office ingest and enrollment against a real PostgreSQL (pg-harness): enrollment refuses a wrong
 * or reused code; a batch is applied whole or refused whole with a clear reason (gap, altered event
 * under a known id, another terminal's key, an invalid payload, a clock far off), nothing stored
 * changes on a refusal, and a replayed batch changes nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger } from '../../electron/core/db/open-ledger';
import { PaymentRepo } from '../../electron/core/services/payment/payment-repo';
import { eventsAfter, terminalId } from '../../electron/core/sync/event-log';
import { buildHeadOffice } from '../../headoffice/server/app';
import { createEnrollmentCode, createStore } from '../../headoffice/server/enrollment';
import type { SyncEvent } from '../../shared/sync-events';
import { startTestDb, type TestDb } from './headoffice/pg-harness';

let db: TestDb;
let app: FastifyInstance;
let url: string;
const dirs: string[] = [];
const ledgers: Database.Database[] = [];

beforeAll(async () => {
  db = await startTestDb();
  app = await buildHeadOffice({ pool: db.pool });
  url = await app.listen({ port: 0, host: '127.0.0.1' });
}, 60_000);
afterAll(async () => {
  await app?.close();
  await db?.stop();
  for (const l of ledgers) l.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function post(path: string, body: unknown, key?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const r = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) }, body: JSON.stringify(body) });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
}

/** A terminal ledger with real events: n sales created and approved through the payment repo. */
function terminalLedger(n: number): { db: Database.Database; id: string; events: () => SyncEvent[] } {
  const dir = mkdtempSync(join(tmpdir(), 'ho-term-'));
  dirs.push(dir);
  const l = openLedger(dir);
  ledgers.push(l);
  const repo = new PaymentRepo(l);
  for (let i = 0; i < n; i++) {
    const p = repo.create({ orderId: `O-${i}-${dir.slice(-6)}`, cid: 'CID', totals: { total: 1000 * (i + 1), taxFree: 0, taxable: 1000 * (i + 1), vat: Math.round((1000 * (i + 1)) / 11), supply: 1000 * (i + 1) - Math.round((1000 * (i + 1)) / 11), itemName: '아메리카노', quantity: 1 }, items: [{ name: '아메리카노', unitPrice: 1000 * (i + 1), quantity: 1, taxFree: false }], qrMasked: '****' });
    repo.transition(p.id, 'ready_requested', { tid: `T${i}` });
    repo.transition(p.id, 'approved', { methodType: 'MONEY', approvedAt: new Date().toISOString() });
  }
  return { db: l, id: terminalId(l), events: () => eventsAfter(l, 0, 10_000) };
}

async function enrolled(n: number) {
  const store = await createStore(db.pool, '테스트 매장');
  const t = terminalLedger(n);
  const { code } = await createEnrollmentCode(db.pool, store.id);
  const r = await post('/api/enroll', { code, terminalId: t.id, name: 'POS 1' });
  expect(r.status).toBe(200);
  return { ...t, key: r.body.key as string, storeId: store.id };
}

async function stored() {
  const e = await db.pool.query('SELECT id, terminal_id, seq, type, payload, created_at FROM events ORDER BY terminal_id, seq');
  const p = await db.pool.query('SELECT * FROM rm_payments ORDER BY terminal_id, local_id');
  const d = await db.pool.query('SELECT * FROM rm_daily ORDER BY day, store_id, terminal_id, method');
  const t = await db.pool.query('SELECT id, acked_seq FROM terminals ORDER BY id');
  return JSON.stringify([e.rows, p.rows, d.rows, t.rows]);
}

const batch = (t: { id: string }, events: SyncEvent[], sentAt = new Date().toISOString()) => ({ terminalId: t.id, sentAt, events });

describe('enrollment', () => {
  it('gives a key for a valid code once; a wrong code and a reused code are refused', async () => {
    const store = await createStore(db.pool, '을지로점');
    const { code } = await createEnrollmentCode(db.pool, store.id);
    const t1 = terminalLedger(0);
    const t2 = terminalLedger(0);
    const wrong = await post('/api/enroll', { code: 'ABCD-EFGH', terminalId: t1.id, name: 'POS' });
    expect(wrong).toMatchObject({ status: 403, body: { error: 'ENROLL_CODE_INVALID' } });
    const ok = await post('/api/enroll', { code, terminalId: t1.id, name: 'POS 1' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ terminalId: t1.id, storeId: store.id, storeName: '을지로점' });
    expect(String(ok.body.key)).toMatch(/^tk_/);
    const reused = await post('/api/enroll', { code, terminalId: t2.id, name: 'POS 2' });
    expect(reused).toMatchObject({ status: 409, body: { error: 'ENROLL_CODE_USED' } });
    const n = await db.pool.query('SELECT count(*)::int AS n FROM terminals WHERE id = $1', [t2.id]);
    expect(n.rows[0].n).toBe(0);
    // the key is stored only as a hash
    const k = await db.pool.query('SELECT key_hash FROM terminals WHERE id = $1', [t1.id]);
    expect(k.rows[0].key_hash).not.toContain(String(ok.body.key));
  });
});

describe('ingest', () => {
  it('stores a batch, acks the highest contiguous sequence, and a replay (whole or partial) changes nothing', async () => {
    const t = await enrolled(3);
    const evs = t.events();
    expect(evs.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const first = await post('/api/ingest', batch(t, evs.slice(0, 4)), t.key);
    expect(first).toMatchObject({ status: 200, body: { ackedSeq: 4, inserted: 4 } });
    const rest = await post('/api/ingest', batch(t, evs.slice(2)), t.key); // overlaps 3..4, adds 5..9
    expect(rest).toMatchObject({ status: 200, body: { ackedSeq: 9, inserted: 5 } });
    const before = await stored();
    const replay = await post('/api/ingest', batch(t, evs), t.key);
    expect(replay).toMatchObject({ status: 200, body: { ackedSeq: 9, inserted: 0 } });
    expect(await stored()).toBe(before);
    const daily = await db.pool.query('SELECT sum(sales_count)::int AS n, sum(sales_amount)::int AS a FROM rm_daily WHERE terminal_id = $1', [t.id]);
    expect(daily.rows[0]).toEqual({ n: 3, a: 1000 + 2000 + 3000 });
  });

  it('refuses bad batches with a reason, and nothing stored changes', async () => {
    const t = await enrolled(3);
    const other = await enrolled(1);
    const evs = t.events();
    expect((await post('/api/ingest', batch(t, evs.slice(0, 2)), t.key)).status).toBe(200);
    const before = await stored();
    const refusals: [string, { status: number; body: Record<string, unknown> }][] = [];
    refusals.push(['gap', await post('/api/ingest', batch(t, evs.slice(3)), t.key)]);
    refusals.push(['gap inside', await post('/api/ingest', batch(t, [evs[2]!, evs[4]!]), t.key)]);
    const altered = { ...evs[1]!, payload: { ...(evs[1]!.payload as object), amount: 999_999 } };
    refusals.push(['altered', await post('/api/ingest', batch(t, [altered, evs[2]!]), t.key)]);
    const sameIdNewSeq = { ...evs[2]!, id: evs[0]!.id };
    refusals.push(['altered id', await post('/api/ingest', batch(t, [sameIdNewSeq]), t.key)]);
    refusals.push(['other key', await post('/api/ingest', batch(t, [evs[2]!]), other.key)]);
    const other2 = other.events()[0]!;
    refusals.push(['event of another terminal', await post('/api/ingest', batch(t, [{ ...other2, seq: 3 }]), t.key)]);
    refusals.push(['invalid payload', await post('/api/ingest', batch(t, [{ ...evs[2]!, payload: { ...(evs[2]!.payload as object), amount: -5 } }]), t.key)]);
    refusals.push(['unknown type', await post('/api/ingest', batch(t, [{ ...evs[2]!, type: 'payment.deleted' }]), t.key)]);
    refusals.push(['clock far off', await post('/api/ingest', batch(t, [evs[2]!], new Date(Date.now() - 3 * 3600_000).toISOString()), t.key)]);
    refusals.push(['event from the future', await post('/api/ingest', batch(t, [{ ...evs[2]!, createdAt: new Date(Date.now() + 86_400_000).toISOString() }]), t.key)]);
    refusals.push(['no key', await post('/api/ingest', batch(t, [evs[2]!]))]);
    const got = Object.fromEntries(refusals.map(([k, r]) => [k, `${r.status} ${String(r.body.error)}`]));
    expect(got).toEqual({
      gap: '422 GAP',
      'gap inside': '422 GAP',
      altered: '422 ALTERED_EVENT',
      'altered id': '422 ALTERED_EVENT',
      'other key': '403 WRONG_TERMINAL',
      'event of another terminal': '403 WRONG_TERMINAL',
      'invalid payload': '422 INVALID_PAYLOAD',
      'unknown type': '422 INVALID_PAYLOAD',
      'clock far off': '422 CLOCK_SKEW',
      'event from the future': '422 CLOCK_SKEW',
      'no key': '401 UNAUTHORIZED',
    });
    for (const [, r] of refusals) expect(String(r.body.message).length).toBeGreaterThan(5);
    expect(await stored()).toBe(before);
    const logged = await db.pool.query('SELECT reason FROM ingest_refusals WHERE terminal_id = $1', [t.id]);
    expect(logged.rows.map((r) => r.reason)).toEqual(expect.arrayContaining(['GAP', 'ALTERED_EVENT', 'INVALID_PAYLOAD', 'CLOCK_SKEW']));
    // the right batch still goes through afterwards
    expect(await post('/api/ingest', batch(t, evs.slice(2)), t.key)).toMatchObject({ status: 200, body: { ackedSeq: 9 } });
  });

  it('the event log is append-only on both sides', async () => {
    const t = await enrolled(1);
    expect(() => t.db.prepare('UPDATE sync_events SET type = ? WHERE seq = 1').run('x')).toThrow(/append-only/);
    expect(() => t.db.prepare('DELETE FROM sync_events').run()).toThrow(/append-only/);
    expect(() => t.db.prepare("INSERT INTO sync_events (seq, id, terminal_id, type, payload, created_at) VALUES (9, 'x', 'y', 'z', '{}', 'now')").run()).toThrow(/gapless/);
    await post('/api/ingest', batch(t, t.events()), t.key);
    await expect(db.pool.query('UPDATE events SET type = $1 WHERE terminal_id = $2', ['x', t.id])).rejects.toThrow(/append-only/);
    await expect(db.pool.query('DELETE FROM events WHERE terminal_id = $1', [t.id])).rejects.toThrow(/append-only/);
  });
});
