/**
 * Two terminals (two cores, two ledgers) and one head office (its own process) on a real PostgreSQL,
 * through a fault-injecting proxy (answers dropped after the server committed, delays, resets,
 * refused connections), with kill -9 of a terminal between its local commit and its push and of the
 * head office in the middle of batches. Afterwards: the head office's totals are the union of both
 * ledgers, no event is doubled, a replayed batch changes nothing, sequences have no gaps, and the
 * day's figures are equal on both sides.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import { eventsAfter, maxSeq } from '../../electron/core/sync/event-log';
import { freePort } from '../../headoffice/server/embedded-pg';
import { createEnrollmentCode, createStore } from '../../headoffice/server/enrollment';
import type { Payment, RpcResult, Settlement } from '../../shared/contract';
import type { SyncStatus } from '../../shared/contract-sync';
import { seoulDay } from '../../shared/domain/time';
import { prng } from '../fault/prng';
import { FaultProxy, type Fault } from './headoffice/fault-proxy';
import { HeadOfficeProcess } from './headoffice/ho-process';
import { startTestDb, type TestDb } from './headoffice/pg-harness';
import { ensureDrawerOpen } from '../fixtures/drawer-session';

const SYNC = { idleMs: 30, backoffMs: [30, 60, 120, 250], batchSize: 3, backupEveryMs: 60_000 };
const registration = (name: string) => ({ businessNo: '220-81-62517', name, representative: '김하나', phone: '02-1234-5678', address1: '서울특별시 중구', address2: '을지로 35 1층', postNo: '04523' });

let db: TestDb;
let ho: HeadOfficeProcess;
let proxy: FaultProxy;
const dirs: string[] = [];
const cores: Core[] = [];

beforeAll(async () => {
  db = await startTestDb();
  ho = new HeadOfficeProcess(db.url, await freePort());
  await ho.start();
  proxy = new FaultProxy(ho.url);
  await proxy.listen();
}, 90_000);
afterAll(async () => {
  for (const c of cores) await c.close().catch(() => undefined);
  await proxy?.close();
  await ho?.kill9();
  await db?.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}, 60_000);

async function ok<T>(core: Core, method: string, input: unknown = {}): Promise<T> {
  const r = (await core.router.call(method, input)) as RpcResult<T>;
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.detail ?? ''}`);
  return r.value;
}
async function sell(core: Core, amount: number): Promise<Payment> {
  const qr = await ok<{ qrText: string }>(core, 'issueDemoQr');
  const p = await ok<Payment>(core, 'checkout', { items: [{ name: '아메리카노', unitPrice: amount, quantity: 1, taxFree: false }], qrText: qr.qrText });
  expect(p.status).toBe('approved');
  return p;
}
const open = (dir: string) =>
  createCore({ dataDir: dir, shell: 'web', version: 'test', lookupDelaysMs: [50, 100], sync: SYNC }).then(async (c) => {
    cores.push(c);
    await ensureDrawerOpen(c);
    return c;
  });
async function closeCore(c: Core) {
  await c.close();
  cores.splice(cores.indexOf(c), 1);
}

async function drained(cs: Core[], ms = 90_000): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    const st = await Promise.all(cs.map((c) => ok<SyncStatus>(c, 'flushSync', { timeoutMs: 2000 })));
    if (st.every((s) => s.pending === 0)) return;
    if (Date.now() > end) throw new Error(`not drained: ${JSON.stringify(st)}`);
  }
}

/** Local truth of one ledger: approved sales and confirmed cancels of today. */
function localTotals(c: Core) {
  const s = c.db.prepare("SELECT count(*) AS n, IFNULL(sum(amount), 0) AS a FROM payments WHERE status = 'approved'").get() as { n: number; a: number };
  const r = c.db.prepare("SELECT IFNULL(sum(amount), 0) AS a FROM refunds WHERE status = 'cancelled'").get() as { a: number };
  return { salesCount: s.n, salesAmount: s.a, refundAmount: r.a };
}

it('two terminals, faults and kill -9 on both sides: the head office holds exactly the union of the ledgers', { timeout: 240_000 }, async () => {
  const store = await createStore(db.pool, '하나카페 을지로점');
  const dirA = mkdtempSync(join(tmpdir(), 'ho-A-'));
  const dirB = mkdtempSync(join(tmpdir(), 'ho-B-'));
  dirs.push(dirA, dirB);
  let a = await open(dirA);
  const b = await open(dirB);
  await ok(a, 'registerStore', registration('하나카페 1번 계산대'));
  await ok(b, 'registerStore', registration('하나카페 2번 계산대'));
  for (const [c, name] of [[a, 'POS 1'], [b, 'POS 2']] as const) {
    const { code } = await createEnrollmentCode(db.pool, store.id);
    proxy.byPath.set('/api/enroll', ['drop-answer']); // the enrollment's answer is lost once: the retry with the same code gets a key
    await expect(ok(c, 'enrollHeadOffice', { url: proxy.url, code, name })).rejects.toThrow(/HEADOFFICE_UNREACHABLE/);
    const st = await ok<SyncStatus>(c, 'enrollHeadOffice', { url: proxy.url, code, name });
    expect(st.headOffice?.storeId).toBe(store.id);
  }

  // faults from here on: a seeded mix per request
  const r0 = prng(20261204);
  const rnd = () => r0.next();
  proxy.random = (): Fault => {
    const x = rnd();
    if (x < 0.45) return 'pass';
    if (x < 0.65) return 'drop-answer';
    if (x < 0.8) return { delayMs: Math.floor(rnd() * 300) };
    if (x < 0.92) return 'reset';
    return 'refuse';
  };

  for (let i = 0; i < 4; i++) {
    await sell(a, 1000 + i * 100);
    await sell(b, 2000 + i * 100);
  }
  const toRefund = await sell(a, 9000);
  await ok(a, 'refundPayment', { paymentId: toRefund.id, amount: 4000 });

  // kill -9 of terminal A between its local commit and its push: a child process sells with the pusher off
  await closeCore(a);
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/integration/headoffice/terminal-child.ts', '--data-dir', dirA, '--sales', '3'], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('"committed"')) resolve();
      if (out.includes('"error"')) reject(new Error(out));
    });
    child.on('exit', (c) => reject(new Error(`child exited ${c}: ${out}`)));
  });
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
  a = await open(dirA);
  expect(localTotals(a).salesCount).toBe(5 + 3);

  // kill -9 of the head office while batches are in flight (batches of 3 events; B keeps selling)
  const selling = (async () => {
    for (let i = 0; i < 4; i++) await sell(b, 3000 + i * 100);
  })();
  await new Promise((r) => setTimeout(r, 150));
  await ho.kill9();
  await new Promise((r) => setTimeout(r, 400));
  await ho.start();
  await new Promise((r) => setTimeout(r, 300));
  await ho.kill9();
  await ho.start();
  await selling;

  // day close on B sends first; then everything drains through the faults
  const today = seoulDay(new Date());
  await ok<Settlement>(b, 'closeDay', { day: today, acknowledgeWarnings: true });
  await drained([a, b]);
  proxy.random = null;

  const faults = { ...proxy.counts };
  expect(faults['drop-answer'] ?? 0, JSON.stringify(faults)).toBeGreaterThan(0);
  expect(faults.reset ?? 0, JSON.stringify(faults)).toBeGreaterThan(0);

  for (const c of [a, b]) {
    const tid = (c.db.prepare('SELECT terminal_id FROM sync_meta').get() as { terminal_id: string }).terminal_id;
    const local = eventsAfter(c.db, 0, 100_000);
    const r = await db.pool.query<{ n: number; d: number; mn: number; mx: number }>('SELECT count(*)::int n, count(DISTINCT id)::int d, min(seq)::int mn, max(seq)::int mx FROM events WHERE terminal_id = $1', [tid]);
    // no gaps, no duplicates: exactly 1..max, each once, the same ids as the ledger's
    expect(r.rows[0]).toEqual({ n: local.length, d: local.length, mn: 1, mx: maxSeq(c.db) });
    const ids = await db.pool.query<{ id: string }>('SELECT id FROM events WHERE terminal_id = $1 ORDER BY seq', [tid]);
    expect(ids.rows.map((x) => x.id)).toEqual(local.map((e) => e.id));
    // the head office's figures of this terminal = its ledger's
    const ho = await db.pool.query<{ sc: number; sa: number; ra: number }>('SELECT sum(sales_count)::int sc, sum(sales_amount)::int sa, sum(refund_amount)::int ra FROM rm_daily WHERE terminal_id = $1', [tid]);
    const l = localTotals(c);
    expect({ salesCount: ho.rows[0]!.sc, salesAmount: ho.rows[0]!.sa, refundAmount: ho.rows[0]!.ra }).toEqual(l);
    const pays = await db.pool.query<{ n: number }>("SELECT count(*)::int n FROM rm_payments WHERE terminal_id = $1 AND status = 'approved'", [tid]);
    expect(pays.rows[0]!.n).toBe(l.salesCount);
  }
  // store totals = union of both ledgers; the day's net equals both terminals' settlements added
  const sa = await ok<Settlement>(a, 'getSettlement', { day: today });
  const sb = await ok<Settlement>(b, 'getSettlement', { day: today });
  const st = await db.pool.query<{ net: number; sc: number }>('SELECT sum(sales_amount - refund_amount)::int net, sum(sales_count)::int sc FROM rm_daily WHERE store_id = $1 AND day = $2', [store.id, today]);
  expect(st.rows[0]).toEqual({ net: sa.report.net.amount + sb.report.net.amount, sc: sa.report.sales.count + sb.report.sales.count });
  const closes = await db.pool.query<{ n: number }>('SELECT count(*)::int n FROM rm_day_closes');
  expect(closes.rows[0]!.n).toBe(1);

  // a replayed batch (everything terminal A ever sent, again) changes nothing
  const snapshot = async () => JSON.stringify((await db.pool.query('SELECT (SELECT count(*) FROM events) e, (SELECT sum(sales_amount) FROM rm_daily) s, (SELECT sum(refund_amount) FROM rm_daily) r, (SELECT json_agg(t ORDER BY id) FROM (SELECT id, acked_seq FROM terminals) t) t')).rows);
  const before = await snapshot();
  const key = await a.secrets.get('headoffice.key');
  const tidA = (a.db.prepare('SELECT terminal_id FROM sync_meta').get() as { terminal_id: string }).terminal_id;
  const all = eventsAfter(a.db, 0, 100_000);
  for (let i = 0; i < all.length; i += 200) {
    const res = await fetch(`${ho.url}/api/ingest`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify({ terminalId: tidA, sentAt: new Date().toISOString(), events: all.slice(i, i + 200) }) });
    expect(await res.json()).toMatchObject({ inserted: 0 });
  }
  expect(await snapshot()).toBe(before);
  console.log(`[headoffice-sync] faults injected: ${JSON.stringify(faults)}`);
});
