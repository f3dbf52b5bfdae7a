/**
 * The head office's HTTP API (Fastify): terminal endpoints (enroll, ingest, state, own events for a
 * rebuild, changes flowing down) authenticated by the terminal's key, and the dashboard's endpoints
 * authenticated by the admin session; the dashboard page itself (headoffice/dashboard, built) and its
 * live stream (SSE). Every body is parsed with its zod schema; refusals carry a code and a message.
 */
import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Pool } from 'pg';
import { z } from 'zod';
import { downChangeSchema, enrollRequestSchema, ingestRequestSchema, type DownChange, type SyncEvent } from '../../shared/sync-events';
import { login, MIN_PASSWORD, needsSetup, setPassword, validSession } from './admin-auth';
import { createEnrollmentCode, createStore, enroll, EnrollError, terminalForKey } from './enrollment';
import { ingest, Refused } from './ingest';
import { overview, productReport, recentSales, salesReport } from './reports';

export interface HeadOfficeOptions {
  pool: Pool;
  /** Built dashboard (vite) folder; served at / when present. */
  dashboardDir?: string;
  logger?: boolean;
}

type Live = (event: { type: 'ingest'; terminalId: string; storeId: string; ackedSeq: number; inserted: number }) => void;

const isLoopback = (ip: string) => ip === '127.0.0.1' || ip === '::1' || ip === '::ffff:127.0.0.1';
const dayRe = /^\d{4}-\d{2}-\d{2}$/;

export async function buildHeadOffice(o: HeadOfficeOptions): Promise<FastifyInstance> {
  const { pool } = o;
  const app = Fastify({ logger: o.logger ?? false, bodyLimit: 16 * 1024 * 1024 });
  const listeners = new Set<Live>();
  const publish: Live = (e) => {
    for (const l of listeners) l(e);
  };

  const bad = (reply: FastifyReply, status: number, error: string, message: string) => reply.code(status).send({ error, message });
  const bearer = (req: FastifyRequest) => /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  const terminalAuth = async (req: FastifyRequest, reply: FastifyReply) => {
    const key = bearer(req);
    const t = key ? await terminalForKey(pool, key) : null;
    if (!t) {
      void bad(reply, 401, 'UNAUTHORIZED', 'unknown terminal key: enroll the terminal (설정 → 본사 연결)');
      return null;
    }
    return t;
  };
  const adminAuth = async (req: FastifyRequest, reply: FastifyReply) => {
    const token = bearer(req) ?? (req.query as { token?: string }).token;
    if (await validSession(pool, token)) return true;
    void bad(reply, 401, 'LOGIN_REQUIRED', 'log in to the dashboard');
    return false;
  };

  // ── terminals ──
  app.post('/api/enroll', async (req, reply) => {
    const p = enrollRequestSchema.safeParse(req.body);
    if (!p.success) return bad(reply, 400, 'BAD_REQUEST', p.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    try {
      return await enroll(pool, p.data);
    } catch (e) {
      if (e instanceof EnrollError) return bad(reply, e.code === 'ENROLL_CODE_USED' ? 409 : 403, e.code, e.message);
      throw e;
    }
  });
  app.post('/api/ingest', async (req, reply) => {
    const t = await terminalAuth(req, reply);
    if (!t) return reply;
    const p = ingestRequestSchema.safeParse(req.body);
    if (!p.success) return bad(reply, 400, 'BAD_REQUEST', p.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    try {
      const r = await ingest(pool, t.id, p.data);
      if (p.data.heldSeq !== undefined) await pool.query('UPDATE terminals SET reported_seq = $2 WHERE id = $1', [t.id, p.data.heldSeq]);
      if (r.inserted > 0) publish({ type: 'ingest', terminalId: t.id, storeId: r.storeId, ackedSeq: r.ackedSeq, inserted: r.inserted });
      return { ackedSeq: r.ackedSeq, inserted: r.inserted };
    } catch (e) {
      if (e instanceof Refused) return bad(reply, e.reason === 'WRONG_TERMINAL' ? 403 : e.reason === 'UNAUTHORIZED' ? 401 : 422, e.reason, e.message);
      throw e;
    }
  });
  app.get('/api/terminal/state', async (req, reply) => {
    const t = await terminalAuth(req, reply);
    if (!t) return reply;
    const r = await pool.query<{ acked_seq: string }>('SELECT acked_seq FROM terminals WHERE id = $1', [t.id]);
    return { terminalId: t.id, storeId: t.storeId, ackedSeq: Number(r.rows[0]!.acked_seq) };
  });
  app.get('/api/terminal/events', async (req, reply) => {
    const t = await terminalAuth(req, reply);
    if (!t) return reply;
    const q = z.object({ after: z.coerce.number().int().nonnegative().default(0), limit: z.coerce.number().int().min(1).max(5000).default(1000) }).safeParse(req.query);
    if (!q.success) return bad(reply, 400, 'BAD_REQUEST', 'after, limit: integers');
    const r = await pool.query<{ id: string; seq: string; type: string; payload: unknown; created_at: Date }>(
      'SELECT id, seq, type, payload, created_at FROM events WHERE terminal_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
      [t.id, q.data.after, q.data.limit],
    );
    const events: SyncEvent[] = r.rows.map((x) => ({ id: x.id, terminalId: t.id, seq: Number(x.seq), type: x.type, payload: x.payload, createdAt: x.created_at.toISOString() }));
    return { events };
  });
  app.get('/api/terminal/changes', async (req, reply) => {
    const t = await terminalAuth(req, reply);
    if (!t) return reply;
    const since = Number((req.query as { since?: string }).since ?? 0) || 0;
    const r = await pool.query<{ version: string; kind: string; data: unknown }>('SELECT version, kind, data FROM down_changes WHERE store_id = $1 AND version > $2 ORDER BY version LIMIT 500', [t.storeId, since]);
    const changes: DownChange[] = r.rows.map((x) => downChangeSchema.parse({ version: Number(x.version), kind: x.kind, data: x.data }));
    return { changes };
  });

  // ── dashboard ──
  app.get('/api/admin/status', async () => ({ needsSetup: await needsSetup(pool) }));
  app.post('/api/admin/setup', async (req, reply) => {
    if (!isLoopback(req.ip)) return bad(reply, 403, 'SETUP_LOOPBACK_ONLY', 'the first password can be set only on this computer (127.0.0.1)');
    const p = z.object({ password: z.string().min(MIN_PASSWORD).max(200) }).strict().safeParse(req.body);
    if (!p.success) return bad(reply, 400, 'PASSWORD_TOO_SHORT', `at least ${MIN_PASSWORD} characters`);
    if (!(await setPassword(pool, p.data.password))) return bad(reply, 409, 'ALREADY_SET', 'the password is already set');
    return { token: await login(pool, p.data.password) };
  });
  app.post('/api/admin/login', async (req, reply) => {
    const p = z.object({ password: z.string().max(200) }).strict().safeParse(req.body);
    const token = p.success ? await login(pool, p.data.password) : null;
    if (!token) return bad(reply, 401, 'WRONG_PASSWORD', 'wrong password');
    return { token };
  });
  app.get('/api/admin/overview', async (req, reply) => ((await adminAuth(req, reply)) ? overview(pool) : reply));
  app.post('/api/admin/stores', async (req, reply) => {
    if (!(await adminAuth(req, reply))) return reply;
    const p = z.object({ name: z.string().trim().min(1).max(100) }).strict().safeParse(req.body);
    if (!p.success) return bad(reply, 400, 'BAD_REQUEST', 'name: 1–100 characters');
    return createStore(pool, p.data.name);
  });
  app.post('/api/admin/stores/:id/codes', async (req, reply) => {
    if (!(await adminAuth(req, reply))) return reply;
    const id = (req.params as { id: string }).id;
    const s = await pool.query('SELECT 1 FROM stores WHERE id = $1', [id]);
    if (s.rowCount !== 1) return bad(reply, 404, 'NOT_FOUND', `store ${id}`);
    return createEnrollmentCode(pool, id);
  });
  app.put('/api/admin/stores/:id/profile', async (req, reply) => {
    if (!(await adminAuth(req, reply))) return reply;
    const id = (req.params as { id: string }).id;
    const p = downChangeSchema.shape.data.safeParse(req.body);
    if (!p.success) return bad(reply, 400, 'BAD_REQUEST', p.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      const u = await c.query('UPDATE stores SET name = $2, representative = $3, phone = $4, address1 = $5, address2 = $6 WHERE id = $1', [id, p.data.name, p.data.representative, p.data.phone, p.data.address1, p.data.address2]);
      if (u.rowCount !== 1) {
        await c.query('ROLLBACK');
        return bad(reply, 404, 'NOT_FOUND', `store ${id}`);
      }
      const v = await c.query<{ version: string }>("INSERT INTO down_changes (store_id, kind, data) VALUES ($1, 'store.profile', $2) RETURNING version", [id, JSON.stringify(p.data)]);
      await c.query('COMMIT');
      return { version: Number(v.rows[0]!.version) };
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
  });
  app.get('/api/admin/report', async (req, reply) => {
    if (!(await adminAuth(req, reply))) return reply;
    const q = z.object({ from: z.string().regex(dayRe), to: z.string().regex(dayRe), store: z.string().max(40).optional() }).safeParse(req.query);
    if (!q.success || q.data.from > q.data.to) return bad(reply, 400, 'BAD_REQUEST', 'from, to: YYYY-MM-DD, from ≤ to');
    const [sales, products, recent] = await Promise.all([salesReport(pool, q.data.from, q.data.to, q.data.store), productReport(pool, q.data.from, q.data.to), recentSales(pool)]);
    return { ...sales, products, recent };
  });
  app.get('/api/admin/stream', async (req, reply) => {
    if (!(await adminAuth(req, reply))) return reply;
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    const l: Live = (e) => res.write(`event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`);
    listeners.add(l);
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    req.raw.on('close', () => {
      clearInterval(ping);
      listeners.delete(l);
    });
  });

  if (o.dashboardDir && existsSync(o.dashboardDir)) await app.register(fastifyStatic, { root: o.dashboardDir });
  return app;
}
