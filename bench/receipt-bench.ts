/**
 * Receipt figures: time to build the bytes of a typical receipt (p50/p95 over N), bytes per
 * receipt, and time to "acknowledged" on the emulator, unpaced and at 9600-baud pacing.
 * Run: npm run bench:receipt   → prints and writes bench/results/receipt.json
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CharacterSet, PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import { encodeReceipt } from '../electron/core/services/printer/escpos-encoder';
import { getProfile } from '../electron/core/services/printer/profiles';
import { sendAndAcknowledge } from '../electron/core/services/printer/status';
import { openTcp } from '../electron/core/services/printer/transports';
import { receiptPreview } from '../shared/domain/receipt/receipt-text';
import { EscPosPrinterEmulator } from '../test/emulators/escpos-printer';
import { cancelInput, saleInput } from '../test/fixtures/receipts/sample-input';

const N = Number(process.env.BENCH_N ?? 2000);
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const round = (x: number, d = 3) => Number(x.toFixed(d));
function time(fn: () => void, n: number): { p50: number; p95: number } {
  for (let i = 0; i < Math.min(200, n); i++) fn(); // warm-up
  const t: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = performance.now();
    fn();
    t.push(performance.now() - a);
  }
  return { p50: round(pct(t, 50)), p95: round(pct(t, 95)) };
}

async function ack(baud: number | undefined, runs: number) {
  const emu = await EscPosPrinterEmulator.start({ columns: 48, ...(baud ? { baud } : {}) });
  const profile = getProfile('epson');
  const bytes = encodeReceipt(saleInput(48), profile).bytes;
  const t: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const a = performance.now();
      const link = await openTcp('127.0.0.1', emu.port);
      const r = await sendAndAcknowledge(link, profile, bytes, { ackTimeoutMs: 30_000, recoveryWindowMs: 1000, pollMs: 1000 });
      await link.close();
      if (!r.printed) throw new Error(`not acknowledged: ${r.status.state}`);
      t.push(performance.now() - a);
    }
  } finally {
    await emu.close();
  }
  return { runs, bytes: bytes.length, p50: round(pct(t, 50), 1), p95: round(pct(t, 95), 1) };
}

async function main() {
  const epson = getProfile('epson');
  const sale48 = saleInput(48);
  // node-thermal-printer building the same text (its own widths aside): println per line, QR, cut.
  const lines = receiptPreview(sale48).text;
  const ntpBuild = () => {
    const p = new ThermalPrinter({ type: PrinterTypes.EPSON, interface: 'tcp://127.0.0.1:9', characterSet: CharacterSet.KOREA, width: 48 });
    for (const l of lines) p.println(l.trimEnd());
    p.printQR('T2026112221182200042');
    p.partialCut();
    return p.getBuffer();
  };
  const results = {
    node: process.version,
    n: N,
    buildMs: {
      'sale-48 (model+layout+ESC/POS)': time(() => encodeReceipt(sale48, epson), N),
      'sale-32': time(() => encodeReceipt(saleInput(32), epson), N),
      'cancel-32': time(() => encodeReceipt(cancelInput(32), epson), N),
      'preview only (sale-48 text)': time(() => receiptPreview(sale48), N),
      'node-thermal-printer, same text (reference)': time(ntpBuild, Math.min(N, 500)),
    },
    bytesPerReceipt: {
      'sale-48': encodeReceipt(sale48, epson).bytes.length,
      'sale-32': encodeReceipt(saleInput(32), epson).bytes.length,
      'cancel-32': encodeReceipt(cancelInput(32), epson).bytes.length,
      'cancel-48': encodeReceipt(cancelInput(48), epson).bytes.length,
      'sale-48 star': encodeReceipt(sale48, getProfile('star')).bytes.length,
      'node-thermal-printer, same text (reference)': ntpBuild().length,
    },
    ackMs: {
      unpaced: await ack(undefined, 50),
      '9600 baud pacing': await ack(9600, 3),
    },
  };
  console.log(JSON.stringify(results, null, 2));
  const dir = join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'receipt.json'), JSON.stringify(results, null, 2) + '\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
