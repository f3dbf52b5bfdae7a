/**
 * Daily settlement against figures worked out by hand (ledger-fixture.ts settlementScenario): sales on
 * their approval day, cancels on their confirmation day with their own VAT and tax-free parts, per
 * method; warnings; closing freezes the report once; a later cancel counts on its own day; the report
 * prints through the queue to the ESC/POS emulator exactly as previewed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { EscPosPrinterEmulator } from '../emulators/escpos-printer';
import { call, openTestLedger, receiptJob, settlementScenario, type Ledger } from './ledger-fixture';

let l: Ledger;
let emu: EscPosPrinterEmulator | null = null;
afterEach(async () => {
  l?.close();
  await emu?.close();
  emu = null;
});

const D = '2026-11-22';
const D1 = '2026-11-23';

describe('settlement of a Seoul day', () => {
  it('sales, partial and full cancels, VAT and tax-free net of cancels, by method', async () => {
    l = openTestLedger();
    const s = settlementScenario(l);
    l.at('2026-11-23 10:00:00');
    const { report, closedAt, drift } = await call(l, 'getSettlement', { day: D });
    expect(closedAt).toBeNull();
    expect(drift).toBeNull();
    expect(report).toMatchObject({ day: D, from: '2026-11-21T15:00:00.000Z', to: '2026-11-22T15:00:00.000Z' });
    // A 10,000 (VAT 909) + B 5,500 (1,500 tax-free, VAT 364) + C 3,000 (VAT 273) + late 2,200 (VAT 200)
    expect(report.sales).toEqual({ count: 4, amount: 20_700, vat: 1746, taxFree: 1500, supply: 17_454 });
    // A 4,000 (VAT 364) + C 3,000 in full (VAT 273); the failed cancel does not count
    expect(report.cancels).toEqual({ count: 2, amount: 7000, vat: 637, taxFree: 0, supply: 6363, fullCount: 1 });
    expect(report.net).toEqual({ amount: 13_700, vat: 1109, taxFree: 1500, supply: 11_091 });
    expect(report.net.supply + report.net.vat + report.net.taxFree).toBe(report.net.amount);
    expect(report.byMethod).toEqual([
      { methodType: '계좌', salesCount: 2, salesAmount: 13_000, cancelCount: 2, cancelAmount: 7000, net: 6000 },
      { methodType: 'MONEY', salesCount: 2, salesAmount: 7700, cancelCount: 0, cancelAmount: 0, net: 7700 },
    ]);
    expect(report.firstAt).toBe(s.A.approvedAt); // 10:00:02 KST
    expect(report.lastAt).toBe('2026-11-22T14:59:59.000Z'); // late, 23:59:59 KST
    expect(report.payments).toEqual({ approved: 5, failed: 1, unknown: 1, inProgress: 1 }); // by creation: edge was created on D
    expect(report.warnings.unfinishedPayments.count).toBe(2);
    expect(report.warnings.unfinishedPayments.items.map((p) => p.id)).toEqual([s.E.id, s.R.id]);
    expect(report.warnings.openRefunds.count).toBe(0);

    // The next day: edge (approved 00:00:01) and next; B's cancel with its own tax-free part.
    const next = (await call(l, 'getSettlement', { day: D1 })).report;
    expect(next.sales).toEqual({ count: 2, amount: 5500, vat: 500, taxFree: 0, supply: 5000 });
    expect(next.cancels).toEqual({ count: 1, amount: 1000, vat: 45, taxFree: 500, supply: 455, fullCount: 0 });
    expect(next.net).toEqual({ amount: 4500, vat: 455, taxFree: -500, supply: 4545 });
    expect(next.byMethod.map((m) => [m.methodType, m.net])).toEqual([
      ['계좌', 5500],
      ['MONEY', -1000],
    ]);
    expect((await call(l, 'getSettlement', { day: '2026-11-24' })).report).toMatchObject({ sales: { count: 0, amount: 0 }, byMethod: [], firstAt: null, lastAt: null });
  });

  it('warns about receipts that did not print and cancels still open', async () => {
    l = openTestLedger();
    const s = settlementScenario(l);
    receiptJob(l, s.A.id, 'failed'); // never printed
    receiptJob(l, s.B.id, 'printed');
    receiptJob(l, s.C.id, 'failed');
    receiptJob(l, s.C.id, 'printed', { copy: 'reprint' }); // a copy came out: nothing missing
    receiptJob(l, s.C.id, 'queued', { refundId: s.rC.id }); // the cancel receipt waits
    receiptJob(l, s.next.id, 'failed'); // another day
    const open = l.refund(s.late.id, { at: '2026-11-22 23:59:59', amount: 200, status: 'unknown' });
    const w = (await call(l, 'getSettlement', { day: D })).report.warnings;
    expect(w.unprintedReceipts.count).toBe(2);
    expect(w.unprintedReceipts.items).toEqual([
      { paymentId: s.A.id, refundId: null, kind: 'sale', jobStatus: 'failed' },
      { paymentId: s.C.id, refundId: s.rC.id, kind: 'cancel', jobStatus: 'queued' },
    ]);
    expect(w.openRefunds).toEqual({ count: 1, items: [{ refundId: open.id, id: s.late.id, orderId: s.late.orderId, status: 'unknown' }] });
  });

  it('closing freezes the report once; later cancels count on their own day; the frozen report never changes', async () => {
    l = openTestLedger();
    const s = settlementScenario(l);
    l.at('2026-11-22 23:59:59');
    await expect(call(l, 'closeDay', { day: D1 })).rejects.toThrow(/DAY_NOT_STARTED/);
    await expect(call(l, 'closeDay', { day: D })).rejects.toThrow(/DAY_CLOSE_WARNINGS/);
    l.at('2026-11-23 00:10:00');
    const closed = await call(l, 'closeDay', { day: D, acknowledgeWarnings: true });
    expect(closed.closedAt).toBe('2026-11-22T15:10:00.000Z');
    expect(closed.report.net.amount).toBe(13_700);
    expect(closed.drift).toEqual({ salesCount: 0, net: 0 });
    await expect(call(l, 'closeDay', { day: D, acknowledgeWarnings: true })).rejects.toThrow(/DAY_ALREADY_CLOSED/);

    // D+1: the rest of A is cancelled; E (unknown on D) turns out approved on D.
    l.refund(s.A.id, { at: '2026-11-23 10:00:00', amount: 6000 });
    l.at('2026-11-23 10:05:00');
    l.repo.transition(s.E.id, 'approved', { methodType: '계좌', approvedAt: '2026-11-22T06:00:02.000Z', error: null }, 'lookup: approved');
    const after = await call(l, 'getSettlement', { day: D });
    expect(after.report).toEqual(closed.report);
    expect(after.closedAt).toBe(closed.closedAt);
    expect(after.drift).toEqual({ salesCount: 1, net: 1000 }); // shown to the cashier, never written into the closed report
    const next = (await call(l, 'getSettlement', { day: D1 })).report;
    expect(next.cancels).toMatchObject({ count: 2, amount: 7000, vat: 45 + 545, taxFree: 500 });
    const stored = l.db.prepare('SELECT COUNT(*) AS n FROM day_closes').get() as { n: number };
    expect(stored.n).toBe(1);
  });

  it('prints the report through the queue: the emulator reads back the preview, a second print is 재발행', async () => {
    emu = await EscPosPrinterEmulator.start({ columns: 42 });
    l = openTestLedger({ transport: { kind: 'tcp', host: '127.0.0.1', port: emu.port } });
    settlementScenario(l);
    l.at('2026-11-22 22:00:00');
    const interim = await call(l, 'getSettlementPreview', { day: D });
    expect(interim.text.join('\n')).toContain('중간 집계');
    l.at('2026-11-23 00:10:00');
    await call(l, 'closeDay', { day: D, acknowledgeWarnings: true });
    const preview = await call(l, 'getSettlementPreview', { day: D });
    const text = preview.text.join('\n');
    expect(text).toMatch(/일\s+마\s+감\s+정\s+산\s+서/); // double size
    expect(text).toMatch(/순\s+매\s+출\s+1 3 , 7 0 0 원/);
    for (const want of ['양꿍 하우스 강남점', '123-45-67891', '2026-11-22', '계좌이체', '20,700원', '-7,000원', '11,091원', '1,109원', '1,500원', '미확정 결제']) expect(text).toContain(want);
    for (const line of preview.text) expect(line.length).toBeGreaterThan(0);

    const job = await call(l, 'printSettlement', { day: D });
    expect(job).toMatchObject({ kind: 'settlement', settlementDay: D, paymentId: null, copy: 'original' });
    await expect.poll(() => emu!.receipts.length, { timeout: 10_000 }).toBe(1);
    expect(emu.errors).toEqual([]);
    expect(emu.receipts[0]!.lines).toEqual(preview.text);
    await expect.poll(() => l.printer.jobs({ settlementDay: D })[0]?.status, { timeout: 10_000 }).toBe('printed');

    const again = await call(l, 'printSettlement', { day: D });
    expect(again.copy).toBe('reprint');
    await expect.poll(() => emu!.receipts.length, { timeout: 10_000 }).toBe(2);
    expect(emu.receipts[1]!.lines.join('\n')).toContain('재발행');
  });
});
