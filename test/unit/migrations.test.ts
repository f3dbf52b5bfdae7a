import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../electron/core/db/migrations';
import { openLedger } from '../../electron/core/db/open-ledger';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'ledger-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('ledger migrations', () => {
  it('creates the schema on an empty database, in WAL with full sync', () => {
    const db = openLedger(tempDir());
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['payments', 'payment_events', 'settings', 'store_profile']));
    db.close();
  });

  it('re-opening an existing ledger keeps its data and applies nothing twice', () => {
    const dir = tempDir();
    const db = openLedger(dir);
    db.prepare("INSERT INTO settings (key, value) VALUES ('app', '{}')").run();
    db.close();
    const again = openLedger(dir);
    expect(again.prepare('SELECT value FROM settings').get()).toEqual({ value: '{}' });
    expect(migrate(again)).toEqual({ from: MIGRATIONS.length, to: MIGRATIONS.length });
    again.close();
  });

  it('upgrades an older database step by step, keeping rows', () => {
    const db = new Database(':memory:');
    const v2 = [...MIGRATIONS, 'ALTER TABLE settings ADD COLUMN note TEXT'];
    migrate(db, MIGRATIONS);
    db.prepare("INSERT INTO settings (key, value) VALUES ('k', 'v')").run();
    expect(migrate(db, v2)).toEqual({ from: MIGRATIONS.length, to: MIGRATIONS.length + 1 });
    expect(db.prepare('SELECT key, value, note FROM settings').get()).toEqual({ key: 'k', value: 'v', note: null });
  });

  it('a failing migration rolls back and leaves the version untouched', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS);
    expect(() => migrate(db, [...MIGRATIONS, 'CREATE TABLE x (a); THIS IS NOT SQL'])).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'x'").get()).toEqual({ n: 0 });
  });

  it('refuses a database from a newer app version', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    expect(() => migrate(db)).toThrow(/newer/);
  });
});
