/**
 * The rebuild's part for the counter and catalog events (shared/sync-events-counter.ts): a row's first
 * event inserts it, each later one sets the columns it carries (updated_at = the change's time) and
 * adds its line to the row's history (counter_events); drawer cash rows and catalog rows are stored as
 * they came. Columns this ledger does not have are skipped (an event from a newer program).
 */
import type Database from 'better-sqlite3';
import { COUNTER_TABLES, type CounterChangeType } from '../../../shared/sync-events-counter';

type Scalar = string | number | null;
interface RowChange {
  id: number;
  at: string;
  detail?: string;
  set: Record<string, Scalar>;
}

export class CounterRebuilder {
  private readonly columns = new Map<string, Set<string>>();
  constructor(private readonly db: Database.Database) {}

  private cols(table: string): Set<string> {
    let c = this.columns.get(table);
    if (!c) {
      c = new Set((this.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((r) => r.name));
      this.columns.set(table, c);
    }
    return c;
  }

  /** Upserts `row` (which holds `id`) into `table`, only the columns the table has. */
  private upsert(table: string, row: Record<string, Scalar>): void {
    const have = this.cols(table);
    const keys = Object.keys(row).filter((k) => have.has(k));
    const sets = keys.filter((k) => k !== 'id' && k !== 'code');
    const conflict = table === 'catalog_barcodes' ? 'code' : 'id';
    const update = sets.length ? `DO UPDATE SET ${sets.map((k) => `${k} = excluded.${k}`).join(', ')}` : 'DO NOTHING';
    this.db.prepare(`INSERT INTO ${table} (${keys.join(', ')}) VALUES (${keys.map(() => '?').join(', ')}) ON CONFLICT (${conflict}) ${update}`).run(...keys.map((k) => row[k] ?? null));
  }

  /** Applies one event; false when its type is not one of these. */
  apply(type: string, payload: unknown): boolean {
    if (type in COUNTER_TABLES) {
      const { table, entity } = COUNTER_TABLES[type as CounterChangeType];
      const p = payload as RowChange;
      const exists = this.db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(p.id) !== undefined;
      const row: Record<string, Scalar> = { id: p.id, ...p.set };
      if (this.cols(table).has('updated_at') && row.updated_at === undefined) row.updated_at = p.at;
      // the raw 현금영수증 identity never travels: a rebuilt row keeps the masked form in its place
      if (table === 'cash_receipts' && !exists) row.identity = (row.identity_masked as string | undefined) ?? '';
      if (exists) {
        const keys = Object.keys(row).filter((k) => k !== 'id' && this.cols(table).has(k));
        if (keys.length) this.db.prepare(`UPDATE ${table} SET ${keys.map((k) => `${k} = ?`).join(', ')} WHERE id = ?`).run(...keys.map((k) => row[k] ?? null), p.id);
      } else this.upsert(table, row);
      const status = (this.db.prepare(`SELECT status FROM ${table} WHERE id = ?`).get(p.id) as { status: string }).status;
      this.db.prepare('INSERT INTO counter_events (entity, entity_id, status, at, detail) VALUES (?, ?, ?, ?, ?)').run(entity, p.id, status, p.at, p.detail ?? null);
      return true;
    }
    if (type === 'drawer.cash') {
      this.upsert('drawer_events', payload as Record<string, Scalar>);
      return true;
    }
    if (type === 'catalog.category') {
      this.upsert('catalog_categories', payload as Record<string, Scalar>);
      return true;
    }
    if (type === 'catalog.product') {
      const { barcodes, ...row } = payload as Record<string, Scalar> & { barcodes: string[] };
      this.upsert('catalog_products', row);
      this.db.prepare('DELETE FROM catalog_barcodes WHERE product_id = ?').run(row.id);
      for (const code of barcodes) this.upsert('catalog_barcodes', { code, product_id: row.id as number });
      return true;
    }
    return false;
  }
}
