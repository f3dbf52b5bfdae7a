/**
 * Periodic online backups of the ledger (issue 14): better-sqlite3's backup() (SQLite's online
 * backup API: a consistent copy while the terminal keeps selling) into a second folder, keeping the
 * newest KEEP generations. A backup is written as *.tmp and renamed, so a crash never leaves a half
 * file under a backup's name.
 */
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export const BACKUP_KEEP = 5;
export const BACKUP_EVERY_MS = 5 * 60_000;
const NAME = /^ledger-(\d{8}T\d{9}Z)(?:-\d+)?\.sqlite$/;

export interface BackupInfo {
  file: string;
  maxSeq: number;
  payments: number;
}

export class BackupService {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<string | null> | null = null;
  private lastSeq = -1;

  constructor(
    private readonly db: Database.Database,
    readonly dir: string,
    private readonly everyMs = BACKUP_EVERY_MS,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.backupNow().catch((e: unknown) => console.error('[backup] failed', e)), this.everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Writes a backup unless nothing changed since the last one; answers its path (or null). */
  async backupNow(force = false): Promise<string | null> {
    if (this.running) return this.running;
    const seq = (this.db.prepare('SELECT IFNULL(MAX(seq), 0) AS m FROM sync_events').get() as { m: number }).m;
    if (!force && seq === this.lastSeq) return null;
    mkdirSync(this.dir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[-:.]/g, '');
    let file = join(this.dir, `ledger-${stamp}.sqlite`);
    for (let i = 1; existsSync(file); i++) file = join(this.dir, `ledger-${stamp}-${i}.sqlite`);
    this.running = (async () => {
      try {
        await this.db.backup(`${file}.tmp`);
        renameSync(`${file}.tmp`, file);
        this.lastSeq = seq;
        prune(this.dir);
        return file;
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }
}

function backups(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => NAME.test(f))
    .sort()
    .map((f) => join(dir, f));
}

function prune(dir: string): void {
  const all = backups(dir);
  for (const f of all.slice(0, Math.max(0, all.length - BACKUP_KEEP))) rmSync(f, { force: true });
}

/** The newest backup that opens and holds events, with what it holds. */
export function newestBackup(dir: string): BackupInfo | null {
  for (const file of backups(dir).reverse()) {
    const info = inspectLedgerFile(file);
    if (info) return { file, ...info };
  }
  return null;
}

/** What a ledger file holds, or null when it does not open as a ledger. */
export function inspectLedgerFile(file: string): { maxSeq: number; payments: number } | null {
  const r = inspectLedger(file);
  return r.kind === 'ok' ? { maxSeq: r.maxSeq, payments: r.payments } : null;
}

export type LedgerInspection = { kind: 'ok'; maxSeq: number; payments: number } | { kind: 'damaged'; why: string } | { kind: 'unreadable'; why: string };

/**
 * Reads a ledger without changing it. 'damaged': not an SQLite file, or shorter than its own header
 * says (truncated), or SQLite calls it corrupt; 'unreadable': it could not be read for another reason
 * (permissions, a read-only folder): not a conclusion about its contents.
 */
export function inspectLedger(file: string): LedgerInspection {
  try {
    const fd = openSync(file, 'r');
    try {
      const header = Buffer.alloc(100);
      const n = readSync(fd, header, 0, 100, 0);
      if (n < 100 || header.toString('latin1', 0, 16) !== 'SQLite format 3\u0000') return { kind: 'damaged', why: 'not an SQLite file' };
      const raw = header.readUInt16BE(16);
      const pageSize = raw === 1 ? 65536 : raw;
      const pages = header.readUInt32BE(28);
      const valid = header.readUInt32BE(92) === header.readUInt32BE(24);
      const size = fstatSync(fd).size;
      if (valid && pages > 0 && size < pages * pageSize) return { kind: 'damaged', why: `truncated: ${size} bytes, its header says ${pages * pageSize}` };
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    return { kind: 'unreadable', why: e instanceof Error ? e.message : String(e) };
  }
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name));
      const m = tables.has('sync_events') ? (db.prepare('SELECT IFNULL(MAX(seq), 0) AS m FROM sync_events').get() as { m: number }).m : 0;
      const p = tables.has('payments') ? (db.prepare('SELECT COUNT(*) AS n FROM payments').get() as { n: number }).n : 0;
      return { kind: 'ok', maxSeq: m, payments: p };
    } finally {
      db.close();
    }
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
    if (/NOTADB|CORRUPT/.test(code)) return { kind: 'damaged', why: code };
    return { kind: 'unreadable', why: e instanceof Error ? e.message : String(e) };
  }
}
