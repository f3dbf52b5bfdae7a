/**
 * The simulator's own SQLite file (never the terminal's ledger): stores, customers with their
 * MyData-linked accounts and cards, one-time QR tokens, payments and their actions.
 * WAL, full sync, versioned migrations in PRAGMA user_version (sim-migrations.ts).
 * QR tokens are kept only as a SHA-256 hash plus a masked form: the file never holds a usable token.
 * Queries live beside the rules that use them: customers.ts, payment-repo.ts.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
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

export class SimDb {
  readonly db: Database.Database;

  constructor(file: string) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    migrateSimDb(this.db);
  }

  /** Runs fn in one BEGIN IMMEDIATE transaction (a throw rolls everything back). */
  tx<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  close(): void {
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
  updateStoreProfile(cid: string, p: Pick<StoreRow, 'name' | 'phone' | 'address1' | 'address2' | 'post_no'>, now: string): void {
    this.db
      .prepare('UPDATE stores SET name = @name, phone = @phone, address1 = @address1, address2 = @address2, post_no = @post_no, updated_at = @now WHERE cid = @cid')
      .run({ ...p, cid, now });
  }
}
