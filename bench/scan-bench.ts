/**
 * `npm run bench:scan`: the webcam QR decoding benchmarks, in Chromium, written to bench/results/scan.json.
 *
 * 1. Decode time per frame (p50/p95) at 640×480 and 1280×720 for @zxing/library as @zxing/browser runs it
 *    (stock), the shipped decoder (centred crop → full frame → denoise, ZXing-C++ wasm), zxing-wasm with its
 *    defaults, and @zxing/library tuned — on the same frames, in the page's main thread.
 * 2. Read rate on a generated degraded set (9 categories × 25 images, payload known): per category and
 *    overall, misreads counted apart.
 * 3. Time from the QR's first camera frame to the decoded event, Chromium's fake camera playing a
 *    generated 1280×720 30 fps video (QR for 1 s, blank for 1.23 s, looping): the shipped CameraScanner vs the
 *    stock @zxing/browser decodeFromVideoDevice loop, in the same run; the ratio.
 *
 * 4. Product barcodes (issue 12): EAN-13 read time and read count per lane-formats choice; and in table 1,
 *    QR decode time of the live pipeline with 1D formats (shipped: full lane only; both lanes) vs QR only.
 *
 * Options: --quick (fewer repeats and cycles), --out FILE.
 */
import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright';
import { build } from 'vite';
import { encodeQrPayload } from '../shared/domain/qr-payload';
import { renderEmptyScene, renderQrScene } from '../test/fixtures/video/qr-synth';
import { writeY4m } from '../test/fixtures/video/y4m';

/** What the benchmark page exposes (bench/browser/scan-bench-page.ts); typed here without DOM types. */
interface ScanBenchApi {
  ready(): Promise<void>;
  decodeTimes(text: string, repeats: number): Promise<Record<string, unknown>>;
  readRates(): Promise<Record<string, unknown>>;
  latency(text: string, cycles: number): Promise<Record<string, unknown>>;
  productBarcodes(repeats: number): Promise<Record<string, unknown>>;
}
type PageGlobal = { scanBench: ScanBenchApi };

const ROOT = resolve(__dirname, '..');
const CHROMIUM = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium';
const TEXT = encodeQrPayload('BENCHMARKQRCODE2');

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, out: { type: 'string', default: join(ROOT, 'bench/results/scan.json') } } });

async function buildPage(outDir: string): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'error',
    root: ROOT,
    build: {
      outDir,
      emptyOutDir: true,
      chunkSizeWarningLimit: 5000,
      rollupOptions: { input: { bench: join(ROOT, 'bench/browser/scan-bench-page.ts') }, output: { entryFileNames: '[name].js' } },
    },
  });
  writeFileSync(join(outDir, 'index.html'), '<!doctype html><html><head><meta charset="utf-8"><title>scan-bench</title></head><body><script type="module" src="./bench.js"></script></body></html>');
}

function serve(dir: string): Promise<{ url: string; close: () => void }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };
  const server = createServer((req, res) => {
    const path = join(dir, decodeURIComponent((req.url ?? '/').split('?')[0]!).replace(/^\/+/, '') || 'index.html');
    if (!path.startsWith(dir) || !existsSync(path)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream', 'content-security-policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; media-src 'self' blob: mediastream:" });
    res.end(readFileSync(path));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}/`, close: () => server.close() })));
}

/**
 * 1280×720 at 30 fps: 37 blank frames then 30 QR frames, looping (2.233 s: not a multiple of the stock
 * loop's 500 ms, so the QR's appearance falls at every phase of it); a corner patch marks QR frames
 * (white) for the onset detector.
 */
function latencyVideo(file: string): void {
  const w = 1280;
  const h = 720;
  const mark = (y: Uint8Array, v: number) => {
    const out = Uint8Array.from(y);
    for (let r = 0; r < 16; r++) out.fill(v, r * w, r * w + 16);
    return out;
  };
  const blank = mark(renderEmptyScene(w, h, 7, 'texture', 3), 0);
  const qr = [0, 1, 2].map((k) => mark(renderQrScene({ width: w, height: h, text: TEXT, modulePx: 7, rotateDeg: 8 + k, cx: 0.5 + 0.004 * k, background: 'texture', noise: 3, seed: 11 + k }), 255));
  const frames: Uint8Array[] = [];
  for (let i = 0; i < 37; i++) frames.push(blank);
  for (let i = 0; i < 30; i++) frames.push(qr[i % 3]!);
  writeY4m(file, { width: w, height: h, fps: 30, frames });
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'scan-bench-'));
  const t0 = Date.now();
  try {
    console.log('building the benchmark page…');
    const site = join(work, 'site');
    await buildPage(site);
    const video = join(work, 'latency.y4m');
    latencyVideo(video);
    const server = await serve(site);
    const browser = await chromium.launch({
      ...(existsSync(CHROMIUM) ? { executablePath: CHROMIUM } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
    });
    try {
      const page = await browser.newPage();
      page.on('pageerror', (e) => console.error('[page]', e.message));
      await page.goto(server.url);
      await page.waitForFunction("document.title === 'scan-bench ready'");
      await page.evaluate(() => (globalThis as unknown as PageGlobal).scanBench.ready());
      console.log('decode time per frame…');
      const decodeTimes = await page.evaluate(([text, repeats]) => (globalThis as unknown as PageGlobal).scanBench.decodeTimes(text, repeats), [TEXT, values.quick ? 1 : 3] as const);
      console.log('read rate on the degraded set…');
      const readRates = await page.evaluate(() => (globalThis as unknown as PageGlobal).scanBench.readRates());
      console.log('product barcodes (EAN-13)…');
      const productBarcodes = await page.evaluate((repeats) => (globalThis as unknown as PageGlobal).scanBench.productBarcodes(repeats), values.quick ? 1 : 3);
      console.log('first frame → decoded, fake camera 1280×720…');
      const latency = await page.evaluate(([text, cycles]) => (globalThis as unknown as PageGlobal).scanBench.latency(text, cycles), [TEXT, values.quick ? 6 : 12] as const);
      const result = {
        generatedAt: new Date().toISOString(),
        command: `npm run bench:scan${values.quick ? ' -- --quick' : ''}`,
        environment: { browser: `Chromium ${browser.version()}`, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version, flags: '--disable-gpu, fake camera from .y4m' },
        shipped: 'zxing-wasm (ZXing-C++ 3.x, bundled .wasm) in two workers: centred crop every frame (fast options) + full frame (downscale pyramid, then denoise on the crop)',
        decodeTimesMs: decodeTimes,
        readRate: readRates,
        productBarcodes,
        latency,
        durationS: Math.round((Date.now() - t0) / 1000),
      };
      mkdirSync(resolve(values.out, '..'), { recursive: true });
      writeFileSync(values.out, `${JSON.stringify(result, null, 2)}\n`);
      summarize(result);
      console.log(`written: ${values.out}`);
    } finally {
      await browser.close();
      server.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function summarize(r: { decodeTimesMs: Record<string, unknown>; readRate: Record<string, unknown>; latency: Record<string, unknown>; productBarcodes: Record<string, unknown> }): void {
  const dt = r.decodeTimesMs as Record<string, Record<string, { all: { p50: number; p95: number }; read: string }>>;
  for (const [res, decs] of Object.entries(dt)) {
    console.log(`\ndecode time per frame ${res} (ms)              p50     p95   read`);
    for (const [name, d] of Object.entries(decs)) console.log(`  ${name.padEnd(28)} ${String(d.all.p50).padStart(7)} ${String(d.all.p95).padStart(7)}   ${d.read}`);
  }
  const rr = r.readRate as { images: number; rates: Record<string, Record<string, { read: number; misread: number; total: number; rate: number }>> };
  const cats = Object.keys(Object.values(rr.rates)[0] ?? {});
  console.log(`\nread rate, ${rr.images} degraded images`);
  console.log(`  ${'category'.padEnd(14)} ${Object.keys(rr.rates).map((d) => d.padStart(20)).join('')}`);
  for (const c of cats) console.log(`  ${c.padEnd(14)} ${Object.values(rr.rates).map((d) => `${d[c]!.read}/${d[c]!.total}${d[c]!.misread ? ` (${d[c]!.misread} misread)` : ''}`.padStart(20)).join('')}`);
  const pb = r.productBarcodes as Record<string, Record<string, { p50: number; p95: number; read: string }>>;
  for (const [res, vs] of Object.entries(pb)) {
    console.log(`\nEAN-13 read time per frame ${res} (ms)                 p50     p95   read`);
    for (const [name, d] of Object.entries(vs)) console.log(`  ${name.padEnd(40)} ${String(d.p50).padStart(7)} ${String(d.p95).padStart(7)}   ${d.read}`);
  }
  const l = r.latency as { shipped: { p50: number; p95: number; mean: number }; stock: { p50: number; p95: number; mean: number }; ratioMean: number; targetMs: number; meetsTarget: boolean; meets10x: boolean; video: string; measuredFps: number };
  console.log(`\nfirst frame → decoded (${l.video}, ${l.measuredFps} fps): shipped p50 ${l.shipped.p50} / p95 ${l.shipped.p95} / mean ${l.shipped.mean} ms; stock p50 ${l.stock.p50} / p95 ${l.stock.p95} / mean ${l.stock.mean} ms`);
  console.log(`  ratio (mean) ${l.ratioMean}×; target ≤ ${l.targetMs} ms: ${l.meetsTarget ? 'met' : 'NOT met'}; ≥ 10× the stock loop: ${l.meets10x ? 'met' : 'NOT met'}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
