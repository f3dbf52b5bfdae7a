/**
 * The web shell's life cycle (issue 10): it stops cleanly on SIGTERM / Ctrl-C with event-stream
 * clients connected (closing the ledger), holds a single-instance lock on its data folder (a second
 * start names the process that holds it), and stops the embedded simulator once the backend is remote.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { DataDirLockedError, LOCK_FILE, lockDataDir } from '../../electron/core/data-dir-lock';
import { startWebShell } from '../../electron/core/web-shell';

const ROOT = resolve(__dirname, '../..');
let dir: string;
let renderer: string;
const children: ChildProcess[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'webshell-life-'));
  renderer = join(dir, 'renderer');
  mkdirSync(renderer);
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>pos</title>');
});
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

interface Started {
  proc: ChildProcess;
  out: () => string;
  err: () => string;
  exited: Promise<number | null>;
}
function startWebMain(dataDir: string): Started {
  const proc = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'electron/core/web-main.ts'), '--data-dir', dataDir, '--port', '0', '--renderer-dir', renderer], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(proc);
  let out = '';
  let err = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
  return { proc, out: () => out, err: () => err, exited };
}
async function listening(s: Started): Promise<{ url: string; appUrl: string }> {
  const end = Date.now() + 30_000;
  while (Date.now() < end) {
    const line = s.out().split('\n').find((l) => l.includes('"listening"'));
    if (line) return JSON.parse(line) as { url: string; appUrl: string };
    if (s.proc.exitCode !== null) throw new Error(`exited: ${s.err()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`not listening: ${s.err()}`);
}
/** Opens the event stream and resolves once it is connected; the connection stays open. */
function openEvents(url: string, token: string): Promise<{ closed: Promise<void> }> {
  const u = new URL(url);
  return new Promise((ok, fail) => {
    const req = request({ host: u.hostname, port: u.port, path: `/events?token=${encodeURIComponent(token)}` }, (res) => {
      const closed = new Promise<void>((r) => res.on('close', () => r()));
      res.on('data', () => ok({ closed }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('web shell life cycle', () => {
  it('SIGTERM with an event-stream client connected: stops at once, closes the ledger, frees the lock', async () => {
    const data = join(dir, 'data');
    const s = startWebMain(data);
    const { url, appUrl } = await listening(s);
    const token = decodeURIComponent(appUrl.split('#token=')[1]!);
    const sse = await openEvents(url, token);
    const holder = Number(readFileSync(join(data, LOCK_FILE), 'utf8').trim()); // the node process under tsx
    expect(() => process.kill(holder, 0)).not.toThrow();
    s.proc.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    await sse.closed;
    expect(s.out()).toContain('"stopped"');
    expect(existsSync(join(data, LOCK_FILE))).toBe(false);
    // The ledger was closed cleanly: its write-ahead log is checkpointed away.
    expect(existsSync(join(data, 'ledger.sqlite-wal')) && readFileSync(join(data, 'ledger.sqlite-wal')).length > 0).toBe(false);
  }, 60_000);

  it('a second start on the same data folder is refused and names the process holding it', async () => {
    const data = join(dir, 'data');
    const first = startWebMain(data);
    await listening(first);
    const holder = Number(readFileSync(join(data, LOCK_FILE), 'utf8').trim());
    const second = startWebMain(data);
    expect(await second.exited).toBe(1);
    expect(second.err()).toContain(`in use by another QR POS process (pid ${holder})`);
    first.proc.kill('SIGINT');
    expect(await first.exited).toBe(0);
  }, 60_000);

  it('the lock: refused while its process lives, taken over when that process is gone', () => {
    const data = join(dir, 'lockdir');
    const a = lockDataDir(data);
    expect(() => lockDataDir(data, process.pid + 1)).toThrow(DataDirLockedError);
    a.release();
    writeFileSync(join(data, LOCK_FILE), '999999999\n'); // a crashed holder
    const b = lockDataDir(data);
    expect(readFileSync(join(data, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
    b.release();
  });

  it('close() returns with event-stream clients still connected', async () => {
    const core = await createCore({ dataDir: join(dir, 'core'), shell: 'web', version: 'test' });
    const shell = await startWebShell({ router: core.router, events: core.events, rendererDir: renderer });
    const sse = await openEvents(shell.url, shell.token);
    await shell.close();
    await sse.closed;
    await core.close();
  });

  it('switching the backend to remote stops the embedded simulator', async () => {
    const core = await createCore({ dataDir: join(dir, 'core2'), shell: 'web', version: 'test' });
    try {
      const info = (await core.router.call('getAppInfo', {})) as { ok: true; value: { backend: { url: string } } };
      const simUrl = info.value.backend.url;
      expect((await fetch(`${simUrl}/health`)).status).toBe(200);
      const r = (await core.router.call('updateSettings', { backend: { mode: 'remote', url: 'http://127.0.0.1:9', dialect: 'oneqpay' } })) as { ok: boolean };
      expect(r.ok).toBe(true);
      await expect(fetch(`${simUrl}/health`)).rejects.toThrow();
    } finally {
      await core.close();
    }
  });
});
