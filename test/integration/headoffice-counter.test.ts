/**
 * Issue 14 against a real PostgreSQL: two terminals sell at the counter (cash with change and a
 * 현금영수증, split cash + QR, QR only, a void, cash and QR refunds, paid-in/out) and close their drawer
 * with a count; their events go up in small batches. Afterwards the head office's counter read models
 * are exactly both ledgers (every order, tender, 현금영수증 and session, column for column), the store's
 * totals are the union of the two, the expected cash of every session is the same number on both
 * sides, a replayed batch changes nothing, and a ledger restored from the head office has its orders,
 * sessions and 현금영수증 back.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import { LEDGER_FILE } from '../../electron/core/db/open-ledger';
import { eventsAfter, terminalId } from '../../electron/core/sync/event-log';
import { buildHeadOffice } from '../../headoffice/server/app';
import { createEnrollmentCode, createStore } from '../../headoffice/server/enrollment';
import type { RpcResult } from '../../shared/contract';
import type { DrawerSession, Order } from '../../shared/contract-cash';
import type { SyncStatus } from '../../shared/contract-sync';
import { startTestDb, type TestDb } from './headoffice/pg-harness';

const SYNC = { idleMs: 30, backoffMs: [30, 60], batchSize: 4, backupEveryMs: 3_600_000 };
const registration = (name: string) => ({ businessNo: '220-81-62517', name, representative: '김하나', phone: '02-1234-5678', address1: '서울특별시 중구', address2: '을지로 35 1층', postNo: '04523' });
const items = (price: number) => [{ name: '아메리카노', unitPrice: price, quantity: 1, taxFree: false }];

let db: TestDb;
let app: FastifyInstance;
let url: string;
const dirs: string[] = [];
const cores: Core[] = [];

beforeAll(async () => {
  db = await startTestDb();
  app = await buildHeadOffice({ pool: db.pool });
  url = await app.listen({ port: 0, host: '127.0.0.1' });
}, 60_000);
afterAll(async () => {
  for (const c of cores) await c.close().catch(() => undefined);
  await app?.close();
  await db?.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}, 60_000);

async function ok<T>(core: Core, method: string, input: unknown = {}): Promise<T> {
  const r = (await core.router.call(method, input)) as RpcResult<T>;
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.detail ?? ''}`);
  return r.value;
}
async function until(fn: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}
async function open(dir: string, restore = false): Promise<Core> {
  const c = await createCore({ dataDir: dir, shell: 'web', version: 'test', lookupDelaysMs: [50, 100], sync: SYNC, backupDir: join(dir, 'backups'), ...(restore ? { restoreFrom: 'headoffice' as const } : {}) });
  cores.push(c);
  return c;
}

/** A shift at one counter; `k` varies the amounts between the two terminals. */
async function shift(c: Core, k: number): Promise<void> {
  const qr = async () => (await ok<{ qrText: string }>(c, 'issueDemoQr')).qrText;
  await ok(c, 'openDrawer', { float: 30_000 + k * 1_000 });
  let o1 = await ok<Order>(c, 'createOrder', { items: items(6_000 + k * 100) });
  o1 = await ok<Order>(c, 'addCashTender', { orderId: o1.id, received: 10_000, cashReceipt: { purpose: '소득공제', identity: '01098765432' } });
  await until(async () => (await ok<Order>(c, 'getOrder', { id: o1.id })).cashReceipts.every((r) => r.status === 'issued'));
  let o2 = await ok<Order>(c, 'createOrder', { items: items(11_000 + k * 100) });
  o2 = await ok<Order>(c, 'addCashTender', { orderId: o2.id, amount: 4_000, received: 5_000 });
  o2 = await ok<Order>(c, 'addQrTender', { orderId: o2.id, qrText: await qr() });
  expect(o2.status).toBe('completed');
  let o3 = await ok<Order>(c, 'createOrder', { items: items(3_500 + k * 100) });
  o3 = await ok<Order>(c, 'addQrTender', { orderId: o3.id, qrText: await qr() });
  let o4 = await ok<Order>(c, 'createOrder', { items: items(9_000) });
  o4 = await ok<Order>(c, 'addCashTender', { orderId: o4.id, amount: 2_000, received: 2_000 });
  await ok(c, 'voidOrder', { orderId: o4.id });
  await ok(c, 'refundTender', { tenderId: o1.tenders[0]!.id, amount: 1_000 + k * 100 });
  await ok(c, 'refundTender', { tenderId: o3.tenders[0]!.id, amount: o3.total });
  await until(async () => (await ok<Order>(c, 'getOrder', { id: o1.id })).cashReceipts.every((r) => r.pendingCancel === 0 && r.status !== 'cancel_requested'));
  await ok(c, 'drawerMovement', { kind: 'paid_in', amount: 5_000, reason: '잔돈 보충' });
  await ok(c, 'drawerMovement', { kind: 'paid_out', amount: 1_500 + k * 100, reason: '소모품' });
  await ok<DrawerSession>(c, 'closeDrawer', { counts: { '10000': 4 }, note: '' });
}

type Row = Record<string, unknown>;
const TABLES = { order: 'orders', tender: 'order_tenders', cash_receipt: 'cash_receipts', drawer_session: 'drawer_sessions' } as const;
/** A ledger row as the head office should hold it: no raw identity, no row id, no updated_at (kept in its own column). */
function expectedDoc(r: Row): Row {
  const { id: _id, identity: _identity, updated_at: _u, ...rest } = r;
  return rest;
}

it('head office = both ledgers: orders, tenders, 현금영수증, sessions, and the same expected cash on both sides', { timeout: 180_000 }, async () => {
  const store = await createStore(db.pool, '하나카페 을지로점');
  const terminals: Core[] = [];
  const termDirs: string[] = [];
  for (const k of [0, 1]) {
    const dir = mkdtempSync(join(tmpdir(), `ho-counter-${k}-`));
    dirs.push(dir);
    termDirs.push(dir);
    const c = await open(dir);
    await ok(c, 'registerStore', registration(`하나카페 ${k + 1}번 계산대`));
    const { code } = await createEnrollmentCode(db.pool, store.id);
    await ok(c, 'enrollHeadOffice', { url, code, name: `POS ${k + 1}` });
    terminals.push(c);
  }
  await Promise.all(terminals.map((c, k) => shift(c, k)));
  for (const c of terminals) expect((await ok<SyncStatus>(c, 'flushSync', { timeoutMs: 20_000 })).pending).toBe(0);

  for (const c of terminals) {
    const tid = terminalId(c.db);
    // every counter row, column for column (the row's changes came in several batches of 4 events)
    for (const [entity, table] of Object.entries(TABLES)) {
      const local = c.db.prepare(`SELECT * FROM ${table} ORDER BY id`).all() as Row[];
      expect(local.length, table).toBeGreaterThan(0);
      const ho = await db.pool.query<{ local_id: number; doc: Row }>('SELECT local_id, doc FROM rm_counter_rows WHERE terminal_id = $1 AND entity = $2 ORDER BY local_id', [tid, entity]);
      expect(ho.rows.map((r) => r.local_id), table).toEqual(local.map((r) => r.id));
      for (const [i, r] of local.entries()) {
        const doc = ho.rows[i]!.doc;
        const want = expectedDoc(r);
        const got = Object.fromEntries(Object.keys(want).map((k) => [k, doc[k] ?? null]));
        expect(got, `${table} ${r.id as number}`).toEqual(want);
      }
    }
    const cash = await db.pool.query<{ n: number; s: number }>('SELECT count(*)::int n, sum(amount)::int s FROM rm_drawer_cash WHERE terminal_id = $1', [tid]);
    expect(cash.rows[0]).toEqual(c.db.prepare('SELECT count(*) n, sum(amount) s FROM drawer_events').get());
    // expected cash: the terminal's session report = the head office's read model
    const sessions = c.db.prepare('SELECT id FROM drawer_sessions').all() as { id: number }[];
    for (const s of sessions) {
      const local = await ok<DrawerSession>(c, 'getDrawerSession', { id: s.id });
      const ho = await db.pool.query<{ expected: number; counted: number; over_short: number; status: string }>(
        'SELECT expected::int, counted::int, over_short::int, status FROM rm_session_cash WHERE terminal_id = $1 AND session_local_id = $2',
        [tid, s.id],
      );
      expect(ho.rows[0]).toEqual({ expected: local.report.expected, counted: local.counted, over_short: local.overShort, status: 'closed' });
    }
  }

  // the store's totals are the union of both ledgers
  const localSum = (sql: string) => terminals.reduce((s, c) => s + ((c.db.prepare(sql).get() as { v: number | null }).v ?? 0), 0);
  const hoSum = async (sql: string) => Number((await db.pool.query<{ v: string | null }>(sql, [store.id])).rows[0]!.v ?? 0);
  expect(await hoSum("SELECT sum(total) v FROM rm_orders WHERE store_id = $1 AND status = 'completed'")).toBe(localSum("SELECT sum(total) v FROM orders WHERE status = 'completed'"));
  expect(await hoSum("SELECT sum(amount - cash_refunded) v FROM rm_tenders WHERE store_id = $1 AND kind = 'cash' AND status = 'taken'")).toBe(localSum("SELECT sum(amount - cash_refunded) v FROM order_tenders WHERE kind = 'cash' AND status = 'taken'"));
  expect(await hoSum("SELECT sum(amount) v FROM rm_tenders WHERE store_id = $1 AND kind = 'qr' AND status = 'approved'")).toBe(localSum("SELECT sum(amount) v FROM order_tenders WHERE kind = 'qr' AND status = 'approved'"));
  expect(await hoSum('SELECT sum(amount - cancelled_amount) v FROM rm_cash_receipts WHERE store_id = $1')).toBe(localSum('SELECT sum(amount - cancelled_amount) v FROM cash_receipts'));
  expect(await hoSum('SELECT sum(expected) v FROM rm_session_cash WHERE store_id = $1')).toBe(
    (await Promise.all(terminals.map(async (c) => (await ok<{ lastClosed: DrawerSession }>(c, 'getDrawer')).lastClosed.report.expected))).reduce((a, b) => a + b, 0),
  );
  // no raw 현금영수증 identity reached the head office
  expect((await db.pool.query("SELECT count(*)::int n FROM events WHERE payload::text LIKE '%01098765432%'")).rows[0]).toEqual({ n: 0 });

  // a replayed batch (everything terminal 1 ever sent, again) changes nothing
  const snapshot = async () => JSON.stringify((await db.pool.query('SELECT (SELECT json_agg(r ORDER BY terminal_id, entity, local_id) FROM rm_counter_rows r) a, (SELECT json_agg(c ORDER BY terminal_id, local_id) FROM rm_drawer_cash c) b, (SELECT count(*) FROM events) e')).rows);
  const before = await snapshot();
  const a = terminals[0]!;
  const key = await a.secrets.get('headoffice.key');
  const all = eventsAfter(a.db, 0, 100_000);
  for (let i = 0; i < all.length; i += 7) {
    const res = await fetch(`${url}/api/ingest`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify({ terminalId: terminalId(a.db), sentAt: new Date().toISOString(), events: all.slice(i, i + 7) }) });
    expect(await res.json()).toMatchObject({ inserted: 0 });
  }
  expect(await snapshot()).toBe(before);

  // the ledger of terminal 1 is lost; restored from the head office, its counter is back
  const dirA = termDirs[0]!;
  const snap = (c: Core) => Object.values(TABLES).map((t) => c.db.prepare(`SELECT * FROM ${t} ORDER BY id`).all().map((r) => (t === 'cash_receipts' ? { ...(r as Row), identity: null } : r)));
  const was = snap(a);
  const wasExpected = (await ok<{ lastClosed: DrawerSession }>(a, 'getDrawer')).lastClosed.report.expected;
  await a.close();
  cores.splice(cores.indexOf(a), 1);
  for (const s of ['', '-wal', '-shm']) rmSync(join(dirA, LEDGER_FILE + s), { force: true });
  const restored = await open(dirA, true);
  expect(snap(restored)).toEqual(was);
  expect((await ok<{ lastClosed: DrawerSession }>(restored, 'getDrawer')).lastClosed.report.expected).toBe(wasExpected);
});
