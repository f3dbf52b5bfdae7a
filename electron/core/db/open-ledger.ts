import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations';

export const LEDGER_FILE = 'ledger.sqlite';

/**
 * Opens (creating if needed) the ledger in `dataDir`. WAL for concurrent readers; synchronous=FULL
 * so a committed payment state survives a power cut (the intent is written before every network call,
 * and a payment is a handful of writes: durability costs nothing noticeable here).
 */
export function openLedger(dataDir: string): Database.Database {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, LEDGER_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}
