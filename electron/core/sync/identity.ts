/**
 * The terminal's identity outside the ledger (issue 14): `terminal.json` in the data folder keeps
 * the terminal id, its head office (url, store) and the highest event sequence this terminal is known
 * to have written. It survives the loss of ledger.sqlite, so a lost, emptied, truncated or rolled-back
 * ledger is recognised (ledger-check.ts) instead of starting as a new terminal, and a rebuild gets
 * the same terminal id (the head office's key for it is in secrets.json as 'headoffice.key').
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { terminalId } from './event-log';

export const IDENTITY_FILE = 'terminal.json';

const identitySchema = z.object({
  terminalId: z.string(),
  lastSeq: z.number().int().nonnegative(),
  storeRegistered: z.boolean().default(false),
  headOffice: z.object({ url: z.string(), storeId: z.string(), storeName: z.string(), enrolledAt: z.string() }).nullable().default(null),
});
export type Identity = z.infer<typeof identitySchema>;

export function readIdentity(dataDir: string): Identity | null {
  const f = join(dataDir, IDENTITY_FILE);
  if (!existsSync(f)) return null;
  try {
    return identitySchema.parse(JSON.parse(readFileSync(f, 'utf8')));
  } catch {
    return null;
  }
}

export function writeIdentity(dataDir: string, id: Identity): void {
  const f = join(dataDir, IDENTITY_FILE);
  writeFileSync(`${f}.tmp`, JSON.stringify(id, null, 2));
  renameSync(`${f}.tmp`, f);
}

/** After the ledger opened: the ledger takes the identity's terminal id (a rebuilt one) or gives it its own. */
export function bindIdentity(db: Database.Database, dataDir: string): Identity {
  const id = readIdentity(dataDir);
  const has = db.prepare('SELECT terminal_id FROM sync_meta WHERE id = 1').get() as { terminal_id: string } | undefined;
  if (!has && id) db.prepare('INSERT INTO sync_meta (id, terminal_id) VALUES (1, ?)').run(id.terminalId);
  const tid = terminalId(db);
  const storeRegistered = db.prepare('SELECT 1 FROM store_profile WHERE id = 1').get() !== undefined;
  const maxSeq = (db.prepare('SELECT IFNULL(MAX(seq), 0) AS m FROM sync_events').get() as { m: number }).m;
  const next: Identity = { terminalId: tid, lastSeq: Math.max(id?.lastSeq ?? 0, maxSeq), storeRegistered: storeRegistered || (id?.storeRegistered ?? false), headOffice: id?.headOffice ?? null };
  writeIdentity(dataDir, next);
  return next;
}

/** Records what the ledger holds now (called by the pusher on each pass: cheap, only when it grew). */
export function noteLedgerProgress(dataDir: string, db: Database.Database): void {
  const id = readIdentity(dataDir);
  if (!id) return;
  const maxSeq = (db.prepare('SELECT IFNULL(MAX(seq), 0) AS m FROM sync_events').get() as { m: number }).m;
  const storeRegistered = id.storeRegistered || db.prepare('SELECT 1 FROM store_profile WHERE id = 1').get() !== undefined;
  if (maxSeq > id.lastSeq || storeRegistered !== id.storeRegistered) writeIdentity(dataDir, { ...id, lastSeq: Math.max(maxSeq, id.lastSeq), storeRegistered });
}
