/**
 * The simulator's own SQLite file (never the terminal's ledger): stores, customers with their
 * MyData-linked accounts and cards, one-time QR tokens, payments and their actions.
 * WAL, group commit with its own WAL fsync before every answer (group-commit.ts), versioned migrations in PRAGMA user_version (sim-migrations.ts).
 * QR tokens are kept only as a SHA-256 hash plus a masked form: the file never holds a usable token.
 * Queries live beside the rules that use them: customers.ts, payment-repo.ts.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { GroupCommit } from './group-commit';
import { MIGRATIONS } from './sim-migrations';

export { DEMO_CUSTOMER } from './sim-migrations';

export interface StoreRow {
  cid: string;
  business_no: string;
  name: string;
  phone: string;
  address1: string;
  address2: string;
  post_no: string;
  category_cd: number;
  created_at: string;
  approved_at: string;
  /** Set by the database (SELECT *); never on insert. */
  enrollment_hash?: string | null;
}

export function migrateSimDb(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
}

/** Caches prepared statements by SQL text: the simulator prepares the same few dozen on every request. */
function cachePreparedStatements(db: Database.Database): void {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, Database.Statement>();
  db.prepare = ((sql: string) => {
    let st = cache.get(sql);
    if (!st) cache.set(sql, (st = prepare(sql)));
    return st;
  }) as typeof db.prepare;
}

export class SimDb {
  readonly db: Database.Database;
  private readonly group: GroupCommit;

  constructor(file: string) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // NORMAL: COMMIT does not fsync on the event loop; group-commit.ts syncs the WAL itself, off the
    // loop, before any answer is sent (so every answered change is as durable as with FULL).
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    migrateSimDb(this.db);
    cachePreparedStatements(this.db);
    this.group = new GroupCommit(this.db, `${file}-wal`);
  }

  /**
   * Runs fn atomically (a throw rolls back all of fn's changes). Its changes join the current group
   * commit (group-commit.ts): they are durable once `durable()` resolves, which every HTTP answer awaits.
   */
  tx<T>(fn: () => T): T {
    return this.group.run(fn);
  }

  /** Resolves when every change made so far is committed and fsynced. */
  durable(): Promise<void> {
    return this.group.durable();
  }

  close(): void {
    this.group.close();
    this.db.close();
  }

  meta(key: string): string | undefined {
    return (this.db.prepare('SELECT value FROM sim_meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }
  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT INTO sim_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  storeByCid(cid: string): StoreRow | undefined {
    return this.db.prepare('SELECT * FROM stores WHERE cid = ?').get(cid) as StoreRow | undefined;
  }
  storeByBusinessNo(businessNo: string): StoreRow | undefined {
    return this.db.prepare('SELECT * FROM stores WHERE business_no = ?').get(businessNo) as StoreRow | undefined;
  }
  insertStore(s: StoreRow): void {
    this.db
      .prepare(
        `INSERT INTO stores (cid, business_no, name, phone, address1, address2, post_no, category_cd, created_at, approved_at, updated_at)
         VALUES (@cid, @business_no, @name, @phone, @address1, @address2, @post_no, @category_cd, @created_at, @approved_at, @created_at)`,
      )
      .run(s);
  }
  /** The SHA-256 (hex) of the store's current one-time enrollment code. */
  setEnrollmentHash(cid: string, hash: string): void {
    this.db.prepare('UPDATE stores SET enrollment_hash = ? WHERE cid = ?').run(hash, cid);
  }
  updateStoreProfile(cid: string, p: Pick<StoreRow, 'name' | 'phone' | 'address1' | 'address2' | 'post_no' | 'category_cd'>, now: string): void {
    this.db
      .prepare('UPDATE stores SET name = @name, phone = @phone, address1 = @address1, address2 = @address2, post_no = @post_no, category_cd = @category_cd, updated_at = @now WHERE cid = @cid')
      .run({ ...p, cid, now });
  }
}
