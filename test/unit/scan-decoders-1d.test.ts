/**
 * The webcam decoder reads product barcodes (issue 12): an EAN-13 label rendered from the standard tables
 * (test/fixtures/video/ean13-synth.ts) and read back by ZXing-C++ — the decoder is the independent oracle for
 * the fixture — on the full-frame pass; QR-only options do not read it (the formats option is what reads it);
 * the QR crop lane is unchanged; the decoded text goes through the one scan router as a product.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { classifyScan } from '../../shared/domain/catalog/scan-code';
import { encodeQrPayload } from '../../shared/domain/qr-payload';
import { initZxingWasm, type Pixels } from '../../renderer/src/features/scan/camera/decoders';
import { decodeFrame, decodeLane, QR_ONLY_FORMATS, type FrameSource, type Rect } from '../../renderer/src/features/scan/camera/frame-strategy';
import { ean13Matrix, ean13Modules } from '../fixtures/video/ean13-synth';
import { lumaToRgba, renderQrScene, type QrScene } from '../fixtures/video/qr-synth';

function bufferSource(px: Pixels): FrameSource {
  return {
    width: px.width,
    height: px.height,
    grab(r: Rect) {
      const out = new Uint8ClampedArray(r.w * r.h * 4);
      for (let y = 0; y < r.h; y++) out.set(px.data.subarray(((r.y + y) * px.width + r.x) * 4, ((r.y + y) * px.width + r.x + r.w) * 4), y * r.w * 4);
      return { data: out, width: r.w, height: r.h };
    },
  };
}

const scene = (s: Partial<QrScene>): FrameSource => {
  const q: QrScene = { width: 640, height: 480, text: '', background: 'texture', noise: 3, ...s };
  return bufferSource({ data: lumaToRgba(renderQrScene(q)), width: q.width, height: q.height });
};
const ean = (code: string, s: Partial<QrScene> = {}) => scene({ matrix: ean13Matrix(code), quiet: 0, modulePx: 4, ...s });

beforeAll(async () => {
  const require = createRequire(import.meta.url);
  const wasm = readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
  await initZxingWasm(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
});

describe('EAN-13 fixture', () => {
  it('is 95 modules with the guards, and refuses a bad check digit', () => {
    const m = ean13Modules('8801000000036');
    expect(m).toHaveLength(95);
    expect(m.slice(0, 3)).toBe('101');
    expect(m.slice(45, 50)).toBe('01010');
    expect(m.slice(92)).toBe('101');
    expect(() => ean13Modules('8801000000037')).toThrow(/check digit/);
  });
});

describe('webcam decoder, product barcodes', () => {
  it.each([
    ['demo 크로플, centred', '8801000000036', {}],
    ['demo 계란, off-centre and rotated 8°', '8801000000043', { cx: 0.4, cy: 0.55, rotateDeg: 8 }],
    ['a retail EAN-13, wider than the centred crop', '4006381333931', { modulePx: 5 }],
  ] as const)('reads %s on the full-frame pass, and the router takes it for a product', async (_n, code, s) => {
    const r = await decodeLane(ean(code, s), 'full');
    expect(r).toEqual({ text: code, pass: 'full' });
    expect(classifyScan(r.text!)).toEqual({ kind: 'product', format: 'EAN-13', code });
  });

  it('a still image: every pass in order reads it', async () => {
    expect(await decodeFrame(ean('8801000000012'))).toMatchObject({ text: '8801000000012' });
  });

  it('QR-only options do not read it (the formats option is what reads product barcodes)', async () => {
    expect(await decodeFrame(ean('8801000000012'), 'wasm', QR_ONLY_FORMATS)).toEqual({ text: null, pass: null });
  });

  it('the centred crop lane stays QR-only, and still reads a QR first', async () => {
    expect(await decodeLane(ean('8801000000012', { modulePx: 2 }), 'crop')).toEqual({ text: null, pass: null });
    const qr = encodeQrPayload('CAMERATESTQRCODE');
    expect(await decodeLane(scene({ text: qr }), 'crop')).toEqual({ text: qr, pass: 'crop' });
  });

  it('an empty counter reads nothing (no false 1D read from the texture)', async () => {
    for (const seed of [1, 2, 3]) expect((await decodeLane(scene({ matrix: { size: 1, dark: () => false }, quiet: 0, modulePx: 1, seed }), 'full', 'wasm', 0)).text).toBeNull();
  });
});
