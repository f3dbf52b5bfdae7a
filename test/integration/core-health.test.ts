/**
 * Health the cashier sees (issue 10): a damaged or missing merchant key file reaches getAppInfo (the status
 * bar) and getCredentialsStatus (진단), not only the log; and the start-up recovery runs in the background:
 * with the backend down, a new sale is answered at once — refused with PAYMENT_IN_PROGRESS while a payment
 * from before the restart is still being checked (listed in getAppInfo().recovery), not after its look-ups.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import { openLedger } from '../../electron/core/db/open-ledger';
import { newOrderId } from '../../electron/core/services/payment/order-id';
import { PaymentRepo } from '../../electron/core/services/payment/payment-repo';
import { SettingsService } from '../../electron/core/services/settings/settings-service';
import type { AppInfo, CredentialsStatus, Payment, RpcResult } from '../../shared/contract';
import { cartTotals } from '../../shared/domain/cart';
import { encodeQrPayload } from '../../shared/domain/qr-payload';
import { ensureDrawerOpen } from '../fixtures/drawer-session';

let dir: string;
const cores: Core[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'health-'));
});
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});
async function start(lookupDelaysMs: readonly number[] = [50]): Promise<Core> {
  const c = await createCore({ dataDir: dir, shell: 'web', version: 'test', lookupDelaysMs });
  cores.push(c);
  await ensureDrawerOpen(c);
  return c;
}
async function call<T>(c: Core, method: string, input: unknown = {}): Promise<RpcResult<T>> {
  return (await c.router.call(method, input)) as RpcResult<T>;
}
async function value<T>(c: Core, method: string, input: unknown = {}): Promise<T> {
  const r = await call<T>(c, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code}`);
  return r.value;
}
async function deadUrl(): Promise<string> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return `http://127.0.0.1:${port}`;
}
const items = [{ name: '아메리카노', unitPrice: 4500, quantity: 1, taxFree: false }];

describe('merchant key file health', () => {
  it('ok at first start; an unreadable secrets.json is damaged in getAppInfo and getCredentialsStatus; entering a key again repairs it', async () => {
    let c = await start();
    expect((await value<AppInfo>(c, 'getAppInfo')).secrets).toEqual({ state: 'ok' });
    await c.close();
    cores.splice(0);
    writeFileSync(join(dir, 'secrets.json'), '{"v":1,"values":{"merchant.cidSecret":"abc'); // cut off
    c = await start();
    const info = await value<AppInfo>(c, 'getAppInfo');
    expect(info.secrets.state).toBe('damaged');
    expect(info.secrets.detail).toContain('secrets.json');
    expect((await value<CredentialsStatus>(c, 'getCredentialsStatus')).health.state).toBe('damaged');
    await value(c, 'setCredentials', { cidSecret: 'abcdefgh12345678abcdefgh' });
    expect((await value<AppInfo>(c, 'getAppInfo')).secrets).toEqual({ state: 'ok' });
  });

  it('missing: the Kakao dialect with a registered store and no key stored', async () => {
    const c = await start();
    await value(c, 'updateSettings', { backend: { mode: 'embedded', dialect: 'kakaopay' } });
    await value(c, 'registerStore', { businessNo: '220-81-62517', name: '하나카페', representative: '김하나', phone: '02-1234-5678', address1: '서울특별시 중구', address2: '을지로 35', postNo: '04523' });
    expect((await value<AppInfo>(c, 'getAppInfo')).secrets.state).toBe('ok'); // registration stored the keys
    await value(c, 'setCredentials', { cidSecret: null, adminKey: null });
    expect((await value<AppInfo>(c, 'getAppInfo')).secrets.state).toBe('missing');
    expect((await value<CredentialsStatus>(c, 'getCredentialsStatus')).health.state).toBe('missing');
  });
});

describe('start-up recovery with the backend down', () => {
  it('runs in the background: a new sale is refused at once while the old payment is checked, and the status lists it', async () => {
    const url = await deadUrl();
    const db = openLedger(dir);
    new SettingsService(db).update({ backend: { mode: 'remote', url, dialect: 'oneqpay' }, paymentTimeoutMs: 1000 });
    db.prepare(`INSERT INTO store_profile (id, business_no, name, representative, phone, address1, address2, post_no, cid, category_cd, created_at, approved_at, registered_at)
      VALUES (1, '2208162517', '하나카페', '김하나', '02-1234-5678', '서울', '을지로', '04523', 'CID0000001', 1, '2026.01.01 09:00:00', '2026.01.01 09:00:00', '2026-01-01T00:00:00.000Z')`).run();
    const repo = new PaymentRepo(db);
    const old = repo.create({ orderId: newOrderId(), cid: 'CID0000001', totals: cartTotals(items), items, qrMasked: 'ONEQ1.…' });
    for (const st of ['ready_requested', 'ready', 'approve_requested'] as const) repo.transition(old.id, st, st === 'ready' ? { tid: '12345' } : {});
    db.close();

    const c = await start([5000, 5000]); // a look-up every 5 s: recovery takes ≥ 10 s
    const r = await call<Payment>(c, 'checkout', { items, qrText: encodeQrPayload('ABCDEFGHIJKLMNOP') });
    // answered while the old payment is still open (before the fix, checkout waited for the whole recovery)
    expect(c.payments.get(old.id).status).toBe('approve_requested');
    expect(!r.ok && r.error.code).toBe('PAYMENT_IN_PROGRESS');
    expect(!r.ok && r.error.detail).toContain(old.orderId);
    expect((await value<AppInfo>(c, 'getAppInfo')).recovery.checking).toEqual([old.id]);
  });

  it('with nothing left open, the first sale is not held back by recovery and the status lists nothing', async () => {
    const c = await start();
    expect((await value<AppInfo>(c, 'getAppInfo')).recovery).toEqual({ checking: [] });
    await value(c, 'registerStore', { businessNo: '220-81-62517', name: '하나카페', representative: '김하나', phone: '02-1234-5678', address1: '서울특별시 중구', address2: '을지로 35', postNo: '04523' });
    const qr = (await value<{ qrText: string }>(c, 'issueDemoQr')).qrText;
    expect((await value<Payment>(c, 'checkout', { items, qrText: qr })).status).toBe('approved');
  });
});
