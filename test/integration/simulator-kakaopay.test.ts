/**
 * The Kakao Pay dialect (seed 004) through the terminal's Kakao adapter: Authorization, the cashier
 * flow with the customer's QR, the redirect flow (PC page with a QR for the phone → the customer
 * approves on the phone or on their wallet → approval_url?pg_token=…), every status value, the tid
 * validity window, amount consistency between ready and approve, and another merchant's tid.
 */
import QRCode from 'qrcode';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGateway } from '../../electron/core/services/gateway/create-gateway';
import type { PhoneReadyRequest } from '../../electron/core/services/gateway/gateway';
import { approveReq, expectFailure, getCustomer, issueQr, merchant, readyReq, startHarness, type Harness, type Merchant } from '../property/sim-harness';

let h: Harness;
let m: Merchant;
beforeEach(async () => {
  h = await startHarness();
  m = await merchant(h, 'kakaopay');
});
afterEach(async () => {
  await h.close();
});

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const phoneReq = (over: Partial<PhoneReadyRequest> = {}): PhoneReadyRequest => {
  const { qrToken: _omit, ...rest } = readyReq(m, 'unused', over);
  return { ...rest, approvalUrl: 'https://pos.example/approve?order=1', cancelUrl: 'https://pos.example/cancel', failUrl: 'https://pos.example/fail', ...over };
};
async function detail(tid: string): Promise<string> {
  const r = await m.gw.lookupByTid(m.cid, tid);
  return r.detailStatus ?? r.status;
}
async function mobileApprove(tid: string, customer: string, methodId: string, pin = '000000'): Promise<Response> {
  return fetch(`${h.url}/kakaopay/m/${tid}/approve`, { method: 'POST', headers: FORM, body: new URLSearchParams({ customer, method_id: methodId, pin }).toString() });
}
async function rawOrder(tid: string): Promise<Record<string, unknown>> {
  return (await (await fetch(`${h.url}/v1/payment/order?cid=${m.cid}&tid=${tid}`, { headers: { authorization: `KakaoAK ${m.credentials.adminKey}` } })).json()) as Record<string, unknown>;
}

describe('Kakao Pay: merchant credentials', () => {
  it('every call needs Authorization of the cid: KakaoAK <admin_key> or SECRET_KEY <cid_secret>', async () => {
    const none = createGateway({ dialect: 'kakaopay', baseUrl: h.url, timeoutMs: 5000 });
    const req = readyReq(m, await issueQr(h, 'demo'));
    await expectFailure(none.ready(req), 'rejected', 'MERCHANT_AUTH_FAILED');
    const wrong = createGateway({ dialect: 'kakaopay', baseUrl: h.url, timeoutMs: 5000, credentials: { adminKey: '0'.repeat(32) } });
    await expectFailure(wrong.ready(req), 'rejected', 'MERCHANT_AUTH_FAILED');
    const other = await merchant(h, 'kakaopay');
    await expectFailure(other.gw.ready(req), 'rejected', 'MERCHANT_AUTH_FAILED'); // B's key for A's cid
    await expectFailure(none.lookup(m.cid, req.orderId), 'rejected', 'MERCHANT_AUTH_FAILED');

    const bySecret = createGateway({ dialect: 'kakaopay', baseUrl: h.url, timeoutMs: 5000, credentials: () => ({ cidSecret: m.credentials.cidSecret }) });
    const ready = await bySecret.ready(req);
    expect((await bySecret.approve(approveReq(req, ready.tid))).amount).toBe(9000);

    const res = await fetch(`${h.url}/v1/payment/order`, { method: 'POST', headers: FORM, body: `cid=${m.cid}&tid=${ready.tid}&cid_secret=${m.credentials.cidSecret}` });
    expect(res.status).toBe(200); // the cid_secret field of seed 004 works too
    const bad = await fetch(`${h.url}/v1/payment/order?cid=${m.cid}&tid=${ready.tid}`, { headers: { authorization: 'Bearer x' } });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toMatchObject({ code: -401, extras: { method_result_code: 'MERCHANT_AUTH_FAILED' } });
  });
});

describe('Kakao Pay: the cashier flow with the customer QR', () => {
  it('ready (authorized by the QR) → approve; Kakao field names in the answers', async () => {
    const before = await getCustomer(h, 'demo');
    const req = readyReq(m, await issueQr(h, 'demo'), { amount: 11_000, taxFreeAmount: 1_000 });
    const ready = await m.gw.ready(req);
    expect(ready.tid).toMatch(/^T\d{19}$/);
    expect(ready.nextRedirectUrl).toBe(`${h.url}/kakaopay/pc/${ready.tid}`);
    expect(ready.approvedAt).toMatch(/^\d{4}\.\d{2}\.\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(await detail(ready.tid)).toBe('AUTH_PASSWORD');
    const approved = await m.gw.approve(approveReq(req, ready.tid));
    expect(approved).toMatchObject({ tid: ready.tid, cid: m.cid, orderId: req.orderId, memberId: 'guest', paymentMethodType: 'MONEY', amount: 11_000 });
    expect((await getCustomer(h, 'demo')).account_balance).toBe(before.account_balance - 11_000);

    const order = await rawOrder(ready.tid);
    expect(order).toMatchObject({
      tid: ready.tid,
      cid: m.cid,
      status: 'SUCCESS_PAYMENT',
      partner_order_id: req.orderId,
      partner_user_id: 'guest',
      payment_method_type: 'MONEY',
      amount: { total: 11_000, tax_free: 1_000, vat: 909, point: 0, discount: 0, green_deposit: 0 },
      canceled_amount: { total: 0 },
      cancel_available_amount: { total: 11_000 },
      payment_action_details: [{ payment_action_type: 'PAYMENT', amount: 11_000 }],
    });
    expect(String(order.approved_at)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    expect(order.pg_token).toBeUndefined();
  });

  it('a card QR answers CARD with card_info; a payment_method_type that excludes the method is refused', async () => {
    const req = readyReq(m, await issueQr(h, 'demo', { method: 'CARD' }), { amount: 5_000 });
    const ready = await m.gw.ready(req);
    expect((await m.gw.approve(approveReq(req, ready.tid))).paymentMethodType).toBe('CARD');
    const approveRaw = await rawOrder(ready.tid);
    expect(approveRaw).toMatchObject({ payment_method_type: 'CARD', selected_card_info: { card_bin: '941012', install_month: 0 } });

    const res = await fetch(`${h.url}/v1/payment/ready`, {
      method: 'POST',
      headers: { ...FORM, authorization: `KakaoAK ${m.credentials.adminKey}` },
      body: new URLSearchParams({ cid: m.cid, partner_order_id: 'F-1', partner_user_id: 'u', item_name: 'x', quantity: '1', total_amount: '1000', tax_free_amount: '0', approval_url: 'https://a/', cancel_url: 'https://c/', fail_url: 'https://f/', payment_method_type: 'CARD', qr_token: await issueQr(h, 'demo') }).toString(),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ extras: { method_result_code: 'METHOD_NOT_ALLOWED' } });
  });

  it('amount consistency and matching fields between ready and approve; a retried ready returns the same tid', async () => {
    const req = readyReq(m, await issueQr(h, 'demo'), { amount: 3_000 });
    const ready = await m.gw.ready(req);
    expect((await m.gw.ready({ ...req, qrToken: await issueQr(h, 'demo') })).tid).toBe(ready.tid);
    await expectFailure(m.gw.approve(approveReq(req, ready.tid, { amount: 3_001 })), 'rejected', 'AMOUNT_MISMATCH');
    await expectFailure(m.gw.approve(approveReq(req, ready.tid, { orderId: 'OTHER' })), 'rejected', 'VALIDATION_FAILED');
    await expectFailure(m.gw.approve(approveReq(req, ready.tid, { memberId: 'someone' })), 'rejected', 'VALIDATION_FAILED');
    await expectFailure(m.gw.approve(approveReq(req, ready.tid, { pgToken: 'not-the-token' })), 'rejected', 'PAYMENT_NOT_AUTHORIZED');
    await expectFailure(m.gw.ready({ ...req, amount: 3_001, qrToken: await issueQr(h, 'demo') }), 'rejected', 'DUPLICATE_ORDER');
    expect((await m.gw.approve(approveReq(req, ready.tid))).amount).toBe(3_000);
  });

  it("another merchant's tid is not found; approving it with someone else's cid fails authentication", async () => {
    const req = readyReq(m, await issueQr(h, 'demo'));
    const ready = await m.gw.ready(req);
    const other = await merchant(h, 'kakaopay');
    await expectFailure(other.gw.approve({ ...approveReq(req, ready.tid), cid: other.cid, pgToken: 'x' }), 'rejected', 'PAYMENT_NOT_FOUND');
    await expectFailure(other.gw.approve(approveReq(req, ready.tid, { pgToken: 'x' })), 'rejected', 'MERCHANT_AUTH_FAILED');
    await expectFailure(other.gw.cancel({ cid: other.cid, tid: ready.tid, orderId: req.orderId, cancelAmount: 1, cancelTaxFreeAmount: 0 }), 'rejected', 'PAYMENT_NOT_FOUND');
    expect(await detail(ready.tid)).toBe('AUTH_PASSWORD');
  });

  it('redirect URLs must not run script', async () => {
    const res = await fetch(`${h.url}/v1/payment/ready`, {
      method: 'POST',
      headers: { ...FORM, authorization: `KakaoAK ${m.credentials.adminKey}` },
      body: new URLSearchParams({ cid: m.cid, partner_order_id: 'J-1', partner_user_id: 'u', item_name: 'x', quantity: '1', total_amount: '1000', tax_free_amount: '0', approval_url: 'javascript:alert(1)', cancel_url: 'https://c/', fail_url: 'https://f/' }).toString(),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: -2, extras: { method_result_code: 'VALIDATION_FAILED', field: 'approval_url' } });
  });
});

describe('Kakao Pay: the redirect flow (the customer approves on the phone)', () => {
  it('PC page QR → phone: OPEN_PAYMENT, SELECT_METHOD, AUTH_PASSWORD → approval_url?pg_token=… → approve → SUCCESS_PAYMENT', async () => {
    const ph = await m.gw.readyForPhone!(phoneReq({ amount: 6_000 }));
    expect(await detail(ph.tid)).toBe('READY');
    const pc = await fetch(ph.pcUrl, { redirect: 'manual' });
    expect(pc.status).toBe(200);
    const html = await pc.text();
    expect(html).toContain('http-equiv="refresh"');
    expect(html).toContain(await QRCode.toString(ph.mobileUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })); // the QR encodes the mobile URL

    const who = await getCustomer(h, 'money-rich');
    const mobile = await fetch(`${ph.mobileUrl}?as=money-rich`);
    expect(await mobile.text()).toContain('정머니');
    expect(await detail(ph.tid)).toBe('OPEN_PAYMENT');
    await fetch(`${ph.mobileUrl}?as=money-rich&m=MONEY`);
    expect(await detail(ph.tid)).toBe('SELECT_METHOD');

    const waiting = m.gw.waitForAuthorization!(m.cid, ph.tid, { intervalMs: 50, timeoutMs: 10_000 });
    expect((await mobileApprove(ph.tid, 'money-rich', 'MONEY')).status).toBe(200);
    const { pgToken } = await waiting;
    expect(await detail(ph.tid)).toBe('AUTH_PASSWORD');
    const redirect = await fetch(ph.pcUrl, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe(`https://pos.example/approve?order=1&pg_token=${pgToken}`);

    const req = phoneReq({ amount: 6_000 });
    const approved = await m.gw.approve({ ...approveReq({ ...req, qrToken: '', orderId: (await m.gw.lookupByTid(m.cid, ph.tid)).orderId }, ph.tid), pgToken });
    expect(approved).toMatchObject({ tid: ph.tid, amount: 6_000, paymentMethodType: 'MONEY' });
    expect(await detail(ph.tid)).toBe('APPROVED');
    expect((await getCustomer(h, 'money-rich')).money_balance).toBe(who.money_balance - 6_000);
  });

  it('a request sent to the customer wallet (SEND_TMS) is approved from the wallet page', async () => {
    const ph = await m.gw.readyForPhone!(phoneReq({ amount: 2_000 }));
    const sent = await fetch(`${ph.pcUrl}/send`, { method: 'POST', headers: FORM, body: 'customer=check-low', redirect: 'manual' });
    expect(sent.status).toBe(303);
    expect(await detail(ph.tid)).toBe('SEND_TMS');
    const wallet = await (await fetch(`${h.url}/wallet/check-low`)).text();
    expect(wallet).toContain('결제 요청');
    expect(wallet).toContain(`/kakaopay/m/${ph.tid}?as=check-low`);
    const low = await getCustomer(h, 'check-low');
    await mobileApprove(ph.tid, 'check-low', low.cards[0]!.method_id);
    const { pgToken } = await m.gw.waitForAuthorization!(m.cid, ph.tid, { intervalMs: 20 });
    const order = await m.gw.lookupByTid(m.cid, ph.tid);
    const approved = await m.gw.approve({ cid: m.cid, orderId: order.orderId, categoryCd: 0, storeName: m.name, itemName: 'x', memberId: 'guest', amount: 2_000, tranDt: '', tid: ph.tid, pgToken });
    expect(approved.paymentMethodType).toBe('CARD');
  });

  it('the customer quits: QUIT_PAYMENT, the PC page goes to cancel_url, waiting rejects CUSTOMER_QUIT', async () => {
    const ph = await m.gw.readyForPhone!(phoneReq());
    expect((await fetch(`${h.url}/kakaopay/m/${ph.tid}/quit`, { method: 'POST', headers: FORM, body: '' })).status).toBe(200);
    expect(await detail(ph.tid)).toBe('QUIT_PAYMENT');
    expect((await fetch(ph.pcUrl, { redirect: 'manual' })).headers.get('location')).toBe('https://pos.example/cancel');
    await expectFailure(m.gw.waitForAuthorization!(m.cid, ph.tid, { intervalMs: 20 }), 'rejected', 'CUSTOMER_QUIT');
    const lookup = await m.gw.lookupByTid(m.cid, ph.tid);
    await expectFailure(m.gw.approve({ ...approveReq({ ...readyReq(m, ''), orderId: lookup.orderId }, ph.tid), pgToken: 'x' }), 'rejected', 'CUSTOMER_QUIT');
  });

  it('a wrong payment password: FAIL_AUTH_PASSWORD, fail_url, CUSTOMER_AUTH_FAILED; nothing taken', async () => {
    const before = await getCustomer(h, 'demo');
    const ph = await m.gw.readyForPhone!(phoneReq());
    expect((await mobileApprove(ph.tid, 'demo', before.accounts[0]!.method_id, '123456')).status).toBe(403);
    expect(await detail(ph.tid)).toBe('FAIL_AUTH_PASSWORD');
    expect((await fetch(ph.pcUrl, { redirect: 'manual' })).headers.get('location')).toBe('https://pos.example/fail');
    await expectFailure(m.gw.waitForAuthorization!(m.cid, ph.tid, { intervalMs: 20 }), 'rejected', 'CUSTOMER_AUTH_FAILED');
    expect((await getCustomer(h, 'demo')).account_balance).toBe(before.account_balance);
  });

  it('approving before the customer has authorized: PAYMENT_NOT_AUTHORIZED; waiting times out the same way', async () => {
    const ph = await m.gw.readyForPhone!(phoneReq());
    const orderId = (await m.gw.lookupByTid(m.cid, ph.tid)).orderId;
    await expectFailure(m.gw.approve({ ...approveReq({ ...readyReq(m, ''), orderId }, ph.tid) }), 'rejected', 'PAYMENT_NOT_AUTHORIZED');
    await expectFailure(m.gw.approve({ ...approveReq({ ...readyReq(m, ''), orderId }, ph.tid), pgToken: 'guess' }), 'rejected', 'PAYMENT_NOT_AUTHORIZED');
    await expectFailure(m.gw.waitForAuthorization!(m.cid, ph.tid, { intervalMs: 20, timeoutMs: 100 }), 'rejected', 'PAYMENT_NOT_AUTHORIZED');
  });

  it('the tid validity window (15 minutes): after it, FAIL_PAYMENT / PAYMENT_EXPIRED everywhere', async () => {
    const ph = await m.gw.readyForPhone!(phoneReq());
    const qrReq = readyReq(m, await issueQr(h, 'demo'));
    const qrReady = await m.gw.ready(qrReq);
    h.clock.offsetMs = 14 * 60_000;
    expect(await detail(ph.tid)).toBe('READY');
    h.clock.offsetMs = 15 * 60_000 + 1000;
    await expectFailure(m.gw.waitForAuthorization!(m.cid, ph.tid, { intervalMs: 20 }), 'rejected', 'PAYMENT_EXPIRED');
    expect(await m.gw.lookupByTid(m.cid, ph.tid)).toMatchObject({ status: 'FAILED' }); // FAIL_PAYMENT: plain FAILED, no detailStatus
    expect((await fetch(ph.pcUrl, { redirect: 'manual' })).headers.get('location')).toBe('https://pos.example/fail');
    await expectFailure(m.gw.approve(approveReq(qrReq, qrReady.tid)), 'rejected', 'PAYMENT_EXPIRED');
    expect((await rawOrder(qrReady.tid)).failure_code).toBe('PAYMENT_EXPIRED');
  });
});
