import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations';
import { storageError } from './storage-errors';

export const LEDGER_FILE = 'ledger.sqlite';

/**
 * Opens (creating if needed) the ledger in `dataDir`. WAL for concurrent readers; synchronous=FULL
 * so a committed payment state survives a power cut (the intent is written before every network call,
 * and a payment is a handful of writes: durability costs nothing noticeable here).
 *
 * A terminal that cannot record must not sell: the ledger is written once at open (a one-page WAL
 * frame), so a read-only folder or a full disk is reported now, as DATA_DIR_READONLY / DISK_FULL,
 * instead of at the first payment. Nothing is changed in the file when that write fails.
 */
export function openLedger(dataDir: string): Database.Database {
  let db: Database.Database | null = null;
  try {
    mkdirSync(dataDir, { recursive: true });
    db = new Database(join(dataDir, LEDGER_FILE));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    probeWrite(db);
    return db;
  } catch (e) {
    try {
      db?.close();
    } catch {
      /* already failing */
    }
    throw storageError(e, dataDir) ?? e;
  }
}

/** Rewrites the schema version with its own value: a real write (one WAL frame) that changes nothing. */
function probeWrite(db: Database.Database): void {
  const v = db.pragma('user_version', { simple: true }) as number;
  db.pragma(`user_version = ${v}`);
}
