/**
 * Recovery in the Kakao Pay dialect, legacy and open API: Kakao answers a repeated approve with -702
 * (not the first result), so every path that may re-send an approve (a lost answer, a held approval
 * and a restart) must settle the payment with the order look-up: approved once, charged once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import { openLedger } from '../../electron/core/db/open-ledger';
import { SettingsService } from '../../electron/core/services/settings/settings-service';
import type { Payment, StoreProfile } from '../../shared/contract';
import { addFault, businessNo, createCustomer, getCustomer, issueQr, startHarness, type Harness } from '../property/sim-harness';
import { FAULT_TIMEOUT_MS, rpc } from './remote-core';
import { ensureDrawerOpen } from '../fixtures/drawer-session';

let h: Harness;
let dir: string;
const cores: Core[] = [];
beforeEach(async () => {
  h = await startHarness({ faults: true });
  dir = mkdtempSync(join(tmpdir(), 'kakao-recovery-'));
});
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close().catch(() => undefined);
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const items = [{ name: '아메리카노', unitPrice: 4500, quantity: 1, taxFree: false }];
const registration = () => ({ businessNo: businessNo(), name: '카카오카페', representative: '김하나', phone: '02-1234-5678', address1: '서울특별시 중구', address2: '을지로 35', postNo: '04523' });

async function start(kakaoApi: 'legacy' | 'open', lookupDelaysMs: readonly number[] = [50, 100, 200]): Promise<Core> {
  const db = openLedger(dir);
  try {
    new SettingsService(db).update({ backend: { mode: 'remote', url: h.url, dialect: 'kakaopay', kakaoApi }, paymentTimeoutMs: FAULT_TIMEOUT_MS });
  } finally {
    db.close();
  }
  const c = await createCore({ dataDir: dir, shell: 'web', version: 'fault-test', lookupDelaysMs });
  cores.push(c);
  await ensureDrawerOpen(c);
  return c;
}
async function stop(c: Core): Promise<void> {
  cores.splice(cores.indexOf(c), 1);
  await c.close();
}
async function settled(c: Core, id: number, ms = 6000): Promise<Payment> {
  const end = Date.now() + ms;
  let p = c.payments.get(id);
  while (Date.now() < end && p.status !== 'approved' && p.status !== 'failed') {
    await sleep(25);
    p = c.payments.get(id);
  }
  return p;
}
function charges(orderId: string): number {
  const db = new Database(join(h.dir, 'simulator.sqlite'), { readonly: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM payment_actions a JOIN payments p ON p.id = a.payment_id WHERE p.order_id = ? AND a.type = 'PAYMENT'`).get(orderId) as { n: number }).n;
  } finally {
    db.close();
  }
}

describe.each(['legacy', 'open'] as const)('Kakao dialect (%s API): recovery', (api) => {
  const approvePath = api === 'open' ? '/online/v1/payment/approve' : '/v1/payment/approve';

  it('the approve answer is lost after the backend approved: the terminal settles it approved, charged once', async () => {
    const customer = await createCustomer(h, { name: '김카카', accounts: [{ balance: 100_000 }] });
    const core = await start(api);
    expect((await rpc<StoreProfile>(core, 'registerStore', registration())).ok).toBe(true);
    expect((await addFault(h, { path: approvePath, mode: 'reset', commit: true })).status).toBe(200);
    const r = await rpc<Payment>(core, 'checkout', { items, qrText: await issueQr(h, customer.id) });
    if (!r.ok) throw new Error(r.error.code);
    const p = await settled(core, r.value.id);
    expect(p.status).toBe('approved');
    expect(charges(p.orderId)).toBe(1);
    expect((await getCustomer(h, customer.id)).account_balance).toBe(100_000 - 4500);
  });

  it('a held approval and a restart: recovery completes it; the late approve lands on -702 and charges nothing more', async () => {
    const customer = await createCustomer(h, { name: '김보류', accounts: [{ balance: 100_000 }] });
    let core = await start(api, []);
    expect((await rpc<StoreProfile>(core, 'registerStore', registration())).ok).toBe(true);
    expect((await addFault(h, { path: approvePath, mode: 'delay', delay_ms: 2500 })).status).toBe(200);
    const t0 = Date.now();
    const r = await rpc<Payment>(core, 'checkout', { items, qrText: await issueQr(h, customer.id) });
    expect(r.ok && r.value.status).toBe('unknown');
    const { id, orderId } = r.ok ? r.value : { id: 0, orderId: '' };
    await stop(core);

    core = await start(api);
    expect((await settled(core, id)).status).toBe('approved');
    await sleep(Math.max(0, t0 + 2500 + 300 - Date.now()));
    expect(charges(orderId)).toBe(1);
    expect((await getCustomer(h, customer.id)).account_balance).toBe(100_000 - 4500);
    expect(core.payments.get(id).status).toBe('approved');
  });

  it('A0007 on approve (committed): looked up and approved, charged once; a recheck keeps it approved', async () => {
    const customer = await createCustomer(h, { name: '김재확', accounts: [{ balance: 100_000 }] });
    const core = await start(api);
    expect((await rpc<StoreProfile>(core, 'registerStore', registration())).ok).toBe(true);
    expect((await addFault(h, { path: approvePath, mode: 'code', code: 'A0007' })).status).toBe(200);
    const r = await rpc<Payment>(core, 'checkout', { items, qrText: await issueQr(h, customer.id) });
    if (!r.ok) throw new Error(r.error.code);
    expect((await settled(core, r.value.id)).status).toBe('approved');
    const again = await rpc<Payment>(core, 'recheckPayment', { id: r.value.id });
    expect(again.ok && again.value.status).toBe('approved');
    expect(charges(r.value.orderId)).toBe(1);
  });
});
