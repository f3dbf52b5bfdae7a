/**
 * Acknowledged printing against the emulator: "printed" only on the printer's status answer;
 * paper out, cover open, offline, unreachable and silent printers classified; paced (9600 baud)
 * and unpaced; TCP, serial (SerialPortMock) and device-path links.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPortMock } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeReceipt } from '../../electron/core/services/printer/escpos-encoder';
import { getProfile } from '../../electron/core/services/printer/profiles';
import { readStatus, sendAndAcknowledge, type AckOptions } from '../../electron/core/services/printer/status';
import { openDevice, openSerial, openTcp, type SerialPortLike } from '../../electron/core/services/printer/transports';
import { EscPosPrinterEmulator, frame } from '../emulators/escpos-printer';
import { saleInput } from '../fixtures/receipts/sample-input';

const emus: EscPosPrinterEmulator[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const e of emus.splice(0)) await e.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
async function emulator(o: ConstructorParameters<typeof EscPosPrinterEmulator>[0] = {}) {
  const e = await EscPosPrinterEmulator.start({ columns: 48, ...o });
  emus.push(e);
  return e;
}
const fast: AckOptions = { ackTimeoutMs: 600, recoveryWindowMs: 600, pollMs: 100 };
const job = () => encodeReceipt(saleInput(48), getProfile('epson')).bytes;
const golden = () => readFileSync(join(__dirname, '..', 'fixtures', 'receipts', 'sale-48.txt'), 'utf8');

async function printTo(emu: EscPosPrinterEmulator, opts: AckOptions = fast, profile: 'epson' | 'star' = 'epson') {
  const link = await openTcp('127.0.0.1', emu.port);
  try {
    return await sendAndAcknowledge(link, getProfile(profile), encodeReceipt(saleInput(48), getProfile(profile)).bytes, opts);
  } finally {
    await link.close();
  }
}

describe('acknowledged printing', () => {
  it('is printed only after the GS r 1 answer, which comes after the cut', async () => {
    const emu = await emulator();
    const ack = await printTo(emu);
    expect(ack).toMatchObject({ printed: true, sent: true, status: { state: 'ok' } });
    const cut = emu.events.find((e) => e.type === 'cut')!;
    const answer = emu.events.find((e) => e.type === 'status-answer')!;
    expect(answer.at).toBeGreaterThanOrEqual(cut.at);
    expect(emu.events.indexOf(answer)).toBeGreaterThan(emu.events.indexOf(cut));
  });

  it('all bytes written and the receipt cut, but no status answer: not printed, "timeout"', async () => {
    const emu = await emulator({ fault: 'no_status' });
    const ack = await printTo(emu);
    expect(emu.received).toBeGreaterThanOrEqual(job().length + 3); // every byte arrived (+ GS r 1, + DLE EOT probes)
    expect(emu.receipts).toHaveLength(1);
    expect(ack).toMatchObject({ printed: false, sent: true, stopped: false, status: { state: 'timeout' } });
  });

  it.each([
    ['paper_out', 'paper_out'],
    ['cover_open', 'cover_open'],
    ['offline', 'offline'],
  ] as const)('a printer stopped by %s is classified from DLE EOT and reported as stopped', async (fault, state) => {
    const emu = await emulator({ fault });
    const seen: string[] = [];
    const ack = await printTo(emu, { ...fast, onStatus: (s) => seen.push(s.state) });
    expect(ack).toMatchObject({ printed: false, sent: true, stopped: true, status: { state } });
    expect(seen).toContain(state);
    expect(emu.receipts).toHaveLength(0);
  });

  it('paper runs out mid-receipt, the cashier loads paper: the same job finishes and is printed once', async () => {
    const emu = await emulator({ paperLines: 10 });
    const states: string[] = [];
    const done = printTo(emu, { ackTimeoutMs: 400, recoveryWindowMs: 5000, pollMs: 100, onStatus: (s) => states.push(s.state) });
    await new Promise((r) => setTimeout(r, 700));
    expect(emu.receipts).toHaveLength(0);
    emu.recover();
    const ack = await done;
    expect(states).toContain('paper_out');
    expect(ack.printed).toBe(true);
    expect(emu.receipts).toHaveLength(1);
    expect(frame(emu.receipts[0]!.lines)).toBe(golden());
  });

  it('given up after the recovery window, the Epson buffer is cleared: nothing more prints later', async () => {
    const emu = await emulator({ paperLines: 10 });
    const ack = await printTo(emu);
    expect(ack).toMatchObject({ printed: false, stopped: true, status: { state: 'paper_out' } });
    emu.recover();
    await new Promise((r) => setTimeout(r, 100));
    expect(emu.receipts).toHaveLength(0);
  });

  it('a refused connection is "offline" and nothing was sent', async () => {
    const srv = net.createServer();
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
    const port = (srv.address() as net.AddressInfo).port;
    await new Promise((r) => srv.close(r));
    await expect(openTcp('127.0.0.1', port, { connectTimeoutMs: 500 })).rejects.toMatchObject({ state: 'offline' });
  });

  it('real-time status: ok, paper out, and silence = timeout', async () => {
    const emu = await emulator();
    const link = await openTcp('127.0.0.1', emu.port);
    expect(await readStatus(link, getProfile('epson'), 300)).toMatchObject({ state: 'ok' });
    emu.setFault('paper_out');
    expect(await readStatus(link, getProfile('epson'), 300)).toMatchObject({ state: 'paper_out' });
    emu.setFault('no_status');
    expect(await readStatus(link, getProfile('epson'), 200)).toMatchObject({ state: 'timeout' });
    await link.close();
  });

  it('paced at 9600 baud: acknowledged only after the printer has worked through the bytes', async () => {
    const emu = await emulator({ baud: 9600 });
    const bytes = job().length;
    const ack = await printTo(emu, { ackTimeoutMs: 10_000, recoveryWindowMs: 1000, pollMs: 500 });
    expect(ack.printed).toBe(true);
    expect(ack.elapsedMs).toBeGreaterThan((bytes / 960) * 1000 * 0.8);
    expect(frame(emu.receipts[0]!.lines)).toBe(golden());
  });

  it('Star profile: acknowledged by the ETB counter in the ASB', async () => {
    const emu = await emulator({ mode: 'star' });
    const ack = await printTo(emu, fast, 'star');
    expect(ack.printed).toBe(true);
    expect(emu.events.some((e) => e.type === 'etb')).toBe(true);
    const emu2 = await emulator({ mode: 'star', fault: 'cover_open' });
    expect(await printTo(emu2, fast, 'star')).toMatchObject({ printed: false, status: { state: 'cover_open' } });
  });
});

describe('links', () => {
  it('serial port (serialport, mocked binding): job out, status answer back', async () => {
    const path = '/dev/ttyPRN0';
    SerialPortMock.binding.createPort(path, { echo: false, record: true });
    const emu = new EscPosPrinterEmulator({ columns: 48 });
    let port: SerialPortMock | null = null;
    const link = await openSerial(path, 9600, {
      factory: (o) => (port = new SerialPortMock(o)) as unknown as SerialPortLike,
    });
    const binding = port!.port!;
    emu.onReply((b) => binding.emitData(b));
    let seen = 0;
    const pump = setInterval(() => {
      if (binding.recording.length > seen) {
        emu.feed(binding.recording.subarray(seen));
        seen = binding.recording.length;
      }
    }, 5);
    try {
      const ack = await sendAndAcknowledge(link, getProfile('epson'), job(), fast);
      expect(ack.printed).toBe(true);
      expect(frame(emu.receipts[0]!.lines)).toBe(golden());
    } finally {
      clearInterval(pump);
      await link.close();
      SerialPortMock.binding.reset();
    }
  });

  it('device path: bytes reach the device; with no status channel the job is "timeout", not printed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lp-'));
    dirs.push(dir);
    const dev = join(dir, 'lp0');
    writeFileSync(dev, '');
    const link = await openDevice(dev);
    const ack = await sendAndAcknowledge(link, getProfile('epson'), job(), { ackTimeoutMs: 300, recoveryWindowMs: 300, pollMs: 100 });
    await link.close();
    expect(ack).toMatchObject({ printed: false, status: { state: 'timeout' } });
    const emu = new EscPosPrinterEmulator({ columns: 48 });
    emu.feed(readFileSync(dev));
    expect(frame(emu.receipts[0]!.lines)).toBe(golden());
  });

  it('a missing device is "offline" and is not created', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lp-'));
    dirs.push(dir);
    await expect(openDevice(join(dir, 'lp9'))).rejects.toMatchObject({ state: 'offline' });
    expect(existsSync(join(dir, 'lp9'))).toBe(false);
  });
});
