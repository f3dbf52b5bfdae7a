/**
 * Starts the real web shell (core + embedded simulator + renderer build) in a child process on a
 * random loopback port with a fresh data folder, and gives the test its URL with the token.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base } from '@playwright/test';

export interface WebShellProc {
  url: string;
  appUrl: string;
  dataDir: string;
  proc: ChildProcess;
  /** Stops and starts the shell again on the same data folder (same ledger, new port and token); updates this object. */
  restart(): Promise<void>;
}

const ROOT = resolve(__dirname, '../../..');

export async function launchWebShell(dataDir: string): Promise<WebShellProc> {
  const proc = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'electron/core/web-main.ts'), '--data-dir', dataDir, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const info = await new Promise<{ url: string; appUrl: string }>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`web shell did not start in 20 s: ${stderr}`)), 20_000);
    let out = '';
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{"event":"listening"'));
      if (line) {
        clearTimeout(timer);
        ok(JSON.parse(line) as { url: string; appUrl: string });
      }
    });
    proc.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`web shell exited (${code}): ${stderr}`));
    });
  });
  const shell: WebShellProc = {
    ...info,
    dataDir,
    proc,
    restart: async () => {
      await stopWebShell(shell);
      const next = await launchWebShell(dataDir);
      Object.assign(shell, { url: next.url, appUrl: next.appUrl, proc: next.proc });
    },
  };
  return shell;
}

export async function stopWebShell(s: WebShellProc): Promise<void> {
  if (s.proc.exitCode !== null) return;
  await new Promise<void>((ok) => {
    const kill = setTimeout(() => s.proc.kill('SIGKILL'), 5000);
    s.proc.once('exit', () => {
      clearTimeout(kill);
      ok();
    });
    s.proc.kill('SIGTERM');
  });
}

export const test = base.extend<{ shell: WebShellProc }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their dependencies
  shell: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pos-e2e-'));
    const shell = await launchWebShell(dataDir);
    await use(shell);
    await stopWebShell(shell);
    rmSync(dataDir, { recursive: true, force: true });
  },
});
export { expect } from '@playwright/test';
