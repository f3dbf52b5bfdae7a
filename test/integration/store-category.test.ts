/**
 * 업종 (issue 11): the owner asks for a category at registration (picked by name or typed); the core sends
 * it to the payment server (EXTENSION category_cd on /pay/store/token), keeps the server's answer, and
 * sends it with every payment. Unnamed codes work like named ones; a non-code is refused at the boundary.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Payment, StoreProfile } from '../../shared/contract';
import { createCore, type Core } from '../../electron/core/core';
import { coreCalls, DEMO_REGISTRATION } from '../fixtures/core-calls';
import { ensureDrawerOpen } from '../fixtures/drawer-session';

const registration = DEMO_REGISTRATION;

let dir: string;
let core: Core;
const { call, ok } = coreCalls(() => core);

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'core-category-'));
  core = await createCore({ dataDir: dir, shell: 'web', version: 'test', lookupDelaysMs: [50, 100, 200] });
});
afterEach(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('업종 at registration', () => {
  it('keeps the category asked for, sends it with each payment, and changes it on re-registration', async () => {
    const store = await ok<StoreProfile>('registerStore', { ...registration, categoryCd: 552303 });
    expect(store.categoryCd).toBe(552303);
    expect((await ok<StoreProfile>('getStore'))?.categoryCd).toBe(552303);

    await ensureDrawerOpen(core);
    const { qrText } = await ok<{ qrText: string }>('issueDemoQr');
    const p = await ok<Payment>('checkout', { items: [{ name: '아메리카노', unitPrice: 4500, quantity: 1, taxFree: false }], qrText });
    expect(p.status).toBe('approved');
    expect(core.db.prepare('SELECT category_cd FROM payments WHERE id = ?').get(p.id)).toEqual({ category_cd: 552303 });

    // the same terminal (it holds the key) registers again with another 업종: the server's answer is kept
    const again = await ok<StoreProfile>('registerStore', { ...registration, categoryCd: 930203 });
    expect(again.cid).toBe(store.cid);
    expect(again.categoryCd).toBe(930203);
    expect((await ok<StoreProfile>('getStore'))?.categoryCd).toBe(930203);

    // not asked: the server keeps what it has
    expect((await ok<StoreProfile>('registerStore', registration)).categoryCd).toBe(930203);
  });

  it('lets the server assign one when none is asked for, takes a code without a name, refuses a non-code', async () => {
    expect((await ok<StoreProfile>('registerStore', registration)).categoryCd).toBe(552101); // the simulator's default (seed 003's example)
    expect((await ok<StoreProfile>('registerStore', { ...registration, categoryCd: 552199 })).categoryCd).toBe(552199);
    for (const bad of ['커피', 12, 1_234_567, 552303.5]) {
      const r = await call('registerStore', { ...registration, categoryCd: bad });
      expect(r.ok ? 'ok' : r.error.code).toBe('VALIDATION_FAILED');
    }
    expect((await ok<StoreProfile>('getStore'))?.categoryCd).toBe(552199);
  });
});
