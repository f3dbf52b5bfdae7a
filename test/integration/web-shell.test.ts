/** The web shell: loopback only, per-launch token on every RPC and SSE call, Host/Origin checks. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import { startWebShell, type WebShell } from '../../electron/core/web-shell';

let dir: string;
let core: Core;
let shell: WebShell;

function raw(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const u = new URL(shell.url);
  return new Promise((ok, fail) => {
    const req = request({ host: u.hostname, port: u.port, path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => {
        body += d.toString();
        if (path.startsWith('/events') && body.includes('connected')) req.destroy(); // SSE stays open
      });
      res.on('close', () => ok({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', (e) => (e.message.includes('aborted') || e.message.includes('socket hang up') ? undefined : fail(e)));
    req.setTimeout(5000, () => req.destroy());
    req.end(opts.body);
  });
}
const rpc = (method: string, token: string | null, extra: Record<string, string> = {}) =>
  raw(`/rpc/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra }, body: '{}' });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'webshell-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>pos</title>');
  core = await createCore({ dataDir: join(dir, 'data'), shell: 'web', version: 'test' });
  shell = await startWebShell({ router: core.router, events: core.events, rendererDir });
});
afterAll(async () => {
  await shell.close();
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('web shell security', () => {
  it('listens on 127.0.0.1 with a long random token carried in the URL fragment', () => {
    expect(shell.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(shell.token.length).toBeGreaterThanOrEqual(32);
    expect(shell.appUrl).toBe(`${shell.url}/#token=${shell.token}`);
  });
  it('answers an RPC with the token', async () => {
    const r = await rpc('getSettings', shell.token);
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { language: 'ko', backend: { mode: 'embedded' } } });
  });
  it('refuses an RPC without or with a wrong token', async () => {
    expect((await rpc('getSettings', null)).status).toBe(401);
    // Change the last char for sure (a random token ends in 'x' once in 64 launches: the old `…x` was then the real token).
    const wrong = `${shell.token.slice(0, -1)}${shell.token.endsWith('x') ? 'y' : 'x'}`;
    expect((await rpc('getSettings', wrong)).status).toBe(401);
  });
  it('refuses the event stream without the token and serves it with it', async () => {
    expect((await raw('/events')).status).toBe(401);
    const ok = await raw(`/events?token=${shell.token}`);
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toContain('text/event-stream');
  });
  it('refuses a foreign Host (DNS rebinding) and a foreign Origin, even with the token', async () => {
    expect((await rpc('getSettings', shell.token, { host: 'evil.example:80' })).status).toBe(403);
    expect((await rpc('getSettings', shell.token, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await rpc('getSettings', shell.token, { origin: shell.url })).status).toBe(200);
  });
  it('serves the renderer with a strict CSP', async () => {
    const r = await raw('/');
    expect(r.status).toBe(200);
    expect(String(r.headers['content-security-policy'])).toContain("script-src 'self'");
  });
  it('RPC answers carry Cache-Control: no-store (ledger data is never cached)', async () => {
    expect((await rpc('getSettings', shell.token)).headers['cache-control']).toBe('no-store');
    expect((await rpc('getSettings', null)).headers['cache-control']).toBe('no-store');
  });
  it('an unknown method is a typed error, not a crash', async () => {
    const r = await rpc('nope', shell.token);
    expect(JSON.parse(r.body)).toEqual({ ok: false, error: { code: 'UNKNOWN_METHOD', detail: 'nope' } });
  });
});
