/**
 * The dashboard's login: one password, set at first start (only from loopback), hashed with bcryptjs
 * (cost 12); a login gives a random session token (stored hashed, 12 h) sent as a Bearer header, or
 * as ?token= on the SSE stream (EventSource cannot send headers).
 */
import { randomBytes } from 'node:crypto';
import bcrypt from 'bcryptjs';
import type { Pool } from 'pg';
import { sha256 } from './enrollment';

export const MIN_PASSWORD = 8;
const SESSION_MS = 12 * 3600_000;

export async function needsSetup(pool: Pool): Promise<boolean> {
  const r = await pool.query('SELECT 1 FROM admin WHERE id = 1');
  return r.rowCount === 0;
}

export async function setPassword(pool: Pool, password: string): Promise<boolean> {
  const hash = await bcrypt.hash(password, 12);
  const r = await pool.query('INSERT INTO admin (id, password_hash) VALUES (1, $1) ON CONFLICT (id) DO NOTHING', [hash]);
  return r.rowCount === 1;
}

export async function login(pool: Pool, password: string): Promise<string | null> {
  const r = await pool.query<{ password_hash: string }>('SELECT password_hash FROM admin WHERE id = 1');
  if (!r.rows[0] || !(await bcrypt.compare(password, r.rows[0].password_hash))) return null;
  const token = randomBytes(32).toString('base64url');
  await pool.query('INSERT INTO admin_sessions (token_hash, expires_at) VALUES ($1, $2)', [sha256(token), new Date(Date.now() + SESSION_MS)]);
  return token;
}

export async function validSession(pool: Pool, token: string | undefined): Promise<boolean> {
  if (!token) return false;
  const r = await pool.query('SELECT 1 FROM admin_sessions WHERE token_hash = $1 AND expires_at > now()', [sha256(token)]);
  return r.rowCount === 1;
}
