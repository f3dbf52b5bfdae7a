/**
 * Merchant credentials in the OneQ Pay dialect (optional by default, enforced with
 * requireMerchantAuth), stable keys from registration, the loopback default, and no secret in logs.
 */
import { request } from 'node:http';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createGateway } from '../../electron/core/services/gateway/create-gateway';
import { createOneqPayGateway } from '../../electron/core/services/gateway/oneqpay-client';
import { approveReq, businessNo, expectFailure, issueQr, merchant, pay, readyReq, startHarness, type Harness } from '../property/sim-harness';

const harnesses: Harness[] = [];
const start = async (...a: Parameters<typeof startHarness>) => {
  const h = await startHarness(...a);
  harnesses.push(h);
  return h;
};
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close().catch(() => undefined);
});

describe('OneQ Pay merchant credentials', () => {
  it('requireMerchantAuth: every merchant call needs the cid_secret (header or form field)', async () => {
    const h = await start({ requireMerchantAuth: true });
    const m = await merchant(h, 'oneqpay');
    const bare = createOneqPayGateway({ baseUrl: h.url, timeoutMs: 5000 });
    const req = readyReq(m, await issueQr(h, 'demo'), { amount: 1_000 });
    await expectFailure(bare.ready(req), 'rejected', 'MERCHANT_AUTH_FAILED');
    await expectFailure(bare.lookup(m.cid, req.orderId), 'rejected', 'MERCHANT_AUTH_FAILED');
    const ready = await m.gw.ready(req);
    await expectFailure(bare.approve(approveReq(req, ready.tid)), 'rejected', 'MERCHANT_AUTH_FAILED');
    await expectFailure(bare.cancel({ cid: m.cid, tid: ready.tid, orderId: req.orderId, cancelAmount: 1, cancelTaxFreeAmount: 0 }), 'rejected', 'MERCHANT_AUTH_FAILED');
    expect(await bare.ping()).toBeGreaterThanOrEqual(0); // health and registration need none
    await m.gw.approve(approveReq(req, ready.tid));
    const status = await fetch(`${h.url}/pay/status?cid=${m.cid}&order_id=${req.orderId}&cid_secret=${m.credentials.cidSecret}`);
    expect(status.status).toBe(200);
    const other = await merchant(h, 'oneqpay');
    const withOthersKey = createOneqPayGateway({ baseUrl: h.url, timeoutMs: 5000, credentials: other.credentials });
    await expectFailure(withOthersKey.lookup(m.cid, req.orderId), 'rejected', 'MERCHANT_AUTH_FAILED');
  });

  it('default (embedded) mode accepts a missing key but never a wrong one', async () => {
    const h = await start();
    const m = await merchant(h, 'oneqpay', { withCredentials: false });
    await pay(m, await issueQr(h, 'demo'), { amount: 1_000 });
    const wrong = createGateway({ dialect: 'oneqpay', baseUrl: h.url, timeoutMs: 5000, credentials: { cidSecret: 'a'.repeat(24) } });
    await expectFailure(wrong.ready(readyReq(m, await issueQr(h, 'demo'))), 'rejected', 'MERCHANT_AUTH_FAILED');
  });

  it("an approve or cancel for another merchant's payment is rejected", async () => {
    const h = await start();
    const a = await merchant(h, 'oneqpay');
    const b = await merchant(h, 'oneqpay');
    const req = readyReq(a, await issueQr(h, 'demo'), { amount: 1_000 });
    const ready = await a.gw.ready(req);
    await expectFailure(b.gw.approve(approveReq({ ...req, cid: b.cid }, ready.tid)), 'rejected', 'PAYMENT_NOT_FOUND'); // B's cid, A's order and tid
    await expectFailure(b.gw.approve(approveReq(req, ready.tid)), 'rejected', 'MERCHANT_AUTH_FAILED'); // A's cid with B's key
    await a.gw.approve(approveReq(req, ready.tid));
    await expectFailure(b.gw.cancel({ cid: b.cid, tid: ready.tid, orderId: req.orderId, cancelAmount: 1_000, cancelTaxFreeAmount: 0 }), 'rejected', 'PAYMENT_NOT_FOUND');
    await expectFailure(b.gw.lookupByTid(b.cid, ready.tid), 'rejected', 'PAYMENT_NOT_FOUND');
    expect((await a.gw.lookupByTid(a.cid, ready.tid)).status).toBe('APPROVED');
  });

  it('registration gives the keys and a one-time enrollment code; a re-registration needs proof for the keys or a profile change', async () => {
    const h = await start();
    const anyone = createOneqPayGateway({ baseUrl: h.url, timeoutMs: 5000 });
    const store = { businessNo: businessNo(), name: '가게', phone: '02', address1: 'a', address2: 'b', postNo: '' };
    const first = await anyone.registerStore(store);
    expect(first.cidSecret).toMatch(/^[0-9a-z]{24}$/);
    expect(first.enrollmentCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    // Someone who only knows the business number: the cid (seed 003: idempotent), no keys, profile unchanged.
    const stranger = await anyone.registerStore({ ...store, name: '가로챈 이름' });
    expect(stranger).toEqual({ cid: first.cid, createdAt: first.createdAt, categoryCd: first.categoryCd, approvedAt: first.approvedAt });
    const nameOf = () => {
      const db = new Database(`${h.dir}/simulator.sqlite`, { readonly: true });
      try {
        return (db.prepare('SELECT name FROM stores WHERE cid = ?').get(first.cid) as { name: string }).name;
      } finally {
        db.close();
      }
    };
    expect(nameOf()).toBe('가게');
    // A wrong key or code is refused.
    await expectFailure(createOneqPayGateway({ baseUrl: h.url, timeoutMs: 5000, credentials: { cidSecret: '0'.repeat(24) } }).registerStore(store), 'rejected', 'MERCHANT_AUTH_FAILED');
    await expectFailure(anyone.registerStore({ ...store, enrollmentCode: 'AAAA-BBBB-CCCC' }), 'rejected', 'MERCHANT_AUTH_FAILED');

    // The merchant's own key (the terminal always sends it): keys again, profile updated; also after a restart.
    const owner = createOneqPayGateway({ baseUrl: h.url, timeoutMs: 5000, credentials: { cidSecret: first.cidSecret } });
    expect(await owner.registerStore({ ...store, name: '새 이름' })).toMatchObject({ cid: first.cid, cidSecret: first.cidSecret, adminKey: first.adminKey });
    expect(nameOf()).toBe('새 이름');
    await h.sim.close();
    const again = await start({}, h.dir);
    const ownerAgain = createOneqPayGateway({ baseUrl: again.url, timeoutMs: 5000, credentials: { cidSecret: first.cidSecret } });
    expect(await ownerAgain.registerStore(store)).toMatchObject({ cid: first.cid, cidSecret: first.cidSecret, adminKey: first.adminKey });

    // A new terminal without the keys: the enrollment code proves it once (dashes and case do not matter), and a new code replaces it.
    const fresh = createOneqPayGateway({ baseUrl: again.url, timeoutMs: 5000 });
    const byCode = await fresh.registerStore({ ...store, enrollmentCode: first.enrollmentCode!.toLowerCase().replaceAll('-', '') });
    expect(byCode).toMatchObject({ cid: first.cid, cidSecret: first.cidSecret, adminKey: first.adminKey });
    expect(byCode.enrollmentCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(byCode.enrollmentCode).not.toBe(first.enrollmentCode);
    await expectFailure(fresh.registerStore({ ...store, enrollmentCode: first.enrollmentCode! }), 'rejected', 'MERCHANT_AUTH_FAILED'); // used up
    expect((await fresh.registerStore({ ...store, enrollmentCode: byCode.enrollmentCode! })).cidSecret).toBe(first.cidSecret);

    const second = await fresh.registerStore({ ...store, businessNo: businessNo() });
    expect(second.cidSecret).not.toBe(first.cidSecret);
  });

  it('the Kakao client registers with the key it holds (keys again); without one, the cid alone', async () => {
    const h = await start();
    const m = await merchant(h, 'kakaopay');
    const store = { businessNo: businessNo(), name: '카카오가게', phone: '02', address1: 'a', address2: 'b', postNo: '' };
    const first = await createOneqPayGateway({ baseUrl: h.url, timeoutMs: 5000 }).registerStore(store);
    const withKey = createGateway({ dialect: 'kakaopay', baseUrl: h.url, timeoutMs: 5000, credentials: { cidSecret: first.cidSecret } });
    expect(await withKey.registerStore(store)).toMatchObject({ cid: first.cid, cidSecret: first.cidSecret });
    const without = createGateway({ dialect: 'kakaopay', baseUrl: h.url, timeoutMs: 5000 });
    expect((await without.registerStore(store)).cidSecret).toBeUndefined();
    expect(m.cid).not.toBe(first.cid);
  });
});

function raw(url: string, path: string, headers: Record<string, string>, method = 'GET', body?: string): Promise<number> {
  const u = new URL(url);
  return new Promise((ok, fail) => {
    const req = request({ host: u.hostname, port: u.port, path, method, headers }, (res) => {
      res.resume();
      res.on('end', () => ok(res.statusCode ?? 0));
    });
    req.on('error', fail);
    req.end(body);
  });
}

describe('admin and wallet API: Host and Origin checked (as the web shell does)', () => {
  it('a foreign Host (DNS rebinding) or a foreign Origin is refused; its own host, a LAN IP literal and localhost pass', async () => {
    const h = await start({ faults: true });
    const port = new URL(h.url).port;
    const own = `127.0.0.1:${port}`;
    for (const path of ['/sim/faults', '/wallet/api/customers']) {
      expect(await raw(h.url, path, { host: own }), path).toBe(200);
      expect(await raw(h.url, path, { host: `localhost:${port}` }), path).toBe(200);
      expect(await raw(h.url, path, { host: `192.168.0.3:${port}` }), path).toBe(200); // a phone on the LAN (--host 0.0.0.0)
      expect(await raw(h.url, path, { host: `evil.example:${port}` }), path).toBe(403);
      expect(await raw(h.url, path, { host: `127.0.0.1:${Number(port) + 1}` }), path).toBe(403);
      expect(await raw(h.url, path, { host: own, origin: 'http://evil.example' }), path).toBe(403);
      expect(await raw(h.url, path, { host: own, origin: 'null' }), path).toBe(403);
      expect(await raw(h.url, path, { host: own, origin: `http://${own}` }), path).toBe(200);
    }
    const rule = JSON.stringify({ path: '/health', mode: 'http_5xx' });
    expect(await raw(h.url, '/sim/faults', { host: `evil.example:${port}`, 'content-type': 'application/json' }, 'POST', rule)).toBe(403);
    expect(await raw(h.url, '/wallet/api/customers/demo/qr', { host: own, origin: 'http://evil.example' }, 'POST')).toBe(403);
    expect((await fetch(`${h.url}/health`)).status).toBe(200); // the refused rule was never added
  });
});

describe('where the simulator listens and what it logs', () => {
  it('binds 127.0.0.1 unless told otherwise', async () => {
    const h = await start();
    expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('logs method, path and status only: no key, token, account or card number', async () => {
    const lines: string[] = [];
    const h = await start({ logger: { stream: { write: (l: string) => void lines.push(l) } } });
    const secrets: string[] = [];
    for (const dialect of ['oneqpay', 'kakaopay'] as const) {
      const m = await merchant(h, dialect);
      secrets.push(m.credentials.cidSecret!, m.credentials.adminKey!);
      const qr = await issueQr(h, 'demo');
      secrets.push(qr);
      const { req, ready } = await pay(m, qr, { amount: 1_000 });
      await m.gw.lookup(m.cid, req.orderId);
      await m.gw.cancel({ cid: m.cid, tid: ready.tid, orderId: req.orderId, cancelAmount: 1_000, cancelTaxFreeAmount: 0 });
      await fetch(`${h.url}/pay/status?cid=${m.cid}&order_id=${req.orderId}&cid_secret=${m.credentials.cidSecret}`);
    }
    const log = lines.join('\n');
    expect(log).toContain('/pay/success');
    expect(log).toContain('/v1/payment/approve');
    for (const s of [...secrets, '123456789012', '9410123456781234']) expect(log).not.toContain(s);
    expect(log).not.toMatch(/authorization|KakaoAK|SECRET_KEY|pg_token|qr_token/i);
  });
});
