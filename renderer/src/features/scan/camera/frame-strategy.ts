/**
 * What is decoded from each camera frame, in which order. Two lanes run in parallel (two workers):
 * - 'crop': the centred square under the preview's target frame, at full resolution, fast options —
 *   every frame, so a code held up to the camera is read from the first frame it appears in;
 * - 'full': the whole frame with every option (downscale pyramid), then one "rescue" pass, a different
 *   one on each frame (denoise, 2× upscale for small/far codes, fixed threshold for flat low contrast,
 *   unsharp mask for blur) — a code held up for a few frames gets all of them.
 * A still image (benchmarks, tests) gets every pass in order: decodeFrame.
 *
 * Product barcodes (EAN-13/EAN-8/UPC-A/Code 128, issue 12) are read by the full lane's full-frame pass
 * only: a 1D label is wide (it overflows the centred square) and QR keeps its fast crop lane unchanged.
 * The choice was measured (`npm run bench:scan`, "product barcodes"): see LaneFormats.
 */
import type { ReaderOptions } from 'zxing-wasm/reader';
import { centreCrop, type Lane, type Rect } from './crop';
import { decodeWasm, decodeZxingJsTuned, withProductFormats, WASM_DENOISE, WASM_FAST, WASM_FIXED, WASM_FULL, type Pixels } from './decoders';

export { centreCrop, CROP_FRACTION, type Lane, type Rect } from './crop';

/** Anything that can hand out RGBA pixels of a rectangle of one frame, optionally scaled. */
export interface FrameSource {
  width: number;
  height: number;
  grab(r: Rect, scale?: number): Pixels;
}

export type Pass = 'crop' | 'full' | RescuePass;
export const RESCUE_PASSES = ['denoise', 'upscale', 'fixed', 'sharpen'] as const;
export type RescuePass = (typeof RESCUE_PASSES)[number];

export interface LaneResult {
  text: string | null;
  /** Which pass read it. */
  pass: Pass | null;
}

export type Engine = 'wasm' | 'js';

/** Which formats each lane's first pass reads: QR only, or QR and the product barcodes ('qr+1d'). */
export interface LaneFormats {
  crop: 'qr' | 'qr+1d';
  full: 'qr' | 'qr+1d';
}
/** Shipped: QR alone on the centred crop (its speed untouched), QR + 1D on the full frame. */
export const SHIPPED_FORMATS: LaneFormats = { crop: 'qr', full: 'qr+1d' };
/** QR only everywhere (before issue 12): the benchmark's baseline. */
export const QR_ONLY_FORMATS: LaneFormats = { crop: 'qr', full: 'qr' };

/** Where rescue passes look: the whole frame when it is small, else the centred crop (they are slower). */
export function rescueRegion(width: number, height: number): Rect {
  return width * height <= 640 * 480 ? { x: 0, y: 0, w: width, h: height } : centreCrop(width, height);
}

/** Unsharp mask on RGBA (grey): out = in + amount·(in − boxblur_r(in)). Restores module edges a soft focus smeared. */
export function sharpen(px: Pixels, r = 2, amount = 1.5): Pixels {
  const { width: w, height: h, data } = px;
  const n = w * h;
  const g = new Float32Array(n);
  for (let i = 0, j = 0; i < n; i++, j += 4) g[i] = (306 * data[j]! + 601 * data[j + 1]! + 117 * data[j + 2]!) / 1024;
  const tmp = new Float32Array(n);
  const k = 2 * r + 1;
  for (let y = 0; y < h; y++) {
    const row = y * w;
    let acc = 0;
    for (let x = -r - 1; x < r; x++) acc += g[row + Math.min(w - 1, Math.max(0, x))]!;
    for (let x = 0; x < w; x++) {
      acc += g[row + Math.min(w - 1, x + r)]! - g[row + Math.max(0, x - r - 1)]!;
      tmp[row + x] = acc / k;
    }
  }
  const out = new Uint8ClampedArray(n * 4);
  for (let x = 0; x < w; x++) {
    let acc = 0;
    for (let y = -r - 1; y < r; y++) acc += tmp[Math.min(h - 1, Math.max(0, y)) * w + x]!;
    for (let y = 0; y < h; y++) {
      acc += tmp[Math.min(h - 1, y + r) * w + x]! - tmp[Math.max(0, y - r - 1) * w + x]!;
      const i = y * w + x;
      const v = g[i]! + amount * (g[i]! - acc / k);
      out[i * 4] = out[i * 4 + 1] = out[i * 4 + 2] = v;
      out[i * 4 + 3] = 255;
    }
  }
  return { data: out, width: w, height: h };
}

async function rescue(src: FrameSource, pass: RescuePass): Promise<string | null> {
  const r = rescueRegion(src.width, src.height);
  switch (pass) {
    case 'denoise':
      return decodeWasm(src.grab(r), WASM_DENOISE);
    case 'upscale':
      return decodeWasm(src.grab(r, 2), WASM_FAST);
    case 'fixed':
      return decodeWasm(src.grab(r), WASM_FIXED);
    case 'sharpen':
      return decodeWasm(sharpen(src.grab(r)), WASM_FAST);
  }
}

const opts = (o: ReaderOptions, f: 'qr' | 'qr+1d') => (f === 'qr+1d' ? withProductFormats(o) : o);

export async function decodeLane(src: FrameSource, lane: Lane, engine: Engine = 'wasm', frameNo = 0, formats: LaneFormats = SHIPPED_FORMATS): Promise<LaneResult> {
  if (engine === 'js') {
    // Fallback engine (no WebAssembly): the crop lane reads the crop; the full lane the whole frame.
    const r = lane === 'crop' ? centreCrop(src.width, src.height) : { x: 0, y: 0, w: src.width, h: src.height };
    const text = decodeZxingJsTuned(src.grab(r));
    return { text, pass: text ? lane : null };
  }
  if (lane === 'crop') {
    const text = await decodeWasm(src.grab(centreCrop(src.width, src.height)), opts(WASM_FAST, formats.crop));
    return { text, pass: text ? 'crop' : null };
  }
  const text = await decodeWasm(src.grab({ x: 0, y: 0, w: src.width, h: src.height }), opts(WASM_FULL, formats.full));
  if (text) return { text, pass: 'full' };
  const pass = RESCUE_PASSES[frameNo % RESCUE_PASSES.length]!;
  const t2 = await rescue(src, pass);
  return t2 ? { text: t2, pass } : { text: null, pass: null };
}

/** A still image, every pass in order (crop → full → each rescue pass): the shipped decoder as one call. */
export async function decodeFrame(src: FrameSource, engine: Engine = 'wasm', formats: LaneFormats = SHIPPED_FORMATS): Promise<LaneResult> {
  const a = await decodeLane(src, 'crop', engine, 0, formats);
  if (a.text || engine === 'js') return a.text ? a : decodeLane(src, 'full', engine, 0, formats);
  const text = await decodeWasm(src.grab({ x: 0, y: 0, w: src.width, h: src.height }), opts(WASM_FULL, formats.full));
  if (text) return { text, pass: 'full' };
  for (const pass of RESCUE_PASSES) {
    const t = await rescue(src, pass);
    if (t) return { text: t, pass };
  }
  return { text: null, pass: null };
}

/** The live pipeline's cost for one frame: crop lane, then (had it failed) the full lane with its one rescue pass. */
export async function decodeFrameLive(src: FrameSource, frameNo: number, formats: LaneFormats = SHIPPED_FORMATS): Promise<LaneResult> {
  const a = await decodeLane(src, 'crop', 'wasm', frameNo, formats);
  return a.text ? a : decodeLane(src, 'full', 'wasm', frameNo, formats);
}
