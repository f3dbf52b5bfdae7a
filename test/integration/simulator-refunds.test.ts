/**
 * Refunds in both dialects through the gateway's cancel(): full and partial (cancel_amount,
 * cancel_tax_free_amount), cumulative cancels never above the approved amount (also under
 * concurrency), balances / limits / Hana Money restored, idempotent retries by request id,
 * and a cancel whose answer is lost (fault injection) settled without refunding twice.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, addFault, approveReq, createCustomer, expectFailure, getCustomer, holdings, issueQr, merchant, pay, readyReq, startHarness, type Harness, type Merchant } from '../property/sim-harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ faults: true });
});
afterEach(async () => {
  await h.close();
});

describe.each(DIALECTS)('cancel (%s)', (dialect) => {
  let m: Merchant;
  beforeEach(async () => {
    m = await merchant(h, dialect);
  });
  const cancel = (tid: string, orderId: string, cancelAmount: number, cancelTaxFreeAmount = 0, requestId?: string) =>
    m.gw.cancel({ cid: m.cid, tid, orderId, cancelAmount, cancelTaxFreeAmount, ...(requestId ? { requestId } : {}) });

  it('full cancel restores the account; the look-up says CANCELLED', async () => {
    const before = (await getCustomer(h, 'demo')).account_balance;
    const { req, ready } = await pay(m, await issueQr(h, 'demo'), { amount: 8_000 });
    const r = await cancel(ready.tid, req.orderId, 8_000);
    expect(r).toMatchObject({ tid: ready.tid, cid: m.cid, orderId: req.orderId, status: 'CANCELLED', cancelAmount: 8_000, cancelTaxFreeAmount: 0, cancelVatAmount: 727, canceledAmount: 8_000, cancelableAmount: 0 });
    expect(r.aid).toMatch(/^A\d+$/);
    expect(Date.parse(r.canceledAt)).not.toBeNaN();
    expect((await getCustomer(h, 'demo')).account_balance).toBe(before);
    expect(await m.gw.lookup(m.cid, req.orderId)).toMatchObject({ status: 'CANCELLED', canceledAmount: 8_000, cancelableAmount: 0 });
    await expectFailure(cancel(ready.tid, req.orderId, 1), 'rejected', 'PAYMENT_STATE');
  });

  it('partial cancels with tax-free parts add up to the payment and never exceed it', async () => {
    const c = await createCustomer(h, { name: '부분취소', accounts: [{ balance: 50_000 }] });
    const { req, ready } = await pay(m, await issueQr(h, c.id), { amount: 10_000, taxFreeAmount: 2_000 });
    const first = await cancel(ready.tid, req.orderId, 3_000, 500);
    expect(first).toMatchObject({ status: 'APPROVED', cancelAmount: 3_000, cancelTaxFreeAmount: 500, canceledAmount: 3_000, cancelableAmount: 7_000 });
    expect(await m.gw.lookupByTid(m.cid, ready.tid)).toMatchObject({ status: 'APPROVED', canceledAmount: 3_000, cancelableAmount: 7_000, ...(dialect === 'kakaopay' ? { detailStatus: 'PART_CANCEL_PAYMENT' } : {}) });
    expect((await getCustomer(h, c.id)).account_balance).toBe(43_000);

    await expectFailure(cancel(ready.tid, req.orderId, 7_001), 'rejected', 'CANCEL_AMOUNT_EXCEEDED');
    await expectFailure(cancel(ready.tid, req.orderId, 2_000, 1_600), 'rejected', 'CANCEL_AMOUNT_EXCEEDED'); // tax-free left is 1,500
    await expectFailure(cancel(ready.tid, req.orderId, 7_000, 0), 'rejected', 'VALIDATION_FAILED'); // the last cancel takes the remaining tax-free
    const last = await cancel(ready.tid, req.orderId, 7_000, 1_500);
    expect(last).toMatchObject({ status: 'CANCELLED', canceledAmount: 10_000, cancelableAmount: 0 });
    expect(first.cancelVatAmount + last.cancelVatAmount).toBe(727); // VAT of the 8,000 taxable part, split without loss
    expect((await getCustomer(h, c.id)).account_balance).toBe(50_000);
    await expectFailure(cancel(ready.tid, req.orderId, 1), 'rejected', 'PAYMENT_STATE');
  });

  it('restores the credit limit, the check card account and Hana Money', async () => {
    const c = await createCustomer(h, { name: '환불', money_balance: 9_000, accounts: [{ balance: 9_000 }], cards: [{ card_type_code: 1, limit: 9_000 }, { card_type_code: 2 }] });
    const start = await holdings(h, c.id);
    const paid = [];
    for (const choice of [{ method_id: c.cards[0]!.method_id }, { method_id: c.cards[1]!.method_id }, { method: 'MONEY' }]) paid.push(await pay(m, await issueQr(h, c.id, choice), { amount: 4_000 }));
    expect(await holdings(h, c.id)).toEqual({ accounts: [5_000], money: 5_000, used: [4_000, 0] });
    for (const p of paid) await cancel(p.ready.tid, p.req.orderId, 4_000);
    expect(await holdings(h, c.id)).toEqual(start);
  });

  it('a payment that is not approved cannot be cancelled', async () => {
    const req = readyReq(m, await issueQr(h, 'check-low', { method: 'CARD' }), { amount: 50_000 });
    const ready = await m.gw.ready(req);
    await expectFailure(cancel(ready.tid, req.orderId, 1_000), 'rejected', 'PAYMENT_STATE');
    await expectFailure(m.gw.approve(approveReq(req, ready.tid)), 'rejected', 'INSUFFICIENT_BALANCE');
    await expectFailure(cancel(ready.tid, req.orderId, 1_000), 'rejected', 'PAYMENT_STATE');
    await expectFailure(cancel(dialect === 'oneqpay' ? '1999999999' : 'T1999999999999999999', req.orderId, 1), 'rejected', 'PAYMENT_NOT_FOUND');
  });

  it('a retry with the same request id returns the first cancel (A0326) and refunds once', async () => {
    const before = (await getCustomer(h, 'demo')).account_balance;
    const { req, ready } = await pay(m, await issueQr(h, 'demo'), { amount: 5_000 });
    const a = await cancel(ready.tid, req.orderId, 2_000, 0, 'refund-1');
    const b = await cancel(ready.tid, req.orderId, 2_000, 0, 'refund-1');
    expect(b).toMatchObject({ aid: a.aid, cancelAmount: 2_000 });
    expect((await getCustomer(h, 'demo')).account_balance).toBe(before - 3_000);
    await expectFailure(cancel(ready.tid, req.orderId, 2_500, 0, 'refund-1'), 'unknown', 'DUPLICATE_TRANSACTION');
  });

  it('a lost cancel answer (timeout after commit): the retry with the same id settles it without a second refund', async () => {
    const before = (await getCustomer(h, 'demo')).account_balance;
    const { req, ready } = await pay(m, await issueQr(h, 'demo'), { amount: 5_000 });
    const fast = (await import('../../electron/core/services/gateway/create-gateway')).createGateway({ dialect, baseUrl: h.url, timeoutMs: 300, credentials: m.credentials });
    expect((await addFault(h, { path: dialect === 'oneqpay' ? '/pay/cancel' : '/v1/payment/cancel', mode: 'timeout', delay_ms: 2000 })).status).toBe(200);
    await expectFailure(fast.cancel({ cid: m.cid, tid: ready.tid, orderId: req.orderId, cancelAmount: 5_000, cancelTaxFreeAmount: 0, requestId: 'r-lost' }), 'unknown', 'BACKEND_UNKNOWN');
    expect(await m.gw.lookup(m.cid, req.orderId)).toMatchObject({ status: 'CANCELLED', canceledAmount: 5_000 });
    const again = await cancel(ready.tid, req.orderId, 5_000, 0, 'r-lost');
    expect(again).toMatchObject({ status: 'CANCELLED', canceledAmount: 5_000 });
    expect((await getCustomer(h, 'demo')).account_balance).toBe(before);
  });

  it('concurrent partial cancels: exactly the approved amount is refunded', async () => {
    const c = await createCustomer(h, { name: '동시취소', accounts: [{ balance: 5_000 }] });
    const { req, ready } = await pay(m, await issueQr(h, c.id), { amount: 5_000 });
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => cancel(ready.tid, req.orderId, 1_000)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    expect((await getCustomer(h, c.id)).account_balance).toBe(5_000);
    expect(await m.gw.lookup(m.cid, req.orderId)).toMatchObject({ status: 'CANCELLED', canceledAmount: 5_000 });
  });
});

describe('Kakao cancel: Kakao field names and the action history', () => {
  it('approved_cancel_amount / canceled_amount / cancel_available_amount; PART_CANCEL_PAYMENT then CANCEL_PAYMENT', async () => {
    const m = await merchant(h, 'kakaopay');
    const { req, ready } = await pay(m, await issueQr(h, 'demo'), { amount: 11_000 });
    const post = (body: Record<string, string>) =>
      fetch(`${h.url}/v1/payment/cancel`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `KakaoAK ${m.credentials.adminKey}` }, body: new URLSearchParams({ cid: m.cid, tid: ready.tid, ...body }).toString() });
    const stale = await post({ cancel_amount: '1000', cancel_tax_free_amount: '0', cancel_available_amount: '9999' });
    expect(stale.status).toBe(400); // Kakao answers payment errors with HTTP 400 (issue 10)
    expect(await stale.json()).toMatchObject({ code: -784 });
    const r1 = (await (await post({ cancel_amount: '1100', cancel_tax_free_amount: '0', cancel_available_amount: '11000', payload: 'receipt 7' })).json()) as Record<string, unknown>;
    expect(r1).toMatchObject({
      status: 'PART_CANCEL_PAYMENT',
      partner_order_id: req.orderId,
      amount: { total: 11_000, vat: 1_000 },
      approved_cancel_amount: { total: 1_100, tax_free: 0, vat: 100 },
      canceled_amount: { total: 1_100, vat: 100 },
      cancel_available_amount: { total: 9_900, vat: 900 },
      payload: 'receipt 7',
    });
    const r2 = (await (await post({ cancel_amount: '9900', cancel_tax_free_amount: '0' })).json()) as Record<string, unknown>;
    expect(r2).toMatchObject({ status: 'CANCEL_PAYMENT', canceled_amount: { total: 11_000, vat: 1_000 }, cancel_available_amount: { total: 0 } });
    const order = (await (await fetch(`${h.url}/v1/payment/order?cid=${m.cid}&tid=${ready.tid}`, { headers: { authorization: `SECRET_KEY ${m.credentials.cidSecret}` } })).json()) as { status: string; payment_action_details: { payment_action_type: string; amount: number }[] };
    expect(order.status).toBe('CANCEL_PAYMENT');
    expect(order.payment_action_details.map((a) => [a.payment_action_type, a.amount])).toEqual([
      ['PAYMENT', 11_000],
      ['CANCEL', -1_100],
      ['CANCEL', -9_900],
    ]);
  });
});
