/**
 * Issue 10 §3: receipts that never print twice or lie about printing. Against the ESC/POS emulator:
 * a cancel receipt prints the refund's recorded VAT; a job whose outcome is unknown is never sent
 * again as an 원본 (the cashier confirms, and gets a 재발행); no automatic retry of a job whose bytes
 * reached the printer (a Bixolon keeps a stopped job and prints it when paper is loaded); unsolicited
 * Automatic Status Back bytes are not taken for the GS r answer; an interrupted job's leftovers are
 * cut off before the next receipt.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openLedger } from '../../electron/core/db/open-ledger';
import { PaymentRepo } from '../../electron/core/services/payment/payment-repo';
import { RefundRepo } from '../../electron/core/services/payment/refund-repo';
import { encodeReceipt } from '../../electron/core/services/printer/escpos-encoder';
import { PrinterService } from '../../electron/core/services/printer/printer-service';
import { getProfile } from '../../electron/core/services/printer/profiles';
import { sendAndAcknowledge } from '../../electron/core/services/printer/status';
import { openTcp } from '../../electron/core/services/printer/transports';
import { StoreRepo } from '../../electron/core/services/store/store-repo';
import { cartTotals } from '../../shared/domain/cart';
import { DEFAULT_PRINTER_SETTINGS, type PrinterProfileName, type PrinterSettings } from '../../shared/domain/receipt/printer-settings';
import { EscPosPrinterEmulator, type EmulatorOptions } from '../emulators/escpos-printer';
import { saleInput, SAMPLE_STORE } from '../fixtures/receipts/sample-input';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

async function setup(emuOpts: EmulatorOptions = {}, profile: PrinterProfileName = 'epson') {
  const dir = mkdtempSync(join(tmpdir(), 'print-safety-'));
  const emu = await EscPosPrinterEmulator.start({ columns: 42, ...emuOpts });
  let db = openLedger(dir);
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }), () => emu.close(), () => db.open && db.close());
  new StoreRepo(db).save(SAMPLE_STORE);
  const repo = new PaymentRepo(db);
  const sale = (orderId: string, items: { name: string; unitPrice: number; quantity: number; taxFree: boolean }[]) => {
    const p = repo.create({ orderId, cid: 'CID0001234', totals: cartTotals(items), items, qrMasked: 'oneq1:****' });
    // the declared state machine: every committed step before approved
    repo.transition(p.id, 'ready_requested');
    repo.transition(p.id, 'ready', { tid: `T000000000000000000${p.id}` });
    repo.transition(p.id, 'approve_requested');
    repo.transition(p.id, 'approved', { methodType: '계좌', approvedAt: '2026-11-22T03:00:00.000Z' });
    return p.id;
  };
  const paymentId = sale('ORD-1', [{ name: '아메리카노', unitPrice: 4500, quantity: 1, taxFree: false }]);
  const settings: PrinterSettings = { ...DEFAULT_PRINTER_SETTINGS, profile, columns: 42, transport: { kind: 'tcp', host: '127.0.0.1', port: emu.port } };
  const make = (d: Database.Database) => new PrinterService(d, () => settings, () => undefined, { ackBaseMs: 300, recoveryWindowMs: 300, pollMs: 100, connectTimeoutMs: 500 });
  return {
    emu,
    paymentId,
    sale,
    settings,
    db: () => db,
    service: make(db),
    restart: () => {
      db.close();
      db = openLedger(dir);
      return make(db);
    },
  };
}

const text = (lines: readonly string[]) => lines.join('\n');
/** The value of a label/value line of a receipt, spaces collapsed. */
function valueOf(lines: readonly string[], label: string): string | undefined {
  const l = lines.find((x) => x.trimStart().startsWith(label));
  return l?.slice(l.indexOf(label) + label.length).trim();
}

describe('cancel receipts print what the ledger recorded', () => {
  it('a 100원 sale cancelled as 50 + 50: the second cancel prints its recorded VAT 4, not 5', async () => {
    const t = await setup();
    const pid = t.sale('ORD-100', [{ name: '껌', unitPrice: 100, quantity: 1, taxFree: false }]);
    const refunds = new RefundRepo(t.db());
    const ids: number[] = [];
    for (const [i, vat] of [5, 4].entries()) {
      const r = refunds.create({ paymentId: pid, requestId: `R-${i}`, amount: 50, taxFree: 0 });
      refunds.transition(r.id, 'cancel_requested');
      refunds.transition(r.id, 'cancelled', { vat, aid: `A-${i}`, cancelledAt: '2026-11-22T04:00:00.000Z' });
      ids.push(r.id);
    }
    const first = t.service.preview(pid, { refundId: ids[0]! }).text;
    const second = t.service.preview(pid, { refundId: ids[1]! }).text;
    expect(valueOf(first, '부가세')).toBe('-5원');
    expect(valueOf(second, '부가세')).toBe('-4원');
    expect(valueOf(second, '공급가액')).toBe('-46원');
    expect(valueOf(second, '면세')).toBe('0원'); // not '-0원'
    const job = await t.service.printReceipt(pid, { refundId: ids[1]! });
    expect(job.status).toBe('printed');
    expect(valueOf(t.emu.receipts.at(-1)!.lines, '부가세')).toBe('-4원');
  });

  it('a cancel with a recorded tax-free part prints that 면세 and the VAT of the rest', async () => {
    const t = await setup();
    const pid = t.sale('ORD-TF', [
      { name: '우유', unitPrice: 3000, quantity: 1, taxFree: true },
      { name: '빵', unitPrice: 2000, quantity: 1, taxFree: false },
    ]);
    const refunds = new RefundRepo(t.db());
    const r = refunds.create({ paymentId: pid, requestId: 'R-TF', amount: 1000, taxFree: 600 });
    refunds.transition(r.id, 'cancel_requested');
    refunds.transition(r.id, 'cancelled', { vat: 37, aid: 'A-TF', cancelledAt: '2026-11-22T04:00:00.000Z' });
    const lines = t.service.preview(pid, { refundId: r.id }).text;
    expect(valueOf(lines, '면세')).toBe('-600원');
    expect(valueOf(lines, '부가세')).toBe('-37원'); // recorded, though round(400/11) would say 36
    expect(valueOf(lines, '공급가액')).toBe('-363원');
  });
});

describe('a job whose outcome is unknown is never printed again as an 원본', () => {
  it('connection closed after the bytes went out: may have printed; the retry needs the cashier and prints 재발행', async () => {
    const t = await setup({ dropAfterBytes: 400 });
    const failed = await t.service.printReceipt(t.paymentId);
    expect(failed).toMatchObject({ status: 'failed', copy: 'original', autoRetryable: false, mayHavePrinted: true });
    expect(await t.service.retryPending()).toEqual([]);
    t.emu.dropAfterBytes = undefined;
    expect(() => t.service.retryJob(failed.id)).toThrow(expect.objectContaining({ code: 'PRINT_CONFIRM_REQUIRED' }));
    const again = await t.service.retryJob(failed.id, { confirmed: true });
    expect(again).toMatchObject({ status: 'printed', copy: 'reprint' });
    expect(again.id).not.toBe(failed.id);
    const last = t.emu.receipts.at(-1)!;
    expect(text(last.lines)).toContain('[재발행]');
    expect(t.service.queue.get(failed.id)).toMatchObject({ status: 'failed', copy: 'original' }); // never resent as 원본
  });

  it('asking for the 원본 again (print, auto-print) does not resend a job that reached the printer', async () => {
    const t = await setup({ dropAfterBytes: 400 });
    const failed = await t.service.printReceipt(t.paymentId);
    expect(failed).toMatchObject({ status: 'failed', reachedPrinter: true });
    t.emu.dropAfterBytes = undefined;
    const received = t.emu.received;
    const again = await t.service.printReceipt(t.paymentId);
    expect(again).toMatchObject({ id: failed.id, status: 'failed', attempts: 1 });
    expect(t.emu.received).toBe(received);
  });

  it('no status answer at all: same (may have printed, 재발행 on the cashier’s word)', async () => {
    const t = await setup({ fault: 'no_status' });
    const failed = await t.service.printReceipt(t.paymentId);
    expect(failed).toMatchObject({ status: 'failed', lastError: 'timeout', mayHavePrinted: true });
    t.emu.recover();
    const again = await t.service.retryJob(failed.id, { confirmed: true });
    expect(again).toMatchObject({ status: 'printed', copy: 'reprint' });
    // (the reprint starts with a feed and cut, as the first job had no answer: a blank slip at most)
    const printed = t.emu.receipts.filter((r) => r.lines.some((l) => l.trim() !== ''));
    expect(printed).toHaveLength(2);
    expect(text(printed[0]!.lines)).not.toContain('재발행');
    expect(text(printed[1]!.lines)).toContain('[재발행]');
  });

  it('the app died after the bytes went out: after the restart it waits for the cashier, not re-sent as 원본', async () => {
    const t = await setup({ dropAfterBytes: 400 });
    const { job } = t.service.queue.enqueue({ printer: t.emu.url, paymentId: t.paymentId, kind: 'sale', copy: 'original', input: t.service.inputFor(t.paymentId) });
    t.service.queue.claim(job.id, t.emu.url);
    t.service.queue.markWriting(job.id); // bytes handed to the link, then the app is killed
    const after = t.restart();
    expect(after.queue.get(job.id)).toMatchObject({ status: 'failed', lastError: 'interrupted', mayHavePrinted: true, autoRetryable: false });
    expect(await after.retryPending()).toEqual([]);
    expect(t.emu.receipts).toHaveLength(0);
  });
});

describe('no automatic retry of a job that reached the printer', () => {
  it('Bixolon (cannot clear its buffer), paper out: the held job prints itself when paper is loaded; never sent twice', async () => {
    const t = await setup({ fault: 'paper_out' }, 'bixolon');
    const failed = await t.service.printReceipt(t.paymentId);
    expect(failed).toMatchObject({ status: 'failed', lastError: 'paper_out', autoRetryable: false, mayHavePrinted: true });
    t.emu.recover(); // the cashier loads paper: the printer prints what it still holds
    expect(t.emu.receipts).toHaveLength(1);
    expect(await t.service.retryPending()).toEqual([]);
    expect(t.emu.receipts).toHaveLength(1);
  });

  it('Epson, paper out: the buffer is cleared, yet the retry still waits for the cashier; confirmed, the 원본 prints once', async () => {
    const t = await setup({ fault: 'paper_out' }, 'epson');
    const failed = await t.service.printReceipt(t.paymentId);
    expect(failed).toMatchObject({ status: 'failed', lastError: 'paper_out', autoRetryable: false, mayHavePrinted: false });
    t.emu.recover();
    expect(t.emu.receipts).toHaveLength(0); // cleared: nothing printed on its own
    expect(await t.service.retryPending()).toEqual([]);
    expect(() => t.service.retryJob(failed.id)).toThrow(expect.objectContaining({ code: 'PRINT_CONFIRM_REQUIRED' }));
    const again = await t.service.retryJob(failed.id, { confirmed: true });
    expect(again).toMatchObject({ id: failed.id, status: 'printed', copy: 'original', attempts: 2 });
    expect(t.emu.receipts.filter((r) => r.lines.some((l) => l.includes('아메리카노')))).toHaveLength(1);
  });

  it('never sent (printer unreachable): still retried automatically, no confirmation needed', async () => {
    const t = await setup();
    t.settings.transport = { kind: 'tcp', host: '127.0.0.1', port: 1 };
    const failed = await t.service.printReceipt(t.paymentId);
    expect(failed).toMatchObject({ status: 'failed', lastError: 'offline', autoRetryable: true, mayHavePrinted: false });
    t.settings.transport = { kind: 'tcp', host: '127.0.0.1', port: t.emu.port };
    const [retried] = await t.service.retryPending();
    expect(retried).toMatchObject({ status: 'printed', copy: 'original' });
  });
});

describe('Automatic Status Back', () => {
  it('a printer with ASB on, out of paper: its unsolicited status is not taken for the GS r answer', async () => {
    const emu = await EscPosPrinterEmulator.start({ columns: 48, asb: true, fault: 'paper_out' });
    cleanup.push(() => emu.close());
    const link = await openTcp('127.0.0.1', emu.port);
    try {
      const ack = await sendAndAcknowledge(link, getProfile('epson'), encodeReceipt(saleInput(48), getProfile('epson')).bytes, { ackTimeoutMs: 300, recoveryWindowMs: 300, pollMs: 100 });
      expect(emu.asbSent).toBeGreaterThan(0); // the emulator did send ASB
      expect(ack).toMatchObject({ printed: false, status: { state: 'paper_out' } });
    } finally {
      await link.close();
    }
  });

  it('every ESC/POS job starts with GS a 0, which turns ASB off', async () => {
    for (const name of ['epson', 'bixolon'] as const) expect(getProfile(name).init.includes(Buffer.from([0x1d, 0x61, 0x00]))).toBe(true);
    const t = await setup({ asb: true });
    const job = await t.service.printReceipt(t.paymentId);
    expect(job.status).toBe('printed');
    expect(t.emu.asbEnabled).toBe(false);
    const before = t.emu.asbSent;
    t.emu.setFault('cover_open');
    expect(t.emu.asbSent).toBe(before); // disabled: no more unsolicited bytes
  });
});

describe('an interrupted job is cut off before the next receipt', () => {
  it('the link dropped mid-receipt: the next receipt starts on fresh paper, not glued to the leftovers', async () => {
    const t = await setup({ dropAfterBytes: 400 });
    const failed = await t.service.printReceipt(t.paymentId);
    expect(failed.status).toBe('failed');
    expect(t.emu.openLines.length).toBeGreaterThan(0); // half a receipt on the paper, not cut
    t.emu.dropAfterBytes = undefined;
    const other = t.sale('ORD-2', [{ name: '카페라떼', unitPrice: 5000, quantity: 1, taxFree: false }]);
    const job = await t.service.printReceipt(other);
    expect(job.status).toBe('printed');
    const mine = t.emu.receipts.find((r) => text(r.lines).includes('카페라떼'))!;
    expect(mine.lines).toEqual(t.service.preview(other).text); // exactly the receipt, nothing of the cut-off one above it
    expect(mine.lines.filter((l) => l.includes('매  출  전  표'))).toHaveLength(1);
    // and only once: after a clean receipt, the next one gets no extra cut
    const cuts = t.emu.events.filter((e) => e.type === 'cut').length;
    await t.service.reprint(other);
    expect(t.emu.events.filter((e) => e.type === 'cut').length).toBe(cuts + 1);
  });
});
