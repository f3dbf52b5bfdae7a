import { describe, expect, it } from 'vitest';
import { scanFromFrame, scanFromText } from '../../electron/core/services/scanner/scan-event';
import { SerialFramer } from '../../electron/core/services/scanner/serial-framer';
import { listSerialPorts } from '../../electron/core/services/scanner/serial-ports';
import { encodeQrPayload } from '../../shared/domain/qr-payload';

const bytes = (s: string) => Uint8Array.from(Buffer.from(s, 'latin1'));
const text = (f: { kind: string; bytes: Uint8Array | number }) => (f.kind === 'frame' ? Buffer.from(f.bytes as Uint8Array).toString('latin1') : `<overflow ${String(f.bytes)}>`);
const QR = encodeQrPayload('ABCDEFGHIJKLMNOP');

describe('serial framing', () => {
  it('CR, LF and CRLF end a frame; no empty frames; chunks split anywhere', () => {
    const f = new SerialFramer({ framing: 'crlf', idleTimeoutMs: 50 });
    const out = [...f.push(bytes('AB'), 0), ...f.push(bytes('C\r\nDEF\n\r\nGH'), 1), ...f.push(bytes('I\r'), 2)];
    expect(out.map(text)).toEqual(['ABC', 'DEF', 'GHI']);
    expect(f.pending).toBe(false);
  });
  it('timeout framing: a pause ends the frame, a trailing suffix is dropped', () => {
    const f = new SerialFramer({ framing: 'timeout', idleTimeoutMs: 50 });
    expect(f.push(bytes('ONE'), 0)).toEqual([]);
    expect(f.push(bytes('Q1'), 20)).toEqual([]);
    expect(f.flushIdle(40)).toEqual([]);
    expect(f.flushIdle(70).map(text)).toEqual(['ONEQ1']);
    f.push(bytes('XY\r'), 100);
    // the next chunk after a long pause first ends the previous frame
    expect(f.push(bytes('Z'), 400).map(text)).toEqual(['XY']);
  });
  it('CR/LF mode still ends a frame without suffix after the grace period', () => {
    const f = new SerialFramer({ framing: 'crlf', idleTimeoutMs: 50 });
    f.push(bytes('NOSUFFIX'), 0);
    expect(f.flushIdle(100)).toEqual([]);
    expect(f.flushIdle(300).map(text)).toEqual(['NOSUFFIX']);
  });
  it('an oversized frame is one overflow, then framing goes on', () => {
    const f = new SerialFramer({ framing: 'crlf', idleTimeoutMs: 50, maxFrameBytes: 16 });
    const out = [...f.push(bytes('X'.repeat(40)), 0), ...f.push(bytes('\r\nOK\r\n'), 1)];
    expect(out.map(text)).toEqual(['<overflow 40>', 'OK']);
  });
});

describe('serial frames through the one QR parser', () => {
  it('a payment QR passes, normalized', () => {
    expect(scanFromFrame({ kind: 'frame', bytes: bytes(QR.toLowerCase()) })).toMatchObject({ source: 'serial', text: QR, error: null });
  });
  it('garbage, binary, UTF-8 and oversized input are rejected with a code, never echoed', () => {
    expect(scanFromFrame({ kind: 'frame', bytes: bytes('HELLO-WORLD') })).toMatchObject({ text: '', error: 'QR_UNKNOWN_FORMAT' });
    expect(scanFromFrame({ kind: 'frame', bytes: Uint8Array.from([0x4f, 0x00, 0xff, 0x1b]) })).toMatchObject({ text: '', error: 'QR_NOT_TEXT' });
    expect(scanFromFrame({ kind: 'frame', bytes: Uint8Array.from(Buffer.from('ONEQ1.가나', 'utf8')) })).toMatchObject({ error: 'QR_NOT_TEXT' });
    expect(scanFromFrame({ kind: 'frame', bytes: bytes('A'.repeat(300)) })).toMatchObject({ error: 'QR_TOO_LONG' });
    expect(scanFromFrame({ kind: 'overflow', bytes: 5000 })).toMatchObject({ error: 'QR_TOO_LONG' });
    const bad = QR.slice(0, -1) + (QR.endsWith('A') ? 'B' : 'A');
    expect(scanFromText(bad, 'camera')).toMatchObject({ source: 'camera', error: 'QR_CHECKSUM' });
  });
});

describe('serial port listing', () => {
  it('survives SerialPort.list() failing (udevadm missing): /dev scan and the error instead', async () => {
    const r = await listSerialPorts(
      () => Promise.reject(new Error('spawn udevadm ENOENT')),
      () => [{ path: '/dev/ttyS0' }, { path: '/dev/ttyACM0' }],
    );
    expect(r.listError).toContain('udevadm');
    expect(r.ports.map((p) => p.path)).toEqual(['/dev/ttyACM0', '/dev/ttyS0']);
  });
  it('USB devices (with a vendor id) come first', async () => {
    const r = await listSerialPorts(() => Promise.resolve([{ path: '/dev/ttyS0' }, { path: '/dev/ttyACM0', vendorId: '0c2e', manufacturer: 'Honeywell' }]));
    expect(r).toEqual({ listError: null, ports: [expect.objectContaining({ path: '/dev/ttyACM0', vendorId: '0c2e', manufacturer: 'Honeywell' }), expect.objectContaining({ path: '/dev/ttyS0', vendorId: null })] });
  });
});
