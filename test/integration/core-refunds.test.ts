/**
 * Refunds through the core (router → refund service → axios gateway → the simulator over HTTP), in
 * both dialects: full and partial cancels, cumulative limits, money given back exactly once even when
 * the cancel's answer is lost, recovery of a cancel a crash left open, and the merchant keys kept
 * out of the renderer's reach.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axios from 'axios';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { METHOD_NAMES, type Dialect, type MethodName, type Payment, type RpcResult } from '../../shared/contract';
import { createCore, type Core } from '../../electron/core/core';
import { startSimulator, type Simulator } from '../../electron/simulator/server';
import { ensureDrawerOpen } from '../fixtures/drawer-session';

const registration = { businessNo: '220-81-62517', name: '하나카페 을지로점', representative: '김하나', phone: '02-1234-5678', address1: '서울특별시 중구', address2: '을지로 35 1층', postNo: '04523' };

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
async function openCore(dialect: Dialect): Promise<Core> {
  const c = await createCore({ dataDir: dir, shell: 'web', version: 'test', lookupDelaysMs: [50, 100, 200, 400] });
  const r = await c.router.call('updateSettings', { backend: { mode: 'remote', url: sim.url, dialect }, paymentTimeoutMs: 1000 });
  if (!r.ok) throw new Error(r.error.code);
  await ensureDrawerOpen(c);
  return c;
}
/** A customer with one account holding `balance`; returns its id. */
async function newCustomer(balance: number): Promise<string> {
  const id = `c${Math.random().toString(36).slice(2, 10)}`;
  await axios.post(`${sim.url}/wallet/api/customers`, { id, name: '환불고객', accounts: [{ balance, alias: '생활비' }] });
  return id;
}
async function accountBalance(customer: string): Promise<number> {
  const res = await axios.get<{ methods: { method_id: string; available: number }[] }>(`${sim.url}/wallet/api/customers/${customer}`);
  return res.data.methods.find((m) => m.method_id.startsWith('A'))!.available;
}
async function qrOf(customer: string): Promise<string> {
  return (await axios.post<{ qr_text: string }>(`${sim.url}/wallet/api/customers/${customer}/qr`, { method: '계좌' })).data.qr_text;
}
async function sale(customer: string, items = [{ name: '아메리카노', unitPrice: 4500, quantity: 2, taxFree: false }]): Promise<Payment> {
  const p = await ok<Payment>('checkout', { items, qrText: await qrOf(customer) });
  expect(p.status).toBe('approved');
  return p;
}
async function fault(spec: Record<string, unknown>): Promise<void> {
  await axios.post(`${sim.url}/sim/faults`, spec);
}
async function until(fn: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'core-refunds-'));
  sim = await startSimulator({ dbFile: join(dir, 'bank.sqlite'), port: 0, faults: true });
});
afterEach(async () => {
  await core?.close();
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(['oneqpay', 'kakaopay'] as const)('refunds in the %s dialect', (dialect) => {
  beforeEach(async () => {
    core = await openCore(dialect);
    await ok('registerStore', registration);
  });

  it('partial then the rest: each recorded, money back once, never more than paid', async () => {
    const customer = await newCustomer(100_000);
    const p = await sale(customer);
    expect(await accountBalance(customer)).toBe(91_000);

    const part = await ok<Payment>('refundPayment', { paymentId: p.id, amount: 3000 });
    expect(part.refunds).toHaveLength(1);
    expect(part.refunds[0]).toMatchObject({ status: 'cancelled', amount: 3000, taxFree: 0 });
    expect(part.refunds[0]!.vat).toBe(273);
    expect(part.refunds[0]!.cancelledAt).toMatch(/Z$/);
    expect(part).toMatchObject({ status: 'approved', refundedAmount: 3000, refundableAmount: 6000 });
    expect(await accountBalance(customer)).toBe(94_000);

    const over = await call('refundPayment', { paymentId: p.id, amount: 6001 });
    expect(over).toMatchObject({ ok: false, error: { code: 'CANCEL_AMOUNT_EXCEEDED' } });

    const rest = await ok<Payment>('refundPayment', { paymentId: p.id, amount: 6000 });
    expect(rest).toMatchObject({ refundedAmount: 9000, refundableAmount: 0 });
    expect(rest.refunds.map((r) => r.status)).toEqual(['cancelled', 'cancelled']);
    // the last cancel takes the remaining VAT: 818 in all
    expect(rest.refunds.reduce((n, r) => n + r.vat, 0)).toBe(818);
    expect(await accountBalance(customer)).toBe(100_000);
    expect(await call('refundPayment', { paymentId: p.id, amount: 1 })).toMatchObject({ ok: false, error: { code: 'CANCEL_AMOUNT_EXCEEDED' } });

    // the payment's history shows the cancels in order
    const history = core.db.prepare('SELECT status FROM payment_events WHERE payment_id = ? ORDER BY id').all(p.id).map((r) => (r as { status: string }).status);
    expect(history.slice(-6)).toEqual(['refund.created', 'refund.cancel_requested', 'refund.cancelled', 'refund.created', 'refund.cancel_requested', 'refund.cancelled']);
  });

  it('tax-free part: all of the rest on a full cancel, proportional on a partial one, checked when given', async () => {
    const customer = await newCustomer(100_000);
    const p = await sale(customer, [
      { name: '생수', unitPrice: 2000, quantity: 1, taxFree: true },
      { name: '샌드위치', unitPrice: 8000, quantity: 1, taxFree: false },
    ]);
    expect(p.taxFree).toBe(2000);
    expect(await call('refundPayment', { paymentId: p.id, amount: 1000, taxFree: 1500 })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const half = await ok<Payment>('refundPayment', { paymentId: p.id, amount: 5000 });
    expect(half.refunds[0]).toMatchObject({ status: 'cancelled', amount: 5000, taxFree: 1000 });
    const rest = await ok<Payment>('refundPayment', { paymentId: p.id, amount: 5000 });
    expect(rest.refunds[1]).toMatchObject({ status: 'cancelled', amount: 5000, taxFree: 1000 });
    expect(rest.refundedAmount).toBe(10_000);
  });

  it('refuses what is not an approved payment, before any network call', async () => {
    const r = await call('refundPayment', { paymentId: 999, amount: 1000 });
    expect(r).toMatchObject({ ok: false, error: { code: 'PAYMENT_NOT_FOUND' } });
    const bad = await call('refundPayment', { paymentId: 1, amount: 0 });
    expect(bad.ok).toBe(false);
  });

  it("the cancel's answer is lost after the bank did it: unknown, then settled with the same request id — refunded once", async () => {
    const customer = await newCustomer(50_000);
    const p = await sale(customer);
    const cancelPath = dialect === 'oneqpay' ? '/pay/cancel' : '/v1/payment/cancel';
    await fault({ path: cancelPath, mode: 'timeout', delay_ms: 3000, count: 1 });
    const first = await ok<Payment>('refundPayment', { paymentId: p.id, amount: 9000 });
    expect(first.refunds[0]!.status).toBe('unknown');
    expect(first.refunds[0]!.error?.code).toBe('REFUND_UNKNOWN');
    expect(first.refundableAmount).toBe(0); // an open cancel counts as taken: no second refund meanwhile
    expect(await call('refundPayment', { paymentId: p.id, amount: 1000 })).toMatchObject({ ok: false, error: { code: 'REFUND_IN_PROGRESS' } });
    await until(async () => (await ok<Payment>('getPayment', { id: p.id })).refunds[0]!.status === 'cancelled');
    expect(await accountBalance(customer)).toBe(50_000);
    const settled = await ok<Payment>('getPayment', { id: p.id });
    expect(settled).toMatchObject({ refundedAmount: 9000, refundableAmount: 0 });
  });

  it('a reset before the bank saw it: unknown, then done by the retry — refunded once', async () => {
    const customer = await newCustomer(50_000);
    const p = await sale(customer);
    const cancelPath = dialect === 'oneqpay' ? '/pay/cancel' : '/v1/payment/cancel';
    await fault({ path: cancelPath, mode: 'reset', count: 1 });
    const first = await ok<Payment>('refundPayment', { paymentId: p.id, amount: 4000 });
    expect(first.refunds[0]!.status).toBe('unknown');
    await until(async () => (await ok<Payment>('getPayment', { id: p.id })).refunds[0]!.status === 'cancelled');
    expect(await accountBalance(customer)).toBe(45_000);
  });

  it('a declined cancel is failed and gives nothing back; the payment can still be cancelled later', async () => {
    const customer = await newCustomer(50_000);
    const p = await sale(customer);
    const cancelPath = dialect === 'oneqpay' ? '/pay/cancel' : '/v1/payment/cancel';
    await fault({ path: cancelPath, mode: 'code', code: 'A0017', count: 1 });
    const first = await ok<Payment>('refundPayment', { paymentId: p.id, amount: 9000 });
    expect(first.refunds[0]).toMatchObject({ status: 'failed', error: { code: 'BANK_TIMEOUT_REJECTED' } });
    expect(first.refundableAmount).toBe(9000);
    expect(await accountBalance(customer)).toBe(41_000);
    const again = await ok<Payment>('refundPayment', { paymentId: p.id, amount: 9000 });
    expect(again.refunds.map((r) => r.status)).toEqual(['failed', 'cancelled']);
    expect(await accountBalance(customer)).toBe(50_000);
  });

  it('a cancel a crash left open is settled on the next start, before anything else', async () => {
    const customer = await newCustomer(50_000);
    const p = await sale(customer);
    const cancelPath = dialect === 'oneqpay' ? '/pay/cancel' : '/v1/payment/cancel';
    // the bank does the cancel but the terminal "dies" before hearing back
    await fault({ path: cancelPath, mode: 'timeout', delay_ms: 60_000, count: 1 });
    const pending = core.router.call('refundPayment', { paymentId: p.id, amount: 9000 });
    const requested = () => (core.db.prepare(`SELECT count(*) AS n FROM refunds WHERE status = 'cancel_requested'`).get() as { n: number }).n === 1;
    await until(async () => requested());
    await until(async () => (await accountBalance(customer)) === 50_000);
    const abandoned = core;
    // a second terminal process on the same ledger takes over (the first is gone for good)
    core = await openCore(dialect);
    await until(async () => (await ok<Payment>('getPayment', { id: p.id })).refunds[0]!.status === 'cancelled');
    expect(await accountBalance(customer)).toBe(50_000);
    // the first process ends; its held request is answered only into a closed ledger
    await abandoned.close();
    await axios.delete(`${sim.url}/sim/faults`);
    expect((await pending).ok).toBe(false);
    expect(await accountBalance(customer)).toBe(50_000);
  });

  it('a cancel that never left (crash right after it was recorded) is failed on the next start: nothing happened', async () => {
    const customer = await newCustomer(50_000);
    const p = await sale(customer);
    await core.close();
    // what a crash between "created" and "cancel_requested" leaves behind
    const { openLedger } = await import('../../electron/core/db/open-ledger');
    const db = openLedger(dir);
    const now = new Date().toISOString();
    db.prepare(`INSERT INTO refunds (payment_id, request_id, status, amount, tax_free, created_at, updated_at) VALUES (?, ?, 'created', 9000, 0, ?, ?)`).run(p.id, `${p.orderId}-C1`, now, now);
    db.close();
    core = await openCore(dialect);
    await until(async () => (await ok<Payment>('getPayment', { id: p.id })).refunds[0]!.status === 'failed');
    expect(await accountBalance(customer)).toBe(41_000);
    expect((await ok<Payment>('getPayment', { id: p.id })).refundableAmount).toBe(9000);
  });
});

describe('merchant keys', () => {
  it('registration stores them encrypted-at-rest or 0600, they are used for Kakao calls, and no method ever returns them', async () => {
    core = await openCore('kakaopay');
    expect(await ok('getCredentialsStatus')).toMatchObject({ cidSecret: false, adminKey: false });
    await ok('registerStore', registration);
    expect(await ok('getCredentialsStatus')).toMatchObject({ cidSecret: true, adminKey: true, protection: 'file mode 0600' });
    const file = join(dir, 'secrets.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const secrets = JSON.parse(readFileSync(file, 'utf8')) as { values: Record<string, string> };
    const adminKey = secrets.values['merchant.adminKey']!;
    const cidSecret = secrets.values['merchant.cidSecret']!;
    expect(adminKey).toMatch(/^[0-9a-f]{32}$/);

    const customer = await newCustomer(50_000);
    const p = await sale(customer);

    // every method without required input, and the payment reads: none carries a key
    const outputs: string[] = [];
    for (const m of METHOD_NAMES) outputs.push(JSON.stringify(await core.router.call(m, {})));
    outputs.push(JSON.stringify(await core.router.call('getPayment', { id: p.id })));
    outputs.push(JSON.stringify(await core.router.call('listPayments', {})));
    for (const o of outputs) {
      expect(o).not.toContain(adminKey);
      expect(o).not.toContain(cidSecret);
    }
    // nor the ledger
    expect(readFileSync(join(dir, 'ledger.sqlite')).includes(Buffer.from(adminKey))).toBe(false);

    // the Kakao dialect needs a key: without one the sale is refused by the backend, nothing charged
    await ok('setCredentials', { cidSecret: null, adminKey: null });
    expect(await ok('getCredentialsStatus')).toMatchObject({ cidSecret: false, adminKey: false });
    const refused = await call<Payment>('checkout', { items: [{ name: '라떼', unitPrice: 5000, quantity: 1, taxFree: false }], qrText: await qrOf(customer) });
    expect(refused.ok && refused.value.status).toBe('failed');
    expect(refused.ok && refused.value.error?.code).toBe('MERCHANT_AUTH_FAILED');
    expect(await accountBalance(customer)).toBe(41_000);

    // a wrong key is refused too; the right one works again
    await ok('setCredentials', { adminKey: '0'.repeat(32) });
    const wrong = await call<Payment>('checkout', { items: [{ name: '라떼', unitPrice: 5000, quantity: 1, taxFree: false }], qrText: await qrOf(customer) });
    expect(wrong.ok && wrong.value.error?.code).toBe('MERCHANT_AUTH_FAILED');
    await ok('setCredentials', { adminKey });
    await sale(customer, [{ name: '라떼', unitPrice: 5000, quantity: 1, taxFree: false }]);
    expect(await accountBalance(customer)).toBe(36_000);
  });

  it('refuses keys that are not printable text', async () => {
    core = await openCore('oneqpay');
    expect(await call('setCredentials', { cidSecret: 'short' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await call('setCredentials', { adminKey: '한글키입니다한글키' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});
