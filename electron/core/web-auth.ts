/**
 * Who may use the web shell: only this machine's browser that was given the launch URL.
 * - The launch URL carries the per-launch token (`/#token=…`, a fragment: never sent in requests).
 * - The renderer trades it once for a session cookie (POST /session with `Authorization: Bearer`):
 *   HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it), Path=/, scoped by
 *   name to this port (cookies ignore ports). So a reload, a new tab or a bookmark keeps working for as
 *   long as this launch runs; a new launch has a new token and a new session secret.
 * - Host and Origin checks stay in the web shell (DNS rebinding, other origins).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';

export const SESSION_PATH = '/session';
/** A week: the session dies with the launch anyway (the secret is per launch). */
const MAX_AGE_S = 7 * 24 * 3600;

function same(given: string | undefined, secret: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `pos_session_<port>`: two shells on one machine (different ports) never read each other's cookie. */
export function sessionCookieName(host: string | undefined): string {
  const port = /:(\d+)$/.exec(host ?? '')?.[1] ?? '0';
  return `pos_session_${port}`;
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

const bearerOf = (req: FastifyRequest): string | undefined => /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];

export interface WebAuth {
  /** The launch token (Bearer header or `given`, e.g. a query parameter) or this launch's session cookie. */
  allowed(req: FastifyRequest, given?: string): boolean;
  /** POST /session: a valid Bearer token gets the session cookie (204); anything else 401. */
  register(app: FastifyInstance): void;
}

export function createWebAuth(token: string): WebAuth {
  const session = randomBytes(32).toString('base64url');
  const allowed = (req: FastifyRequest, given?: string): boolean =>
    same(bearerOf(req), token) || same(given, token) || same(readCookie(req.headers.cookie, sessionCookieName(req.headers.host)), session);
  return {
    allowed,
    register(app) {
      app.post(SESSION_PATH, async (req, reply) => {
        if (!same(bearerOf(req), token)) return reply.code(401).send({ ok: false, error: { code: 'WEB_ACCESS_MISSING', detail: 'token required' } });
        reply.header('set-cookie', `${sessionCookieName(req.headers.host)}=${session}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${MAX_AGE_S}`);
        reply.header('cache-control', 'no-store');
        return reply.code(204).send();
      });
    },
  };
}
