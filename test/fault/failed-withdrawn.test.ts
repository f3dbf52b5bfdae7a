/**
 * A scanned-QR payment the terminal records as failed is withdrawn at the bank (the quit route, as the
 * merchant-presented flow does), so nothing can approve it later (issue 10 §2): after a rejected approve
 * that left the tid READY at the bank, and after a restart that found a READY payment never approved.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { createGateway } from '../../electron/core/services/gateway/create-gateway';
import { newOrderId } from '../../electron/core/services/payment/order-id';
import { PaymentRepo } from '../../electron/core/services/payment/payment-repo';
import type { Payment, StoreProfile } from '../../shared/contract';
import { cartTotals } from '../../shared/domain/cart';
import { addFault, approveReq, businessNo, createCustomer, expectFailure, getCustomer, issueQr, readyReq, startHarness, type Harness } from '../property/sim-harness';
import { remoteCore, rpc } from './remote-core';

let h: Harness;
let dir: string;
const cores: Core[] = [];
beforeEach(async () => {
  h = await startHarness({ faults: true });
  dir = mkdtempSync(join(tmpdir(), 'withdrawn-'));
});
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close().catch(() => undefined);
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

const items = [{ name: '아메리카노', unitPrice: 4500, quantity: 1, taxFree: false }];
const registration = () => ({ businessNo: businessNo(), name: '하나카페', representative: '김하나', phone: '02-1234-5678', address1: '서울특별시 중구', address2: '을지로 35', postNo: '04523' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const gw = () => createGateway({ dialect: 'oneqpay', baseUrl: h.url, timeoutMs: 5000 });

async function start(): Promise<Core> {
  const c = await remoteCore(dir, h.url, { lookupDelaysMs: [30, 60, 90] });
  cores.push(c);
  return c;
}
async function bankStatus(cid: string, orderId: string, want: string, ms = 5000): Promise<string> {
  const end = Date.now() + ms;
  let s = (await gw().lookup(cid, orderId)).status as string;
  while (s !== want && Date.now() < end) {
    await sleep(25);
    s = (await gw().lookup(cid, orderId)).status;
  }
  return s;
}

describe('failed scanned-QR payments are withdrawn at the bank', () => {
  it('an approve the bank declined without doing it (A0017): failed, and the tid can no longer be approved', async () => {
    const c = await start();
    const reg = await rpc<StoreProfile>(c, 'registerStore', registration());
    if (!reg.ok) throw new Error(reg.error.code);
    const customer = await createCustomer(h, { name: '김철회', accounts: [{ balance: 100_000 }] });
    await addFault(h, { path: '/pay/success', mode: 'code', code: 'A0017' }); // nothing done: the tid stays READY
    const r = await rpc<Payment>(c, 'checkout', { items, qrText: await issueQr(h, customer.id) });
    expect(r.ok && r.value).toMatchObject({ status: 'failed', error: { code: 'BANK_TIMEOUT_REJECTED' } });
    const p = r.ok ? r.value : (null as never);
    expect(await bankStatus(reg.value.cid, p.orderId, 'FAILED')).toBe('FAILED');
    // a late or repeated approve of that tid (a retransmission, another terminal) cannot charge now
    const late = { ...readyReq(reg.value, 'x'), orderId: p.orderId, amount: p.amount, itemName: p.itemName, quantity: p.quantity };
    await expectFailure(gw().approve(approveReq(late, p.tid!)), 'rejected', 'PAYMENT_CANCELLED');
    expect((await getCustomer(h, customer.id)).account_balance).toBe(100_000);
    expect(c.payments.get(p.id).status).toBe('failed');
  });

  it('a READY payment whose approval was never sent, failed on restart, is withdrawn too', async () => {
    let c = await start();
    const reg = await rpc<StoreProfile>(c, 'registerStore', registration());
    if (!reg.ok) throw new Error(reg.error.code);
    const customer = await createCustomer(h, { name: '김레디', accounts: [{ balance: 100_000 }] });
    const repo = new PaymentRepo(c.db);
    const p = repo.create({ orderId: newOrderId(), cid: reg.value.cid, totals: cartTotals(items), items, qrMasked: 'ONEQ1.…' });
    repo.transition(p.id, 'ready_requested');
    const ready = await gw().ready({ ...readyReq({ cid: reg.value.cid, name: '하나카페' }, await issueQr(h, customer.id)), orderId: p.orderId, amount: p.amount, quantity: p.quantity, itemName: p.itemName });
    repo.transition(p.id, 'ready', { tid: ready.tid });
    cores.splice(cores.indexOf(c), 1);
    await c.close();
    c = await start();
    const end = Date.now() + 5000;
    while (Date.now() < end && c.payments.get(p.id).status !== 'failed') await sleep(20);
    expect(c.payments.get(p.id).status).toBe('failed');
    expect(await bankStatus(reg.value.cid, p.orderId, 'FAILED')).toBe('FAILED');
  });
});
