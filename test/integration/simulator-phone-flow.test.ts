/**
 * The redirect (phone) flow at the simulator, through the gateway: OneQ Pay's ready with
 * phone_approval=Y (next_redirect_url shows a QR of the phone page, android_app_scheme is the page),
 * the customer's steps on the phone, the terminal's wait and approve; and the merchant's withdrawal
 * of an unapproved tid (/pay/quit, /v1/payment/quit) in both dialects, racing the customer.
 */
import QRCode from 'qrcode';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PhoneReadyRequest } from '../../electron/core/services/gateway/gateway';
import { approveReq, expectFailure, getCustomer, issueQr, merchant, readyReq, startHarness, type Harness, type Merchant } from '../property/sim-harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const phoneReq = (m: Merchant, over: Partial<PhoneReadyRequest> = {}): PhoneReadyRequest => {
  const { qrToken: _omit, ...rest } = readyReq(m, 'unused', over);
  return rest;
};
const post = (path: string, form: Record<string, string>) => fetch(`${h.url}${path}`, { method: 'POST', headers: FORM, body: new URLSearchParams(form).toString() });
/** The customer approves on the phone page of either dialect. */
const phoneApprove = (m: Merchant, tid: string, customer: string, methodId: string, pin = '000000') =>
  m.gw.dialect === 'kakaopay' ? post(`/kakaopay/m/${tid}/approve`, { customer, method_id: methodId, pin }) : post('/pay/oneq/transfer/approve', { tid, customer, method_id: methodId, pin });
async function detail(m: Merchant, tid: string): Promise<string> {
  const r = await m.gw.lookupByTid(m.cid, tid);
  return r.detailStatus ?? r.status;
}

describe('OneQ Pay: the phone path (phone_approval=Y)', () => {
  it('next_redirect_url shows a QR of the phone page; the customer picks a method and enters the password; the terminal approves', async () => {
    const m = await merchant(h, 'oneqpay');
    const req = phoneReq(m, { amount: 7_500 });
    const ph = await m.gw.readyForPhone!(req);
    expect(ph.pcUrl).toBe(`${h.url}/pay/showQRCode?tid=${ph.tid}`);
    expect(ph.mobileUrl).toBe(`${h.url}/pay/oneq/transfer?tid=${ph.tid}`);
    const pc = await (await fetch(ph.pcUrl)).text();
    expect(pc).toContain(await QRCode.toString(ph.mobileUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }));
    expect(pc).toContain('휴대폰 카메라로 QR을 스캔');

    // before the customer acts, approve is refused and nothing moves
    await expectFailure(m.gw.approve(approveReq({ ...req, qrToken: '' }, ph.tid)), 'rejected', 'PAYMENT_NOT_AUTHORIZED');

    const picker = await (await fetch(ph.mobileUrl)).text();
    expect(picker).toContain('고객을 선택하세요');
    const before = await getCustomer(h, 'demo');
    const page = await (await fetch(`${ph.mobileUrl}&as=demo`)).text();
    expect(page).toContain('김하나');
    expect(page).toContain('7,500원 결제하기');
    expect(await detail(m, ph.tid)).toBe('OPEN_PAYMENT');

    const waiting = m.gw.waitForAuthorization!(m.cid, ph.tid, { intervalMs: 30, timeoutMs: 10_000 });
    const done = await phoneApprove(m, ph.tid, 'demo', before.accounts[0]!.method_id);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('결제 인증이 완료되었습니다');
    expect(await waiting).toEqual({ pgToken: '' });
    expect((await getCustomer(h, 'demo')).account_balance).toBe(before.account_balance); // authorized, not charged yet

    const approved = await m.gw.approve(approveReq({ ...req, qrToken: '' }, ph.tid));
    expect(approved).toMatchObject({ tid: ph.tid, amount: 7_500, paymentMethodType: '계좌' });
    expect((await getCustomer(h, 'demo')).account_balance).toBe(before.account_balance - 7_500);
    expect(await (await fetch(ph.mobileUrl)).text()).toContain('결제가 완료되었습니다');
  });

  it('a wrong password or quitting on the phone ends the wait with the reason', async () => {
    const m = await merchant(h, 'oneqpay');
    const a = await m.gw.readyForPhone!(phoneReq(m));
    expect((await phoneApprove(m, a.tid, 'demo', 'MONEY', '123456')).status).toBe(403);
    await expectFailure(m.gw.waitForAuthorization!(m.cid, a.tid, { intervalMs: 20 }), 'rejected', 'CUSTOMER_AUTH_FAILED');
    const b = await m.gw.readyForPhone!(phoneReq(m));
    expect((await post('/pay/oneq/transfer/quit', { tid: b.tid })).status).toBe(200);
    await expectFailure(m.gw.waitForAuthorization!(m.cid, b.tid, { intervalMs: 20 }), 'rejected', 'CUSTOMER_QUIT');
    const c = await m.gw.readyForPhone!(phoneReq(m));
    await expectFailure(m.gw.waitForAuthorization!(m.cid, c.tid, { intervalMs: 20, timeoutMs: 80 }), 'rejected', 'PAYMENT_NOT_AUTHORIZED');
    const ac = new AbortController();
    const aborted = m.gw.waitForAuthorization!(m.cid, c.tid, { intervalMs: 5_000, timeoutMs: 60_000, signal: ac.signal });
    setTimeout(() => ac.abort(), 50);
    const t0 = Date.now();
    await expectFailure(aborted, 'rejected', 'PAYMENT_NOT_AUTHORIZED');
    expect(Date.now() - t0).toBeLessThan(2_000); // the abort ends the sleep, not the next interval
  });

  it('phone_approval is refused with a QR or account fields; the phone page refuses QR-authorized payments', async () => {
    const m = await merchant(h, 'oneqpay');
    const req = readyReq(m, await issueQr(h, 'demo'));
    const ready = await m.gw.ready(req);
    const page = await (await fetch(`${h.url}/pay/oneq/transfer?tid=${ready.tid}&as=demo`)).text();
    expect(page).not.toContain('결제하기');
    expect((await post('/pay/oneq/transfer/approve', { tid: ready.tid, customer: 'money-rich', method_id: 'MONEY', pin: '000000' })).status).toBe(404);
    const both = await post('/pay', { cid: m.cid, category_cd: '552101', opponent_name: 'x', item_name: 'x', member_id: 'g', order_id: 'PH-1', quantity: '1', amount: '1000', bank_acct_num: '123456789012', balance: '1', approval_url: 'app://a', cancel_url: 'app://c', fail_url: 'app://f', phone_approval: 'Y' });
    expect(both.status).toBe(400);
    expect(await both.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'phone_approval' });
  });
});

describe.each(['oneqpay', 'kakaopay'] as const)('the merchant withdraws an unapproved tid (%s)', (dialect) => {
  let m: Merchant;
  beforeEach(async () => {
    m = await merchant(h, dialect);
  });

  it('before the customer acts: FAILED, the phone page says so, approve and the phone are refused', async () => {
    const req = phoneReq(m);
    const ph = await m.gw.readyForPhone!(req);
    const after = await m.gw.quitReady!(m.cid, ph.tid);
    expect(after.status).toBe('FAILED');
    expect(await m.gw.quitReady!(m.cid, ph.tid)).toMatchObject({ status: 'FAILED' }); // repeatable
    const refused = await phoneApprove(m, ph.tid, 'demo', 'MONEY');
    expect(refused.status).toBe(409);
    await expectFailure(m.gw.waitForAuthorization!(m.cid, ph.tid, { intervalMs: 20 }), 'rejected', 'PAYMENT_CANCELLED');
    await expectFailure(m.gw.approve({ ...approveReq({ ...req, qrToken: '' }, ph.tid), pgToken: 'x' }), 'rejected', 'PAYMENT_CANCELLED');
  });

  it('after the customer authorized but before approve: withdrawn, nothing charged', async () => {
    const req = phoneReq(m, { amount: 3_000 });
    const ph = await m.gw.readyForPhone!(req);
    const before = await getCustomer(h, 'money-rich');
    expect((await phoneApprove(m, ph.tid, 'money-rich', 'MONEY')).status).toBe(200);
    const { pgToken } = await m.gw.waitForAuthorization!(m.cid, ph.tid, { intervalMs: 20 });
    expect((await m.gw.quitReady!(m.cid, ph.tid)).status).toBe('FAILED');
    await expectFailure(m.gw.approve({ ...approveReq({ ...req, qrToken: '' }, ph.tid), pgToken }), 'rejected', 'PAYMENT_CANCELLED');
    expect((await getCustomer(h, 'money-rich')).money_balance).toBe(before.money_balance);
  });

  it('an approved payment cannot be withdrawn (refund it instead)', async () => {
    const req = phoneReq(m, { amount: 1_000 });
    const ph = await m.gw.readyForPhone!(req);
    await phoneApprove(m, ph.tid, 'money-rich', 'MONEY');
    const { pgToken } = await m.gw.waitForAuthorization!(m.cid, ph.tid, { intervalMs: 20 });
    await m.gw.approve({ ...approveReq({ ...req, qrToken: '' }, ph.tid), pgToken });
    await expectFailure(m.gw.quitReady!(m.cid, ph.tid), 'rejected', 'PAYMENT_STATE');
    expect((await m.gw.lookupByTid(m.cid, ph.tid)).status).toBe('APPROVED');
  });
});
