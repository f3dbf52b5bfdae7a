/**
 * The OneQ Pay simulator over real loopback HTTP, driven through the terminal's axios gateway
 * (raw fetch only where the typed client cannot express the request: missing or oversized fields,
 * the wallet API). Also the gateway's failure classification against misbehaving servers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GatewayError, type ApproveRequest, type GatewayFailureKind, type PaymentGateway, type ReadyRequest } from '../../electron/core/services/gateway/gateway';
import { createOneqPayGateway } from '../../electron/core/services/gateway/oneqpay-client';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../electron/simulator/server';
import { ERROR_MESSAGES, type ErrorCode } from '../../shared/domain/errors';
import { encodeQrPayload } from '../../shared/domain/qr-payload';
import { toOneqDateTime } from '../../shared/domain/time';

const FORM = 'application/x-www-form-urlencoded;charset=utf-8';
const store = { businessNo: '220-81-62517', name: '하나카페 을지로점', phone: '02-1234-5678', address1: '서울특별시 중구', address2: '을지로 35 1층', postNo: '04523' };

let dir: string;
let sim: Simulator;
let gw: PaymentGateway;
let clockOffsetMs = 0;
const servers: Server[] = [];
let orderSeq = 0;

async function start(extra: Partial<SimulatorOptions> = {}): Promise<void> {
  sim = await startSimulator({ dbFile: join(dir, 'sim', 'simulator.sqlite'), port: 0, now: () => new Date(Date.now() + clockOffsetMs), ...extra });
  gw = createOneqPayGateway({ baseUrl: sim.url, timeoutMs: 5000 });
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'oneqpay-sim-'));
  clockOffsetMs = 0;
  await start();
});
afterEach(async () => {
  await sim.close();
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
  rmSync(dir, { recursive: true, force: true });
});

// ── helpers ──────────────────────────────────────────────────────────────────────────────────────
async function raw(path: string, form?: Record<string, string>, init: RequestInit = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(sim.url + path, form ? { method: 'POST', headers: { 'content-type': FORM }, body: new URLSearchParams(form).toString(), ...init } : init);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
async function issueQr(method?: 'MONEY' | '계좌', customer = 'demo'): Promise<string> {
  const r = await raw(`/wallet/api/customers/${customer}/qr`, method ? { method } : undefined, method ? {} : { method: 'POST' });
  expect(r.status).toBe(200);
  expect(r.body.expires_at).toMatch(/Z$/);
  return r.body.qr_text as string;
}
async function balances(): Promise<{ account: number; money: number }> {
  const r = await raw('/wallet/api/customers/demo');
  return { account: r.body.account_balance as number, money: r.body.money_balance as number };
}
async function register(): Promise<string> {
  return (await gw.registerStore(store)).cid;
}
function readyReq(cid: string, qrToken: string, over: Partial<ReadyRequest> = {}): ReadyRequest {
  const orderId = `ORD-${Date.now()}-${++orderSeq}`;
  return { cid, categoryCd: 552101, storeName: store.name, itemName: '아메리카노', memberId: 'guest', orderId, quantity: 2, amount: 9000, qrToken, approvalUrl: `app://pos/pay/approval?order_id=${orderId}`, cancelUrl: 'app://pos/pay/cancel', failUrl: 'app://pos/pay/fail', ...over };
}
function approveReq(r: ReadyRequest, tid: string, over: Partial<ApproveRequest> = {}): ApproveRequest {
  return { cid: r.cid, orderId: r.orderId, categoryCd: r.categoryCd, storeName: r.storeName, itemName: r.itemName, memberId: r.memberId, amount: r.amount, tranDt: toOneqDateTime(new Date()), tid, ...over };
}
async function gwError(p: Promise<unknown>): Promise<GatewayError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(GatewayError);
    return e as GatewayError;
  }
  throw new Error('expected a GatewayError');
}
async function expectFailure(p: Promise<unknown>, kind: GatewayFailureKind, code: ErrorCode, httpStatus?: number): Promise<GatewayError> {
  const e = await gwError(p);
  expect({ kind: e.kind, code: e.code }, e.message).toEqual({ kind, code });
  if (httpStatus !== undefined) expect(e.httpStatus).toBe(httpStatus);
  return e;
}
function listen(handler: RequestListener): Promise<string> {
  const s = createServer(handler);
  servers.push(s);
  return new Promise((r) => s.listen(0, '127.0.0.1', () => r(`http://127.0.0.1:${(s.address() as AddressInfo).port}`)));
}

// Raw forms that satisfy each endpoint (values only need to pass validation).
const registerForm = { business_no: '2208162517', opponent_name: '하나카페', store_phone: '02-1234-5678', store_address1: '서울 중구', store_address2: '을지로 35', post_no: '04523' };
const readyForm = (cid = 'OQ00000000', extra: Record<string, string> = {}) => ({
  cid,
  category_cd: '552101',
  opponent_name: '하나카페',
  item_name: '아메리카노',
  item_code: 'A1',
  member_id: 'guest',
  order_id: `RAW-${++orderSeq}`,
  quantity: '1',
  amount: '4500',
  payment_method_type: '계좌',
  bank_acct_num: '123456789012',
  bank_acct_alias: '하나 주거래',
  balance: '50000',
  approval_url: 'app://a',
  cancel_url: 'app://c',
  fail_url: 'app://f',
  ...extra,
});
const approveForm = (cid = 'OQ00000000', orderId = 'RAW-0') => ({ cid, order_id: orderId, category_cd: '552101', opponent_name: '하나카페', item_name: '아메리카노', member_id: 'guest', amount: '4500', tran_dt: '2026.11.22 10:00:00', tid: '1000000001' });

const REQUIRED = {
  '/pay/store/token': ['business_no', 'opponent_name', 'store_phone', 'store_address1', 'store_address2'],
  '/pay': ['cid', 'category_cd', 'opponent_name', 'item_name', 'member_id', 'order_id', 'quantity', 'amount', 'bank_acct_num', 'balance', 'approval_url', 'cancel_url', 'fail_url'],
  '/pay/success': ['cid', 'order_id', 'category_cd', 'item_name', 'member_id', 'amount', 'tran_dt'],
} as const;
const MAX_LEN = {
  '/pay/store/token': { business_no: 15, opponent_name: 100, store_phone: 20, store_address1: 200, store_address2: 200, post_no: 5 },
  '/pay': { cid: 10, opponent_name: 100, item_name: 200, item_code: 100, member_id: 100, order_id: 100, payment_method_type: 10, bank_acct_num: 12, bank_acct_alias: 50, approval_url: 255, cancel_url: 255, fail_url: 255, qr_token: 64 },
  '/pay/success': { cid: 10, order_id: 100, opponent_name: 100, item_name: 200, member_id: 100, tran_dt: 20, tid: 20 },
} as const;
const formFor = (path: keyof typeof REQUIRED): Record<string, string> => (path === '/pay/store/token' ? { ...registerForm } : path === '/pay' ? readyForm() : approveForm());

// ── the OneQ Pay flow ────────────────────────────────────────────────────────────────────────────
describe('OneQ Pay simulator through the axios gateway', () => {
  it('registers, takes a customer QR, readies and approves; the balance is debited once', async () => {
    expect(await gw.ping()).toBeGreaterThanOrEqual(0);
    const reg = await gw.registerStore(store);
    expect(reg.cid).toMatch(/^OQ[A-Z0-9]{8}$/);
    expect(reg.categoryCd).toBe(552101);
    expect(reg.createdAt).toMatch(/^\d{4}\.\d{2}\.\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(reg.approvedAt).toMatch(/^\d{4}\.\d{2}\.\d{2} \d{2}:\d{2}:\d{2}$/);

    const before = await balances();
    expect(before).toEqual({ account: 1_000_000, money: 50_000 });
    const req = readyReq(reg.cid, await issueQr());
    const ready = await gw.ready(req);
    expect(ready.tid).toMatch(/^\d+$/);
    expect(ready.nextRedirectUrl).toBe(`${sim.url}/pay/showQRCode?tid=${ready.tid}`);
    expect(ready.androidAppScheme).toBe(`${sim.url}/pay/oneq/transfer?tid=${ready.tid}`);
    expect(ready.approvedAt).toMatch(/^\d{4}\.\d{2}\.\d{2} \d{2}:\d{2}:\d{2}$/);
    expect((await gw.lookup(reg.cid, req.orderId)).status).toBe('READY');
    expect(await balances()).toEqual(before); // nothing taken at ready

    const approved = await gw.approve(approveReq(req, ready.tid));
    expect(approved).toMatchObject({ tid: ready.tid, cid: reg.cid, orderId: req.orderId, memberId: 'guest', paymentMethodType: '계좌', itemName: '아메리카노', amount: 9000 });
    expect(approved.tranDt).toMatch(/^\d{4}\.\d{2}\.\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(await balances()).toEqual({ account: 991_000, money: 50_000 });

    // approving again (a retry after a lost response) returns the same result and debits nothing
    expect(await gw.approve(approveReq(req, ready.tid))).toEqual(approved);
    expect(await gw.approve(approveReq(req, ''))).toEqual(approved); // tid is optional
    expect(await balances()).toEqual({ account: 991_000, money: 50_000 });

    expect(await gw.lookup(reg.cid, req.orderId)).toEqual({ tid: ready.tid, cid: reg.cid, orderId: req.orderId, status: 'APPROVED', amount: 9000, paymentMethodType: '계좌', tranDt: approved.tranDt });
    const page = await fetch(ready.nextRedirectUrl).then((r) => r.text());
    expect(page).toContain('결제 완료');
  });

  it('pays from the Hana Money balance when the customer shows a MONEY QR', async () => {
    const cid = await register();
    const req = readyReq(cid, await issueQr('MONEY'), { amount: 16_000, itemName: '고구마피자' });
    const ready = await gw.ready(req);
    const res = await gw.approve(approveReq(req, ready.tid));
    expect(res.paymentMethodType).toBe('MONEY');
    expect(await balances()).toEqual({ account: 1_000_000, money: 34_000 });
  });

  it('registration is idempotent per business number and checks the check digit', async () => {
    const first = await gw.registerStore(store);
    const again = await gw.registerStore({ ...store, businessNo: '2208162517', name: '하나카페 새이름', postNo: '' });
    // Same cid; without proof of being the merchant no keys (issue 10: simulator-security.test.ts).
    expect(again).toEqual({ cid: first.cid, createdAt: first.createdAt, categoryCd: first.categoryCd, approvedAt: first.approvedAt });
    const other = await gw.registerStore({ ...store, businessNo: '123-45-67891' });
    expect(other.cid).not.toBe(first.cid);
    const e = await expectFailure(gw.registerStore({ ...store, businessNo: '220-81-62518' }), 'rejected', 'BUSINESS_NO_INVALID', 400);
    expect(e.detail).toContain('business_no');
    await expectFailure(gw.registerStore({ ...store, businessNo: '22081' }), 'rejected', 'BUSINESS_NO_INVALID', 400);
  });

  it('retrying ready with the same order id returns the same tid without using another QR', async () => {
    const cid = await register();
    const req = readyReq(cid, await issueQr());
    const first = await gw.ready(req);
    expect((await gw.ready(req)).tid).toBe(first.tid); // same (already consumed) token: a lost-response retry
    const fresh = await issueQr();
    expect((await gw.ready({ ...req, qrToken: fresh })).tid).toBe(first.tid);
    // the fresh QR was not consumed by the retry
    const other = await gw.ready(readyReq(cid, fresh));
    expect(other.tid).not.toBe(first.tid);

    await expectFailure(gw.ready({ ...req, amount: 9001, qrToken: await issueQr() }), 'rejected', 'DUPLICATE_ORDER', 409);
    await gw.approve(approveReq(req, first.tid));
    await expectFailure(gw.ready({ ...req, qrToken: await issueQr() }), 'rejected', 'DUPLICATE_ORDER', 409);
  });

  it('declines QR tokens that are reused, unknown, misread or malformed', async () => {
    const cid = await register();
    const qr = await issueQr();
    await gw.ready(readyReq(cid, qr));
    await expectFailure(gw.ready(readyReq(cid, qr)), 'rejected', 'QR_USED', 400);
    // A well-formed token this backend never made fails its MAC: QR_TAMPERED (issue 3). QR_UNKNOWN,
    // a genuine MAC with no such token, is covered in simulator-customers.test.ts.
    await expectFailure(gw.ready(readyReq(cid, encodeQrPayload('ABCDEFGHIJKLMNOP'))), 'rejected', 'QR_TAMPERED', 400);
    const misread = qr.slice(0, -1) + (qr.endsWith('A') ? 'B' : 'A');
    await expectFailure(gw.ready(readyReq(cid, misread)), 'rejected', 'QR_CHECKSUM', 400);
    await expectFailure(gw.ready(readyReq(cid, 'hello')), 'rejected', 'QR_UNKNOWN_FORMAT', 400);
  });

  it('a QR expires after 3 minutes (simulator clock)', async () => {
    const cid = await register();
    const fresh = await issueQr();
    const stale = await issueQr();
    clockOffsetMs = 3 * 60_000 - 2_000;
    await gw.ready(readyReq(cid, fresh)); // still valid just before expiry
    clockOffsetMs = 3 * 60_000 + 1_000;
    await expectFailure(gw.ready(readyReq(cid, stale)), 'rejected', 'QR_EXPIRED', 400);
  });

  it('insufficient balance fails the payment and takes nothing; the order stays failed', async () => {
    const cid = await register();
    const req = readyReq(cid, await issueQr(), { amount: 1_000_001 });
    const ready = await gw.ready(req);
    const e = await expectFailure(gw.approve(approveReq(req, ready.tid)), 'rejected', 'INSUFFICIENT_BALANCE', 402);
    expect(e.detail).toContain('INSUFFICIENT_BALANCE');
    expect((await gw.lookup(cid, req.orderId)).status).toBe('FAILED');
    await expectFailure(gw.approve(approveReq(req, ready.tid)), 'rejected', 'INSUFFICIENT_BALANCE', 402);
    await expectFailure(gw.ready({ ...req, qrToken: await issueQr() }), 'rejected', 'DUPLICATE_ORDER', 409);

    const money = readyReq(cid, await issueQr('MONEY'), { amount: 50_001 });
    const mReady = await gw.ready(money);
    await expectFailure(gw.approve(approveReq(money, mReady.tid)), 'rejected', 'INSUFFICIENT_BALANCE', 402);
    expect(await balances()).toEqual({ account: 1_000_000, money: 50_000 });
  });

  it('approve of an unknown order or tid, or with another amount, is declined', async () => {
    const cid = await register();
    const req = readyReq(cid, await issueQr());
    const ready = await gw.ready(req);
    await expectFailure(gw.approve(approveReq({ ...req, orderId: 'NO-SUCH-ORDER' }, '')), 'rejected', 'PAYMENT_NOT_FOUND', 404);
    await expectFailure(gw.approve(approveReq(req, '999999')), 'rejected', 'PAYMENT_NOT_FOUND', 400);
    await expectFailure(gw.approve(approveReq(req, ready.tid, { amount: 9001 })), 'rejected', 'AMOUNT_MISMATCH', 400);
    await expectFailure(gw.approve(approveReq(req, ready.tid, { tranDt: '2026-11-22 10:00:00' })), 'rejected', 'VALIDATION_FAILED', 400);
    expect(await balances()).toEqual({ account: 1_000_000, money: 50_000 });
    expect((await gw.lookup(cid, req.orderId)).status).toBe('READY');
  });

  it('ready checks the store and the amount range', async () => {
    const cid = await register();
    await expectFailure(gw.ready(readyReq('OQNOSUCHID', await issueQr())), 'rejected', 'STORE_NOT_FOUND', 404);
    await expectFailure(gw.ready(readyReq(cid, await issueQr(), { amount: 0 })), 'rejected', 'AMOUNT_INVALID', 400);
    await expectFailure(gw.ready(readyReq(cid, await issueQr(), { amount: 100_000_001 })), 'rejected', 'AMOUNT_INVALID', 400);
    expect((await gw.ready(readyReq(cid, await issueQr(), { amount: 100_000_000 }))).tid).toMatch(/^\d+$/);
  });

  it('status look-up: READY, APPROVED, and PAYMENT_NOT_FOUND for an order never seen', async () => {
    const cid = await register();
    const req = readyReq(cid, await issueQr());
    await expectFailure(gw.lookup(cid, req.orderId), 'rejected', 'PAYMENT_NOT_FOUND', 404);
    const ready = await gw.ready(req);
    expect(await gw.lookup(cid, req.orderId)).toEqual({ tid: ready.tid, cid, orderId: req.orderId, status: 'READY', amount: 9000, paymentMethodType: null, tranDt: null });
    await gw.approve(approveReq(req, ready.tid));
    expect((await gw.lookup(cid, req.orderId)).status).toBe('APPROVED');
    await expectFailure(gw.lookup('OQNOSUCHID', req.orderId), 'rejected', 'PAYMENT_NOT_FOUND', 404);
  });

  it('the spec path without qr_token: bank_acct_num and balance identify the account', async () => {
    const cid = await register();
    const ok = await raw('/pay', readyForm(cid, { amount: '3000' }));
    expect(ok.status).toBe(200);
    expect(ok.body.tid).toMatch(/^\d+$/);
    const unknown = await raw('/pay', readyForm(cid, { bank_acct_num: '999999999999' }));
    expect(unknown).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', field: 'bank_acct_num' } });
  });

  it('keeps stores, payments and balances across a restart on the same file', async () => {
    const cid = await register();
    const req = readyReq(cid, await issueQr());
    const ready = await gw.ready(req);
    await gw.approve(approveReq(req, ready.tid));
    const pending = readyReq(cid, await issueQr());
    await gw.ready(pending);
    await sim.close();

    await start();
    expect((await gw.registerStore(store)).cid).toBe(cid);
    expect((await gw.lookup(cid, req.orderId)).status).toBe('APPROVED');
    expect(await balances()).toEqual({ account: 991_000, money: 50_000 });
    const next = readyReq(cid, await issueQr());
    expect(Number((await gw.ready(next)).tid)).toBeGreaterThan(Number(ready.tid));
    const done = await gw.approve(approveReq(pending, (await gw.lookup(cid, pending.orderId)).tid));
    expect(done.amount).toBe(9000);
    expect(await balances()).toEqual({ account: 982_000, money: 50_000 });
  });
});

// ── input validation (raw HTTP: the typed client cannot send these) ────────────────────────────
describe('OneQ Pay simulator input validation', () => {
  it('answers every error as { code, message (ko), message_en, detail, field }', async () => {
    const r = await raw('/pay/store/token', { ...registerForm, opponent_name: '' });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ code: 'VALIDATION_FAILED', message: ERROR_MESSAGES.VALIDATION_FAILED.ko, message_en: ERROR_MESSAGES.VALIDATION_FAILED.en, detail: 'opponent_name is required', field: 'opponent_name' });
  });

  for (const path of Object.keys(REQUIRED) as (keyof typeof REQUIRED)[]) {
    it(`${path}: each missing required field → 400 VALIDATION_FAILED naming it`, async () => {
      for (const field of REQUIRED[path]) {
        const form = formFor(path);
        delete form[field];
        const r = await raw(path, form);
        expect(r.status, `${path} without ${field}`).toBe(400);
        expect(r.body, `${path} without ${field}`).toMatchObject({ code: 'VALIDATION_FAILED', field, message: ERROR_MESSAGES.VALIDATION_FAILED.ko });
        expect(String(r.body.detail)).toContain(field);
      }
    });

    it(`${path}: each over-length field → 400 VALIDATION_FAILED naming it`, async () => {
      for (const [field, max] of Object.entries(MAX_LEN[path])) {
        const r = await raw(path, { ...formFor(path), [field]: '가'.repeat(max + 1) });
        expect(r.status, `${path} ${field} of ${max + 1}`).toBe(400);
        expect(r.body, `${path} ${field} of ${max + 1}`).toMatchObject({ code: 'VALIDATION_FAILED', field });
        expect(String(r.body.detail)).toContain(field);
      }
    });
  }

  it('accepts values at their maximum length', async () => {
    const r = await raw('/pay/store/token', { ...registerForm, opponent_name: '가'.repeat(100), store_address1: '나'.repeat(200), store_phone: '0'.repeat(20) });
    expect(r.status).toBe(200);
  });

  it('rejects wrong types and odd encodings with 4xx JSON, never 500', async () => {
    const cases: [string, string, number, string | undefined][] = [
      ['/pay', new URLSearchParams(readyForm('OQ00000000', { amount: 'abc' })).toString(), 400, 'amount'],
      ['/pay', new URLSearchParams(readyForm('OQ00000000', { quantity: '0' })).toString(), 400, 'quantity'],
      ['/pay', new URLSearchParams(readyForm('OQ00000000', { category_cd: '1.5' })).toString(), 400, 'category_cd'],
      ['/pay', new URLSearchParams(readyForm('OQ00000000', { payment_method_type: 'CARD' })).toString(), 400, 'payment_method_type'],
      ['/pay', new URLSearchParams(readyForm('OQ00000000')).toString() + '&cid=OQ11111111', 400, 'cid'],
      ['/pay/success', new URLSearchParams({ ...approveForm(), tran_dt: '2026.13.40 25:00:00' }).toString(), 400, 'tran_dt'],
      ['/pay/store/token', '%E0%A4%A', 400, undefined],
      ['/pay/store/token', 'x='.padEnd(70_000, 'y'), 413, undefined],
    ];
    for (const [path, body, status, field] of cases) {
      const res = await fetch(sim.url + path, { method: 'POST', headers: { 'content-type': FORM }, body });
      const json = (await res.json()) as Record<string, unknown>;
      expect(res.status, `${path} ${body.slice(0, 60)}`).toBe(status);
      expect(json.code).toBe('VALIDATION_FAILED');
      if (field) expect(json.field).toBe(field);
    }
    const text = await fetch(sim.url + '/pay', { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<x/>' });
    expect(text.status).toBe(415);
    expect(((await text.json()) as { code: string }).code).toBe('VALIDATION_FAILED');
    const status = await raw('/pay/status?cid=OQ00000000');
    expect(status).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', field: 'order_id' } });
    expect(await raw('/nowhere')).toMatchObject({ status: 404, body: { code: 'UNKNOWN_METHOD' } });
  });
});

// ── the wallet ───────────────────────────────────────────────────────────────────────────────────
describe('wallet', () => {
  it('shows the customer, a masked account and a live QR that the terminal can use', async () => {
    const res = await fetch(`${sim.url}/wallet/demo`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('김하나');
    expect(html).toContain('********9012');
    expect(html).not.toContain('123456789012');
    expect(html).toContain('<svg');
    expect(html).toContain('http-equiv="refresh"');
    const qrText = /ONEQ1\.[A-Z2-7]{18}/.exec(html)?.[0];
    expect(qrText).toBeTruthy();
    const cid = await register();
    expect((await gw.ready(readyReq(cid, qrText!))).tid).toMatch(/^\d+$/);
  });

  it('404 for an unknown customer', async () => {
    expect((await raw('/wallet/api/customers/nobody/qr', undefined, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${sim.url}/wallet/nobody`)).status).toBe(404);
  });
});

// ── gateway failure classification ───────────────────────────────────────────────────────────────
describe('gateway classification of backend failures', () => {
  const client = (baseUrl: string, timeoutMs = 2000) => createOneqPayGateway({ baseUrl, timeoutMs });
  const anyReady = () => readyReq('OQ00000000', encodeQrPayload('ABCDEFGHIJKLMNOP'));

  it('connection refused → unreachable', async () => {
    const url = await listen(() => undefined);
    const s = servers.pop()!;
    await new Promise((r) => s.close(r));
    await expectFailure(client(url).ready(anyReady()), 'unreachable', 'BACKEND_UNREACHABLE');
    await expectFailure(client(url).ping(), 'unreachable', 'BACKEND_UNREACHABLE');
  });

  it('a server that never answers → unknown, within the timeout', async () => {
    const url = await listen(() => undefined);
    const t0 = Date.now();
    await expectFailure(client(url, 300).approve(approveReq(anyReady(), '1')), 'unknown', 'BACKEND_UNKNOWN');
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  it('a server that trickles bytes forever → unknown, bounded by the timeout', async () => {
    const url = await listen((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const t = setInterval(() => res.write(' '), 50);
      res.on('close', () => clearInterval(t));
    });
    const t0 = Date.now();
    await expectFailure(client(url, 300).ready(anyReady()), 'unknown', 'BACKEND_UNKNOWN');
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  it('a reset connection → unknown', async () => {
    const url = await listen((req) => req.socket.destroy());
    await expectFailure(client(url).approve(approveReq(anyReady(), '1')), 'unknown', 'BACKEND_UNKNOWN');
  });

  it('5xx → unknown; garbage or mismatching bodies → unknown BACKEND_BAD_RESPONSE', async () => {
    const five = await listen((_req, res) => res.writeHead(500, { 'content-type': 'application/json' }).end('{"code":"INTERNAL"}'));
    await expectFailure(client(five).approve(approveReq(anyReady(), '1')), 'unknown', 'BACKEND_UNKNOWN', 500);
    const garbage = await listen((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"tid": [oops'));
    await expectFailure(client(garbage).ready(anyReady()), 'unknown', 'BACKEND_BAD_RESPONSE', 200);
    const html = await listen((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>hi</html>'));
    await expectFailure(client(html).ping(), 'unknown', 'BACKEND_BAD_RESPONSE', 200);
    const wrong = await listen((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"tid":"12","amount":"9000"}'));
    await expectFailure(client(wrong).approve(approveReq(anyReady(), '1')), 'unknown', 'BACKEND_BAD_RESPONSE', 200);
  });

  it('4xx with a JSON code → rejected (unknown codes as BACKEND_REJECTED); a bare 404 look-up is not "not found"', async () => {
    const known = await listen((_req, res) => res.writeHead(402, { 'content-type': 'application/json' }).end('{"code":"INSUFFICIENT_BALANCE"}'));
    await expectFailure(client(known).approve(approveReq(anyReady(), '1')), 'rejected', 'INSUFFICIENT_BALANCE', 402);
    const foreign = await listen((_req, res) => res.writeHead(400, { 'content-type': 'application/json' }).end('{"code":"E1234","message":"bad"}'));
    await expectFailure(client(foreign).ready(anyReady()), 'rejected', 'BACKEND_REJECTED', 400);
    const bare = await listen((_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>'));
    await expectFailure(client(bare).lookup('OQ00000000', 'x'), 'unknown', 'BACKEND_BAD_RESPONSE', 404);
    await expectFailure(client(bare).ready(anyReady()), 'rejected', 'BACKEND_REJECTED', 404);
  });

  it('a malformed base URL is unreachable, not a crash', async () => {
    await expectFailure(client('not a url').ping(), 'unreachable', 'BACKEND_UNREACHABLE');
  });
});
