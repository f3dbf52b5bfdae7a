/** Versioned SQL migrations of the head office (migrations/NNN_*.sql), applied in order, each in one transaction. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool } from 'pg';

export const MIGRATIONS_DIR = join(__dirname, 'migrations');

export async function migrate(pool: Pool): Promise<{ from: number; to: number }> {
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{3}_.*\.sql$/.test(f))
    .sort();
  const c = await pool.connect();
  try {
    await c.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    // one migrator at a time (two head office processes on one database)
    await c.query('SELECT pg_advisory_lock(1414)');
    const { rows } = await c.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
    const from = rows[0]?.v ?? 0;
    if (from > files.length) throw new Error(`head office schema version ${from} is newer than this program (${files.length})`);
    for (let i = from; i < files.length; i++) {
      await c.query('BEGIN');
      try {
        await c.query(readFileSync(join(MIGRATIONS_DIR, files[i]!), 'utf8'));
        await c.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [i + 1, files[i]]);
        await c.query('COMMIT');
      } catch (e) {
        await c.query('ROLLBACK');
        throw e;
      }
    }
    await c.query('SELECT pg_advisory_unlock(1414)');
    return { from, to: files.length };
  } finally {
    c.release();
  }
}
