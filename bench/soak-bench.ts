/**
 * `npm run bench:soak` (issue 15): the checkout left running. Chromium's fake camera plays a looping
 * video of a counter (every frame goes through the camera decode path), while sales run back to back through the keyboard wedge (fresh demo QR each, 승인 완료,
 * new sale). Every SAMPLE seconds, after a forced garbage collection: the page's JS heap, DOM nodes and
 * event listeners (CDP Performance.getMetrics), the renderer process's RSS and the core's RSS
 * (/proc). Growth is measured from the first sample after the warm-up to the end; goal < 10 % for heap
 * and RSS, and no growth in DOM nodes or listeners. Prints the curve.
 *
 *   BENCH_SOAK_SECONDS=600  BENCH_SOAK_SAMPLE=30  BENCH_SOAK_WARMUP=60  BENCH_SOAK_CAMERA=0 (no camera)
 * Results: bench/results/soak.json. A benchmark, never a timed assertion.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueDemoQr } from '../test/e2e/flows';
import { qrVideo, writeY4m } from '../test/fixtures/video/y4m';
import { buildRenderer, launchChromium, load, round, ROOT, startPosApp } from './lib/pos-app';

const SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 600);
const SAMPLE_S = Number(process.env.BENCH_SOAK_SAMPLE ?? 30);
const WARMUP_S = Number(process.env.BENCH_SOAK_WARMUP ?? Math.min(60, SECONDS / 5));

function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? round(Number(m[1]) / 1024, 1) : NaN;
  } catch {
    return NaN;
  }
}

interface Sample {
  t: number;
  sales: number;
  heapMb: number;
  nodes: number;
  listeners: number;
  rendererRssMb: number;
  coreRssMb: number;
}

async function main(): Promise<void> {
  if (!process.env.BENCH_NO_BUILD) buildRenderer();
  const dir = mkdtempSync(join(tmpdir(), 'soak-'));
  const video = join(dir, 'camera.y4m');
  // The camera sees a textured counter with no code: every frame goes through the whole decode path
  // (frame → worker → ZXing wasm, crop and full lanes) and finds nothing. (A decoded non-payment code
  // would show "unknown code" and clear the scan field while the wedge types: see the report.)
  writeY4m(video, qrVideo({ width: 640, height: 480, text: 'unused', background: 'texture', noise: 3 }, { blankFrames: 60, qrFrames: 0 }));
  const camera = process.env.BENCH_SOAK_CAMERA !== '0'; // 0: no camera at all (to tell its share apart)
  const browser = await launchChromium(camera ? ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`] : []);
  const app = await startPosApp(browser);
  const samples: Sample[] = [];
  let sales = 0;
  let engine = '';
  try {
    const ctx = await browser.newContext({ locale: 'ko-KR', timezoneId: 'Asia/Seoul', viewport: { width: 1280, height: 800 } });
    await ctx.grantPermissions(['camera'], { origin: app.shell.url });
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(app.shell.appUrl);
    await page.getByTestId('price-input').waitFor();
    const browserCdp = await browser.newBrowserCDPSession();
    const rendererPid = async (): Promise<number> => {
      const info = (await browserCdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
      const renderers = info.processInfo.filter((p) => p.type === 'renderer');
      return renderers.map((p) => ({ pid: p.id, rss: rssMb(p.id) })).sort((a, b) => b.rss - a.rss)[0]?.pid ?? NaN; // the app's page is the largest renderer
    };
    const t0 = Date.now();
    const sample = async (): Promise<void> => {
      // Always in the same state (a new sale's entry screen, camera scanning): the counts are comparable.
      await page.getByTestId('price-input').waitFor();
      if (camera) {
        await page.locator('[data-testid="camera-panel"][data-state="scanning"]').waitFor({ timeout: 30_000 });
        engine ||= (await page.getByTestId('camera-panel').getAttribute('data-engine')) ?? '';
      }
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
      const m = (n: string) => metrics.find((x) => x.name === n)?.value ?? NaN;
      const s: Sample = { t: Math.round((Date.now() - t0) / 1000), sales, heapMb: round(m('JSHeapUsedSize') / 1048576, 2), nodes: m('Nodes'), listeners: m('JSEventListeners'), rendererRssMb: rssMb(await rendererPid()), coreRssMb: rssMb(app.shell.proc.pid!) };
      samples.push(s);
      console.log(`${String(s.t).padStart(5)} s  sales ${String(s.sales).padStart(5)}  heap ${s.heapMb.toFixed(2).padStart(7)} MB  nodes ${String(s.nodes).padStart(6)}  listeners ${String(s.listeners).padStart(5)}  renderer RSS ${s.rendererRssMb} MB  core RSS ${s.coreRssMb} MB`);
    };
    await sample();
    let nextSample = Date.now() + SAMPLE_S * 1000;
    while (Date.now() - t0 < SECONDS * 1000) {
      const price = page.getByTestId('price-input');
      await price.waitFor();
      await price.focus();
      await page.keyboard.type('4500');
      await page.keyboard.press('Enter');
      const qr = await issueDemoQr(page);
      await page.keyboard.press('F2');
      await page.keyboard.type(qr, { delay: 5 });
      await page.keyboard.press('Enter');
      await page.getByTestId('result').and(page.locator('[data-status="approved"][data-enter-armed="true"]')).waitFor({ timeout: 30_000 });
      sales++;
      await page.keyboard.press('Enter'); // new sale
      if (Date.now() >= nextSample) {
        await sample();
        nextSample = Date.now() + SAMPLE_S * 1000;
      }
    }
    await page.getByTestId('price-input').waitFor();
    await sample();
  } finally {
    await app.close();
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const base = samples.find((s) => s.t >= WARMUP_S) ?? samples[0]!;
  const after = samples.filter((s) => s.t >= base.t);
  const peak = (xs: Sample[], k: 'nodes' | 'listeners') => Math.max(...xs.map((x) => x[k]));
  const last = samples.at(-1)!;
  const pct = (a: number, b: number) => round(((b - a) / a) * 100, 1);
  const growth = {
    heapPct: pct(base.heapMb, last.heapMb),
    rendererRssPct: pct(base.rendererRssMb, last.rendererRssMb),
    coreRssPct: pct(base.coreRssMb, last.coreRssMb),
    // DOM nodes and listeners swing by a few hundred with what the screen shows at that moment (the demo
    // QR's SVG, camera hints), so the highest of the last three samples is compared with the highest of
    // the first three after the warm-up: a leak raises both the floor and the peaks.
    nodes: peak(after.slice(-3), 'nodes') - peak(after.slice(0, 3), 'nodes'),
    listeners: peak(after.slice(-3), 'listeners') - peak(after.slice(0, 3), 'listeners'),
  };
  const met = growth.heapPct < 10 && growth.rendererRssPct < 10 && growth.coreRssPct < 10 && growth.nodes <= 0 && growth.listeners <= 0;
  const result = { env: { date: new Date().toISOString(), seconds: SECONDS, camera, decoderEngine: engine, sampleSeconds: SAMPLE_S, warmupSeconds: WARMUP_S, loadAverage: load() }, sales, growthAfterWarmup: growth, goal: 'heap and RSS growth < 10 % after warm-up, no growth in DOM nodes or listeners', met, samples };
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results/soak.json'), JSON.stringify(result, null, 2) + '\n');
  console.log(`${SECONDS} s, ${sales} sales ${camera ? `with the camera decoding throughout (engine ${engine || '?'})` : 'without a camera'}; growth after ${WARMUP_S} s warm-up: heap ${growth.heapPct} %, renderer RSS ${growth.rendererRssPct} %, core RSS ${growth.coreRssPct} %, DOM nodes ${growth.nodes >= 0 ? '+' : ''}${growth.nodes}, listeners ${growth.listeners >= 0 ? '+' : ''}${growth.listeners} (${met ? 'met' : 'NOT met'}); load average ${result.env.loadAverage.join(' ')}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
