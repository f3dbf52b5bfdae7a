/**
 * The core as the shells see it (router → services → axios gateway → the simulator over real HTTP),
 * on a temp-dir ledger: the walking-skeleton loop and its bad-input and backend-failure paths.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodName, Payment, RpcResult, StoreProfile } from '../../shared/contract';
import { createCore, type Core } from '../../electron/core/core';
import { startSimulator } from '../../electron/simulator/server';
import { ensureDrawerOpen } from '../fixtures/drawer-session';

const registration = { businessNo: '220-81-62517', name: '하나카페 을지로점', representative: '김하나', phone: '02-1234-5678', address1: '서울특별시 중구', address2: '을지로 35 1층', postNo: '04523' };
const items = [{ name: '아메리카노', unitPrice: 4500, quantity: 2, taxFree: false }];

let dir: string;
let core: Core;
const servers: Server[] = [];

async function call<T>(method: MethodName, input: unknown = {}): Promise<RpcResult<T>> {
  return (await core.router.call(method, input)) as RpcResult<T>;
}
async function ok<T>(method: MethodName, input: unknown = {}): Promise<T> {
  const r = await call<T>(method, input);
  if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.detail ?? ''}`);
  return r.value;
}
const demoQr = async () => (await ok<{ qrText: string }>('issueDemoQr')).qrText;

function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const s = createServer(handler);
  servers.push(s);
  return new Promise((r) => s.listen(0, '127.0.0.1', () => r(`http://127.0.0.1:${(s.address() as AddressInfo).port}`)));
}
async function waitFor(fn: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!fn()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'core-'));
  core = await createCore({ dataDir: dir, shell: 'web', version: 'test', lookupDelaysMs: [50, 100, 200] });
  await ensureDrawerOpen(core);
});
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await core.close();
  for (const c of cleanups.splice(0)) await c();
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    s.close();
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('walking skeleton through the core', () => {
  it('onboards, pays with the demo QR, records every state, and lists today', async () => {
    expect(await ok('getStore')).toBeNull();
    const store = await ok<StoreProfile>('registerStore', registration);
    expect(store.cid).toMatch(/^.{10}$/);
    expect(store.businessNo).toBe('2208162517');
    expect(store.enrollmentCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/); // shown once (issue 10) …
    expect(await ok('getStore')).toEqual({ ...store, enrollmentCode: undefined }); // … never stored

    const p = await ok<Payment>('checkout', { items, qrText: await demoQr() });
    expect(p).toMatchObject({ status: 'approved', amount: 9000, vat: 818, supply: 8182, cid: store.cid, itemName: '아메리카노', error: null });
    expect(p.tid).toBeTruthy();
    expect(p.approvedAt).toMatch(/Z$/);
    expect(core.db.prepare('SELECT status FROM payment_events WHERE payment_id = ? ORDER BY id').all(p.id).map((r) => (r as { status: string }).status)).toEqual([
      'created',
      'ready_requested',
      'ready',
      'approve_requested',
      'approved',
    ]);
    // the ledger never keeps a usable QR token
    expect(JSON.stringify(core.db.prepare('SELECT * FROM payments').all())).not.toContain(p.qrMasked.replace('…', ''));
    expect((await ok<Payment[]>('listPayments')).map((x) => x.id)).toEqual([p.id]);
  });

  it('a reused QR is declined by the backend, recorded as failed with its code', async () => {
    await ok('registerStore', registration);
    const qrText = await demoQr();
    await ok('checkout', { items, qrText });
    const second = await ok<Payment>('checkout', { items, qrText });
    expect(second).toMatchObject({ status: 'failed', error: { code: 'QR_USED' } });
    expect(await ok<Payment[]>('listPayments')).toHaveLength(2);
  });

  it('rejects bad input before recording anything', async () => {
    await ok('registerStore', registration);
    const qrText = await demoQr();
    for (const [input, code] of [
      [{ items, qrText: 'hello' }, 'QR_UNKNOWN_FORMAT'],
      [{ items, qrText: '' }, 'QR_EMPTY'],
      [{ items: [{ ...items[0], unitPrice: 0 }], qrText }, 'AMOUNT_INVALID'],
      [{ items: [{ ...items[0], unitPrice: 60_000_000 }], qrText }, 'AMOUNT_INVALID'],
      [{ items: [{ ...items[0], unitPrice: -5 }], qrText }, 'AMOUNT_INVALID'],
      [{ items: [], qrText }, 'CART_EMPTY'],
    ] as const) {
      const r = await call('checkout', input);
      expect(r.ok === false && r.error.code, JSON.stringify(input)).toBe(code);
    }
    expect(await ok<Payment[]>('listPayments')).toHaveLength(0);
  });

  it('refuses to sell before onboarding, and rejects an invalid business number', async () => {
    const r = await call('checkout', { items, qrText: await demoQr() });
    expect(r.ok === false && r.error.code).toBe('STORE_NOT_REGISTERED');
    const bad = await call('registerStore', { ...registration, businessNo: '220-81-62518' });
    expect(bad.ok === false && bad.error.code).toBe('BUSINESS_NO_INVALID');
  });

  it('a backend that is down: failed, nothing charged, earlier records kept', async () => {
    await ok('registerStore', registration);
    const first = await ok<Payment>('checkout', { items, qrText: await demoQr() });
    const qrText = await demoQr();
    const dead = await listen(() => undefined);
    await new Promise((r) => servers.pop()!.close(r)); // nothing listens on that port any more
    await ok('updateSettings', { backend: { mode: 'remote', url: dead, dialect: 'oneqpay' } });
    const p = await ok<Payment>('checkout', { items, qrText });
    expect(p).toMatchObject({ status: 'failed', error: { code: 'BACKEND_UNREACHABLE' } });
    expect((await ok<Payment>('getPayment', { id: first.id })).status).toBe('approved');
    const info = await ok<{ backend: { reachable: boolean } }>('getAppInfo');
    expect(info.backend.reachable).toBe(false);
  });

  it('a backend answering garbage: unknown (never failed), looked up with bounded retries', async () => {
    await ok('registerStore', registration);
    const qrText = await demoQr();
    const secondQr = await demoQr();
    const garbage = await listen((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"tid": [oops'));
    await ok('updateSettings', { backend: { mode: 'remote', url: garbage, dialect: 'oneqpay' } });
    const p = await ok<Payment>('checkout', { items, qrText });
    expect(p.status).toBe('unknown');
    expect(p.error?.code).toBe('BACKEND_UNKNOWN');
    const after = await ok<Payment>('recheckPayment', { id: p.id });
    expect(after.status).toBe('unknown'); // still no trustworthy answer: stays unknown, not failed
    // no second charge while this one may still go through, whatever the cart
    const again = await call<Payment>('checkout', { items: [{ name: '라떼', unitPrice: 5000, quantity: 1, taxFree: false }], qrText: secondQr });
    expect(again).toMatchObject({ ok: false, error: { code: 'PAYMENT_IN_PROGRESS' } });
    expect(core.db.prepare('SELECT count(*) AS n FROM payments').get()).toEqual({ n: 1 });
  });

  it('an approval whose response is lost is found approved by the status look-up, charged once', async () => {
    // A simulator of its own: switching the backend to remote stops the embedded one (issue 10).
    const sim = await startSimulator({ dbFile: join(dir, 'remote-sim.sqlite'), port: 0 });
    cleanups.push(() => sim.close());
    await ok('updateSettings', { backend: { mode: 'remote', url: sim.url, dialect: 'oneqpay' } });
    await ok('registerStore', registration);
    const qrText = (await (await fetch(`${sim.url}/wallet/api/customers/demo/qr`, { method: 'POST' })).json() as { qr_text: string }).qr_text;
    const target = new URL(sim.url);
    let dropped = 0;
    // a proxy that forwards everything but loses the response of the first approval
    const proxy = await listen((req, res) => {
      const up = request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (ur) => {
        if (req.url === '/pay/success' && dropped === 0) {
          dropped++;
          ur.resume();
          ur.on('end', () => res.socket?.destroy());
          return;
        }
        res.writeHead(ur.statusCode ?? 502, ur.headers);
        ur.pipe(res);
      });
      req.pipe(up);
    });
    const updates: Payment[] = [];
    core.events.subscribe((e) => e.name === 'payment.updated' && updates.push(e.payload as Payment));
    await ok('updateSettings', { backend: { mode: 'remote', url: proxy, dialect: 'oneqpay' } });
    const p = await ok<Payment>('checkout', { items, qrText });
    expect(p.status).toBe('unknown');
    await waitFor(() => updates.some((u) => u.id === p.id && u.status === 'approved'));
    const final = await ok<Payment>('getPayment', { id: p.id });
    expect(final).toMatchObject({ status: 'approved', amount: 9000, error: null });
    expect(dropped).toBe(1);
  });

  it('a payment left mid-flight by a crash is settled on the next start', async () => {
    await ok('registerStore', registration);
    const p = await ok<Payment>('checkout', { items, qrText: await demoQr() });
    // simulate a crash between "approve_requested" being written and the answer being recorded
    core.db.prepare("UPDATE payments SET status = 'approve_requested', method_type = NULL WHERE id = ?").run(p.id);
    await core.close();
    core = await createCore({ dataDir: dir, shell: 'web', version: 'test', lookupDelaysMs: [10, 50] });
    await waitFor(() => (core.db.prepare('SELECT status FROM payments WHERE id = ?').get(p.id) as { status: string }).status === 'approved');
    const pending = core.db.prepare("SELECT count(*) AS n FROM payments WHERE status NOT IN ('approved','failed')").get() as { n: number };
    expect(pending.n).toBe(0);
  });
});
