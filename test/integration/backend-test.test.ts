/**
 * 연결 테스트 through the core's router: the embedded simulator, a second simulator as a remote backend,
 * a remote that is down, one that answers garbage and one that never answers — with the same gateway
 * ping() the payments use, without saving anything; inputs checked by the contract.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppInfo, BackendTestResult, MethodName, RpcResult, Settings } from '../../shared/contract';
import { Backend } from '../../electron/core/backend';
import { testBackend } from '../../electron/core/backend-test';
import { createCore, type Core } from '../../electron/core/core';
import { DEFAULT_SETTINGS } from '../../shared/contract';
import { startSimulator, type Simulator } from '../../electron/simulator/server';

let dir: string;
let core: Core;
const servers: Server[] = [];
const sims: Simulator[] = [];

async function call<T>(method: MethodName, input: unknown = {}): Promise<RpcResult<T>> {
  return (await core.router.call(method, input)) as RpcResult<T>;
}
async function ok<T>(method: MethodName, input: unknown = {}): Promise<T> {
  const r = await call<T>(method, input);
  if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.detail ?? ''}`);
  return r.value;
}
function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const s = createServer(handler);
  servers.push(s);
  return new Promise((r) => s.listen(0, '127.0.0.1', () => r(`http://127.0.0.1:${(s.address() as AddressInfo).port}`)));
}
/** A loopback port nobody listens on. */
async function closedPort(): Promise<string> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return `http://127.0.0.1:${port}`;
}
const remote = (url: string, dialect: 'oneqpay' | 'kakaopay' = 'oneqpay') => ({ backend: { mode: 'remote', url, dialect } });

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'core-bt-'));
  core = await createCore({ dataDir: dir, shell: 'web', version: 'test' });
});
afterEach(async () => {
  await core.close();
  for (const s of sims.splice(0)) await s.close();
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    s.close();
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('testBackend', () => {
  it('the saved embedded simulator: ok with a latency, at the URL the app uses', async () => {
    const r = await ok<BackendTestResult>('testBackend');
    const info = await ok<AppInfo>('getAppInfo');
    expect(r).toMatchObject({ ok: true, code: null, detail: null, mode: 'embedded', dialect: 'oneqpay', url: info.backend.url });
    expect(r.latencyMs).toBeGreaterThanOrEqual(0);
    expect(r.latencyMs).toBeLessThan(5000);
    expect(Date.parse(r.testedAt)).not.toBeNaN();
  });

  it('an unsaved remote simulator, in both dialects: ok, and the saved settings stay as they were', async () => {
    const sim = await startSimulator({ dbFile: join(dir, 'second.sqlite'), port: 0 });
    sims.push(sim);
    for (const dialect of ['oneqpay', 'kakaopay'] as const) {
      const r = await ok<BackendTestResult>('testBackend', remote(`${sim.url}/`, dialect));
      expect(r).toMatchObject({ ok: true, mode: 'remote', dialect, url: sim.url, code: null });
      expect(r.latencyMs).toBeGreaterThanOrEqual(0);
    }
    expect((await ok<Settings>('getSettings')).backend).toEqual({ mode: 'embedded', dialect: 'oneqpay' });
    // Saved, the same test without input tries it.
    await ok('updateSettings', remote(sim.url));
    expect(await ok<BackendTestResult>('testBackend')).toMatchObject({ ok: true, mode: 'remote', url: sim.url });
  });

  it('a remote that is down: BACKEND_UNREACHABLE, no latency', async () => {
    const url = await closedPort();
    const r = await ok<BackendTestResult>('testBackend', remote(url));
    expect(r).toMatchObject({ ok: false, latencyMs: null, code: 'BACKEND_UNREACHABLE', mode: 'remote', url });
    expect(r.detail).toMatch(/ECONNREFUSED/);
  });

  it('a remote that answers garbage: BACKEND_BAD_RESPONSE (200 not JSON, JSON of the wrong shape); an error page: rejected', async () => {
    const html = await listen((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>router login</html>'));
    expect(await ok<BackendTestResult>('testBackend', remote(html))).toMatchObject({ ok: false, latencyMs: null, code: 'BACKEND_BAD_RESPONSE' });
    const json = await listen((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"up"}'));
    expect(await ok<BackendTestResult>('testBackend', remote(json))).toMatchObject({ ok: false, code: 'BACKEND_BAD_RESPONSE' });
    const missing = await listen((_req, res) => res.writeHead(404).end('not here'));
    expect(await ok<BackendTestResult>('testBackend', remote(missing))).toMatchObject({ ok: false, code: 'BACKEND_REJECTED' });
    const broken = await listen((_req, res) => res.writeHead(503).end());
    expect(await ok<BackendTestResult>('testBackend', remote(broken))).toMatchObject({ ok: false, code: 'BACKEND_UNKNOWN' });
  });

  it('a remote that never answers: gives up after the test timeout, not the payment timeout', async () => {
    const hang = await listen(() => undefined);
    const backend = new Backend(dir, () => DEFAULT_SETTINGS);
    const t0 = Date.now();
    const r = await testBackend(backend, { mode: 'remote', url: hang, dialect: 'oneqpay' }, 300);
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(r).toMatchObject({ ok: false, latencyMs: null, code: 'BACKEND_UNKNOWN' });
    expect(r.detail).toMatch(/timed out/);
  });

  it('input is checked by the contract', async () => {
    for (const bad of [remote('ftp://127.0.0.1/'), remote('not a url'), { backend: { mode: 'remote' } }, { backend: { mode: 'cloud' } }, { url: 'http://127.0.0.1' }]) {
      const r = await call('testBackend', bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('VALIDATION_FAILED');
    }
  });
});
