/**
 * The serial scanner through the real core and a real serial line (socat pty pair, serialport with its
 * native binding): settings, framing, the one QR parser, status events, and reopening after the device
 * is unplugged and plugged back in. No mock of the device layer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PosEvent, ScanReceived, ScannerSettings, ScannerStatus, SerialPortList } from '../../shared/contract';
import { createCore, type Core } from '../../electron/core/core';
import { listSerialPorts } from '../../electron/core/services/scanner/serial-ports';
import { openSerialPair, socatAvailable, type SerialPair } from '../emulators/serial-pair';

let dir: string;
let core: Core;
let pair: SerialPair;
const events: PosEvent[] = [];

async function ok<T>(method: string, input: unknown = {}): Promise<T> {
  const r = await core.router.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.detail ?? ''}`);
  return r.value as T;
}
const scans = () => events.filter((e) => e.name === 'scan.received').map((e) => e.payload as ScanReceived);
const statuses = () => events.filter((e) => e.name === 'scanner.status').map((e) => (e.payload as ScannerStatus).serial.state);
async function waitFor(fn: () => boolean, ms = 8000): Promise<void> {
  const end = Date.now() + ms;
  while (!fn()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.skipIf(!socatAvailable())('serial scanner over a socat pty pair', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'core-serial-'));
    pair = await openSerialPair();
    core = await createCore({ dataDir: dir, shell: 'web', version: 'test' });
    core.events.subscribe((e) => events.push(e));
  });
  afterAll(async () => {
    await core.close();
    await pair.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is off until configured; lists ports without throwing', async () => {
    expect((await ok<ScannerStatus>('getScannerStatus')).serial.state).toBe('off');
    const list = await ok<SerialPortList>('listSerialPorts');
    expect(Array.isArray(list.ports)).toBe(true);
  });

  it('survives SerialPort.list() failing when udevadm is missing (real serialport, PATH without udevadm)', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      const r = await listSerialPorts();
      expect(r.listError).toMatch(/udevadm|ENOENT|spawn/i);
      expect(Array.isArray(r.ports)).toBe(true);
    } finally {
      process.env.PATH = path;
    }
  });

  it('rejects settings outside the contract', async () => {
    const r = await core.router.call('updateScannerSettings', { serial: { baudRate: 12345 } });
    expect(r.ok).toBe(false);
  });

  it('opens the chosen port and turns CR/LF frames into scans through the QR parser', async () => {
    const s = await ok<ScannerSettings>('updateScannerSettings', { serial: { enabled: true, path: pair.appPath, baudRate: 9600, framing: 'crlf' } });
    expect(s.serial).toMatchObject({ enabled: true, path: pair.appPath, dataBits: 8, parity: 'none' });
    await waitFor(() => statuses().includes('open'));
    const qr = (await ok<{ qrText: string }>('issueDemoQr')).qrText;
    pair.write(`${qr}\r\n`);
    pair.write('HELLO\r\n');
    pair.write(Buffer.from([0x4f, 0x4e, 0x00, 0xff, 0x0d]));
    pair.write(`${'Z'.repeat(2000)}\n`);
    await waitFor(() => scans().length >= 4);
    expect(scans().map((x) => [x.source, x.text, x.error])).toEqual([
      ['serial', qr, null],
      ['serial', '', 'QR_UNKNOWN_FORMAT'],
      ['serial', '', 'QR_NOT_TEXT'],
      ['serial', '', 'QR_TOO_LONG'],
    ]);
  });

  it('reopens by itself after the scanner is unplugged and plugged back in', async () => {
    events.length = 0;
    await pair.unplug();
    await waitFor(() => statuses().includes('waiting'));
    await pair.replug();
    await waitFor(() => statuses().at(-1) === 'open');
    const qr = (await ok<{ qrText: string }>('issueDemoQr')).qrText;
    pair.write(`${qr}\r`);
    await waitFor(() => scans().length >= 1);
    expect(scans()[0]).toMatchObject({ source: 'serial', text: qr, error: null });
  });

  it('timeout framing: a scanner with no suffix', async () => {
    await ok('updateScannerSettings', { serial: { framing: 'timeout', idleTimeoutMs: 40 } });
    await waitFor(() => statuses().at(-1) === 'open');
    events.length = 0;
    const qr = (await ok<{ qrText: string }>('issueDemoQr')).qrText;
    pair.write(qr.slice(0, 10));
    pair.write(qr.slice(10));
    await waitFor(() => scans().length >= 1);
    expect(scans()[0]).toMatchObject({ text: qr, error: null });
  });

  it('settings are kept in the ledger; disabling closes the port', async () => {
    await ok('updateScannerSettings', { serial: { enabled: false } });
    await waitFor(() => statuses().at(-1) === 'off');
    expect((await ok<ScannerSettings>('getScannerSettings')).serial).toMatchObject({ enabled: false, path: pair.appPath, framing: 'timeout' });
  });
});
