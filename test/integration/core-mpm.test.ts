/**
 * Merchant-presented QR through the core (router → MPM service → payment state machine → axios
 * gateway → the simulator over HTTP), in both dialects: the customer approves on the simulator's phone
 * endpoints; the cashier cancels; the wait times out; the customer approves exactly as the cashier
 * cancels (the ledger always matches the backend, money moves at most once); and the customer display
 * state that follows it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axios from 'axios';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { displayStateSchema, type Dialect, type DisplayState, type MethodName, type MpmSession, type Payment, type RpcResult } from '../../shared/contract';
import { createCore, type Core } from '../../electron/core/core';
import { createGateway } from '../../electron/core/services/gateway/create-gateway';
import { startSimulator, type Simulator } from '../../electron/simulator/server';
import { ensureDrawerOpen } from '../fixtures/drawer-session';

const registration = { businessNo: '220-81-62517', name: '하나카페 을지로점', representative: '김하나', phone: '02-1234-5678', address1: '서울특별시 중구', address2: '을지로 35 1층', postNo: '04523' };
const items = [
  { name: '아메리카노', unitPrice: 4500, quantity: 1, taxFree: false },
  { name: '쿠키', unitPrice: 3000, quantity: 1, taxFree: false },
];
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

let dir: string;
let sim: Simulator;
let core: Core;
let displays: DisplayState[];

async function call<T>(method: MethodName, input: unknown = {}): Promise<RpcResult<T>> {
  return (await core.router.call(method, input)) as RpcResult<T>;
}
async function ok<T>(method: MethodName, input: unknown = {}): Promise<T> {
  const r = await call<T>(method, input);
  if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.detail ?? ''}`);
  return r.value;
}
async function openCore(dialect: Dialect, mpmTimeoutMs = 60_000, pollMs = 30): Promise<Core> {
  const c = await createCore({ dataDir: dir, shell: 'web', version: 'test', lookupDelaysMs: [50, 100, 200, 400], customerSide: { pollMs, quitWaitMs: 3000, approvedMs: 150, thanksMs: 150 } });
  const r = await c.router.call('updateSettings', { backend: { mode: 'remote', url: sim.url, dialect }, paymentTimeoutMs: 2000, mpmTimeoutMs });
  if (!r.ok) throw new Error(r.error.code);
  await ensureDrawerOpen(c);
  displays = [];
  c.events.subscribe((e) => {
    if (e.name === 'display.state') displays.push(displayStateSchema.parse(e.payload));
  });
  return c;
}
/** A customer with one account holding `balance`; returns its id and the account's method id. */
async function newCustomer(balance: number): Promise<{ id: string; method: string }> {
  const id = `c${Math.random().toString(36).slice(2, 10)}`;
  await axios.post(`${sim.url}/wallet/api/customers`, { id, name: '폰고객', accounts: [{ balance, alias: '생활비' }] });
  const res = await axios.get<{ methods: { method_id: string }[] }>(`${sim.url}/wallet/api/customers/${id}`);
  return { id, method: res.data.methods.find((m) => m.method_id.startsWith('A'))!.method_id };
}
async function accountBalance(customer: string): Promise<number> {
  const res = await axios.get<{ methods: { method_id: string; available: number }[] }>(`${sim.url}/wallet/api/customers/${customer}`);
  return res.data.methods.find((m) => m.method_id.startsWith('A'))!.available;
}
/** What the customer's phone does after scanning the QR: open the page, then approve with the password. */
async function phoneApprove(dialect: Dialect, qrText: string, tid: string, who: { id: string; method: string }, pin = '000000'): Promise<number> {
  const sep = qrText.includes('?') ? '&' : '?';
  expect((await fetch(`${qrText}${sep}as=${who.id}`)).status).toBe(200);
  const body = new URLSearchParams({ customer: who.id, method_id: who.method, pin, ...(dialect === 'oneqpay' ? { tid } : {}) }).toString();
  const path = dialect === 'kakaopay' ? `/kakaopay/m/${tid}/approve` : '/pay/oneq/transfer/approve';
  return (await fetch(`${sim.url}${path}`, { method: 'POST', headers: FORM, body })).status;
}
/** The backend's own view of the order (through a gateway of its own, with the merchant's stored keys). */
async function remote(p: Payment): Promise<{ status: string; detail: string }> {
  const credentials = { cidSecret: (await core.secrets.get('merchant.cidSecret')) ?? undefined, adminKey: (await core.secrets.get('merchant.adminKey')) ?? undefined };
  const gw = createGateway({ dialect: p.tid!.startsWith('T') ? 'kakaopay' : 'oneqpay', baseUrl: sim.url, timeoutMs: 2000, credentials });
  const l = await gw.lookupByTid(p.cid, p.tid!);
  return { status: l.status, detail: l.detailStatus ?? l.status };
}
async function until(fn: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
const events = (id: number) => core.db.prepare('SELECT status, detail FROM payment_events WHERE payment_id = ? ORDER BY id').all(id) as { status: string; detail: string | null }[];
const statusOf = async (id: number) => (await ok<Payment>('getPayment', { id })).status;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'core-mpm-'));
  sim = await startSimulator({ dbFile: join(dir, 'bank.sqlite'), port: 0, faults: true });
});
afterEach(async () => {
  await core?.close();
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(['oneqpay', 'kakaopay'] as const)('merchant-presented QR in the %s dialect', (dialect) => {
  beforeEach(async () => {
    core = await openCore(dialect);
    await ok('registerStore', registration);
  });

  it('the display shows the cart and the phone QR; the customer approves on the phone; the core approves; the display thanks and goes idle', async () => {
    const who = await newCustomer(100_000);
    const cart = await ok<DisplayState>('setDisplayState', { phase: 'cart', items });
    expect(cart).toMatchObject({ phase: 'cart', amount: 7500, items, storeName: registration.name });

    const s = await ok<MpmSession>('startMpmPayment', { items });
    expect(s.payment).toMatchObject({ status: 'ready', flow: 'mpm', amount: 7500, qrMasked: '' });
    expect(s.qrText).toBe(dialect === 'kakaopay' ? `${sim.url}/kakaopay/m/${s.payment.tid}` : `${sim.url}/pay/oneq/transfer?tid=${s.payment.tid}`);
    expect(Date.parse(s.expiresAt) - Date.now()).toBeGreaterThan(50_000);
    expect(await ok<DisplayState>('getDisplayState')).toMatchObject({ phase: 'mpm_qr', qrText: s.qrText, expiresAt: s.expiresAt, amount: 7500, paymentId: s.payment.id });
    // the cashier's screen cannot change what the customer sees while the payment is under way
    expect((await ok<DisplayState>('setDisplayState', { phase: 'idle', items: [] })).phase).toBe('mpm_qr');
    expect((await call('startMpmPayment', { items })).ok).toBe(false); // one at a time

    expect(await phoneApprove(dialect, s.qrText, s.payment.tid!, who)).toBe(200);
    await until(async () => (await statusOf(s.payment.id)) === 'approved');
    expect(events(s.payment.id).map((e) => e.status)).toEqual(['created', 'ready_requested', 'ready', 'approve_requested', 'approved']);
    expect(await accountBalance(who.id)).toBe(100_000 - 7500);
    expect(await remote(s.payment)).toMatchObject({ status: 'APPROVED' });
    const listed = await ok<Payment[]>('listPayments');
    expect(listed[0]).toMatchObject({ id: s.payment.id, status: 'approved', flow: 'mpm' });

    await until(() => displays.at(-1)?.phase === 'idle');
    const phases = displays.map((d) => d.phase);
    expect(phases.slice(phases.indexOf('mpm_qr'))).toEqual(['mpm_qr', 'processing', 'approved', 'thanks', 'idle']);
    expect(displays.every((d, i) => i === 0 || d.seq > displays[i - 1]!.seq)).toBe(true);
    // the sale is an ordinary sale: refundable like any other
    const refunded = await ok<Payment>('refundPayment', { paymentId: s.payment.id, amount: 7500 });
    expect(refunded.refundedAmount).toBe(7500);
    expect(displays.at(-1)!.phase).toBe('idle'); // a refund does not move the customer display
  });

  it('the cashier cancels: failed PAYMENT_CANCELLED, the tid is withdrawn, the phone can no longer pay, the display is back on the cart', async () => {
    const who = await newCustomer(50_000);
    await ok('setDisplayState', { phase: 'cart', items });
    const s = await ok<MpmSession>('startMpmPayment', { items });
    const cancelled = await ok<Payment>('cancelMpmPayment', { paymentId: s.payment.id });
    expect(cancelled).toMatchObject({ status: 'failed', error: { code: 'PAYMENT_CANCELLED' } });
    expect((await remote(s.payment)).status).toBe('FAILED');
    expect(await phoneApprove(dialect, s.qrText, s.payment.tid!, who).catch(() => 0)).not.toBe(200);
    expect(await accountBalance(who.id)).toBe(50_000);
    expect(displays.at(-1)).toMatchObject({ phase: 'cart', amount: 7500, items });
    // cancelling again answers the same; a new request can start
    expect(await ok<Payment>('cancelMpmPayment', { paymentId: s.payment.id })).toMatchObject({ status: 'failed' });
    const again = await ok<MpmSession>('startMpmPayment', { items });
    expect(again.payment.id).not.toBe(s.payment.id);
    await ok('cancelMpmPayment', { paymentId: again.payment.id });
  });

  it('the customer quits on the phone: failed CUSTOMER_QUIT, the display says why', async () => {
    const s = await ok<MpmSession>('startMpmPayment', { items });
    const quitPath = dialect === 'kakaopay' ? `/kakaopay/m/${s.payment.tid}/quit` : '/pay/oneq/transfer/quit';
    await fetch(`${sim.url}${quitPath}`, { method: 'POST', headers: FORM, body: dialect === 'oneqpay' ? `tid=${s.payment.tid}` : '' });
    await until(async () => (await statusOf(s.payment.id)) === 'failed');
    expect((await ok<Payment>('getPayment', { id: s.payment.id })).error?.code).toBe('CUSTOMER_QUIT');
    expect(displays.at(-1)).toMatchObject({ phase: 'declined', message: 'CUSTOMER_QUIT' });
  });
});

describe.each(['oneqpay', 'kakaopay'] as const)('timeout and races in the %s dialect', (dialect) => {
  it('times out cleanly: failed PAYMENT_EXPIRED, withdrawn at the backend, display idle', async () => {
    core = await openCore(dialect, 1000);
    await ok('registerStore', registration);
    await ok('setDisplayState', { phase: 'cart', items });
    const s = await ok<MpmSession>('startMpmPayment', { items });
    expect(Date.parse(s.expiresAt) - Date.now()).toBeLessThanOrEqual(1000);
    await until(async () => (await statusOf(s.payment.id)) === 'failed', 5000);
    expect((await ok<Payment>('getPayment', { id: s.payment.id })).error?.code).toBe('PAYMENT_EXPIRED');
    await until(async () => (await remote(s.payment)).status === 'FAILED', 5000);
    await until(() => displays.at(-1)?.phase === 'idle');
    expect(events(s.payment.id).map((e) => e.status)).toEqual(['created', 'ready_requested', 'ready', 'failed']);
  });

  it('the customer authorized but the cashier cancels before the terminal saw it: failed, withdrawn, nothing charged', async () => {
    core = await openCore(dialect, 60_000, 60_000); // the terminal does not look again in this test
    await ok('registerStore', registration);
    const who = await newCustomer(20_000);
    const s = await ok<MpmSession>('startMpmPayment', { items });
    expect(await phoneApprove(dialect, s.qrText, s.payment.tid!, who)).toBe(200);
    const p = await ok<Payment>('cancelMpmPayment', { paymentId: s.payment.id });
    expect(p).toMatchObject({ status: 'failed', error: { code: 'PAYMENT_CANCELLED' } });
    expect((await remote(s.payment)).status).toBe('FAILED');
    expect(await accountBalance(who.id)).toBe(20_000);
  });

  it('the approval already went out when the cashier cancels: the cancel answers approved, charged once', async () => {
    core = await openCore(dialect);
    await ok('registerStore', registration);
    const who = await newCustomer(20_000);
    await axios.post(`${sim.url}/sim/faults`, { path: dialect === 'kakaopay' ? '/v1/payment/approve' : '/pay/success', mode: 'delay', delay_ms: 600, count: 1 });
    const s = await ok<MpmSession>('startMpmPayment', { items });
    expect(await phoneApprove(dialect, s.qrText, s.payment.tid!, who)).toBe(200);
    await until(async () => (await statusOf(s.payment.id)) === 'approve_requested');
    const p = await ok<Payment>('cancelMpmPayment', { paymentId: s.payment.id });
    expect(p.status).toBe('approved');
    expect(await remote(s.payment)).toMatchObject({ status: 'APPROVED' });
    expect(await accountBalance(who.id)).toBe(20_000 - 7500);
  });

  it('customer approves exactly as the cashier cancels (repeated): the ledger always matches the backend and the money', async () => {
    core = await openCore(dialect, 60_000, 5);
    await ok('registerStore', registration);
    const outcomes: string[] = [];
    for (let i = 0; i < 8; i++) {
      const who = await newCustomer(10_000);
      const s = await ok<MpmSession>('startMpmPayment', { items });
      const cancelAfter = [0, 15, 30, 60][i % 4]!; // ms after the phone starts: sometimes before, sometimes after the terminal sees it
      const [, cancelled] = await Promise.all([
        phoneApprove(dialect, s.qrText, s.payment.tid!, who).catch(() => 0),
        new Promise((r) => setTimeout(r, cancelAfter)).then(() => ok<Payment>('cancelMpmPayment', { paymentId: s.payment.id })),
      ]);
      await until(async () => ['approved', 'failed'].includes(await statusOf(s.payment.id)));
      const ledger = await ok<Payment>('getPayment', { id: s.payment.id });
      expect(['approved', 'failed']).toContain(cancelled.status);
      expect(ledger.status).toBe(cancelled.status); // what the cancel answered is what the ledger keeps
      const back = await remote(s.payment);
      const balance = await accountBalance(who.id);
      if (ledger.status === 'approved') {
        expect(back.status).toBe('APPROVED');
        expect(balance).toBe(10_000 - 7500);
      } else {
        expect(ledger.error?.code).toBe('PAYMENT_CANCELLED');
        expect(back.status).toBe('FAILED');
        expect(balance).toBe(10_000);
      }
      outcomes.push(ledger.status);
    }
    expect(outcomes.length).toBe(8);
  });
});

describe('customer display state', () => {
  beforeEach(async () => {
    core = await openCore('oneqpay');
  });

  it('validates what the cashier sends; the payment phases are the core’s', async () => {
    const initial = await ok<DisplayState>('getDisplayState');
    expect(displayStateSchema.safeParse(initial).success).toBe(true);
    expect(initial).toMatchObject({ phase: 'idle', items: [], amount: 0, storeName: '' });
    for (const bad of [
      { phase: 'approved', items: [] },
      { phase: 'cart', items: [{ name: '', unitPrice: 100, quantity: 1 }] },
      { phase: 'cart', items: [{ name: 'x', unitPrice: 1.5, quantity: 1 }] },
      { phase: 'cart', items: [{ name: 'x', unitPrice: 100, quantity: 1000 }] },
      { phase: 'cart', items: [], extra: 1 },
      { phase: 'cart' },
    ]) {
      const r = await call('setDisplayState', bad);
      expect(r.ok).toBe(false);
    }
    expect(displays).toHaveLength(0);
    const s = await ok<DisplayState>('setDisplayState', { phase: 'awaiting_scan', items: [{ name: '빵', unitPrice: 2000, quantity: 3 }] });
    expect(s).toMatchObject({ phase: 'awaiting_scan', amount: 6000, totals: { total: 6000, vat: 545, supply: 5455, taxFree: 0, quantity: 3 } });
    expect(displays.at(-1)).toEqual(s);
    // an empty cart is idle whatever phase the cashier names
    expect((await ok<DisplayState>('setDisplayState', { phase: 'cart', items: [] })).phase).toBe('idle');
  });

  it('follows a scanned sale: processing → approved → thanks → idle; a declined sale shows the reason', async () => {
    await ok('registerStore', registration);
    await ok('setDisplayState', { phase: 'awaiting_scan', items });
    const qr = async (customer: string) => (await axios.post<{ qr_text: string }>(`${sim.url}/wallet/api/customers/${customer}/qr`, { method: '계좌' })).data.qr_text;
    const p = await ok<Payment>('checkout', { items, qrText: await qr('demo') });
    expect(p.status).toBe('approved');
    await until(() => displays.at(-1)?.phase === 'idle');
    expect(displays.map((d) => d.phase)).toEqual(['awaiting_scan', 'processing', 'processing', 'processing', 'processing', 'approved', 'thanks', 'idle']);

    const poor = await newCustomer(1000);
    await ok('setDisplayState', { phase: 'awaiting_scan', items });
    const declined = await ok<Payment>('checkout', { items, qrText: await qr(poor.id) });
    expect(declined).toMatchObject({ status: 'failed', error: { code: 'INSUFFICIENT_BALANCE' } });
    expect(displays.at(-1)).toMatchObject({ phase: 'declined', message: 'INSUFFICIENT_BALANCE', amount: 7500 });
    // the cashier retries: the cart again
    expect((await ok<DisplayState>('setDisplayState', { phase: 'awaiting_scan', items })).phase).toBe('awaiting_scan');
  });
});
