/**
 * Stores, one-time enrollment codes and per-terminal keys. A code is shown once in the dashboard,
 * stored only as its SHA-256, expires after a day and is used at most once; the terminal gets a
 * random key of its own (stored hashed), never the merchant's payment keys.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { Pool } from 'pg';
import type { EnrollResponse } from '../../shared/sync-events';

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const CODE_TTL_MS = 24 * 3600_000;

export class EnrollError extends Error {
  constructor(
    readonly code: 'ENROLL_CODE_INVALID' | 'ENROLL_CODE_USED' | 'ENROLL_CODE_EXPIRED' | 'ENROLL_OTHER_STORE',
    message: string,
  ) {
    super(message);
  }
}

export async function createStore(pool: Pool, name: string): Promise<{ id: string; name: string }> {
  const id = `S${randomBytes(4).toString('hex').toUpperCase()}`;
  await pool.query('INSERT INTO stores (id, name) VALUES ($1, $2)', [id, name]);
  return { id, name };
}

export async function createEnrollmentCode(pool: Pool, storeId: string, now = new Date()): Promise<{ code: string; expiresAt: string }> {
  let code = '';
  for (let i = 0; i < 8; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  const expiresAt = new Date(now.getTime() + CODE_TTL_MS).toISOString();
  await pool.query('INSERT INTO enrollment_codes (code_hash, store_id, expires_at) VALUES ($1, $2, $3)', [sha256(normalizeCode(code)), storeId, expiresAt]);
  return { code: `${code.slice(0, 4)}-${code.slice(4)}`, expiresAt };
}

const normalizeCode = (c: string) => c.replace(/[\s-]/g, '').toUpperCase();

export async function enroll(pool: Pool, input: { code: string; terminalId: string; name: string }): Promise<EnrollResponse> {
  const h = sha256(normalizeCode(input.code));
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const r = await c.query<{ store_id: string; used_at: Date | null; used_by: string | null; expires_at: Date }>('SELECT store_id, used_at, used_by, expires_at FROM enrollment_codes WHERE code_hash = $1 FOR UPDATE', [h]);
    const row = r.rows[0];
    if (!row) throw new EnrollError('ENROLL_CODE_INVALID', 'no such enrollment code');
    // the same terminal asking again (its answer was lost after we committed) gets a fresh key; anyone else is refused
    if (row.used_at && row.used_by !== input.terminalId) throw new EnrollError('ENROLL_CODE_USED', 'this enrollment code was already used');
    if (row.expires_at.getTime() < Date.now()) throw new EnrollError('ENROLL_CODE_EXPIRED', 'this enrollment code has expired');
    const key = `tk_${randomBytes(32).toString('base64url')}`;
    const existing = await c.query<{ store_id: string }>('SELECT store_id FROM terminals WHERE id = $1', [input.terminalId]);
    if (existing.rows[0] && existing.rows[0].store_id !== row.store_id) throw new EnrollError('ENROLL_OTHER_STORE', 'this terminal is enrolled in another store');
    // the same terminal enrolling again (new code) keeps its events and gets a new key
    await c.query(
      `INSERT INTO terminals (id, store_id, name, key_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET key_hash = excluded.key_hash, name = excluded.name`,
      [input.terminalId, row.store_id, input.name, sha256(key)],
    );
    await c.query('UPDATE enrollment_codes SET used_at = now(), used_by = $2 WHERE code_hash = $1', [h, input.terminalId]);
    const s = await c.query<{ name: string }>('SELECT name FROM stores WHERE id = $1', [row.store_id]);
    await c.query('COMMIT');
    return { terminalId: input.terminalId, key, storeId: row.store_id, storeName: s.rows[0]!.name };
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    c.release();
  }
}

/** The terminal a key belongs to, or null. */
export async function terminalForKey(pool: Pool, key: string): Promise<{ id: string; storeId: string } | null> {
  const r = await pool.query<{ id: string; store_id: string }>('SELECT id, store_id FROM terminals WHERE key_hash = $1', [sha256(key)]);
  return r.rows[0] ? { id: r.rows[0].id, storeId: r.rows[0].store_id } : null;
}
