/**
 * Issue 14: every counter fact goes into the event log in the transaction that writes it — orders,
 * cash and QR tenders (split), a void, a cash refund, 현금영수증 (issued, then cancelled by the refund),
 * a drawer session with float, paid-in/out and a counted close, catalog edits — and a ledger rebuilt
 * from those events alone holds the same rows, the same history and the same expected cash.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import { migrate } from '../../electron/core/db/migrations';
import { eventsAfter, maxSeq, terminalId } from '../../electron/core/sync/event-log';
import { applyEvents } from '../../electron/core/sync/rebuild';
import type { RpcResult } from '../../shared/contract';
import type { DrawerSession, Order } from '../../shared/contract-cash';
import { drawerFigures } from '../../shared/domain/cash/drawer-cash';
import { payloadError } from '../../shared/sync-events';

const registration = { businessNo: '220-81-62517', name: '하나카페 을지로점', representative: '김하나', phone: '02-1234-5678', address1: '서울특별시 중구', address2: '을지로 35 1층', postNo: '04523' };
const items = (price: number) => [{ name: '아메리카노', unitPrice: price, quantity: 1, taxFree: false }];

let dir: string;
let core: Core;
async function ok<T>(method: string, input: unknown = {}): Promise<T> {
  const r = (await core.router.call(method, input)) as RpcResult<T>;
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.detail ?? ''}`);
  return r.value;
}
async function until(fn: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}
const qr = async () => (await ok<{ qrText: string }>('issueDemoQr')).qrText;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sync-counter-'));
  core = await createCore({ dataDir: dir, shell: 'web', version: 'test', lookupDelaysMs: [50, 100], sync: { disabled: true } });
  await ok('registerStore', registration);
}, 60_000);
afterAll(async () => {
  await core?.close();
  rmSync(dir, { recursive: true, force: true });
});

const TABLES: Record<string, string> = {
  orders: 'id',
  order_tenders: 'id',
  drawer_sessions: 'id',
  drawer_events: 'id',
  counter_events: 'id',
  cash_receipts: 'id',
  catalog_categories: 'id',
  catalog_products: 'id',
  catalog_barcodes: 'code',
};
function rows(db: Database.Database, table: string): Record<string, unknown>[] {
  return (db.prepare(`SELECT * FROM ${table} ORDER BY ${TABLES[table]}`).all() as Record<string, unknown>[]).map((r) => (table === 'cash_receipts' ? { ...r, identity: '(not synced)' } : r));
}

it('a day at the counter is in the event log, and a ledger rebuilt from it is the same ledger', { timeout: 120_000 }, async () => {
  const seq0 = maxSeq(core.db);
  // catalog edits made at the terminal
  const cat = await ok<{ categories: { id: number }[] }>('loadDemoCatalog');
  const firstProduct = (await ok<{ products: { id: number }[] }>('getCatalog')).products[0]!;
  await ok('setProductSoldOut', { id: firstProduct.id, soldOut: true });
  expect(cat.categories.length).toBeGreaterThan(0);

  await ok('openDrawer', { float: 50_000 });
  // 1: cash with change and a 현금영수증 (issued), later refunded in part (the receipt is cancelled / reissued)
  let o1 = await ok<Order>('createOrder', { items: items(8_000) });
  o1 = await ok<Order>('addCashTender', { orderId: o1.id, received: 10_000, cashReceipt: { purpose: '소득공제', identity: '01012345678' } });
  await until(async () => (await ok<Order>('getOrder', { id: o1.id })).cashReceipts.every((c) => c.status === 'issued'));
  // 2: split — cash 5,000 then QR for the rest
  let o2 = await ok<Order>('createOrder', { items: items(12_000) });
  o2 = await ok<Order>('addCashTender', { orderId: o2.id, amount: 5_000, received: 5_000 });
  o2 = await ok<Order>('addQrTender', { orderId: o2.id, qrText: await qr() });
  expect(o2.status).toBe('completed');
  // 3: QR only
  let o3 = await ok<Order>('createOrder', { items: items(4_500) });
  o3 = await ok<Order>('addQrTender', { orderId: o3.id, qrText: await qr() });
  expect(o3.status).toBe('completed');
  // 4: cash part taken, then the order is voided (the cash goes back)
  let o4 = await ok<Order>('createOrder', { items: items(20_000) });
  o4 = await ok<Order>('addCashTender', { orderId: o4.id, amount: 10_000, received: 10_000 });
  o4 = await ok<Order>('voidOrder', { orderId: o4.id });
  expect(o4.status).toBe('voided');
  // refunds: part of order 1's cash, and order 3's QR payment
  const cashTender = (await ok<Order>('getOrder', { id: o1.id })).tenders[0]!;
  await ok('refundTender', { tenderId: cashTender.id, amount: 3_000 });
  await ok('refundTender', { tenderId: o3.tenders[0]!.id, amount: 4_500 });
  await until(async () => (await ok<Order>('getOrder', { id: o1.id })).cashReceipts.every((c) => c.pendingCancel === 0 && c.status !== 'cancel_requested'));
  await ok('drawerMovement', { kind: 'paid_in', amount: 10_000, reason: '잔돈 보충' });
  await ok('drawerMovement', { kind: 'paid_out', amount: 2_000, reason: '우유 구입' });
  const state = await ok<{ current: DrawerSession }>('getDrawer');
  const expected = state.current.report.expected;
  expect(expected).toBe(50_000 + 8_000 + 5_000 + 10_000 - 10_000 - 3_000 + 10_000 - 2_000);
  const closed = await ok<DrawerSession>('closeDrawer', { counts: { '50000': 1, '10000': 2, '1000': 5 }, note: '' });
  expect(closed.overShort).toBe(75_000 - expected);

  // every event is schema-valid, and the log names every kind of fact of the day
  const events = eventsAfter(core.db, 0, 100_000);
  for (const e of events) expect(payloadError(e.type, e.payload), `${e.seq} ${e.type}`).toBeNull();
  const types = new Set(events.filter((e) => e.seq > seq0).map((e) => e.type));
  for (const t of ['catalog.category', 'catalog.product', 'drawer_session.changed', 'drawer.cash', 'order.changed', 'tender.changed', 'cash_receipt.changed', 'payment.changed', 'refund.changed']) expect(types, t).toContain(t);
  // bytes per event (payload JSON as stored), reported for the ledger-size work (issue 15)
  const bytes = new Map<string, { n: number; b: number }>();
  for (const e of events) {
    const m = bytes.get(e.type) ?? { n: 0, b: 0 };
    bytes.set(e.type, { n: m.n + 1, b: m.b + Buffer.byteLength(JSON.stringify(e.payload)) });
  }
  console.log(`[sync-counter-events] payload bytes per event: ${[...bytes].map(([t, m]) => `${t} ${m.n}× avg ${Math.round(m.b / m.n)}`).join(', ')}`);
  // the raw identity never travels
  expect(JSON.stringify(events)).not.toContain('01012345678');

  // every row of the counter is written with its event: as many history lines as row-change events
  const changes = events.filter((e) => e.type.endsWith('.changed') && !['payment.changed', 'refund.changed'].includes(e.type)).length;
  expect(changes).toBe((core.db.prepare('SELECT count(*) AS n FROM counter_events').get() as { n: number }).n);
  expect(events.filter((e) => e.type === 'drawer.cash').length).toBe((core.db.prepare('SELECT count(*) AS n FROM drawer_events').get() as { n: number }).n);

  // rebuild from the events alone
  const fresh = new Database(join(dir, 'rebuilt.sqlite'));
  try {
    migrate(fresh);
    applyEvents(fresh, events, terminalId(core.db));
    for (const t of Object.keys(TABLES)) {
      expect(rows(core.db, t).length, t).toBeGreaterThan(0);
      expect(rows(fresh, t), t).toEqual(rows(core.db, t));
    }
    const rebuiltCash = fresh.prepare('SELECT kind, amount FROM drawer_events WHERE session_id = ?').all(closed.id) as { kind: 'float'; amount: number }[];
    expect(drawerFigures(rebuiltCash).expected).toBe(expected);
    // the rebuilt 현금영수증 keeps the masked identity in place of the raw one
    const cr = fresh.prepare('SELECT identity, identity_masked FROM cash_receipts').all() as { identity: string; identity_masked: string }[];
    expect(cr.length).toBeGreaterThan(0);
    for (const r of cr) expect(r.identity).toBe(r.identity_masked);
  } finally {
    fresh.close();
  }
});
