/**
 * Issue 13 through the core (router → order / drawer / 현금영수증 services → axios → the simulator over
 * HTTP), in both dialects: cash with change, split tender with the QR part declined, timed out and
 * approved after a look-up; 현금영수증 under every simulator fault issued exactly once (checked against
 * the simulator's own records); refund of the cash part cancels its 현금영수증; drawer close with a count.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axios from 'axios';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dialect, MethodName, RpcResult } from '../../shared/contract';
import type { DrawerSession, DrawerState, Order } from '../../shared/contract-cash';
import { createCore, type Core } from '../../electron/core/core';
import { startSimulator, type Simulator } from '../../electron/simulator/server';

const registration = { businessNo: '220-81-62517', name: '하나카페 을지로점', representative: '김하나', phone: '02-1234-5678', address1: '서울특별시 중구', address2: '을지로 35 1층', postNo: '04523' };
const items = (price: number) => [{ name: '아메리카노', unitPrice: price, quantity: 1, taxFree: false }];

let dir: string;
let sim: Simulator;
let core: Core;

async function call<T>(method: MethodName, input: unknown = {}): Promise<RpcResult<T>> {
  return (await core.router.call(method, input)) as RpcResult<T>;
}
async function ok<T>(method: MethodName, input: unknown = {}): Promise<T> {
  const r = await call<T>(method, input);
  if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.detail ?? ''}`);
  return r.value;
}
async function refused(method: MethodName, input: unknown): Promise<string> {
  const r = await call(method, input);
  if (r.ok) throw new Error(`${method} should have been refused`);
  return r.error.code;
}
async function newCustomer(balance: number): Promise<string> {
  const id = `c${Math.random().toString(36).slice(2, 10)}`;
  await axios.post(`${sim.url}/wallet/api/customers`, { id, name: '분할고객', accounts: [{ balance, alias: '생활비' }] });
  return id;
}
async function qrOf(customer: string): Promise<string> {
  return (await axios.post<{ qr_text: string }>(`${sim.url}/wallet/api/customers/${customer}/qr`, { method: '계좌' })).data.qr_text;
}
async function fault(spec: Record<string, unknown>): Promise<void> {
  await axios.post(`${sim.url}/sim/faults`, spec);
}
async function until(fn: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}
/** The simulator's own record of issues and cancels for an order id. */
function simActions(orderId: string): { transaction_type: string; amount: number }[] {
  const db = new Database(join(dir, 'bank.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT a.transaction_type, a.amount FROM cash_receipt_actions a JOIN cash_receipts r USING (receipt_key) WHERE r.order_id = ? ORDER BY a.id').all(orderId) as { transaction_type: string; amount: number }[];
  } finally {
    db.close();
  }
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'core-tenders-'));
  sim = await startSimulator({ dbFile: join(dir, 'bank.sqlite'), port: 0, faults: true });
});
afterEach(async () => {
  await core?.close();
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(['oneqpay', 'kakaopay'] as const)('tenders in the %s dialect', (dialect: Dialect) => {
  const approvePath = dialect === 'kakaopay' ? '/v1/payment/approve' : '/pay/success';
  beforeEach(async () => {
    core = await createCore({ dataDir: dir, shell: 'web', version: 'test', lookupDelaysMs: [50, 100, 200, 400] });
    await ok('updateSettings', { backend: { mode: 'remote', url: sim.url, dialect }, paymentTimeoutMs: 1000 });
    await ok('registerStore', registration);
  });

  it('needs an open drawer; a cash sale gives change and prints 받은 금액 / 거스름돈', async () => {
    expect(await refused('createOrder', { items: items(4500) })).toBe('DRAWER_NOT_OPEN');
    await ok<DrawerSession>('openDrawer', { counts: { '10000': 5, '1000': 10, '500': 20 } });
    const o = await ok<Order>('createOrder', { items: items(4500) });
    expect(await refused('addCashTender', { orderId: o.id, received: 4000 })).toBe('CASH_RECEIVED_SHORT');
    expect(await refused('addCashTender', { orderId: o.id, received: 4500.5 })).toBe('VALIDATION_FAILED');
    const done = await ok<Order>('addCashTender', { orderId: o.id, received: 10_000 });
    expect(done).toMatchObject({ status: 'completed', due: 0, covered: 4500 });
    expect(done.tenders[0]).toMatchObject({ kind: 'cash', status: 'taken', amount: 4500, received: 10_000, change: 5500 });
    const receipt = (await ok<{ text: string[] }>('printOrderReceipt', { orderId: o.id })).text.join('\n');
    expect(receipt).toMatch(/받은 금액\s+10,000원/);
    expect(receipt).toMatch(/거스름돈\s+5,500원/);
    const drawer = await ok<DrawerState>('getDrawer');
    expect(drawer.current!.report).toMatchObject({ float: 70_000, cashSales: 4500, expected: 74_500 });
  });

  it('split: the QR part declined leaves the order open; a retry with another QR completes it', async () => {
    await ok('openDrawer', { float: 50_000 });
    const poor = await newCustomer(1000);
    const rich = await newCustomer(100_000);
    const o = await ok<Order>('createOrder', { items: items(23_500) });
    const afterCash = await ok<Order>('addCashTender', { orderId: o.id, amount: 3500, received: 5000 });
    expect(afterCash).toMatchObject({ status: 'open', due: 20_000 });
    const declined = await ok<Order>('addQrTender', { orderId: o.id, qrText: await qrOf(poor) });
    expect(declined.status).toBe('open');
    expect(declined.tenders[1]).toMatchObject({ kind: 'qr', status: 'failed', amount: 20_000 });
    expect(declined.due).toBe(20_000);
    const paid = await ok<Order>('addQrTender', { orderId: o.id, qrText: await qrOf(rich) });
    expect(paid.status).toBe('completed');
    expect(paid.tenders.map((t) => [t.kind, t.status, t.amount])).toEqual([
      ['cash', 'taken', 3500],
      ['qr', 'failed', 20_000],
      ['qr', 'approved', 20_000],
    ]);
    const p = core.payments.findByOrderId(paid.tenders[2]!.paymentOrderId!)!;
    expect(p).toMatchObject({ status: 'approved', amount: 20_000 });
  });

  it('split in the other order: the QR part times out, is looked up and approved, then cash completes it', async () => {
    await ok('openDrawer', { float: 0 });
    const c = await newCustomer(100_000);
    const o = await ok<Order>('createOrder', { items: items(23_500) });
    await fault({ path: approvePath, mode: 'timeout', delay_ms: 3000 });
    const after = await ok<Order>('addQrTender', { orderId: o.id, amount: 20_000, qrText: await qrOf(c) });
    expect(['unknown', 'approved']).toContain(after.tenders[0]!.status);
    expect(await refused('voidOrder', { orderId: o.id })).toMatch(/PAYMENT_IN_PROGRESS|ORDER_VOID_QR_APPROVED/);
    await until(async () => (await ok<Order>('getOrder', { id: o.id })).tenders[0]!.status === 'approved');
    const done = await ok<Order>('addCashTender', { orderId: o.id, received: 5000 });
    expect(done).toMatchObject({ status: 'completed', due: 0 });
    expect(done.tenders[1]).toMatchObject({ amount: 3500, change: 1500 });
  });

  it('refunds go back per tender: part of the QR part through the cancel API, part of the cash from the drawer', async () => {
    await ok('openDrawer', { float: 10_000 });
    const c = await newCustomer(100_000);
    const o = await ok<Order>('createOrder', { items: items(23_500) });
    await ok('addCashTender', { orderId: o.id, amount: 3500, received: 3500 });
    const done = await ok<Order>('addQrTender', { orderId: o.id, qrText: await qrOf(c) });
    const [cash, qr] = done.tenders;
    expect(await refused('refundTender', { tenderId: qr!.id, amount: 20_001 })).toBe('REFUND_EXCEEDS_TENDER');
    const afterQr = await ok<Order>('refundTender', { tenderId: qr!.id, amount: 5000 });
    expect(afterQr.tenders[1]).toMatchObject({ refunded: 5000, refundable: 15_000 });
    expect(core.payments.findByOrderId(qr!.paymentOrderId!)).toMatchObject({ refundedAmount: 5000 });
    const afterCash = await ok<Order>('refundTender', { tenderId: cash!.id, amount: 1500 });
    expect(afterCash.tenders[0]).toMatchObject({ refunded: 1500, refundable: 2000 });
    const d = await ok<DrawerState>('getDrawer');
    expect(d.current!.report).toMatchObject({ cashSales: 3500, cashRefunds: 1500, expected: 12_000, refunds: { cash: 1500, qr: 5000, count: 2 } });
  });

  it('a 면세사업자 sells everything 면세 (no 부가세)', async () => {
    await ok('updateCounterSettings', { taxType: '면세' });
    await ok('openDrawer', { float: 0 });
    const o = await ok<Order>('createOrder', { items: items(11_000) });
    expect(o).toMatchObject({ taxFree: 11_000, vat: 0, supply: 0 });
    expect(o.items.every((it) => it.taxFree)).toBe(true);
  });

  it('void gives the cash back (recorded) when the QR part was declined', async () => {
    await ok('openDrawer', { float: 10_000 });
    const poor = await newCustomer(10);
    const o = await ok<Order>('createOrder', { items: items(23_500) });
    await ok('addCashTender', { orderId: o.id, amount: 3500, received: 3500 });
    await ok('addQrTender', { orderId: o.id, qrText: await qrOf(poor) });
    const v = await ok<Order>('voidOrder', { orderId: o.id });
    expect(v.status).toBe('voided');
    expect(v.tenders[0]!.status).toBe('returned');
    const d = await ok<DrawerState>('getDrawer');
    expect(d.current!.report).toMatchObject({ cashSales: 3500, cashRefunds: 3500, expected: 10_000 });
    expect(await refused('addCashTender', { orderId: o.id, received: 1000 })).toBe('ORDER_STATE');
  });

  it.each([
    ['timeout after commit', { mode: 'timeout', delay_ms: 2500 }],
    ['reset before', { mode: 'reset' }],
    ['reset after commit', { mode: 'reset', commit: true }],
    ['HTTP 503', { mode: 'http_5xx', status: 503 }],
    ['garbage', { mode: 'garbage' }],
  ])('현금영수증 with %s is issued exactly once', async (_name, f) => {
    await ok('openDrawer', { float: 0 });
    const o = await ok<Order>('createOrder', { items: items(12_000) });
    await fault({ path: '/v1/cash-receipts', method: 'POST', ...f });
    await ok('addCashTender', { orderId: o.id, received: 20_000, cashReceipt: { purpose: '소득공제', identity: '010-1234-5678' } });
    await until(async () => (await ok<Order>('getOrder', { id: o.id })).cashReceipts[0]?.status === 'issued');
    const r = (await ok<Order>('getOrder', { id: o.id })).cashReceipts[0]!;
    expect(r).toMatchObject({ amount: 12_000, identityMasked: '010-****-5678', purpose: '소득공제', selfIssued: false });
    expect(r.issueNumber).toMatch(/^\d+$/);
    expect(simActions(r.requestId)).toEqual([{ transaction_type: 'CONFIRM', amount: 12_000 }]);
  });

  it('의무발행업종: a 120,000원 cash sale without a number is issued to 010-000-1234; a cash refund cancels it by as much', async () => {
    await ok('updateCounterSettings', { cashReceiptMandatory: true });
    await ok('openDrawer', { float: 50_000 });
    const o = await ok<Order>('createOrder', { items: items(120_000) });
    await ok('addCashTender', { orderId: o.id, received: 150_000 });
    await until(async () => (await ok<Order>('getOrder', { id: o.id })).cashReceipts[0]?.status === 'issued');
    let r = (await ok<Order>('getOrder', { id: o.id })).cashReceipts[0]!;
    expect(r).toMatchObject({ selfIssued: true, identityMasked: '010-000-1234', amount: 120_000, vat: 10_909, supply: 109_091 });
    const text = (await ok<{ text: string[] }>('printOrderReceipt', { orderId: o.id })).text.join('\n');
    for (const field of ['현금영수증 승인번호', '사업자등록번호', '상호', '대표자', '사업장 주소', '거래일자', '공급가액', '부가세', '합계', '010-000-1234', '자진발급']) expect(text).toContain(field);
    const cash = (await ok<Order>('getOrder', { id: o.id })).tenders[0]!;
    expect(await refused('refundTender', { tenderId: cash.id, amount: 120_001 })).toBe('REFUND_EXCEEDS_TENDER');
    await fault({ path: '/v1/cash-receipts/:receiptKey/cancel', method: 'POST', mode: 'timeout', delay_ms: 2500 });
    const after = await ok<Order>('refundTender', { tenderId: cash.id, amount: 20_000 });
    expect(after.tenders[0]).toMatchObject({ refunded: 20_000, refundable: 100_000 });
    await until(async () => (await ok<Order>('getOrder', { id: o.id })).cashReceipts[0]?.status === 'issued' && (await ok<Order>('getOrder', { id: o.id })).cashReceipts[0]!.cancelledAmount === 20_000);
    r = (await ok<Order>('getOrder', { id: o.id })).cashReceipts[0]!;
    expect(simActions(r.requestId)).toEqual([
      { transaction_type: 'CONFIRM', amount: 120_000 },
      { transaction_type: 'CANCEL', amount: 20_000 },
    ]);
    const d = await ok<DrawerState>('getDrawer');
    expect(d.current!.report).toMatchObject({ cashSales: 120_000, cashRefunds: 20_000, expected: 150_000 });
  });

  it('a 현금영수증 number that is neither a phone, card nor valid 사업자등록번호 is refused before anything is recorded', async () => {
    await ok('openDrawer', { float: 0 });
    const o = await ok<Order>('createOrder', { items: items(5000) });
    expect(await refused('addCashTender', { orderId: o.id, received: 5000, cashReceipt: { purpose: '소득공제', identity: '0212345678' } })).toBe('CASH_RECEIPT_ID_INVALID');
    expect(await refused('addCashTender', { orderId: o.id, received: 5000, cashReceipt: { purpose: '지출증빙', identity: '220-81-62518' } })).toBe('BUSINESS_NO_INVALID');
    expect((await ok<Order>('getOrder', { id: o.id })).tenders).toEqual([]);
    const done = await ok<Order>('addCashTender', { orderId: o.id, received: 5000, cashReceipt: { purpose: '지출증빙', identity: '220-81-62517' } });
    await until(async () => (await ok<Order>('getOrder', { id: o.id })).cashReceipts[0]?.status === 'issued');
    expect(done.status).toBe('completed');
  });

  it('close: refused with an open order, 1,000원 short recorded, the report printed; the next sale is in the next session', async () => {
    const s1 = await ok<DrawerSession>('openDrawer', { float: 30_000 });
    const o = await ok<Order>('createOrder', { items: items(8000) });
    await ok('addCashTender', { orderId: o.id, amount: 3000, received: 3000 });
    expect(await refused('closeDrawer', { counts: { '10000': 3 } })).toBe('ORDER_OPEN');
    await ok('addCashTender', { orderId: o.id, received: 5000 });
    await ok('drawerMovement', { kind: 'paid_out', amount: 2000, reason: '우유 구입' });
    await ok('drawerMovement', { kind: 'paid_in', amount: 1000, reason: '잔돈 보충' });
    expect(await refused('drawerMovement', { kind: 'paid_out', amount: 1_000_000, reason: '과다' })).toBe('CASH_AMOUNT_INVALID');
    expect(await refused('closeDrawer', { counts: { '10000': -1 } })).toBe('VALIDATION_FAILED');
    // expected = 30,000 + 8,000 − 2,000 + 1,000 = 37,000; counted 36,000 → −1,000
    const closed = await ok<DrawerSession>('closeDrawer', { counts: { '10000': 3, '5000': 1, '1000': 1 }, note: '동전 분실' });
    expect(closed).toMatchObject({ status: 'closed', counted: 36_000, overShort: -1000, note: '동전 분실' });
    expect(closed.report.expected).toBe(37_000);
    const report = (await ok<{ text: string[] }>('getDrawerReportPreview', { id: s1.id })).text.join('\n');
    expect(report).toMatch(/마\s*감\s+정\s*산\s*서/);
    expect(report).toMatch(/과부족 \(부족\)\s+-1,000원/);
    expect(await refused('createOrder', { items: items(1000) })).toBe('DRAWER_NOT_OPEN');
    const s2 = await ok<DrawerSession>('openDrawer', { float: 36_000 });
    const next = await ok<Order>('createOrder', { items: items(1000) });
    expect(next.sessionId).toBe(s2.id);
    expect((await ok<Order[]>('listSessionOrders', { sessionId: s1.id })).map((x) => x.id)).toEqual([o.id]);
    expect((await ok<DrawerSession[]>('listDrawerSessions', { day: s1.businessDay })).map((x) => x.id)).toEqual([s1.id, s2.id]);
  });
});
