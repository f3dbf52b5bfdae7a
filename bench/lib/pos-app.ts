/**
 * What the browser benchmarks share (bench:renderer, bench:checkout-ui, bench:soak): a fresh web shell
 * (core + embedded simulator, its own data folder) serving the production renderer build, Debian
 * Chromium through Playwright, and a registered demo store.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright';
import { openDrawerSession, rpc, STORE } from '../../test/e2e/flows';
import { launchWebShell, stopWebShell, type WebShellProc } from '../../test/e2e/web/web-shell.fixture';

export const ROOT = resolve(__dirname, '../..');
const CHROMIUM = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Builds the renderer exactly as `npm run build:web` does (out/renderer). */
export function buildRenderer(): void {
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.web.config.mts', '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit' });
}

export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    ...(existsSync(CHROMIUM) ? { executablePath: CHROMIUM } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync', ...extraArgs],
  });
}

export interface PosApp {
  shell: WebShellProc;
  close(): Promise<void>;
}

/** A web shell on a fresh data folder with the demo store registered (through the contract, as the UI does). */
export async function startPosApp(browser: Browser): Promise<PosApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pos-bench-'));
  const shell = await launchWebShell(dataDir);
  const ctx = await browser.newContext({ locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
  const page = await ctx.newPage();
  await page.goto(shell.appUrl);
  await page.getByTestId('biz-no').waitFor();
  await rpc(page, 'registerStore', STORE);
  await openDrawerSession(page);
  await ctx.close();
  return {
    shell,
    close: async () => {
      await stopWebShell(shell);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function openCheckout(browser: Browser, app: PosApp, viewport = { width: 1280, height: 800 }): Promise<Page> {
  const ctx = await browser.newContext({ locale: 'ko-KR', timezoneId: 'Asia/Seoul', viewport });
  const page = await ctx.newPage();
  await page.goto(app.shell.appUrl);
  await page.getByTestId('price-input').waitFor();
  return page;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

export function load(): number[] {
  return loadavg().map((l) => round(l, 2));
}
