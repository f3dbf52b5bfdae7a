/**
 * Encode → emulator over loopback TCP → decoded Korean text equals the golden files (and the
 * preview the UI shows). Regenerate after an intended layout change: UPDATE_GOLDEN=1 npx vitest run test/integration/printer-golden.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeReceipt } from '../../electron/core/services/printer/escpos-encoder';
import { getProfile } from '../../electron/core/services/printer/profiles';
import { sendAndAcknowledge } from '../../electron/core/services/printer/status';
import { openTcp } from '../../electron/core/services/printer/transports';
import type { ReceiptColumns, ReceiptInput } from '../../shared/domain/receipt/receipt-model';
import { renderReceiptText } from '../../shared/domain/receipt/receipt-text';
import { EscPosPrinterEmulator, frame } from '../emulators/escpos-printer';
import { cancelInput, saleInput } from '../fixtures/receipts/sample-input';

const dir = join(__dirname, '..', 'fixtures', 'receipts');
const emus: EscPosPrinterEmulator[] = [];
afterEach(async () => {
  for (const e of emus.splice(0)) await e.close();
});

async function printOverTcp(input: ReceiptInput, profile: 'epson' | 'bixolon' | 'star') {
  const emu = await EscPosPrinterEmulator.start({ columns: input.columns, mode: profile === 'star' ? 'star' : 'escpos' });
  emus.push(emu);
  const { bytes, layout } = encodeReceipt(input, getProfile(profile));
  const link = await openTcp('127.0.0.1', emu.port);
  const ack = await sendAndAcknowledge(link, getProfile(profile), bytes, { ackTimeoutMs: 3000, recoveryWindowMs: 1000, pollMs: 200 });
  await link.close();
  return { emu, ack, preview: renderReceiptText(layout) };
}

const cases: [string, (c: ReceiptColumns) => ReceiptInput, ReceiptColumns][] = [
  ['sale-48', saleInput, 48],
  ['sale-32', saleInput, 32],
  ['cancel-32', cancelInput, 32],
  ['cancel-48', cancelInput, 48],
];

describe('printed receipts against the golden files', () => {
  it.each(cases)('%s: the emulator reads back the golden text, which is also the preview', async (name, make, columns) => {
    const { emu, ack, preview } = await printOverTcp(make(columns), 'epson');
    expect(ack.printed).toBe(true);
    expect(emu.errors).toEqual([]);
    expect(emu.receipts).toHaveLength(1);
    const printed = frame(emu.receipts[0]!.lines);
    const file = join(dir, `${name}.txt`);
    if (process.env.UPDATE_GOLDEN) writeFileSync(file, printed);
    expect(printed).toBe(readFileSync(file, 'utf8'));
    expect(printed).toBe(frame(preview));
  });

  it.each(['bixolon', 'star'] as const)('the %s profile prints the same text as Epson', async (profile) => {
    const { emu, ack } = await printOverTcp(saleInput(48), profile);
    expect(ack.printed).toBe(true);
    expect(emu.errors).toEqual([]);
    expect(frame(emu.receipts[0]!.lines)).toBe(readFileSync(join(dir, 'sale-48.txt'), 'utf8'));
  });

  it('job start is ESC @, GS a 0 (ASB off), ESC t 0, FS &, ESC R 13; one init per job, none after the cut', async () => {
    const { bytes } = encodeReceipt(saleInput(48), getProfile('epson'));
    expect(bytes.subarray(0, 13).toString('hex')).toBe('1b40' + '1d6100' + '1b7400' + '1c26' + '1b520d');
    const { emu } = await printOverTcp(saleInput(48), 'epson');
    expect(emu.events.filter((e) => e.type === 'init')).toHaveLength(1);
    expect(emu.resetsAfterCut).toBe(0);
    expect(emu.receipts[0]!.cut).toBe('partial');
    expect(bytes.includes(Buffer.from([0x1d, 0x56, 66, 0]))).toBe(true);
  });

  it('QR holds the tid with its length declared in bytes, also for non-ASCII data', async () => {
    const { emu } = await printOverTcp(saleInput(48), 'epson');
    expect(emu.receipts[0]!.qr).toEqual(['T2026112221182200042']);
    const qr = getProfile('epson').qr(Buffer.from('환불-T1', 'utf8'), 6);
    const store = qr.indexOf(Buffer.from([0x31, 0x50, 0x30]));
    expect(qr[store - 2]! + qr[store - 1]! * 256).toBe(Buffer.byteLength('환불-T1') + 3); // 13, not 8 characters
  });

  it('CODE128 of the tid instead of a QR', async () => {
    const { emu } = await printOverTcp(saleInput(32, { code: 'code128' }), 'epson');
    expect(emu.receipts[0]!.barcodes).toEqual(['T2026112221182200042']);
    expect(emu.receipts[0]!.lines.some((l) => l.includes('[CODE128 T2026112221182200042]'))).toBe(true);
  });

  it('drawer kick is ESC p 0 25 250 (five bytes)', async () => {
    const emu = await EscPosPrinterEmulator.start({ columns: 48 });
    emus.push(emu);
    const { bytes } = encodeReceipt(saleInput(48), getProfile('epson'), { drawer: true });
    emu.feed(bytes);
    expect(emu.drawerKicks).toEqual([{ pin: 0, t1: 25, t2: 250 }]);
    expect(emu.errors).toEqual([]);
    expect(frame(emu.receipts[0]!.lines)).toBe(readFileSync(join(dir, 'sale-48.txt'), 'utf8'));
  });

  it('a CP949-only syllable prints as its jamo, never as a CP949 byte pair', async () => {
    const { emu } = await printOverTcp(saleInput(32), 'epson');
    const text = emu.receipts[0]!.lines.join('\n');
    expect(text).toContain('ㄸㅗㅁ양꿍');
    expect(text).not.toContain('똠');
    expect(emu.errors).toEqual([]); // no byte pair outside 0xA1–0xFE reached the printer
  });
});
