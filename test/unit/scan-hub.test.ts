import { describe, expect, it } from 'vitest';
import type { ScanReceived } from '../../shared/contract';
import { scanReceivedSchema } from '../../shared/contract';
import { encodeQrPayload } from '../../shared/domain/qr-payload';
import { scanFromFrame } from '../../electron/core/services/scanner/scan-event';
import { RepeatFilter } from '../../renderer/src/features/scan/repeat-filter';
import { createScanHub } from '../../renderer/src/features/scan/scan-hub';
import { scanFromText } from '../../renderer/src/features/scan/scan-event';
import { centreCrop } from '../../renderer/src/features/scan/camera/crop';

const QR = encodeQrPayload('ABCDEFGHIJKLMNOP');
const QR2 = encodeQrPayload('ZYXWVUTSRQPONMLK');

describe('RepeatFilter: a code read twice in a row is one scan', () => {
  it('drops the same text while it keeps being seen, accepts it again after it was gone', () => {
    const f = new RepeatFilter(1500);
    expect(f.accept(QR, 0)).toBe(true);
    expect(f.accept(QR, 33)).toBe(false);
    expect(f.accept(QR, 1400)).toBe(false);
    expect(f.accept(QR, 2800)).toBe(false); // still in view: each sighting refreshes the hold
    expect(f.accept(QR, 4400)).toBe(true); // gone for > 1.5 s, shown again
  });
  it('a different code is a new scan at once', () => {
    const f = new RepeatFilter(1500);
    expect(f.accept(QR, 0)).toBe(true);
    expect(f.accept(QR2, 10)).toBe(true);
    expect(f.accept(QR, 20)).toBe(true);
  });
});

describe('one scan path', () => {
  it('wedge, camera and serial produce the same value through the same parser', () => {
    const at = new Date('2026-04-01T01:02:03.000Z');
    const wedge = scanFromText(` ${QR.toLowerCase()}\r\n`, 'wedge', at);
    const camera = scanFromText(QR, 'camera', at);
    const serial = scanFromFrame({ kind: 'frame', bytes: Uint8Array.from(Buffer.from(QR, 'latin1')) }, at);
    for (const s of [wedge, camera, serial]) expect(scanReceivedSchema.parse(s)).toEqual({ ...s, text: QR, error: null });
    expect(new Set([wedge, camera, serial].map((s) => s.source))).toEqual(new Set(['wedge', 'camera', 'serial']));
  });
  it('garbage, oversized and binary text is rejected with a code and never echoed', () => {
    expect(scanFromText('https://example.com/pay?x=1', 'camera')).toMatchObject({ text: '', error: 'QR_UNKNOWN_FORMAT' });
    expect(scanFromText('A'.repeat(5000), 'wedge')).toMatchObject({ text: '', error: 'QR_TOO_LONG' });
    expect(scanFromText('ONEQ1.\u0000\u0001', 'camera')).toMatchObject({ text: '', error: 'QR_NOT_TEXT' });
  });
  it('the hub hands scans over only while enabled and drops repeats across sources', () => {
    let t = 0;
    const hub = createScanHub(() => t);
    const got: ScanReceived[] = [];
    hub.update(false, (s) => got.push(s));
    hub.submit(QR, 'camera');
    expect(got).toHaveLength(0);
    hub.update(true, (s) => got.push(s));
    hub.submit(QR, 'camera');
    t = 30;
    hub.submit(QR, 'camera'); // the next frame
    t = 60;
    hub.receive(scanFromText(QR, 'serial')); // the same code from another device right after
    expect(got.map((s) => s.source)).toEqual(['camera']);
    t = 100;
    hub.submit(QR2, 'wedge');
    hub.receive({ source: 'serial', text: '', error: 'QR_NOT_TEXT', at: new Date().toISOString() });
    hub.receive({ source: 'serial', text: '', error: 'QR_NOT_TEXT', at: new Date().toISOString() });
    expect(got.map((s) => [s.source, s.error])).toEqual([
      ['camera', null],
      ['wedge', null],
      ['serial', 'QR_NOT_TEXT'],
      ['serial', 'QR_NOT_TEXT'],
    ]);
  });
});

describe('centred crop', () => {
  it('is the centred square the preview draws', () => {
    expect(centreCrop(1280, 720, 0.5)).toEqual({ x: 460, y: 180, w: 360, h: 360 });
    expect(centreCrop(640, 480)).toMatchObject({ w: 346, h: 346 });
  });
});
