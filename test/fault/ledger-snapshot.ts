/** What "the existing data stays intact" is checked against: integrity_check and a digest of every table's rows. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';

const TABLES = ['settings', 'store_profile', 'payments', 'payment_events', 'print_jobs'] as const;

export interface LedgerSnapshot {
  integrity: string;
  rows: Record<string, number>;
  digest: Record<string, string>;
}

export function snapshot(file: string): LedgerSnapshot {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    const rows: Record<string, number> = {};
    const digest: Record<string, string> = {};
    for (const t of TABLES) {
      const all = db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all();
      rows[t] = all.length;
      digest[t] = createHash('sha256').update(JSON.stringify(all)).digest('hex').slice(0, 16);
    }
    return { integrity, rows, digest };
  } finally {
    db.close();
  }
}

/** sha256 of each of the ledger's files that exist (main, -wal, -shm). */
export function fileDigests(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) out[f.slice(file.length) || 'main'] = createHash('sha256').update(readFileSync(f)).digest('hex').slice(0, 16);
  return out;
}
