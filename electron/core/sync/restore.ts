/**
 * Restoring a lost ledger (issue 14), chosen by the person at start (`--restore-from`):
 *   - 'headoffice': a new ledger rebuilt from this terminal's events held by the head office
 *     (rebuild.ts), with the same terminal id and sequence;
 *   - 'backup' / a file: the newest backup (or the given file) copied in with SQLite's backup API,
 *     then, when enrolled, the events the head office holds beyond it replayed on top.
 * What was there is never deleted: the ledger and its -wal/-shm are moved aside as *.lost-<time>.
 */
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { LEDGER_FILE, openLedger } from '../db/open-ledger';
import type { SecretStore } from '../secrets/secret-store';
import { newestBackup } from './backup';
import { maxSeq } from './event-log';
import { headOffice } from './head-office-client';
import { readIdentity, writeIdentity } from './identity';
import { applyEvents } from './rebuild';

export type RestoreSource = 'headoffice' | 'backup' | { file: string };

function moveAside(dataDir: string): void {
  const stamp = new Date().toISOString().replace(/[-:.]/g, '');
  for (const suffix of ['', '-wal', '-shm']) {
    const f = join(dataDir, LEDGER_FILE + suffix);
    if (existsSync(f)) renameSync(f, `${f}.lost-${stamp}`);
  }
}

/** Replays the head office's events after what the ledger holds. Answers how many were applied. */
async function catchUp(db: Database.Database, dataDir: string, secrets: SecretStore): Promise<number> {
  const id = readIdentity(dataDir);
  const key = await secrets.get('headoffice.key');
  if (!id?.headOffice || !key) return 0;
  let n = 0;
  for (let guard = 0; guard < 100_000; guard++) {
    const evs = await headOffice.events(id.headOffice.url, key, maxSeq(db), 1000);
    if (evs.length === 0) break;
    n += applyEvents(db, evs, id.terminalId);
  }
  return n;
}

export async function restoreLedger(dataDir: string, backupDir: string, source: RestoreSource, secrets: SecretStore): Promise<{ from: string; events: number; payments: number }> {
  const id = readIdentity(dataDir);
  if (source === 'headoffice') {
    if (!id?.headOffice) throw new Error('this terminal is not enrolled in a head office (terminal.json has none): restore from a backup');
    const key = await secrets.get('headoffice.key');
    if (!key) throw new Error('the head office key is missing from secrets.json: enroll again with a new code, then restore');
    // ask first: a head office that cannot be reached leaves the files untouched
    await headOffice.state(id.headOffice.url, key);
    moveAside(dataDir);
    const db = openLedger(dataDir);
    try {
      db.prepare('INSERT OR IGNORE INTO sync_meta (id, terminal_id) VALUES (1, ?)').run(id.terminalId);
      const events = await catchUp(db, dataDir, secrets);
      const payments = (db.prepare('SELECT COUNT(*) AS n FROM payments').get() as { n: number }).n;
      writeIdentity(dataDir, { ...id, lastSeq: Math.max(id.lastSeq, maxSeq(db)) });
      return { from: id.headOffice.url, events, payments };
    } finally {
      db.close();
    }
  }
  const file = source === 'backup' ? newestBackup(backupDir)?.file : source.file;
  if (!file || !existsSync(file)) throw new Error(source === 'backup' ? `no backup in ${backupDir}` : `no such file: ${file}`);
  const src = new Database(file, { readonly: true, fileMustExist: true });
  moveAside(dataDir);
  try {
    await src.backup(join(dataDir, LEDGER_FILE));
  } finally {
    src.close();
  }
  const db = openLedger(dataDir);
  try {
    const events = await catchUp(db, dataDir, secrets).catch((e: unknown) => {
      console.error(`[restore] backup restored; the head office could not add newer events: ${e instanceof Error ? e.message : String(e)}`);
      return 0;
    });
    const payments = (db.prepare('SELECT COUNT(*) AS n FROM payments').get() as { n: number }).n;
    // the backup is what this terminal now holds: events written after it and never sent are gone with the lost ledger
    if (id) writeIdentity(dataDir, { ...id, lastSeq: maxSeq(db) });
    return { from: file, events, payments };
  } finally {
    db.close();
  }
}
