/**
 * The Kakao Pay dialect against Kakao's own documentation (electron/simulator/README.md quotes it):
 * error codes and HTTP statuses of Kakao's response-code table, a repeated approve (-702) settled by
 * the terminal's client with the order look-up, payment_action_details with every documented field,
 * green_deposit, and the current open API (/online/v1/payment/*, JSON, SECRET_KEY) beside the legacy one.
 * The expected numbers are written here from Kakao's table, not imported from the code under test.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGateway } from '../../electron/core/services/gateway/create-gateway';
import { kakaoErrorBody } from '../../electron/core/services/gateway/kakaopay-client';
import { approveReq, getCustomer, issueQr, merchant, readyReq, startHarness, type Harness, type Merchant } from '../property/sim-harness';

let h: Harness;
let m: Merchant;
beforeEach(async () => {
  h = await startHarness();
  m = await merchant(h, 'kakaopay');
});
afterEach(async () => {
  await h.close();
});

type Body = Record<string, unknown> & { code?: number; msg?: string; extras?: Record<string, unknown> };
const FORM = 'application/x-www-form-urlencoded';
async function legacy(op: string, form: Record<string, string | number>, auth = `KakaoAK ${m.credentials.adminKey}`): Promise<{ status: number; body: Body }> {
  const body = new URLSearchParams(Object.entries(form).map(([k, v]): [string, string] => [k, String(v)])).toString();
  const res = await fetch(`${h.url}/v1/payment/${op}`, { method: 'POST', headers: { 'content-type': FORM, authorization: auth }, body });
  return { status: res.status, body: (await res.json()) as Body };
}
async function open(op: string, json: Record<string, unknown>, auth = `SECRET_KEY ${m.credentials.cidSecret}`): Promise<{ status: number; body: Body }> {
  const res = await fetch(`${h.url}/online/v1/payment/${op}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: auth }, body: JSON.stringify(json) });
  return { status: res.status, body: (await res.json()) as Body };
}
const readyForm = (orderId: string, over: Record<string, string | number> = {}) => ({
  cid: m.cid,
  partner_order_id: orderId,
  partner_user_id: 'guest',
  item_name: '아메리카노',
  quantity: 1,
  total_amount: 4500,
  tax_free_amount: 0,
  approval_url: 'https://pos.example/ok',
  cancel_url: 'https://pos.example/cancel',
  fail_url: 'https://pos.example/fail',
  ...over,
});
/** A ready authorized by the demo customer's QR: its tid and pg_token. */
async function authorized(orderId: string, over: Record<string, string | number> = {}, customer = 'demo'): Promise<{ tid: string; pg: string }> {
  const r = await legacy('ready', readyForm(orderId, { qr_token: await issueQr(h, customer), ...over }));
  expect(r.status).toBe(200);
  return { tid: String(r.body.tid), pg: String(r.body.pg_token) };
}
const approveForm = (orderId: string, tid: string, pg: string, over: Record<string, string | number> = {}) => ({ cid: m.cid, tid, partner_order_id: orderId, partner_user_id: 'guest', pg_token: pg, ...over });
/** Kakao's error shape: HTTP status, code, and extras with method_result_code / method_result_message. */
function expectKakao(r: { status: number; body: Body }, status: number, code: number) {
  expect({ status: r.status, code: r.body.code }).toEqual({ status, code });
  expect(typeof r.body.msg).toBe('string');
  expect(r.body.extras).toMatchObject({ method_result_code: expect.any(String), method_result_message: expect.any(String) });
}

describe("Kakao's response-code table", () => {
  it('-2 invalid parameter, -401 bad key (HTTP 401), -721 unknown tid, all others HTTP 400', async () => {
    expectKakao(await legacy('ready', readyForm('o-bad', { quantity: 'x' })), 400, -2);
    expectKakao(await legacy('ready', readyForm('o-key'), 'KakaoAK ' + '0'.repeat(32)), 401, -401);
    expectKakao(await legacy('order', { cid: m.cid, tid: 'T0000000000000000000' }), 400, -721);
    expectKakao(await legacy('cancel', { cid: m.cid, tid: 'T0000000000000000000', cancel_amount: 1, cancel_tax_free_amount: 0 }), 400, -721);
  });

  it('approve: -701 not authorized yet, -704 amount, -706 partner_order_id, -707 partner_user_id, -708 wrong pg_token', async () => {
    const plain = await legacy('ready', readyForm('o-701'));
    expectKakao(await legacy('approve', approveForm('o-701', String(plain.body.tid), 'whatever')), 400, -701);

    const { tid, pg } = await authorized('o-a');
    expectKakao(await legacy('approve', approveForm('o-a', tid, pg, { total_amount: 5500 })), 400, -704);
    expectKakao(await legacy('approve', approveForm('o-other', tid, pg)), 400, -706);
    expectKakao(await legacy('approve', approveForm('o-a', tid, pg, { partner_user_id: 'someone' })), 400, -707);
    expectKakao(await legacy('approve', approveForm('o-a', tid, 'wrong-token')), 400, -708);
    expect((await legacy('approve', approveForm('o-a', tid, pg))).status).toBe(200);
  });

  it('-702 for a repeated approve (not the first result again), also once the payment is cancelled', async () => {
    const { tid, pg } = await authorized('o-702');
    const first = await legacy('approve', approveForm('o-702', tid, pg));
    expect(first.status).toBe(200);
    const again = await legacy('approve', approveForm('o-702', tid, pg));
    expectKakao(again, 400, -702);
    expect(again.body.aid).toBeUndefined();
    expect((await legacy('cancel', { cid: m.cid, tid, cancel_amount: 4500, cancel_tax_free_amount: 0 })).status).toBe(200);
    expectKakao(await legacy('approve', approveForm('o-702', tid, pg)), 400, -702);
  });

  it('-723 expired tid, -780 approval failure (the decline reason in method_result_code)', async () => {
    const { tid, pg } = await authorized('o-723');
    h.clock.offsetMs = 16 * 60_000; // past Kakao's 15 minutes
    expectKakao(await legacy('approve', approveForm('o-723', tid, pg)), 400, -723);
    h.clock.offsetMs = 0;

    const low = await getCustomer(h, 'check-low');
    const qr = await issueQr(h, 'check-low', { method_id: low.cards[0]!.method_id }); // a check card on 12,000원
    const r = await legacy('ready', readyForm('o-780', { qr_token: qr, total_amount: 50_000 }));
    const declined = await legacy('approve', approveForm('o-780', String(r.body.tid), String(r.body.pg_token)));
    expectKakao(declined, 400, -780);
    expect(declined.body.extras?.method_result_code).toBe('INSUFFICIENT_BALANCE');
  });

  it('cancel: -710 over the cancellable amount, -784 in a state that cannot be cancelled', async () => {
    const { tid, pg } = await authorized('o-710');
    const unapproved = await legacy('cancel', { cid: m.cid, tid, cancel_amount: 100, cancel_tax_free_amount: 0 });
    expectKakao(unapproved, 400, -784);
    expect((await legacy('approve', approveForm('o-710', tid, pg))).status).toBe(200);
    expectKakao(await legacy('cancel', { cid: m.cid, tid, cancel_amount: 4501, cancel_tax_free_amount: 0 }), 400, -710);
    expect((await legacy('cancel', { cid: m.cid, tid, cancel_amount: 4500, cancel_tax_free_amount: 0 })).status).toBe(200);
    expectKakao(await legacy('cancel', { cid: m.cid, tid, cancel_amount: 1, cancel_tax_free_amount: 0 }), 400, -784);
  });
});

describe("the terminal's Kakao client reads Kakao's numbers", () => {
  it('maps a real Kakao body (no simulator extras) by its number', () => {
    const code = (body: unknown) => kakaoErrorBody(body)?.code;
    expect(code({ code: -721, msg: 'tid not found' })).toBe('PAYMENT_NOT_FOUND');
    expect(code({ code: -702, msg: 'already approved', extras: { method_result_code: 'X', method_result_message: 'y' } })).toBe('DUPLICATE_TRANSACTION');
    expect(code({ code: -723, msg: 'expired' })).toBe('PAYMENT_EXPIRED');
    expect(code({ code: -704, msg: 'amount' })).toBe('AMOUNT_MISMATCH');
    expect(code({ code: -710, msg: 'over' })).toBe('CANCEL_AMOUNT_EXCEEDED');
    expect(code({ code: -701, msg: 'not yet' })).toBe('PAYMENT_NOT_AUTHORIZED');
    expect(code({ code: -708, msg: 'token' })).toBe('PAYMENT_NOT_AUTHORIZED');
    expect(code({ code: -401, msg: 'key' })).toBe('MERCHANT_AUTH_FAILED');
    expect(code({ code: -2, msg: 'param' })).toBe('VALIDATION_FAILED');
    expect(code({ code: -784, msg: 'state' })).toBe('PAYMENT_STATE');
    expect(code({ code: -780, msg: 'fail', extras: { method_result_code: '8000', method_result_message: '카드사 거절' } })).toBe('BACKEND_REJECTED');
  });

  it('a repeated approve (-702) is settled with the order look-up: the approved payment, not an error', async () => {
    const req = readyReq(m, await issueQr(h, 'demo'), { amount: 4500 });
    const ready = await m.gw.ready(req);
    const first = await m.gw.approve(approveReq(req, ready.tid));
    const again = await m.gw.approve(approveReq(req, ready.tid)); // the backend answers -702
    expect(again).toMatchObject({ tid: ready.tid, orderId: req.orderId, amount: 4500, paymentMethodType: first.paymentMethodType, tranDt: first.tranDt });
  });
});

describe('/v1/payment/order and green_deposit', () => {
  it('payment_action_details carry every documented field, payment_method_type included', async () => {
    const { tid, pg } = await authorized('o-det');
    await legacy('approve', approveForm('o-det', tid, pg));
    await legacy('cancel', { cid: m.cid, tid, cancel_amount: 1000, cancel_tax_free_amount: 0 });
    const order = await legacy('order', { cid: m.cid, tid });
    const details = order.body.payment_action_details as Record<string, unknown>[];
    expect(details).toHaveLength(2);
    for (const d of details) {
      for (const f of ['aid', 'approved_at', 'amount', 'point_amount', 'discount_amount', 'green_deposit', 'payment_action_type', 'payment_method_type']) expect(d, f).toHaveProperty(f);
      expect(d.payment_method_type).toBe('MONEY');
    }
    expect(details.map((d) => [d.payment_action_type, d.amount])).toEqual([
      ['PAYMENT', 4500],
      ['CANCEL', -1000],
    ]);
  });

  it('green_deposit on ready is in the amounts, left out of the VAT, and such a payment is cancelled only in full', async () => {
    const { tid, pg } = await authorized('o-green', { total_amount: 5500, green_deposit: 1000 });
    const approved = await legacy('approve', approveForm('o-green', tid, pg));
    expect(approved.body.amount).toMatchObject({ total: 5500, green_deposit: 1000, vat: 409 }); // (5500 - 1000) / 11 = 409.09
    const order = await legacy('order', { cid: m.cid, tid });
    expect((order.body.payment_action_details as Record<string, unknown>[])[0]).toMatchObject({ payment_action_type: 'PAYMENT', green_deposit: 1000 });
    expectKakao(await legacy('cancel', { cid: m.cid, tid, cancel_amount: 1000, cancel_tax_free_amount: 0 }), 400, -784);
    const full = await legacy('cancel', { cid: m.cid, tid, cancel_amount: 5500, cancel_tax_free_amount: 0 });
    expect(full.status).toBe(200);
    expect(full.body.approved_cancel_amount).toMatchObject({ total: 5500, green_deposit: 1000 });
    expect(full.body.canceled_amount).toMatchObject({ total: 5500, green_deposit: 1000 });
    expectKakao(await legacy('ready', readyForm('o-green2', { total_amount: 1000, green_deposit: 1001 })), 400, -2);
  });
});

describe('the current open API (open-api.kakaopay.com /online/v1/payment)', () => {
  it('JSON bodies with Authorization: SECRET_KEY; a form body, a KakaoAK key or GET /order are refused', async () => {
    const qr = await issueQr(h, 'demo');
    const ready = await open('ready', { ...readyForm('o-open'), qr_token: qr, total_amount: 4500 });
    expect(ready.status).toBe(200);
    const tid = String(ready.body.tid);
    expect(tid).toMatch(/^T\d{19}$/);
    const approved = await open('approve', approveForm('o-open', tid, String(ready.body.pg_token)));
    expect(approved.status).toBe(200);
    expect(approved.body.amount).toMatchObject({ total: 4500 });
    expectKakao(await open('approve', approveForm('o-open', tid, String(ready.body.pg_token))), 400, -702);
    expect((await open('order', { cid: m.cid, tid })).body.status).toBe('SUCCESS_PAYMENT');

    expectKakao(await open('order', { cid: m.cid, tid }, `KakaoAK ${m.credentials.adminKey}`), 401, -401);
    const form = await fetch(`${h.url}/online/v1/payment/order`, { method: 'POST', headers: { 'content-type': FORM, authorization: `SECRET_KEY ${m.credentials.cidSecret}` }, body: `cid=${m.cid}&tid=${tid}` });
    expectKakao({ status: form.status, body: (await form.json()) as Body }, 400, -2);
    const legacyJson = await fetch(`${h.url}/v1/payment/order`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `KakaoAK ${m.credentials.adminKey}` }, body: JSON.stringify({ cid: m.cid, tid }) });
    expectKakao({ status: legacyJson.status, body: (await legacyJson.json()) as Body }, 400, -2);
    const get = await fetch(`${h.url}/online/v1/payment/order?cid=${m.cid}&tid=${tid}`, { headers: { authorization: `SECRET_KEY ${m.credentials.cidSecret}` } });
    expect(get.status).toBe(404);
  });

  it("the terminal's client set to the open API: ready, approve, look-up, cancel over /online/v1/payment only", async () => {
    const lines: string[] = [];
    const logged = await startHarness({ logger: { stream: { write: (l: string) => void lines.push(l) } } });
    try {
      const mm = await merchant(logged, 'kakaopay');
      const gw = createGateway({ dialect: 'kakaopay', kakaoApi: 'open', baseUrl: logged.url, timeoutMs: 5000, credentials: mm.credentials });
      const req = readyReq(mm, await issueQr(logged, 'demo'), { amount: 7000 });
      const ready = await gw.ready(req);
      expect((await gw.approve(approveReq(req, ready.tid))).amount).toBe(7000);
      expect((await gw.lookup(mm.cid, req.orderId)).status).toBe('APPROVED');
      expect((await gw.cancel({ cid: mm.cid, tid: ready.tid, orderId: req.orderId, cancelAmount: 7000, cancelTaxFreeAmount: 0 })).status).toBe('CANCELLED');
      const paths = lines.map((l) => (JSON.parse(l) as { req?: { url?: string } }).req?.url).filter((u): u is string => typeof u === 'string' && u.includes('/payment/'));
      expect([...new Set(paths)].sort()).toEqual(['/online/v1/payment/approve', '/online/v1/payment/cancel', '/online/v1/payment/order', '/online/v1/payment/ready']);
    } finally {
      await logged.close();
    }
  });
});
