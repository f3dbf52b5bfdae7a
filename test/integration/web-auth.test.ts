/** The web shell's session cookie: traded once for the launch token, then enough for RPC and events. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import { readCookie, sessionCookieName } from '../../electron/core/web-auth';
import { startWebShell, type WebShell } from '../../electron/core/web-shell';

let dir: string;
let core: Core;
let shell: WebShell;

function raw(path: string, opts: { method?: string; headers?: Record<string, string> } = {}): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  const u = new URL(shell.url);
  return new Promise((ok, fail) => {
    const req = request({ host: u.hostname, port: u.port, path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => {
        body += d.toString();
        if (path.startsWith('/events') && body.includes('connected')) req.destroy();
      });
      res.on('close', () => ok({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', (e) => (e.message.includes('aborted') || e.message.includes('socket hang up') ? undefined : fail(e)));
    req.setTimeout(5000, () => req.destroy());
    req.end(opts.method === 'POST' ? '{}' : undefined);
  });
}
const post = (path: string, headers: Record<string, string>) => raw(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'webauth-'));
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

describe('web shell session cookie', () => {
  const port = () => new URL(shell.url).port;
  it('is named per port and read from a Cookie header', () => {
    expect(sessionCookieName('127.0.0.1:4321')).toBe('pos_session_4321');
    expect(readCookie('a=1; pos_session_4321=xyz; b=2', 'pos_session_4321')).toBe('xyz');
    expect(readCookie('pos_session_43210=xyz', 'pos_session_4321')).toBeUndefined();
  });

  it('is given only for the launch token, HttpOnly and SameSite=Strict', async () => {
    expect((await post('/session', {})).status).toBe(401);
    expect((await post('/session', { authorization: 'Bearer nope' })).status).toBe(401);
    const r = await post('/session', { authorization: `Bearer ${shell.token}` });
    expect(r.status).toBe(204);
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toMatch(new RegExp(`^pos_session_${port()}=[A-Za-z0-9_-]{40,};`));
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain(shell.token); // the cookie is not the token
  });

  it('lets RPC and the event stream in with the cookie alone; a wrong cookie or another port’s name is refused', async () => {
    const r = await post('/session', { authorization: `Bearer ${shell.token}` });
    const pair = String(r.headers['set-cookie']).split(';')[0]!;
    const ok = await post('/rpc/getSettings', { cookie: pair });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true });
    expect((await raw('/events', { headers: { cookie: pair } })).status).toBe(200);

    const value = pair.split('=')[1]!;
    const denied = await post('/rpc/getSettings', { cookie: `${pair.split('=')[0]}=${value.slice(0, -1)}${value.endsWith('A') ? 'B' : 'A'}` });
    expect(denied.status).toBe(401);
    expect(JSON.parse(denied.body)).toMatchObject({ ok: false, error: { code: 'WEB_ACCESS_MISSING' } });
    expect((await post('/rpc/getSettings', { cookie: `pos_session_1=${value}` })).status).toBe(401);
  });

  it('keeps the Origin check with a valid cookie', async () => {
    const r = await post('/session', { authorization: `Bearer ${shell.token}` });
    const pair = String(r.headers['set-cookie']).split(';')[0]!;
    expect((await post('/rpc/getSettings', { cookie: pair, origin: 'http://evil.example' })).status).toBe(403);
  });
});
