/**
 * Customers, their MyData-linked methods and the payment rules of seed 000 (account / check card /
 * credit card with limit and billing day / Hana Money), consent expiry (seed 001 A0316/A0319), and the
 * one-time QR tokens (tampered / unknown / used / expired) — in both dialects, through the terminal's
 * own gateway clients. Also the wallet page and API, the demo customers and the v1 → v2 upgrade.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/simulator/sim-migrations';
import { ERROR_MESSAGES } from '../../shared/domain/errors';
import { encodeQrPayload, parseQrPayload } from '../../shared/domain/qr-payload';
import { seoulDay } from '../../shared/domain/time';
import {
  DIALECTS,
  approveReq,
  createCustomer,
  expectFailure,
  getCustomer,
  holdings,
  issueQr,
  merchant,
  pay,
  readyReq,
  startHarness,
  type Harness,
  type Merchant,
} from '../property/sim-harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const today = () => Number(seoulDay(h.now()).slice(8, 10));
const notToday = () => (today() % 28) + 1;

/** A customer with one account, a check card, a credit card and Hana Money. */
async function customer(over: Record<string, unknown> = {}, card: Record<string, unknown> = {}) {
  return createCustomer(h, {
    name: '테스트',
    money_balance: 30_000,
    accounts: [{ balance: 100_000 }, { balance: 5_000, status: 'INACTIVE' }],
    cards: [
      { card_type_code: 2 },
      { card_type_code: 1, limit: 500_000, used: 0, billing_day: notToday(), ...card },
      { card_type_code: 2, account_index: 1 },
    ],
    ...over,
  });
}
const acct = (c: { accounts: { method_id: string }[] }, i = 0) => ({ method_id: c.accounts[i]!.method_id });
const card = (c: { cards: { method_id: string }[] }, i: number) => ({ method_id: c.cards[i]!.method_id });

describe.each(DIALECTS)('payment rules (%s)', (dialect) => {
  let m: Merchant;
  beforeEach(async () => {
    m = await merchant(h, dialect);
  });

  it('account: debits the balance; over the balance is INSUFFICIENT_BALANCE and moves nothing', async () => {
    const c = await customer();
    const { approved } = await pay(m, await issueQr(h, c.id, acct(c)), { amount: 40_000 });
    expect(approved.paymentMethodType).toBe(dialect === 'oneqpay' ? '계좌' : 'MONEY');
    expect((await holdings(h, c.id)).accounts).toEqual([60_000, 5_000]);
    const req = readyReq(m, await issueQr(h, c.id, acct(c)), { amount: 60_001 });
    const ready = await m.gw.ready(req);
    await expectFailure(m.gw.approve(approveReq(req, ready.tid)), 'rejected', 'INSUFFICIENT_BALANCE');
    expect((await m.gw.lookup(m.cid, req.orderId)).status).toBe('FAILED');
    expect((await holdings(h, c.id)).accounts).toEqual([60_000, 5_000]);
  });

  it('inactive account, and a check card on an inactive account: ACCOUNT_INACTIVE', async () => {
    const c = await customer();
    const r1 = readyReq(m, await issueQr(h, c.id, acct(c, 1)), { amount: 1000 });
    await expectFailure(m.gw.approve(approveReq(r1, (await m.gw.ready(r1)).tid)), 'rejected', 'ACCOUNT_INACTIVE');
    const r2 = readyReq(m, await issueQr(h, c.id, card(c, 2)), { amount: 1000 });
    await expectFailure(m.gw.approve(approveReq(r2, (await m.gw.ready(r2)).tid)), 'rejected', 'ACCOUNT_INACTIVE');
    expect((await holdings(h, c.id)).accounts).toEqual([100_000, 5_000]);
  });

  it('check card: debits the linked account; the demo check-card customer with a low balance is declined', async () => {
    const c = await customer();
    const { approved } = await pay(m, await issueQr(h, c.id, card(c, 0)), { amount: 25_000 });
    expect(approved.paymentMethodType).toBe('CARD');
    expect(await holdings(h, c.id)).toEqual({ accounts: [75_000, 5_000], money: 30_000, used: [0, 0, 0] });

    const low = await getCustomer(h, 'check-low');
    expect(low.accounts[0]!.balance).toBe(12_000);
    const ok = await pay(m, await issueQr(h, 'check-low', { method: 'CARD' }), { amount: 2_000 });
    expect(ok.approved.amount).toBe(2_000);
    const req = readyReq(m, await issueQr(h, 'check-low', { method: 'CARD' }), { amount: 10_001 });
    await expectFailure(m.gw.approve(approveReq(req, (await m.gw.ready(req)).tid)), 'rejected', 'INSUFFICIENT_BALANCE');
    expect((await getCustomer(h, 'check-low')).accounts[0]!.balance).toBe(10_000);
  });

  it('credit card: uses the limit, not the account; over the remaining limit is CREDIT_LIMIT_EXCEEDED', async () => {
    const near = await getCustomer(h, 'credit-near');
    expect(near.cards[0]).toMatchObject({ cardTypeCode: '1', limit: 1_000_000, used: 985_000, remaining: 15_000 });
    const qr = () => issueQr(h, 'credit-near', { method_id: near.cards[0]!.method_id });
    await pay(m, await qr(), { amount: 10_000 });
    const after = await getCustomer(h, 'credit-near');
    expect(after.cards[0]!.remaining).toBe(5_000);
    expect(after.accounts[0]!.balance).toBe(300_000); // not on the billing day: the account is untouched
    const req = readyReq(m, await qr(), { amount: 5_001 });
    await expectFailure(m.gw.approve(approveReq(req, (await m.gw.ready(req)).tid)), 'rejected', 'CREDIT_LIMIT_EXCEEDED');
    await pay(m, await qr(), { amount: 5_000 }); // exactly the rest of the limit
    expect((await getCustomer(h, 'credit-near')).cards[0]!.remaining).toBe(0);
  });

  it('credit card on its billing day: the linked account must cover the amount too (BILLING_DAY_BALANCE)', async () => {
    const c = await customer({ accounts: [{ balance: 3_000 }] , cards: [{ card_type_code: 1, limit: 500_000, billing_day: today() }] });
    const req = readyReq(m, await issueQr(h, c.id, card(c, 0)), { amount: 3_001 });
    await expectFailure(m.gw.approve(approveReq(req, (await m.gw.ready(req)).tid)), 'rejected', 'BILLING_DAY_BALANCE');
    await pay(m, await issueQr(h, c.id, card(c, 0)), { amount: 3_000 });
    expect(await holdings(h, c.id)).toEqual({ accounts: [3_000], money: 30_000, used: [3_000] }); // checked, not debited
  });

  it('inactive and expired cards are declined', async () => {
    const c = await customer({}, { status: 'INACTIVE' });
    const r1 = readyReq(m, await issueQr(h, c.id, card(c, 1)), { amount: 1000 });
    await expectFailure(m.gw.approve(approveReq(r1, (await m.gw.ready(r1)).tid)), 'rejected', 'CARD_INACTIVE');
    const expired = await getCustomer(h, 'credit-near');
    const r2 = readyReq(m, await issueQr(h, 'credit-near', { method_id: expired.cards[1]!.method_id }), { amount: 1000 });
    await expectFailure(m.gw.approve(approveReq(r2, (await m.gw.ready(r2)).tid)), 'rejected', 'CARD_EXPIRED');
  });

  it('expired consent: withdrawal A0319 for account and check card, inquiry A0316 for a credit card on its billing day', async () => {
    const r1 = readyReq(m, await issueQr(h, 'consent-expired'), { amount: 1000 });
    const e1 = await expectFailure(m.gw.approve(approveReq(r1, (await m.gw.ready(r1)).tid)), 'rejected', 'CONSENT_WITHDRAWAL_EXPIRED');
    expect(e1.detail).toContain('A0319');
    const r2 = readyReq(m, await issueQr(h, 'consent-expired', { method: 'CARD' }), { amount: 1000 });
    await expectFailure(m.gw.approve(approveReq(r2, (await m.gw.ready(r2)).tid)), 'rejected', 'CONSENT_WITHDRAWAL_EXPIRED');

    const past = '2024-01-01T00:00:00Z';
    const c = await customer({ info_consent_until: past, withdraw_consent_until: past, cards: [{ card_type_code: 1, limit: 100_000, billing_day: today() }, { card_type_code: 1, limit: 100_000, billing_day: notToday() }] });
    const r3 = readyReq(m, await issueQr(h, c.id, card(c, 0)), { amount: 1000 });
    const e3 = await expectFailure(m.gw.approve(approveReq(r3, (await m.gw.ready(r3)).tid)), 'rejected', 'CONSENT_INFO_EXPIRED');
    expect(e3.detail).toContain('A0316');
    await pay(m, await issueQr(h, c.id, card(c, 1)), { amount: 1000 }); // no inquiry off the billing day
    await pay(m, await issueQr(h, c.id, { method: 'MONEY' }), { amount: 1000 }); // Hana Money needs no bank consent
  });

  it('Hana Money: the money balance (the demo customer with Hana Money)', async () => {
    const before = await getCustomer(h, 'money-rich');
    expect(before.money_balance).toBe(300_000);
    const { approved } = await pay(m, await issueQr(h, 'money-rich', { method: 'MONEY' }), { amount: 120_000 });
    expect(approved.paymentMethodType).toBe('MONEY');
    expect((await getCustomer(h, 'money-rich')).money_balance).toBe(180_000);
    const req = readyReq(m, await issueQr(h, 'money-rich', { method: 'MONEY' }), { amount: 180_001 });
    await expectFailure(m.gw.approve(approveReq(req, (await m.gw.ready(req)).tid)), 'rejected', 'INSUFFICIENT_BALANCE');
  });

  it('QR tokens: used, expired, tampered (bad MAC) and misread are rejected with distinct codes', async () => {
    const c = await customer();
    const qr = await issueQr(h, c.id);
    expect(qr).toMatch(/^ONEQ1\.[A-Z2-7]{18}$/);
    expect(parseQrPayload(qr).ok).toBe(true);
    await m.gw.ready(readyReq(m, qr, { amount: 1000 }));
    await expectFailure(m.gw.ready(readyReq(m, qr, { amount: 1000 })), 'rejected', 'QR_USED');

    const body = qr.slice(6, 22);
    const altered = encodeQrPayload(body.slice(0, 15) + (body[15] === 'A' ? 'B' : 'A')); // valid check chars, MAC broken
    await expectFailure(m.gw.ready(readyReq(m, altered)), 'rejected', 'QR_TAMPERED');
    await expectFailure(m.gw.ready(readyReq(m, encodeQrPayload('ZZZZZZZZZZZZZZZZ'))), 'rejected', 'QR_TAMPERED');
    await expectFailure(m.gw.ready(readyReq(m, qr.slice(0, -1) + (qr.endsWith('A') ? 'B' : 'A'))), 'rejected', 'QR_CHECKSUM');

    const stale = await issueQr(h, c.id);
    h.clock.offsetMs = 3 * 60_000 + 1000;
    await expectFailure(m.gw.ready(readyReq(m, stale)), 'rejected', 'QR_EXPIRED');
  });
});

describe('QR_UNKNOWN: a genuine MAC but no such token here', () => {
  it('a token from another simulator with the same secret is QR_UNKNOWN; with another secret QR_TAMPERED', async () => {
    const secret = 'shared-test-secret';
    const a = await startHarness({ secret });
    const b = await startHarness({ secret });
    const c = await startHarness({ secret: 'another-secret' });
    try {
      const m = await merchant(a, 'oneqpay');
      const fromB = await issueQr(b, 'demo');
      await expectFailure(m.gw.ready(readyReq(m, fromB)), 'rejected', 'QR_UNKNOWN');
      const fromC = await issueQr(c, 'demo');
      await expectFailure(m.gw.ready(readyReq(m, fromC)), 'rejected', 'QR_TAMPERED');
      expect(ERROR_MESSAGES.QR_UNKNOWN.ko).not.toBe(ERROR_MESSAGES.QR_TAMPERED.ko);
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });
});

describe('every decline carries a code with Korean and English messages', () => {
  it('OneQ body { code, message, message_en, rsp_code } and Kakao body { code, msg, extras }', async () => {
    const m1 = await merchant(h, 'oneqpay');
    const r1 = readyReq(m1, await issueQr(h, 'consent-expired'), { amount: 1000 });
    const t1 = (await m1.gw.ready(r1)).tid;
    const res = await fetch(`${h.url}/pay/success`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ cid: m1.cid, order_id: r1.orderId, category_cd: '552101', item_name: r1.itemName, member_id: 'guest', amount: '1000', tran_dt: '2026.01.02 10:00:00', tid: t1 }).toString(),
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: 'CONSENT_WITHDRAWAL_EXPIRED', message: ERROR_MESSAGES.CONSENT_WITHDRAWAL_EXPIRED.ko, message_en: ERROR_MESSAGES.CONSENT_WITHDRAWAL_EXPIRED.en, rsp_code: 'A0319' });

    const m2 = await merchant(h, 'kakaopay');
    const r2 = readyReq(m2, await issueQr(h, 'check-low', { method: 'CARD' }), { amount: 50_000 });
    await m2.gw.ready(r2);
    const order = (await (await fetch(`${h.url}/v1/payment/order?cid=${m2.cid}&partner_order_id=${r2.orderId}`, { headers: { authorization: `KakaoAK ${m2.credentials.adminKey}` } })).json()) as { tid: string; pg_token: string };
    const res2 = await fetch(`${h.url}/v1/payment/approve`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `KakaoAK ${m2.credentials.adminKey}` },
      body: new URLSearchParams({ cid: m2.cid, tid: order.tid, partner_order_id: r2.orderId, partner_user_id: 'guest', pg_token: order.pg_token }).toString(),
    });
    expect(res2.status).toBe(400); // Kakao: every payment error is HTTP 400 (issue 10)
    expect(await res2.json()).toMatchObject({ code: -780, msg: ERROR_MESSAGES.INSUFFICIENT_BALANCE.en, extras: { method_result_code: 'INSUFFICIENT_BALANCE', method_result_message: ERROR_MESSAGES.INSUFFICIENT_BALANCE.ko } });
  });
});

describe('customers and the wallet', () => {
  it('seeds the demo customers once: check card with low balance, near the credit limit, expired consent, Hana Money', async () => {
    const list = (await (await fetch(`${h.url}/wallet/api/customers`)).json()) as { customers: { id: string }[] };
    expect(list.customers.map((c) => c.id)).toEqual(expect.arrayContaining(['demo', 'check-low', 'credit-near', 'consent-expired', 'money-rich']));
    const demo = await getCustomer(h, 'demo');
    expect(demo).toMatchObject({ id: 'demo', name: '김하나', account_masked: '********9012', account_balance: 1_000_000, money_balance: 50_000 });
    expect(demo.cards).toHaveLength(1);
    const expired = (await (await fetch(`${h.url}/wallet/api/customers/consent-expired`)).json()) as { consent: { info_expired: boolean; withdraw_expired: boolean } };
    expect(expired.consent).toMatchObject({ info_expired: true, withdraw_expired: true });
    // restart on the same file: nothing seeded twice
    await h.sim.close();
    const again = await startHarness({}, h.dir);
    h = again;
    expect(((await (await fetch(`${h.url}/wallet/api/customers`)).json()) as { customers: unknown[] }).customers).toHaveLength(list.customers.length);
    expect((await getCustomer(h, 'demo')).cards).toHaveLength(1);
  });

  it('creates customers for tests and validates them', async () => {
    const c = await createCustomer(h, { id: 'test-kim', name: '김테스트', accounts: [{ acct_num: '9990001112', balance: 1 }], cards: [{ card_type_code: 1, limit: 10, used: 3, card_number: '1234567812345678' }] });
    expect(c.cards[0]).toMatchObject({ remaining: 7, cardStatus: '활성' });
    expect(JSON.stringify(c)).not.toContain('1234567812345678');
    expect(JSON.stringify(c)).not.toContain('9990001112');
    const bad = async (body: unknown, status = 400) => {
      const r = await fetch(`${h.url}/wallet/api/customers`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(r.status, JSON.stringify(body)).toBe(status);
      expect(((await r.json()) as { code: string }).code).toBe('VALIDATION_FAILED');
    };
    await bad({ name: 'x', accounts: [] });
    await bad({ name: 'x', accounts: [{ balance: -1 }] });
    await bad({ name: 'x', accounts: [{ balance: 1 }], cards: [{ card_type_code: 3 }] });
    await bad({ name: 'x', accounts: [{ balance: 1 }], cards: [{ card_type_code: 1, limit: 1, used: 2 }] });
    await bad({ id: 'test-kim', name: 'dup', accounts: [{ balance: 1 }] }, 409);
    await bad({ name: 'x', accounts: [{ acct_num: '9990001112', balance: 1 }] }, 409);
  });

  it('wallet page: methods with masked numbers, a live QR per method, recent payments', async () => {
    const m = await merchant(h, 'oneqpay');
    await pay(m, await issueQr(h, 'demo'), { amount: 4_500 });
    const res = await fetch(`${h.url}/wallet/demo`);
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toContain('sim_customer=demo');
    const html = await res.text();
    expect(html).toContain('하나 원큐 신용카드');
    expect(html).toContain('9410-12**-****-1234');
    expect(html).not.toContain('9410123456781234');
    expect(html).toContain('최근 결제');
    expect(html).toContain('4,500원');
    const demo = await getCustomer(h, 'demo');
    const cardPage = await (await fetch(`${h.url}/wallet/demo?m=${demo.cards[0]!.method_id}`)).text();
    const qr = /ONEQ1\.[A-Z2-7]{18}/.exec(cardPage)![0];
    const { approved } = await pay(m, qr, { amount: 1_000 });
    expect(approved.paymentMethodType).toBe('CARD');
    const payments = (await (await fetch(`${h.url}/wallet/api/customers/demo/payments`)).json()) as { payments: { amount: number; status: string; method: string }[] };
    expect(payments.payments.slice(0, 2)).toMatchObject([
      { amount: 1_000, status: 'SUCCESS_PAYMENT', method: 'CARD' },
      { amount: 4_500, status: 'SUCCESS_PAYMENT', method: '계좌' },
    ]);
    expect((await fetch(`${h.url}/wallet`)).status).toBe(200);
    expect((await fetch(`${h.url}/wallet/api/customers/demo/qr`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"method_id":"C99999"}' })).status).toBe(404);
  });
});

describe('upgrade of a version-1 simulator database', () => {
  it('keeps stores, the demo balance, payments and unexpired tokens', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-v1-'));
    try {
      const db = new Database(join(dir, 'simulator.sqlite'));
      db.exec(MIGRATIONS[0]!);
      db.pragma('user_version = 1');
      const now = new Date().toISOString();
      db.prepare("INSERT INTO stores VALUES ('OQV1STORE1', '2208162517', '옛가게', '02', 'a1', 'a2', '', 552101, ?, ?, ?)").run(now, now, now);
      db.prepare("UPDATE customers SET account_balance = 990000 WHERE id = 'demo'").run();
      db.prepare(
        `INSERT INTO payments (id, tid, cid, order_id, category_cd, opponent_name, item_name, member_id, quantity, amount, method, customer_id, approval_url, cancel_url, fail_url, status, created_at, approved_at, updated_at)
         VALUES (1, '1000000001', 'OQV1STORE1', 'OLD-1', 552101, '옛가게', '커피', 'guest', 1, 10000, '계좌', 'demo', 'a', 'c', 'f', 'APPROVED', ?, ?, ?)`,
      ).run(now, now, now);
      db.close();

      const v2 = await startHarness({}, dir);
      try {
        const sqlite = new Database(join(dir, 'simulator.sqlite'), { readonly: true });
        expect(sqlite.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
        sqlite.close();
        expect((await getCustomer(v2, 'demo')).account_balance).toBe(990_000);
        const res = await fetch(`${v2.url}/pay/status?cid=OQV1STORE1&order_id=OLD-1`);
        expect(await res.json()).toMatchObject({ tid: '1000000001', status: 'APPROVED', amount: 10_000, payment_method_type: '계좌', canceled_amount: 0 });
        // the upgraded payment can be cancelled, and the refund goes back to the demo account
        const cancel = await fetch(`${v2.url}/pay/cancel`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'cid=OQV1STORE1&tid=1000000001&cancel_amount=10000' });
        expect(cancel.status).toBe(200);
        expect((await getCustomer(v2, 'demo')).account_balance).toBe(1_000_000);
      } finally {
        await v2.sim.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
