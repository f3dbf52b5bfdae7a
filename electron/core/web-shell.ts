/**
 * The web shell: serves the renderer and the same router over loopback HTTP, so the app runs in any
 * Chromium (end-to-end tests, machines without the Electron runtime).
 * - bound to 127.0.0.1 only; every RPC and SSE call needs the per-launch token or its session cookie (web-auth.ts)
 * - Host and Origin must be this server's own loopback address (DNS-rebinding safe)
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { cacheControlFor } from './asset-cache';
import { CSP } from './csp';
import type { EventBus } from './events';
import type { Router } from './router';
import { createWebAuth } from './web-auth';

export interface WebShellOptions {
  router: Router;
  events: EventBus;
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface WebShell {
  url: string;
  /** The URL to open: carries the token in the fragment (never sent to the server in requests). */
  appUrl: string;
  token: string;
  close(): Promise<void>;
}

export async function startWebShell(opts: WebShellOptions): Promise<WebShell> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 });
  let allowedHosts: string[] = [];

  app.addHook('onRequest', async (req, reply) => {
    if (!allowedHosts.includes(req.headers.host ?? '')) return reply.code(403).send({ ok: false, error: { code: 'FORBIDDEN', detail: 'host not allowed' } });
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.some((h) => origin === `http://${h}`)) return reply.code(403).send({ ok: false, error: { code: 'FORBIDDEN', detail: 'origin not allowed' } });
    reply.header('x-content-type-options', 'nosniff').header('referrer-policy', 'no-referrer').header('content-security-policy', CSP).header('cross-origin-opener-policy', 'same-origin');
  });

  const auth = createWebAuth(token);
  auth.register(app);
  const authorized = (req: FastifyRequest, reply: FastifyReply, given?: string): boolean => {
    if (auth.allowed(req, given)) return true;
    void reply.code(401).send({ ok: false, error: { code: 'WEB_ACCESS_MISSING', detail: 'open the URL printed by npm run start:web' } });
    return false;
  };

  app.post<{ Params: { method: string } }>('/rpc/:method', async (req, reply) => {
    reply.header('cache-control', 'no-store'); // answers carry ledger data: never kept by a cache
    if (!authorized(req, reply)) return reply;
    return opts.router.call(req.params.method, req.body ?? {});
  });

  /** Open SSE streams: ended on close, or app.close() would wait for them forever. */
  const streams = new Set<import('node:http').ServerResponse>();
  app.get<{ Querystring: { token?: string } }>('/events', (req, reply) => {
    if (!authorized(req, reply, req.query.token)) return reply;
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-content-type-options': 'nosniff' });
    res.write(': connected\n\n');
    const unsubscribe = opts.events.subscribe((ev) => res.write(`data: ${JSON.stringify(ev)}\n\n`));
    const heartbeat = setInterval(() => res.write(': ping\n\n'), 15_000);
    streams.add(res);
    req.raw.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(res);
    });
  });

  if (!existsSync(opts.rendererDir)) throw new Error(`renderer build not found at ${opts.rendererDir}: run npm run build:web`);
  await app.register(fastifyStatic, {
    root: opts.rendererDir,
    index: 'index.html',
    cacheControl: false,
    setHeaders: (reply, path) => void reply.header('cache-control', cacheControlFor(path)),
  });

  await app.listen({ host: '127.0.0.1', port: opts.port ?? 0 });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    appUrl: `${url}/#token=${token}`,
    token,
    close: async () => {
      const closing = app.close();
      for (const res of streams) res.end(); // SSE clients reconnect elsewhere; the server can stop
      await closing;
    },
  };
}
