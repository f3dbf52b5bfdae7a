/**
 * The shipped webcam decoder (ZXing-C++ wasm, loaded from the bundled .wasm bytes, never the network)
 * and its pass order, on synthetic frames in Node: inverted (dark mode), rotated, perspective, small,
 * off-centre (full-frame pass), low contrast; and never a wrong text.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeQrPayload } from '../../shared/domain/qr-payload';
import { decodeZxingJsStock, initZxingWasm, type Pixels } from '../../renderer/src/features/scan/camera/decoders';
import { decodeFrame, decodeLane, sharpen, type FrameSource, type Rect } from '../../renderer/src/features/scan/camera/frame-strategy';
import { lumaToRgba, renderEmptyScene, renderQrScene, type QrScene } from '../fixtures/video/qr-synth';

/** A FrameSource over an RGBA buffer: crop, and bilinear scaling (what the worker's canvas does). */
function bufferSource(px: Pixels): FrameSource {
  return {
    width: px.width,
    height: px.height,
    grab(r: Rect, scale = 1) {
      const w = Math.round(r.w * scale);
      const h = Math.round(r.h * scale);
      const out = new Uint8ClampedArray(w * h * 4);
      for (let y = 0; y < h; y++)
        for (let x = 0; x < w; x++) {
          const sx = Math.min(px.width - 1, r.x + Math.floor(x / scale));
          const sy = Math.min(px.height - 1, r.y + Math.floor(y / scale));
          out.set(px.data.subarray((sy * px.width + sx) * 4, (sy * px.width + sx) * 4 + 4), (y * w + x) * 4);
        }
      return { data: out, width: w, height: h };
    },
  };
}

const TEXT = encodeQrPayload('CAMERATESTQRCODE');
const frame = (s: Partial<QrScene>): Pixels => {
  const scene: QrScene = { width: 640, height: 480, text: TEXT, background: 'texture', noise: 3, ...s };
  return { data: lumaToRgba(renderQrScene(scene)), width: scene.width, height: scene.height };
};

beforeAll(async () => {
  const require = createRequire(import.meta.url);
  const wasm = readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
  await initZxingWasm(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
});

describe('shipped decoder', () => {
  it.each([
    ['plain, centred', {}],
    ['inverted (dark mode)', { inverted: true }],
    ['rotated 30°', { rotateDeg: 30 }],
    ['perspective', { tiltX: 0.3, rotateDeg: -12 }],
    ['low contrast and noise', { dark: 80, light: 175, noise: 10 }],
  ] as const)('reads %s from the centred crop', async (_name, scene) => {
    expect(await decodeLane(bufferSource(frame(scene)), 'crop')).toEqual({ text: TEXT, pass: 'crop' });
  });

  it('borderline low contrast with noise: if the crop misses, the full-frame passes still read it', async () => {
    expect(await decodeFrame(bufferSource(frame({ dark: 100, light: 155, noise: 10 })))).toMatchObject({ text: TEXT });
  });

  it('off-centre: the crop misses, the full frame reads it', async () => {
    const src = bufferSource(frame({ cx: 0.14, cy: 0.2, modulePx: 4 }));
    expect((await decodeLane(src, 'crop')).text).toBeNull();
    expect(await decodeFrame(src)).toMatchObject({ text: TEXT });
  });

  it('an inverted code @zxing/library (stock) cannot read, the shipped decoder reads', async () => {
    const px = frame({ inverted: true });
    expect(decodeZxingJsStock(px)).toBeNull();
    expect((await decodeFrame(bufferSource(px))).text).toBe(TEXT);
  });

  it('an empty frame gives nothing, never a guess', async () => {
    const px = { data: lumaToRgba(renderEmptyScene(640, 480, 3)), width: 640, height: 480 };
    expect(await decodeFrame(bufferSource(px))).toEqual({ text: null, pass: null });
  });

  it('unsharp mask keeps the size and stays grey', () => {
    const px = frame({ blur: 2 });
    const s = sharpen(px);
    expect([s.width, s.height, s.data.length]).toEqual([640, 480, px.data.length]);
    expect(s.data[0]).toBe(s.data[1]);
  });
});
