/**
 * Issue 13: every sale belongs to exactly one drawer session, and 일마감 by tender is the sum of the business
 * day's closed session reports. A day with a plain QR sale, cash, a split (cash with 현금영수증 + QR), refunds
 * per tender, paid-in/out and two sessions: the settlement's `tenders` = the sum of the closed reports = a
 * model written here from the sales themselves; the CSV's 순매출 adds up to the same net; the printed 정산서
 * carries the cash side.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axios from 'axios';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { CsvExport, Payment, Settlement } from '../../shared/contract';
import type { DrawerSession, Order } from '../../shared/contract-cash';
import { countTotal } from '../../shared/domain/cash/drawer-cash';
import { seoulDay } from '../../shared/domain/time';
import { createCore, type Core } from '../../electron/core/core';
import { startSimulator, type Simulator } from '../../electron/simulator/server';
import { coreCalls, DEMO_REGISTRATION } from '../fixtures/core-calls';

const registration = DEMO_REGISTRATION;
const items = (price: number) => [{ name: '아메리카노', unitPrice: price, quantity: 1, taxFree: false }];

let dir: string;
let sim: Simulator;
let core: Core;

const { call, ok } = coreCalls(() => core);
async function qr(): Promise<string> {
  const id = `c${Math.random().toString(36).slice(2, 10)}`;
  await axios.post(`${sim.url}/wallet/api/customers`, { id, name: '손님', accounts: [{ balance: 1_000_000, alias: '생활비' }] });
  return (await axios.post<{ qr_text: string }>(`${sim.url}/wallet/api/customers/${id}/qr`, { method: '계좌' })).data.qr_text;
}
const sessionOf = (paymentId: number) => (core.db.prepare('SELECT session_id AS s FROM payments WHERE id = ?').get(paymentId) as { s: number | null }).s;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'drawer-day-'));
  sim = await startSimulator({ dbFile: join(dir, 'bank.sqlite'), port: 0, faults: true });
  core = await createCore({ dataDir: dir, shell: 'web', version: 'test', lookupDelaysMs: [50, 100, 200, 400] });
  await ok('updateSettings', { backend: { mode: 'remote', url: sim.url, dialect: 'oneqpay' }, paymentTimeoutMs: 2000 });
  await ok('registerStore', registration);
});
afterEach(async () => {
  await core.close();
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

it('every sale is in one session; 일마감 by tender = the sum of the closed sessions = the model; the CSV and the 정산서 agree', async () => {
  // Independent model: what the cashier did, written down as it happens.
  const m = { cash: [] as number[], qr: [] as number[], cashRefunds: 0, qrRefunds: 0, float: 0, paidIn: 0, paidOut: 0, counted: 0, receipts: 0, receiptAmount: 0, receiptCancelled: 0 };

  // no session: a plain QR sale is refused before anything is recorded
  const refused = await call('checkout', { items: items(7000), qrText: await qr() });
  expect(refused.ok ? null : refused.error.code).toBe('DRAWER_NOT_OPEN');
  expect((core.db.prepare('SELECT COUNT(*) AS n FROM payments').get() as { n: number }).n).toBe(0);

  const s1 = await ok<DrawerSession>('openDrawer', { float: 50_000 });
  m.float += 50_000;
  const plain = await ok<Payment>('checkout', { items: items(7000), qrText: await qr() });
  expect(plain.status).toBe('approved');
  expect(sessionOf(plain.id)).toBe(s1.id);
  m.qr.push(7000);

  const cashOrder = await ok<Order>('createOrder', { items: items(4500) });
  await ok('addCashTender', { orderId: cashOrder.id, received: 10_000 });
  m.cash.push(4500);

  const split = await ok<Order>('createOrder', { items: items(23_500) });
  await ok('addCashTender', { orderId: split.id, amount: 3500, received: 5000, cashReceipt: { purpose: '소득공제', identity: '010-1234-5678' } });
  const paid = await ok<Order>('addQrTender', { orderId: split.id, qrText: await qr() });
  expect(paid.status).toBe('completed');
  expect(sessionOf(paid.tenders.find((t) => t.kind === 'qr')!.paymentId!)).toBe(s1.id);
  m.cash.push(3500);
  m.qr.push(20_000);
  const deadline = Date.now() + 10_000;
  while ((await ok<Order>('getOrder', { id: split.id })).cashReceipts[0]?.status !== 'issued' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  m.receipts += 1;
  m.receiptAmount += 3500;

  // refunds per tender: 1,000 of the split's cash (its 현금영수증 cancelled by as much), 5,000 of its QR; 2,000 of the plain sale
  const cashTender = (await ok<Order>('getOrder', { id: split.id })).tenders.find((t) => t.kind === 'cash')!;
  const afterCash = await ok<Order>('refundTender', { tenderId: cashTender.id, amount: 1000 });
  expect(afterCash.cashReceipts[0]).toMatchObject({ cancelledAmount: 1000 });
  m.cashRefunds += 1000;
  m.receiptCancelled += 1000;
  await ok('refundTender', { tenderId: afterCash.tenders.find((t) => t.kind === 'qr')!.id, amount: 5000 });
  m.qrRefunds += 5000;
  const refundedPlain = await ok<Payment>('refundPayment', { paymentId: plain.id, amount: 2000 });
  expect(refundedPlain.refundedAmount).toBe(2000);
  m.qrRefunds += 2000;

  await ok('drawerMovement', { kind: 'paid_in', amount: 1000, reason: '잔돈' });
  await ok('drawerMovement', { kind: 'paid_out', amount: 2000, reason: '우유' });
  m.paidIn += 1000;
  m.paidOut += 2000;
  const expected1 = 50_000 + 4500 + 3500 - 1000 + 1000 - 2000;
  const counts1 = { '50000': 1, '5000': 1 }; // 55,000 = expected − 1,000
  const c1 = await ok<DrawerSession>('closeDrawer', { counts: counts1, note: '천원 부족' });
  expect(c1.report.expected).toBe(expected1);
  m.counted += countTotal(counts1);

  // a sale after the close is refused until the next session, then lands in it
  const late = await call('checkout', { items: items(3000), qrText: await qr() });
  expect(late.ok ? null : late.error.code).toBe('DRAWER_NOT_OPEN');
  const s2 = await ok<DrawerSession>('openDrawer', { float: 10_000 });
  m.float += 10_000;
  const next = await ok<Payment>('checkout', { items: items(3000), qrText: await qr() });
  expect(sessionOf(next.id)).toBe(s2.id);
  m.qr.push(3000);
  const o2 = await ok<Order>('createOrder', { items: items(6000) });
  await ok('addCashTender', { orderId: o2.id, received: 6000 });
  m.cash.push(6000);
  const c2 = await ok<DrawerSession>('closeDrawer', { counts: { '10000': 1, '5000': 1, '1000': 1 } });
  expect(c2.overShort).toBe(0);
  m.counted += 16_000;

  // the closed reports, each sale in exactly one of them
  expect(c1.report.byTender.qr).toEqual({ count: 2, amount: 27_000 });
  expect(c2.report.byTender.qr).toEqual({ count: 1, amount: 3000 });
  const day = seoulDay(new Date());
  const sessions = await ok<DrawerSession[]>('listDrawerSessions', { day });
  expect(sessions.map((s) => s.status)).toEqual(['closed', 'closed']);
  const sum = (f: (s: DrawerSession) => number) => sessions.reduce((n, s) => n + f(s), 0);

  const t = (await ok<Settlement>('getSettlement', { day })).report.tenders!;
  const sumCash = m.cash.reduce((a, b) => a + b, 0);
  const sumQr = m.qr.reduce((a, b) => a + b, 0);
  const modelExpected = m.float + sumCash - m.cashRefunds + m.paidIn - m.paidOut;
  // = the model
  expect(t.sessions).toEqual({ count: 2, open: 0, closed: 2 });
  expect(t.byTender).toEqual({ cash: { count: m.cash.length, amount: sumCash }, qr: { count: m.qr.length, amount: sumQr } });
  expect(t.refunds).toMatchObject({ cash: m.cashRefunds, qr: m.qrRefunds });
  expect(t.cash).toEqual({ float: m.float, sales: sumCash, refunds: m.cashRefunds, paidIn: m.paidIn, paidOut: m.paidOut, expected: modelExpected, counted: m.counted, overShort: m.counted - modelExpected });
  expect(t.cashReceipts).toEqual({ count: m.receipts, amount: m.receiptAmount, cancelledAmount: m.receiptCancelled });
  expect(t.net).toBe(sumCash + sumQr - m.cashRefunds - m.qrRefunds);
  // = the sum of the closed session reports
  expect(t.byTender.cash.amount).toBe(sum((s) => s.report.byTender.cash.amount));
  expect(t.byTender.qr.amount).toBe(sum((s) => s.report.byTender.qr.amount));
  expect(t.cash.expected).toBe(sum((s) => s.report.expected));
  expect(t.cash.overShort).toBe(sum((s) => s.overShort ?? 0));
  expect(t.refunds.qr).toBe(sum((s) => s.report.refunds.qr));

  // 일마감 freezes it; the CSV's 순매출 adds up to the same net; the printed 정산서 carries the cash side
  const closed = await ok<Settlement>('closeDay', { day, acknowledgeWarnings: true });
  expect(closed.report.tenders).toEqual(t);
  const csv = await ok<CsvExport>('exportCsv', { from: day, to: day });
  const rows = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(','));
  const header = rows[0]!;
  const col = (name: string) => header.indexOf(name);
  const body = rows.slice(1);
  expect(body.reduce((n, r) => n + Number(r[col('순매출')]), 0)).toBe(t.net);
  expect(body.filter((r) => r[col('type')] === 'cash_sale').map((r) => Number(r[col('거래금액')]))).toEqual(m.cash);
  expect(body.filter((r) => r[col('type')] === 'paid_out').map((r) => Number(r[col('거래금액')]))).toEqual([2000]);
  expect(body.filter((r) => r[col('type')] === 'drawer_close').map((r) => Number(r[col('거래금액')]))).toEqual([-1000, 0]);
  const printed = (await ok<{ text: string[] }>('getSettlementPreview', { day })).text.join('\n');
  expect(printed).toMatch(/현금 3건\s+14,000원/);
  expect(printed).toMatch(/과부족 \(부족\)\s+-1,000원/);
  expect(printed).toMatch(/발급 1건\s+3,500원/);
});
