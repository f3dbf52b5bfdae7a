/**
 * The in-browser half of `npm run bench:scan` (bench/scan-bench.ts builds this page, serves it on
 * loopback and drives it in Chromium). Not part of the app bundle, and outside the renderer's import path
 * (lint forbids renderer imports of bench/ and test/): it imports the renderer's decoders, not the reverse. Exposes window.scanBench:
 * - decodeTimes: per-frame decode time (p50/p95) of each decoder on the same frames, 640×480 and 1280×720
 * - readRates: read rate per category and overall on the degraded set, misreads counted apart
 * - productBarcodes: EAN-13 read time and read count per lane-formats choice (issue 12)
 * - latency: time from the QR's first camera frame to the decoded event, shipped scanner vs the stock
 *   @zxing/browser decodeFromVideoDevice loop, with Chromium's fake camera
 */
import { BrowserQRCodeReader } from '@zxing/browser';
import { degradedSet, DEGRADED_CATEGORIES } from '../scan-degraded-set';
import { lumaToRgba, renderEmptyScene, renderQrScene, type QrScene } from '../../test/fixtures/video/qr-synth';
import { CameraScanner, type CameraDecode } from '../../renderer/src/features/scan/camera/camera-scanner';
import { decodeWasm, decodeZxingJsStock, decodeZxingJsTuned, initZxingWasm, WASM_DEFAULT, type Pixels } from '../../renderer/src/features/scan/camera/decoders';
import { canvasSource } from '../../renderer/src/features/scan/camera/canvas-source';
import { decodeFrame, decodeFrameLive, decodeLane, QR_ONLY_FORMATS, SHIPPED_FORMATS, type FrameSource, type LaneFormats } from '../../renderer/src/features/scan/camera/frame-strategy';
import { ean13Matrix } from '../../test/fixtures/video/ean13-synth';
import { zxingWasmUrl } from '../../renderer/src/features/scan/camera/wasm-url';

type DecoderName = 'zxing-library-stock' | 'zxing-library-tuned' | 'zxing-wasm' | 'shipped' | 'shipped-live' | 'shipped-live-qr-only' | 'shipped-live-1d-both-lanes' | 'shipped-crop-lane' | 'shipped-crop-lane-1d';

/** Issue 12's alternative lane formats, measured against the shipped choice (SHIPPED_FORMATS) and QR only. */
const BOTH_LANES_1D: LaneFormats = { crop: 'qr+1d', full: 'qr+1d' };
/**
 * One frame: its RGBA pixels (what the other decoders take) and an ImageBitmap of it, standing for the
 * VideoFrame the shipped decoder gets in its worker (made before timing: a VideoFrame costs no copy).
 */
interface Frame {
  px: Pixels;
  bitmap: ImageBitmap;
}
type Decoder = (f: Frame, frameNo: number) => Promise<string | null>;

const canvases = new Map<string, OffscreenCanvasRenderingContext2D>();
const src = (f: Frame): FrameSource => canvasSource(f.bitmap, f.px.width, f.px.height, canvases);

const DECODERS: Record<DecoderName, Decoder> = {
  'zxing-library-stock': async (f) => decodeZxingJsStock(f.px),
  'zxing-library-tuned': async (f) => decodeZxingJsTuned(f.px),
  'zxing-wasm': (f) => decodeWasm(f.px, WASM_DEFAULT),
  // every pass (a still image): what the read-rate table measures
  shipped: async (f) => (await decodeFrame(src(f))).text,
  // one camera frame in the live pipeline: crop lane, then the full lane with that frame's one rescue pass
  'shipped-live': async (f, n) => (await decodeFrameLive(src(f), n)).text,
  // the same with QR only in both lanes (before issue 12), and with 1D formats in both lanes
  'shipped-live-qr-only': async (f, n) => (await decodeFrameLive(src(f), n, QR_ONLY_FORMATS)).text,
  'shipped-live-1d-both-lanes': async (f, n) => (await decodeFrameLive(src(f), n, BOTH_LANES_1D)).text,
  'shipped-crop-lane': async (f) => (await decodeLane(src(f), 'crop')).text,
  'shipped-crop-lane-1d': async (f) => (await decodeLane(src(f), 'crop', 'wasm', 0, BOTH_LANES_1D)).text,
};

async function frame(px: Pixels): Promise<Frame> {
  return { px, bitmap: await createImageBitmap(new ImageData(px.data as Uint8ClampedArray<ArrayBuffer>, px.width, px.height)) };
}

function stats(xs: number[]): { n: number; p50: number; p95: number; mean: number; max: number } {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] ?? NaN;
  const r = (x: number) => Math.round(x * 100) / 100;
  return { n: s.length, p50: r(q(0.5)), p95: r(q(0.95)), mean: r(s.reduce((a, b) => a + b, 0) / Math.max(1, s.length)), max: r(s.at(-1) ?? NaN) };
}

const toPixels = (scene: QrScene): Pixels => ({ data: lumaToRgba(renderQrScene(scene)), width: scene.width, height: scene.height });

async function ready(): Promise<void> {
  await initZxingWasm(zxingWasmUrl());
}

/** Frames of a counter camera: half with a code (centre, off-centre, rotated, far), half empty. */
async function timingFrames(width: number, height: number, text: string): Promise<{ f: Frame; hasQr: boolean }[]> {
  const out: { f: Frame; hasQr: boolean }[] = [];
  const base = Math.min(width, height) / 480;
  const scenes: Partial<QrScene>[] = [
    { modulePx: 6 * base },
    { modulePx: 5 * base, rotateDeg: 30 },
    { modulePx: 5 * base, inverted: true },
    { modulePx: 4 * base, cx: 0.25, cy: 0.3 },
    { modulePx: 3 * base, tiltX: 0.25, rotateDeg: -15 },
    { modulePx: 7 * base, noise: 10, dark: 70, light: 170 },
    { modulePx: 2.5 * base, cx: 0.7, cy: 0.6 },
    { modulePx: 6 * base, blur: 1, noise: 6 },
  ];
  for (const [i, s] of scenes.entries()) out.push({ f: await frame(toPixels({ width, height, text, background: 'texture', noise: 3, seed: 100 + i, ...s })), hasQr: true });
  for (let i = 0; i < scenes.length; i++) out.push({ f: await frame({ data: lumaToRgba(renderEmptyScene(width, height, 500 + i, i % 2 ? 'texture' : 'flat', 3)), width, height }), hasQr: false });
  return out;
}

async function decodeTimes(text: string, repeats = 3): Promise<Record<string, unknown>> {
  await ready();
  const result: Record<string, unknown> = {};
  for (const [w, h] of [
    [640, 480],
    [1280, 720],
  ] as const) {
    const frames = await timingFrames(w, h, text);
    const perDecoder: Record<string, unknown> = {};
    for (const [name, dec] of Object.entries(DECODERS)) {
      await dec(frames[0]!.f, 0); // warm-up (JIT, wasm tiers)
      const all: number[] = [];
      const withQr: number[] = [];
      const empty: number[] = [];
      let read = 0;
      let n = 0;
      for (let r = 0; r < repeats; r++)
        for (const f of frames) {
          const t0 = performance.now();
          const got = await dec(f.f, n++);
          const dt = performance.now() - t0;
          all.push(dt);
          (f.hasQr ? withQr : empty).push(dt);
          if (r === 0 && f.hasQr && got === text) read++;
        }
      perDecoder[name] = { all: stats(all), withQr: stats(withQr), empty: stats(empty), read: `${read}/${frames.filter((f) => f.hasQr).length}` };
    }
    result[`${w}x${h}`] = perDecoder;
  }
  return result;
}

async function readRates(decoderNames: DecoderName[] = ['zxing-library-stock', 'zxing-library-tuned', 'zxing-wasm', 'shipped']): Promise<Record<string, unknown>> {
  await ready();
  const set = degradedSet();
  const tally: Record<string, Record<string, { ok: number; misread: number; total: number }>> = {};
  for (const d of decoderNames) tally[d] = Object.fromEntries([...DEGRADED_CATEGORIES, 'overall'].map((c) => [c, { ok: 0, misread: 0, total: 0 }]));
  const misreads: { decoder: string; id: string; got: string }[] = [];
  for (const img of set) {
    const f = await frame(toPixels(img.scene));
    for (const d of decoderNames) {
      const got = await DECODERS[d](f, 0);
      for (const key of [img.category, 'overall']) {
        const t = tally[d]![key]!;
        t.total++;
        if (got === img.scene.text) t.ok++;
        else if (got !== null) t.misread++;
      }
      if (got !== null && got !== img.scene.text) misreads.push({ decoder: d, id: img.id, got: got.slice(0, 40) });
    }
    f.bitmap.close();
  }
  const rates: Record<string, unknown> = {};
  for (const d of decoderNames)
    rates[d] = Object.fromEntries(Object.entries(tally[d]!).map(([c, t]) => [c, { read: t.ok, misread: t.misread, total: t.total, rate: Math.round((t.ok / t.total) * 1000) / 1000 }]));
  return { images: set.length, categories: DEGRADED_CATEGORIES, rates, misreads };
}

/**
 * Product barcodes (issue 12): EAN-13 labels of the demo menu on a counter (centred, off-centre, rotated,
 * near and wide, small and far), 640×480 and 1280×720. Per lane-formats choice: how many each lane reads
 * and what one frame costs — the crop lane, the full lane (QR + 1D on the full frame, then its rescue
 * pass), and the live pipeline (crop, then full on a miss).
 */
async function productBarcodes(repeats = 3): Promise<Record<string, unknown>> {
  await ready();
  const codes = ['8801000000012', '8801000000029', '8801000000036', '8801000000043'];
  const result: Record<string, unknown> = {};
  for (const [w, h] of [
    [640, 480],
    [1280, 720],
  ] as const) {
    const base = Math.min(w, h) / 480;
    const scenes: Partial<QrScene>[] = [{ modulePx: 3 * base }, { modulePx: 3 * base, cx: 0.35, cy: 0.6 }, { modulePx: 3 * base, rotateDeg: 12 }, { modulePx: 4.5 * base }, { modulePx: 2 * base, cx: 0.6, cy: 0.4 }, { modulePx: 3 * base, noise: 8, dark: 60, light: 180 }];
    const frames: { f: Frame; code: string }[] = [];
    for (const [i, sc] of scenes.entries()) {
      const code = codes[i % codes.length]!;
      frames.push({ code, f: await frame(toPixels({ width: w, height: h, text: '', matrix: ean13Matrix(code), quiet: 0, background: 'texture', noise: 3, seed: 300 + i, ...sc })) });
    }
    const variants: Record<string, (f: Frame, n: number) => Promise<string | null>> = {
      'crop-lane (QR only, shipped)': async (f) => (await decodeLane(src(f), 'crop')).text,
      'crop-lane (QR + 1D)': async (f) => (await decodeLane(src(f), 'crop', 'wasm', 0, BOTH_LANES_1D)).text,
      'full-lane (QR + 1D, shipped)': async (f, n) => (await decodeLane(src(f), 'full', 'wasm', n, SHIPPED_FORMATS)).text,
      'live (shipped: crop QR, full QR + 1D)': async (f, n) => (await decodeFrameLive(src(f), n, SHIPPED_FORMATS)).text,
      'live (1D in both lanes)': async (f, n) => (await decodeFrameLive(src(f), n, BOTH_LANES_1D)).text,
    };
    const per: Record<string, unknown> = {};
    for (const [name, dec] of Object.entries(variants)) {
      await dec(frames[0]!.f, 0);
      const times: number[] = [];
      let read = 0;
      let n = 0;
      for (let r = 0; r < repeats; r++)
        for (const x of frames) {
          const t0 = performance.now();
          const got = await dec(x.f, n++);
          times.push(performance.now() - t0);
          if (r === 0 && got === x.code) read++;
        }
      per[name] = { ...stats(times), read: `${read}/${frames.length}` };
    }
    result[`${w}x${h}`] = per;
  }
  return result;
}

type FrameVideo = HTMLVideoElement & { requestVideoFrameCallback(cb: (now: number, meta: { presentedFrames: number }) => void): number };

/**
 * Watches a video for the QR's appearances: the benchmark video marks QR frames with a white top-left
 * patch (black on blank frames). Returns the rVFC time of each first QR frame.
 */
function watchOnsets(video: FrameVideo): { onsets: number[]; stop: () => void; fps: () => number } {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 4;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  const onsets: number[] = [];
  const frameTimes: number[] = [];
  let prev: boolean | null = null; // the first frame seen is no onset: only blank → QR transitions count
  let alive = true;
  const tick = (now: number) => {
    if (!alive) return;
    frameTimes.push(now);
    ctx.drawImage(video, 0, 0, 16, 16, 0, 0, 4, 4);
    const on = ctx.getImageData(0, 0, 4, 4).data[0]! > 128;
    if (on && prev === false) onsets.push(now);
    prev = on;
    video.requestVideoFrameCallback(tick);
  };
  video.requestVideoFrameCallback(tick);
  return {
    onsets,
    stop: () => {
      alive = false;
    },
    fps: () => (frameTimes.length > 1 ? ((frameTimes.length - 1) * 1000) / (frameTimes.at(-1)! - frameTimes[0]!) : NaN),
  };
}

function latencies(onsets: number[], decodes: number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < onsets.length; i++) {
    const start = onsets[i]!;
    const end = onsets[i + 1] ?? Infinity;
    const first = decodes.find((t) => t >= start && t < end);
    if (first !== undefined) out.push(first - start);
  }
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function latency(text: string, cycles = 8, cycleMs = 2233): Promise<Record<string, unknown>> {
  await ready();
  const runFor = cycles * cycleMs + 600;

  // Shipped: the app's CameraScanner (two decode workers, rVFC-driven).
  const v1 = document.createElement('video') as FrameVideo;
  v1.muted = true;
  document.body.append(v1);
  const stream = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 30 } }, audio: false });
  v1.srcObject = stream;
  await v1.play();
  const shippedDecodes: number[] = [];
  const engines: string[] = [];
  const workerMs: number[] = [];
  const scanner = new CameraScanner(v1, { onScan: () => undefined, onDecode: (d: CameraDecode) => d.text === text && (shippedDecodes.push(d.decodedAt), workerMs.push(d.decodedAt - d.grabbedAt)), onEngine: (e) => engines.push(e) });
  scanner.start();
  await sleep(1500); // workers warm
  shippedDecodes.length = 0;
  const w1 = watchOnsets(v1);
  await sleep(runFor);
  w1.stop();
  scanner.dispose();
  stream.getTracks().forEach((t) => t.stop());
  const shipped = latencies(w1.onsets, shippedDecodes);
  const size = `${v1.videoWidth}x${v1.videoHeight}`;
  const fps = w1.fps();
  v1.remove();

  // Stock: @zxing/browser's BrowserQRCodeReader.decodeFromVideoDevice with its default options.
  const v2 = document.createElement('video') as FrameVideo;
  v2.muted = true;
  document.body.append(v2);
  const stockDecodes: number[] = [];
  const reader = new BrowserQRCodeReader();
  const controls = await reader.decodeFromVideoDevice(undefined, v2, (res) => {
    if (res && res.getText() === text) stockDecodes.push(performance.now());
  });
  await sleep(1500);
  stockDecodes.length = 0;
  const w2 = watchOnsets(v2);
  await sleep(runFor);
  w2.stop();
  controls.stop();
  const stock = latencies(w2.onsets, stockDecodes);
  v2.remove();

  const s = stats(shipped);
  const k = stats(stock);
  const framePeriod = 1000 / 30;
  return {
    video: size,
    measuredFps: Math.round(fps * 10) / 10,
    framePeriodMs: Math.round(framePeriod * 10) / 10,
    shipped: { ...s, samples: shipped.map((x) => Math.round(x * 10) / 10), engine: [...new Set(engines)], grabToResultMs: stats(workerMs), missed: w1.onsets.length - shipped.length },
    stock: { ...k, samples: stock.map((x) => Math.round(x * 10) / 10), missed: w2.onsets.length - stock.length },
    ratioMean: Math.round((k.mean / s.mean) * 10) / 10,
    ratioP50: Math.round((k.p50 / s.p50) * 10) / 10,
    targetMs: Math.round((framePeriod + 20) * 10) / 10,
    meetsTarget: s.p95 <= framePeriod + 20,
    meets10x: k.mean / s.mean >= 10,
  };
}

declare global {
  interface Window {
    scanBench: { ready: typeof ready; decodeTimes: typeof decodeTimes; readRates: typeof readRates; latency: typeof latency; productBarcodes: typeof productBarcodes };
  }
}
window.scanBench = { ready, decodeTimes, readRates, latency, productBarcodes };
document.title = 'scan-bench ready';
