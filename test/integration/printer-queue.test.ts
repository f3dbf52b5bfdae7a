/**
 * PrinterService + the ledger-backed queue against the emulator: printed only after the answer,
 * one original per payment, failed jobs kept and retried safely, restart recovery without double prints.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openLedger } from '../../electron/core/db/open-ledger';
import { PaymentRepo } from '../../electron/core/services/payment/payment-repo';
import { PrinterService, type PrinterEvent } from '../../electron/core/services/printer/printer-service';
import { StoreRepo } from '../../electron/core/services/store/store-repo';
import { cartTotals } from '../../shared/domain/cart';
import { DEFAULT_PRINTER_SETTINGS, type PrinterSettings } from '../../shared/domain/receipt/printer-settings';
import { EscPosPrinterEmulator } from '../emulators/escpos-printer';
import { SAMPLE_STORE } from '../fixtures/receipts/sample-input';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

async function setup(emuOpts: ConstructorParameters<typeof EscPosPrinterEmulator>[0] = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'print-'));
  const emu = await EscPosPrinterEmulator.start({ columns: 42, ...emuOpts });
  let db = openLedger(dir);
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }), () => emu.close(), () => db.open && db.close());
  new StoreRepo(db).save(SAMPLE_STORE);
  const repo = new PaymentRepo(db);
  const items = [
    { name: '아메리카노', unitPrice: 4500, quantity: 2, taxFree: false },
    { name: '바나나', unitPrice: 3000, quantity: 1, taxFree: true },
  ];
  const p = repo.create({ orderId: 'ORD-1', cid: 'CID0001234', totals: cartTotals(items), items, qrMasked: 'oneq1:****' });
  for (const st of ['ready_requested', 'ready', 'approve_requested'] as const) repo.transition(p.id, st);
  repo.transition(p.id, 'approved', { tid: 'T0000000000000000001', methodType: '계좌', approvedAt: '2026-11-22T03:00:00.000Z' });
  const settings: PrinterSettings = { ...DEFAULT_PRINTER_SETTINGS, columns: 42, transport: { kind: 'tcp', host: '127.0.0.1', port: emu.port } };
  const events: PrinterEvent[] = [];
  const make = (d: Database.Database) => new PrinterService(d, () => settings, (e) => events.push(e), { ackBaseMs: 300, recoveryWindowMs: 300, pollMs: 100, connectTimeoutMs: 500 });
  return {
    emu,
    paymentId: p.id,
    settings,
    events,
    db: () => db,
    service: make(db),
    /** Simulates an app restart on the same ledger file. */
    restart: () => {
      db.close();
      db = openLedger(dir);
      return make(db);
    },
  };
}

describe('printer service and queue', () => {
  it('prints a sale receipt from the ledger and marks it printed after the answer', async () => {
    const t = await setup();
    const job = await t.service.printReceipt(t.paymentId);
    expect(job).toMatchObject({ status: 'printed', attempts: 1, copy: 'original', kind: 'sale' });
    expect(t.emu.receipts).toHaveLength(1);
    const text = t.emu.receipts[0]!.lines.join('\n');
    expect(text).toContain('매  출  전  표');
    expect(text).toContain('계좌이체');
    expect(text).toContain('T0000000000000000001');
    const printedEvent = t.events.findIndex((e) => e.type === 'job' && e.job.status === 'printed');
    const sendingEvent = t.events.findIndex((e) => e.type === 'job' && e.job.status === 'sending');
    expect(sendingEvent).toBeGreaterThanOrEqual(0);
    expect(printedEvent).toBeGreaterThan(sendingEvent);
    expect(t.service.preview(t.paymentId).text).toEqual(t.emu.receipts[0]!.lines);
  });

  it('the original is printed once: asking again returns the printed job; a reprint is a new 재발행 copy', async () => {
    const t = await setup();
    const [a, b] = await Promise.all([t.service.printReceipt(t.paymentId), t.service.printReceipt(t.paymentId)]);
    expect(a.id).toBe(b.id);
    const again = await t.service.printReceipt(t.paymentId);
    expect(again).toMatchObject({ id: a.id, status: 'printed', attempts: 1 });
    expect(t.emu.receipts).toHaveLength(1);
    const re = await t.service.reprint(t.paymentId);
    expect(re).toMatchObject({ copy: 'reprint', status: 'printed' });
    expect(re.id).not.toBe(a.id);
    expect(t.emu.receipts).toHaveLength(2);
    expect(t.emu.receipts[1]!.lines.join('\n')).toContain('[재발행]');
    expect(t.emu.receipts[0]!.lines.join('\n')).not.toContain('재발행');
  });

  it('refuses a payment that is not approved', async () => {
    const t = await setup();
    const repo = new PaymentRepo(t.db());
    const items = [{ name: 'x', unitPrice: 1000, quantity: 1, taxFree: false }];
    const p = repo.create({ orderId: 'ORD-2', cid: 'CID0001234', totals: cartTotals(items), items, qrMasked: '' });
    await expect(t.service.printReceipt(p.id)).rejects.toMatchObject({ code: 'PAYMENT_STATE' });
  });

  it('paper out: the job fails, is kept (Epson drops the rest), and is retried once the cashier confirms', async () => {
    const t = await setup({ fault: 'paper_out' });
    const failed = await t.service.printReceipt(t.paymentId);
    // its bytes reached the printer: no automatic retry (issue 10), but it did not print (buffer cleared)
    expect(failed).toMatchObject({ status: 'failed', lastError: 'paper_out', autoRetryable: false, reachedPrinter: true, mayHavePrinted: false });
    expect(t.events.some((e) => e.type === 'status' && e.status.state === 'paper_out')).toBe(true);
    t.emu.recover();
    expect(await t.service.retryPending()).toEqual([]);
    const retried = await t.service.retryJob(failed.id, { confirmed: true });
    expect(retried).toMatchObject({ id: failed.id, status: 'printed', attempts: 2 });
    // the retry first feeds and cuts off whatever part of the stopped job is on the paper (here: a blank slip)
    const withText = () => t.emu.receipts.filter((r) => r.lines.some((l) => l.trim() !== ''));
    expect(withText()).toHaveLength(1);
    expect(await t.service.retryPending()).toEqual([]); // nothing left: never printed twice
    expect(withText()).toHaveLength(1);
  });

  it('printer unreachable: failed as offline, not sent, retried when it is back', async () => {
    const t = await setup();
    t.settings.transport = { kind: 'tcp', host: '127.0.0.1', port: 1 };
    const failed = await t.service.printReceipt(t.paymentId);
    expect(failed).toMatchObject({ status: 'failed', lastError: 'offline', autoRetryable: true });
    t.settings.transport = { kind: 'tcp', host: '127.0.0.1', port: t.emu.port };
    const [retried] = await t.service.retryPending();
    expect(retried!.status).toBe('printed');
  });

  it('no status answer: outcome unknown, so no automatic retry; the cashier may retry or reprint', async () => {
    const t = await setup({ fault: 'no_status' });
    const failed = await t.service.printReceipt(t.paymentId);
    expect(failed).toMatchObject({ status: 'failed', lastError: 'timeout', autoRetryable: false });
    expect(t.emu.receipts).toHaveLength(1); // it did come out: which is why we do not resend on our own
    expect(await t.service.retryPending()).toEqual([]);
    expect(t.emu.receipts).toHaveLength(1);
    t.emu.recover();
    expect(await t.service.retryJob(failed.id, { confirmed: true })).toMatchObject({ status: 'printed', copy: 'reprint' }); // may have printed: 재발행
  });

  it('survives a restart: a job left "sending" is retried exactly once', async () => {
    const t = await setup();
    const { job } = t.service.queue.enqueue({ printer: t.emu.url, paymentId: t.paymentId, kind: 'sale', copy: 'original', input: t.service.inputFor(t.paymentId) });
    t.service.queue.claim(job.id, t.emu.url); // the app dies while sending
    const after = t.restart();
    expect(after.queue.get(job.id)).toMatchObject({ status: 'queued', recovered: true, lastError: 'interrupted' });
    const [retried] = await after.retryPending();
    expect(retried).toMatchObject({ id: job.id, status: 'printed', attempts: 2 });
    expect(t.emu.receipts).toHaveLength(1);
    const again = t.restart();
    expect(await again.retryPending()).toEqual([]);
    expect(t.emu.receipts).toHaveLength(1);
  });

  it('a printed job is never sent again, whatever happens after the answer', async () => {
    const t = await setup();
    const job = await t.service.printReceipt(t.paymentId);
    const after = t.restart();
    expect(after.queue.claim(job.id, t.emu.url)).toBeNull();
    expect(await after.retryPending()).toEqual([]);
    expect(await after.retryJob(job.id)).toMatchObject({ status: 'printed', attempts: 1 });
    expect(await after.printReceipt(t.paymentId)).toMatchObject({ id: job.id, attempts: 1 });
    expect(t.emu.receipts).toHaveLength(1);
  });

  it('a job retried after a restart that fails again waits for the cashier', async () => {
    const t = await setup({ fault: 'no_status' });
    const { job } = t.service.queue.enqueue({ printer: t.emu.url, paymentId: t.paymentId, kind: 'sale', copy: 'original', input: t.service.inputFor(t.paymentId) });
    t.service.queue.claim(job.id, t.emu.url);
    const after = t.restart();
    const [r] = await after.retryPending();
    expect(r).toMatchObject({ status: 'failed', recovered: true, autoRetryable: false });
    expect(await after.retryPending()).toEqual([]);
  });

  it('cancel receipts are their own original', async () => {
    const t = await setup();
    await t.service.printReceipt(t.paymentId);
    const cancel = await t.service.printReceipt(t.paymentId, {
      kind: 'cancel',
      cancel: { amount: 12_000, originalTid: 'T0000000000000000001', originalApprovedAt: '2026-11-22T03:00:00.000Z', cancelledAt: '2026-11-22T04:00:00.000Z' },
    });
    expect(cancel).toMatchObject({ kind: 'cancel', status: 'printed' });
    expect(t.emu.receipts[1]!.lines.join('\n')).toContain('취  소');
    expect(t.service.jobs({ paymentId: t.paymentId }).map((j) => j.kind)).toEqual(['cancel', 'sale']);
  });

  it('test print and status', async () => {
    const t = await setup();
    const out = await t.service.testPrint();
    expect(out.printed).toBe(true);
    expect(t.emu.receipts[0]!.lines.join('\n')).toContain('프  린  터');
    expect(t.emu.errors).toEqual([]);
    expect(await t.service.status()).toMatchObject({ state: 'ok' });
    t.emu.setFault('cover_open');
    expect(await t.service.status()).toMatchObject({ state: 'cover_open' });
    expect(t.service.jobs()).toEqual([]); // test prints are not receipts
  });
});
