/**
 * A sale with a 면세 part, cancelled from the terminal against the simulator over HTTP (both dialects):
 * the backend must know the payment's tax-free amount (sent with ready), or every cancel carrying a
 * tax-free part is refused (CANCEL_AMOUNT_EXCEEDED "cancel_tax_free_amount must be within 0..0").
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axios from 'axios';
import { afterEach, describe, expect, it } from 'vitest';
import type { Payment, RpcResult } from '../../shared/contract';
import { createCore, type Core } from '../../electron/core/core';
import { startSimulator, type Simulator } from '../../electron/simulator/server';
import { ensureDrawerOpen } from '../fixtures/drawer-session';

let dir: string;
let sim: Simulator;
let core: Core;
afterEach(async () => {
  await core?.close();
  await sim?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function ok<T>(method: string, input: unknown = {}): Promise<T> {
  const r = (await core.router.call(method, input)) as RpcResult<T>;
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.detail ?? ''}`);
  return r.value;
}

describe.each(['oneqpay', 'kakaopay'] as const)('cancels with a tax-free part (%s)', (dialect) => {
  it('partial (proportional tax-free), then the rest with the remaining tax-free: both cancelled', async () => {
    dir = mkdtempSync(join(tmpdir(), 'refund-tf-'));
    sim = await startSimulator({ dbFile: join(dir, 'bank.sqlite'), port: 0, faults: true });
    core = await createCore({ dataDir: dir, shell: 'web', version: 'test', lookupDelaysMs: [50, 100] });
    await ensureDrawerOpen(core);
    await ok('updateSettings', { backend: { mode: 'remote', url: sim.url, dialect } });
    await ok('registerStore', { businessNo: '220-81-62517', name: '하나카페', representative: '김하나', phone: '02-1234-5678', address1: '서울특별시 중구', address2: '을지로 35', postNo: '04523' });
    const id = `tf${Math.random().toString(36).slice(2, 8)}`;
    await axios.post(`${sim.url}/wallet/api/customers`, { id, name: '면세고객', accounts: [{ balance: 100_000, alias: '생활비' }] });
    const qrText = (await axios.post<{ qr_text: string }>(`${sim.url}/wallet/api/customers/${id}/qr`, { method: '계좌' })).data.qr_text;
    const p = await ok<Payment>('checkout', {
      items: [
        { name: '생수', unitPrice: 2000, quantity: 1, taxFree: true },
        { name: '쿠키', unitPrice: 3000, quantity: 1, taxFree: false },
      ],
      qrText,
    });
    expect(p).toMatchObject({ status: 'approved', taxFree: 2000 });
    const part = await ok<Payment>('refundPayment', { paymentId: p.id, amount: 2500 });
    expect(part.refunds[0]).toMatchObject({ status: 'cancelled', amount: 2500, taxFree: 1000 });
    const rest = await ok<Payment>('refundPayment', { paymentId: p.id, amount: 2500 });
    expect(rest.refunds[1]).toMatchObject({ status: 'cancelled', amount: 2500, taxFree: 1000 });
    expect(rest).toMatchObject({ refundedAmount: 5000, refundableAmount: 0 });
    expect(rest.refunds.reduce((n, r) => n + r.vat, 0)).toBe(p.vat);
  });
});
