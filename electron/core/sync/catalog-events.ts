/**
 * One-line event calls for catalog changes made at this terminal (issue 14), made by CatalogRepo
 * inside the transaction that writes the row: the row as it is after the change (a product with its
 * barcodes), nulls and empty defaults left out (shared/sync-events-counter.ts).
 */
import type Database from 'better-sqlite3';
import { appendEvent } from './event-log';

type Row = Record<string, string | number | null>;
const compact = (r: Row): Row => Object.fromEntries(Object.entries(r).filter(([k, v]) => v !== null && !(k === 'alias' && v === '') && !(k === 'options_json' && v === '[]')));

export function appendCatalogCategory(db: Database.Database, id: number): void {
  const r = db.prepare('SELECT * FROM catalog_categories WHERE id = ?').get(id) as Row;
  appendEvent(db, 'catalog.category', compact(r) as never);
}

export function appendCatalogProduct(db: Database.Database, id: number): void {
  const r = db.prepare('SELECT * FROM catalog_products WHERE id = ?').get(id) as Row;
  const barcodes = (db.prepare('SELECT code FROM catalog_barcodes WHERE product_id = ? ORDER BY code').all(id) as { code: string }[]).map((b) => b.code);
  appendEvent(db, 'catalog.product', { ...compact(r), barcodes } as never);
}
