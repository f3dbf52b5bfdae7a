/**
 * A sale through the core prints its receipt by itself (auto-print) to the ESC/POS emulator over
 * loopback TCP; the receipt reads back in Korean with the payment's figures, and it is marked printed
 * only after the printer's status answer. Reprint makes a second copy marked 재발행.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodName, Payment, PrintJobView, RpcResult } from '../../shared/contract';
import { DEFAULT_PRINTER_SETTINGS } from '../../shared/domain/receipt/printer-settings';
import { createCore, type Core } from '../../electron/core/core';
import { EscPosPrinterEmulator } from '../emulators/escpos-printer';
import { ensureDrawerOpen } from '../fixtures/drawer-session';

let dir: string;
let core: Core;
let emu: EscPosPrinterEmulator;

async function ok<T>(method: MethodName, input: unknown = {}): Promise<T> {
  const r = (await core.router.call(method, input)) as RpcResult<T>;
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.detail ?? ''}`);
  return r.value;
}
function jobEvent(pred: (j: PrintJobView) => boolean, ms = 10_000): Promise<PrintJobView> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no matching print.job event')), ms);
    const off = core.events.subscribe((e) => {
      if (e.name === 'print.job' && pred(e.payload)) {
        clearTimeout(timer);
        off();
        resolve(e.payload);
      }
    });
  });
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'core-print-'));
  emu = await EscPosPrinterEmulator.start({ columns: 42 });
  core = await createCore({ dataDir: dir, shell: 'web', version: 'test' });
  await ensureDrawerOpen(core);
  await ok('updateSettings', { printer: { ...DEFAULT_PRINTER_SETTINGS, columns: 42, transport: { kind: 'tcp', host: '127.0.0.1', port: emu.port }, footer: '또 오세요' } });
  await ok('registerStore', { businessNo: '220-81-62517', name: '하나카페 을지로점', representative: '김하나', phone: '02-1234-5678', address1: '서울특별시 중구', address2: '을지로 35', postNo: '04523' });
});
afterEach(async () => {
  await core.close();
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('receipts from a real sale', () => {
  it('auto-prints the approved sale in Korean, acknowledged by the printer', async () => {
    const printed = jobEvent((j) => j.status === 'printed');
    const { qrText } = await ok<{ qrText: string }>('issueDemoQr');
    const p = await ok<Payment>('checkout', { items: [{ name: '아메리카노', unitPrice: 4500, quantity: 2, taxFree: false }, { name: '생수', unitPrice: 1000, quantity: 1, taxFree: true }], qrText });
    expect(p.status).toBe('approved');
    const job = await printed;
    expect(job).toMatchObject({ paymentId: p.id, kind: 'sale', copy: 'original', status: 'printed' });
    expect(emu.events.some((e) => e.type === 'status-answer')).toBe(true);
    const text = emu.receipts.at(-1)!.lines.join('\n');
    for (const s of ['하나카페 을지로점', '220-81-62517', '김하나', '아메리카노', '공급가액', '8,182원', '부가세', '818원', '면세', '1,000원', p.tid!, p.orderId, '또 오세요']) expect(text).toContain(s);
    expect(text).toMatch(/합\s+계\s+1 0 , 0 0 0 원/); // the total in double size
    // what the UI previews is what printed
    const preview = await ok<{ text: string[] }>('getReceiptPreview', { paymentId: p.id });
    expect(preview.text.join('\n')).toContain('공급가액');
    expect(preview.text.every((l) => [...l].reduce((w, c) => w + (/[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3\u4e00-\u9fff\uff01-\uff60]/.test(c) ? 2 : 1), 0) === 42)).toBe(true);

    const again = await ok<PrintJobView>('printReceipt', { paymentId: p.id });
    expect(again.id).toBe(job.id); // the original is never printed twice
    const reprinted = jobEvent((j) => j.copy === 'reprint' && j.status === 'printed');
    await ok('reprintReceipt', { paymentId: p.id });
    await reprinted;
    expect(emu.receipts).toHaveLength(2);
    expect(emu.receipts[1]!.lines.join('\n')).toContain('재발행');
  });

  it('a printer out of paper: not printed until the cashier loads paper, then printed once', async () => {
    emu.setFault('paper_out');
    const paperOut = new Promise<void>((resolve) => {
      const off = core.events.subscribe((e) => {
        if (e.name === 'printer.status' && e.payload.status.state === 'paper_out') {
          off();
          resolve();
        }
      });
    });
    const { qrText } = await ok<{ qrText: string }>('issueDemoQr');
    const p = await ok<Payment>('checkout', { items: [{ name: '라떼', unitPrice: 5000, quantity: 1, taxFree: false }], qrText });
    await paperOut;
    expect((await ok<PrintJobView[]>('listPrintJobs', { paymentId: p.id })).map((j) => j.status)).not.toContain('printed');
    const printed = jobEvent((j) => j.paymentId === p.id && j.status === 'printed', 15_000);
    emu.recover(); // paper loaded
    await printed;
    expect((await ok<PrintJobView[]>('listPrintJobs', { paymentId: p.id })).map((j) => j.status)).toEqual(['printed']);
  }, 30_000);
});
