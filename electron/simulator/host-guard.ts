/**
 * Host and Origin checks for the simulator's admin (/sim/…) and the wallet JSON API (/wallet/api/…),
 * as the web shell does (DNS rebinding, cross-site requests from a browser page):
 * - Host must name this server by an IP literal or `localhost`, with its own port (a LAN phone uses
 *   the LAN address; a rebinding attack arrives with its own domain name and is refused);
 * - Origin, when a browser sends one, must be this same host over http.
 * Payment routes are untouched (servers call them, not browsers).
 */
import { isIP } from 'node:net';
import type { FastifyRequest } from 'fastify';
import { SimError } from './sim-errors';

export const GUARDED = (url: string) => url.startsWith('/sim/') || url === '/sim' || url.startsWith('/wallet/api/') || url === '/wallet/api';

function hostOk(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const m = /^(\[[0-9A-Fa-f:.]+\]|[^:]+)(?::(\d{1,5}))?$/.exec(host);
  if (!m) return false;
  const name = m[1]!.startsWith('[') ? m[1]!.slice(1, -1) : m[1]!;
  if (name.toLowerCase() !== 'localhost' && isIP(name) === 0) return false;
  return Number(m[2] ?? 80) === port;
}

export function checkHostAndOrigin(req: FastifyRequest, port: number): void {
  const host = req.headers.host;
  if (!hostOk(host, port)) throw new SimError(403, 'FORBIDDEN', 'host not allowed');
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${host}`) throw new SimError(403, 'FORBIDDEN', 'origin not allowed');
}
