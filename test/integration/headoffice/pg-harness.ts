/**
 * A real PostgreSQL for the head office tests: by default the harness starts its own server
 * (Debian's binaries, headoffice/server/embedded-pg.ts) in a temp folder on a free loopback port and
 * stops it at the end; with HEADOFFICE_TEST_DATABASE_URL set it creates a fresh database on that
 * server instead (and drops it at the end).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { startEmbeddedPg } from '../../../headoffice/server/embedded-pg';
import { migrate } from '../../../headoffice/server/migrate';

export interface TestDb {
  url: string;
  pool: Pool;
  stop(): Promise<void>;
}

export async function startTestDb(): Promise<TestDb> {
  const existing = process.env.HEADOFFICE_TEST_DATABASE_URL;
  if (existing) {
    const name = `ho_test_${randomBytes(4).toString('hex')}`;
    const admin = new Pool({ connectionString: existing, max: 1 });
    await admin.query(`CREATE DATABASE ${name}`);
    const u = new URL(existing);
    u.pathname = `/${name}`;
    const pool = new Pool({ connectionString: u.toString(), max: 10 });
    await migrate(pool);
    return {
      url: u.toString(),
      pool,
      async stop() {
        await pool.end();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'ho-pg-'));
  const pg = await startEmbeddedPg(dir);
  const pool = new Pool({ connectionString: pg.url, max: 10 });
  await migrate(pool);
  return {
    url: pg.url,
    pool,
    async stop() {
      await pool.end();
      pg.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
