/**
 * The approval cross-check on every path that can record a payment approved (issue 10 §2): a bank that
 * approves another amount, order id, tid or merchant — in its approve answer and its look-up alike (the
 * simulator's `mismatch` fault) — never gets the payment recorded approved. It is held as unknown
 * APPROVAL_MISMATCH (the cashier's message says: cancel it at the backend, or check again), recovery moves
 * on at once, and once it is cancelled at the backend a recheck settles it and the next sale goes through.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { createGateway } from '../../electron/core/services/gateway/create-gateway';
import type { Payment, StoreProfile } from '../../shared/contract';
import { ERROR_MESSAGES } from '../../shared/domain/errors';
import { addFault, businessNo, createCustomer, issueQr, startHarness, type Harness } from '../property/sim-harness';
import { remoteCore, rpc } from './remote-core';

let h: Harness;
let dir: string;
const cores: Core[] = [];
beforeEach(async () => {
  h = await startHarness({ faults: true });
  dir = mkdtempSync(join(tmpdir(), 'mismatch-'));
});
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close().catch(() => undefined);
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

const items = [{ name: '아메리카노', unitPrice: 4500, quantity: 1, taxFree: false }];
const registration = () => ({ businessNo: businessNo(), name: '하나카페', representative: '김하나', phone: '02-1234-5678', address1: '서울특별시 중구', address2: '을지로 35', postNo: '04523' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function start(delays: readonly number[] = [30, 60, 90]): Promise<Core> {
  const c = await remoteCore(dir, h.url, { lookupDelaysMs: delays });
  cores.push(c);
  return c;
}
async function stop(c: Core): Promise<void> {
  cores.splice(cores.indexOf(c), 1);
  await c.close();
}
async function until(c: Core, id: number, test: (p: Payment) => boolean, ms = 8000): Promise<Payment> {
  const end = Date.now() + ms;
  let p = c.payments.get(id);
  while (Date.now() < end && !test(p)) {
    await sleep(20);
    p = c.payments.get(id);
  }
  return p;
}
const isMismatch = (p: Payment) => p.status === 'unknown' && p.error?.code === 'APPROVAL_MISMATCH';
const statuses = (c: Core, id: number) => (c.db.prepare('SELECT status FROM payment_events WHERE payment_id = ? ORDER BY id').all(id) as { status: string }[]).map((e) => e.status);

async function setup(c: Core): Promise<{ cid: string; qr: string }> {
  const reg = await rpc<StoreProfile>(c, 'registerStore', registration());
  if (!reg.ok) throw new Error(reg.error.code);
  const customer = await createCustomer(h, { name: '김불일', accounts: [{ balance: 100_000 }] });
  return { cid: reg.value.cid, qr: await issueQr(h, customer.id) };
}
/** The cashier's way out: cancel the bank's approval at the backend (its admin page; here its API). */
async function cancelAtBackend(cid: string, p: Payment): Promise<void> {
  const gw = createGateway({ dialect: 'oneqpay', baseUrl: h.url, timeoutMs: 5000 });
  const remote = await gw.lookup(cid, p.orderId); // the fault is off by now: the bank's own record
  await gw.cancel({ cid, tid: remote.tid, orderId: p.orderId, cancelAmount: remote.amount, cancelTaxFreeAmount: 0 });
}

describe('a bank that approves something else', () => {
  it('amount in the approve answer and the look-up alike: held as APPROVAL_MISMATCH, never approved; cancel at the backend, recheck, then the next sale', async () => {
    const c = await start();
    const { cid, qr } = await setup(c);
    await addFault(h, { path: '/pay/success', mode: 'mismatch', field: 'amount' });
    await addFault(h, { path: '/pay/status', mode: 'mismatch', field: 'amount', count: 50 });
    const r = await rpc<Payment>(c, 'checkout', { items, qrText: qr });
    expect(r.ok && r.value).toMatchObject({ status: 'unknown', error: { code: 'APPROVAL_MISMATCH' } });
    const id = r.ok ? r.value.id : 0;
    await sleep(400); // every scheduled look-up has run
    const held = c.payments.get(id);
    expect(held).toMatchObject({ status: 'unknown', error: { code: 'APPROVAL_MISMATCH' } });
    expect(held.error?.detail).toContain('amount 5500');
    expect(statuses(c, id)).not.toContain('approved');
    // the cashier is told what to do, in both languages
    expect(ERROR_MESSAGES.APPROVAL_MISMATCH.ko).toContain('취소');
    expect(ERROR_MESSAGES.APPROVAL_MISMATCH.en).toContain('Cancel');
    // blocks the next sale exactly as an unknown payment does, with the reason
    const next = await rpc<Payment>(c, 'checkout', { items, qrText: await issueQr(h, 'demo') });
    expect(!next.ok && next.error.code).toBe('PAYMENT_IN_PROGRESS');

    const again = await rpc<Payment>(c, 'recheckPayment', { id });
    expect(again.ok && again.value).toMatchObject({ status: 'unknown', error: { code: 'APPROVAL_MISMATCH' } });
    await fetch(`${h.url}/sim/faults`, { method: 'DELETE' });
    await cancelAtBackend(cid, held);
    const settled = await rpc<Payment>(c, 'recheckPayment', { id });
    expect(settled.ok && settled.value.status).toBe('failed');
    const after = await rpc<Payment>(c, 'checkout', { items, qrText: await issueQr(h, 'demo') });
    expect(after.ok && after.value.status).toBe('approved');
  });

  it.each(['amount', 'order', 'tid', 'merchant'] as const)('%s, seen only by the look-up after a timeout: never approved', async (field) => {
    const c = await start();
    const { qr } = await setup(c);
    await addFault(h, { path: '/pay/success', mode: 'timeout', delay_ms: 1500 }); // done at the bank, answer lost
    await addFault(h, { path: '/pay/status', mode: 'mismatch', field, count: 50 });
    const r = await rpc<Payment>(c, 'checkout', { items, qrText: qr });
    expect(r.ok && r.value.status).toBe('unknown');
    const id = r.ok ? r.value.id : 0;
    const p = await until(c, id, isMismatch);
    expect(p).toMatchObject({ status: 'unknown', error: { code: 'APPROVAL_MISMATCH' } });
    await sleep(200);
    expect(c.payments.get(id).status).toBe('unknown');
    expect(statuses(c, id)).not.toContain('approved');
  });

  it('recovery at start: held as a mismatch after one look-up, without waiting through every delay', async () => {
    let c = await start();
    const { qr } = await setup(c);
    await addFault(h, { path: '/pay/success', mode: 'timeout', delay_ms: 1500 });
    const r = await rpc<Payment>(c, 'checkout', { items, qrText: qr });
    const id = r.ok ? r.value.id : 0;
    await stop(c); // the app stops while the outcome is unknown
    await sleep(1600);
    await addFault(h, { path: '/pay/status', mode: 'mismatch', field: 'amount', count: 50 });
    c = await start([30, 5000, 5000, 5000]); // a normal unknown would be looked up for 15 s
    const p = await until(c, id, isMismatch, 3000);
    expect(p).toMatchObject({ status: 'unknown', error: { code: 'APPROVAL_MISMATCH' } });
    // the look-up loop ended with the mismatch: one look-up, not one per delay
    expect((c.db.prepare("SELECT count(*) AS n FROM payment_events WHERE payment_id = ? AND detail = 'lookup: approval does not match'").get(id) as { n: number }).n).toBe(1);
    expect(statuses(c, id)).not.toContain('approved');
  });
});
