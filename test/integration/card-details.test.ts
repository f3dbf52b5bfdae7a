/**
 * Card and account details (issue 10): Kakao's approve card_info — issuer, purchaser, masked BIN,
 * 할부, the card approval number — is kept in the ledger, shown by getPaymentInstrument and printed
 * on the receipt; never the full card number. A look-up that settles a lost approve answer records
 * selected_card_info. OneQ Pay (seed 003) reports only the method: nothing is recorded or printed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import { openLedger } from '../../electron/core/db/open-ledger';
import { SettingsService } from '../../electron/core/services/settings/settings-service';
import type { Payment, ReceiptPreviewView, StoreProfile } from '../../shared/contract';
import type { PaymentInstrument } from '../../shared/contract-instrument';
import { FAULT_TIMEOUT_MS, rpc } from '../fault/remote-core';
import { addFault, businessNo, createCustomer, issueQr, startHarness, type Harness } from '../property/sim-harness';
import { ensureDrawerOpen } from '../fixtures/drawer-session';

let h: Harness;
let dir: string;
let core: Core | null = null;
beforeEach(async () => {
  h = await startHarness({ faults: true });
  dir = mkdtempSync(join(tmpdir(), 'card-details-'));
});
afterEach(async () => {
  await core?.close();
  core = null;
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

const CARD = '9410123456789012';
const items = [{ name: '아메리카노', unitPrice: 4500, quantity: 1, taxFree: false }];
async function start(dialect: 'kakaopay' | 'oneqpay'): Promise<Core> {
  const db = openLedger(dir);
  try {
    new SettingsService(db).update({ backend: { mode: 'remote', url: h.url, dialect }, paymentTimeoutMs: FAULT_TIMEOUT_MS });
  } finally {
    db.close();
  }
  core = await createCore({ dataDir: dir, shell: 'web', version: 'test', lookupDelaysMs: [50, 100, 200] });
  const reg = await rpc<StoreProfile>(core, 'registerStore', { businessNo: businessNo(), name: '카드카페', representative: '김하나', phone: '02-1234-5678', address1: '서울특별시 중구', address2: '을지로 35', postNo: '04523' });
  expect(reg.ok).toBe(true);
  await ensureDrawerOpen(core);
  return core;
}
async function cardQr(): Promise<string> {
  const c = await createCustomer(h, { name: '김카드', accounts: [{ balance: 500_000 }], cards: [{ card_number: CARD, card_type_code: 2 }] });
  return issueQr(h, c.id, { method: 'CARD' });
}
async function settled(c: Core, id: number): Promise<Payment> {
  const end = Date.now() + 6000;
  let p = c.payments.get(id);
  while (Date.now() < end && p.status !== 'approved' && p.status !== 'failed') {
    await new Promise((r) => setTimeout(r, 25));
    p = c.payments.get(id);
  }
  return p;
}
async function receiptText(c: Core, paymentId: number): Promise<string> {
  const r = await rpc<ReceiptPreviewView>(c, 'getReceiptPreview', { paymentId });
  if (!r.ok) throw new Error(r.error.code);
  return r.value.text.join('\n');
}

describe('card details from Kakao card_info', () => {
  it('kept in the ledger and printed (issuer, masked number, 일시불, card approval number), never the full number', async () => {
    const c = await start('kakaopay');
    const r = await rpc<Payment>(c, 'checkout', { items, qrText: await cardQr() });
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value).toMatchObject({ status: 'approved', methodType: 'CARD' });
    const i = await rpc<PaymentInstrument | null>(c, 'getPaymentInstrument', { id: r.value.id });
    expect(i.ok && i.value).toEqual({ cardIssuer: '하나카드', cardPurchaser: '하나카드', cardMasked: '941012**********', cardType: '체크', installMonth: 0, cardApprovalNo: r.value.tid!.slice(-8), accountMasked: null });

    const text = await receiptText(c, r.value.id);
    expect(text).toMatch(/결제수단\s+카드 하나카드/);
    expect(text).toMatch(/카드번호\s+9410-12\*\*-\*\*\*\*-\*\*\*\*/);
    expect(text).toMatch(/할부\s+일시불/);
    expect(text).toMatch(new RegExp(`승인번호\\s+${r.value.tid!.slice(-8)}`));
    expect(text).not.toContain(CARD);
    expect(text).not.toContain(CARD.slice(6));
    const stored = JSON.stringify(c.db.prepare('SELECT * FROM payment_instruments').all());
    expect(stored).not.toContain(CARD.slice(6));
  });

  it('a lost approve answer settled by the look-up records selected_card_info', async () => {
    const c = await start('kakaopay');
    expect((await addFault(h, { path: '/v1/payment/approve', mode: 'reset', commit: true })).status).toBe(200);
    const r = await rpc<Payment>(c, 'checkout', { items, qrText: await cardQr() });
    if (!r.ok) throw new Error(r.error.code);
    expect((await settled(c, r.value.id)).status).toBe('approved');
    const i = await rpc<PaymentInstrument | null>(c, 'getPaymentInstrument', { id: r.value.id });
    expect(i.ok && i.value).toMatchObject({ cardIssuer: '하나카드', cardMasked: '941012**********', installMonth: 0 });
    expect(await receiptText(c, r.value.id)).toMatch(/카드번호\s+9410-12\*\*/);
  });

  it('OneQ Pay reports only the method: nothing recorded, no card lines printed', async () => {
    const c = await start('oneqpay');
    const r = await rpc<Payment>(c, 'checkout', { items, qrText: await cardQr() });
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.status).toBe('approved');
    const i = await rpc<PaymentInstrument | null>(c, 'getPaymentInstrument', { id: r.value.id });
    expect(i.ok && i.value).toBeNull();
    const text = await receiptText(c, r.value.id);
    expect(text).not.toContain('카드번호');
    expect(text).not.toContain(CARD.slice(6));
  });

  it('the ledger refuses an unmasked number (table CHECK)', async () => {
    const c = await start('kakaopay');
    expect(() => c.db.prepare(`INSERT INTO payment_instruments (order_id, card_masked, recorded_at) VALUES ('x', ?, '2026-01-01T00:00:00Z')`).run(CARD)).toThrow(/CHECK/);
  });
});
