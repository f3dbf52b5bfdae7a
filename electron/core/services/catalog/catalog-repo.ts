/**
 * The catalog in the ledger (migration "issue 12"): categories, products with their option groups (JSON,
 * parsed with the shared zod schema on the way out), barcodes (one product per code). Every write is one
 * transaction: a refused barcode or name leaves nothing half written.
 */
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { PosError } from '../../../../shared/domain/errors';
import { appendCatalogCategory, appendCatalogProduct } from '../../sync/catalog-events';
import { barcodeKey } from '../../../../shared/domain/catalog/barcode';
import { optionGroupSchema, type Catalog, type Category, type CategoryInput, type Product, type ProductFields } from '../../../../shared/domain/catalog/catalog-model';

interface CategoryRow {
  id: number;
  name: string;
  color: string;
  sort_order: number;
  archived: number;
}
interface ProductRow {
  id: number;
  category_id: number | null;
  name: string;
  alias: string;
  price: number;
  tax_free: number;
  sold_out: number;
  archived: number;
  sort_order: number;
  options_json: string;
}

const optionsJson = z.array(optionGroupSchema);
const toCategory = (r: CategoryRow): Category => ({ id: r.id, name: r.name, color: r.color, sortOrder: r.sort_order, archived: r.archived === 1 });

export type CategoryFields = Required<Omit<CategoryInput, 'id'>> & { id?: number | undefined };

export class CatalogRepo {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private barcodesOf(productId: number): string[] {
    return (this.db.prepare('SELECT code FROM catalog_barcodes WHERE product_id = ? ORDER BY rowid').all(productId) as { code: string }[]).map((r) => r.code);
  }

  private toProduct(r: ProductRow, barcodes: string[]): Product {
    return {
      id: r.id,
      categoryId: r.category_id,
      name: r.name,
      alias: r.alias,
      price: r.price,
      taxFree: r.tax_free === 1,
      barcodes,
      soldOut: r.sold_out === 1,
      archived: r.archived === 1,
      sortOrder: r.sort_order,
      optionGroups: optionsJson.parse(JSON.parse(r.options_json)),
    };
  }

  list(includeArchived = false): Catalog {
    const where = includeArchived ? '' : 'WHERE archived = 0';
    const categories = (this.db.prepare(`SELECT * FROM catalog_categories ${where} ORDER BY sort_order, id`).all() as CategoryRow[]).map(toCategory);
    const codes = new Map<number, string[]>();
    for (const r of this.db.prepare('SELECT code, product_id FROM catalog_barcodes ORDER BY rowid').all() as { code: string; product_id: number }[]) {
      codes.set(r.product_id, [...(codes.get(r.product_id) ?? []), r.code]);
    }
    const products = (this.db.prepare(`SELECT * FROM catalog_products ${where} ORDER BY sort_order, id`).all() as ProductRow[]).map((r) => this.toProduct(r, codes.get(r.id) ?? []));
    return { categories, products };
  }

  product(id: number): Product | null {
    const r = this.db.prepare('SELECT * FROM catalog_products WHERE id = ?').get(id) as ProductRow | undefined;
    return r ? this.toProduct(r, this.barcodesOf(id)) : null;
  }

  category(id: number): Category | null {
    const r = this.db.prepare('SELECT * FROM catalog_categories WHERE id = ?').get(id) as CategoryRow | undefined;
    return r ? toCategory(r) : null;
  }

  byBarcode(code: string): Product | null {
    const r = this.db.prepare('SELECT product_id FROM catalog_barcodes WHERE code = ?').get(barcodeKey(code.trim())) as { product_id: number } | undefined;
    return r ? this.product(r.product_id) : null;
  }

  isEmpty(): boolean {
    return (this.db.prepare('SELECT (SELECT COUNT(*) FROM catalog_products) + (SELECT COUNT(*) FROM catalog_categories) AS n').get() as { n: number }).n === 0;
  }

  saveCategory(c: CategoryFields): Category {
    return this.db.transaction(() => {
      const saved = this.writeCategory(c);
      appendCatalogCategory(this.db, saved.id); // issue 14: event log
      return saved;
    })();
  }

  private writeCategory(c: CategoryFields): Category {
    const at = this.now().toISOString();
    if (c.id !== undefined) {
      const r = this.db.prepare('UPDATE catalog_categories SET name = ?, color = ?, sort_order = ?, archived = ?, updated_at = ? WHERE id = ?').run(c.name, c.color, c.sortOrder, c.archived ? 1 : 0, at, c.id);
      if (r.changes === 0) throw new PosError('CATALOG_NOT_FOUND', `category ${c.id}`);
      return this.category(c.id)!;
    }
    const r = this.db.prepare('INSERT INTO catalog_categories (name, color, sort_order, archived, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(c.name, c.color, c.sortOrder, c.archived ? 1 : 0, at, at);
    return this.category(Number(r.lastInsertRowid))!;
  }

  /** Creates or updates a product with its barcodes (replaced as a set); refuses a code another product holds. */
  saveProduct(p: ProductFields): Product {
    return this.db.transaction(() => this.writeProduct(p))();
  }

  /** Inside a caller's transaction (the CSV import writes every row or none). */
  writeProduct(p: ProductFields): Product {
    if (p.categoryId !== null && !this.category(p.categoryId)) throw new PosError('CATALOG_NOT_FOUND', `category ${p.categoryId}`);
    const at = this.now().toISOString();
    const values = [p.categoryId, p.name, p.alias, p.price, p.taxFree ? 1 : 0, p.soldOut ? 1 : 0, p.archived ? 1 : 0, p.sortOrder, JSON.stringify(p.optionGroups)];
    let id: number;
    if (p.id !== undefined) {
      const r = this.db
        .prepare('UPDATE catalog_products SET category_id = ?, name = ?, alias = ?, price = ?, tax_free = ?, sold_out = ?, archived = ?, sort_order = ?, options_json = ?, updated_at = ? WHERE id = ?')
        .run(...values, at, p.id);
      if (r.changes === 0) throw new PosError('CATALOG_NOT_FOUND', `product ${p.id}`);
      id = p.id;
      this.db.prepare('DELETE FROM catalog_barcodes WHERE product_id = ?').run(id);
    } else {
      const r = this.db
        .prepare('INSERT INTO catalog_products (category_id, name, alias, price, tax_free, sold_out, archived, sort_order, options_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(...values, at, at);
      id = Number(r.lastInsertRowid);
    }
    const holder = this.db.prepare('SELECT p.id, p.name FROM catalog_barcodes b JOIN catalog_products p ON p.id = b.product_id WHERE b.code = ?');
    const insert = this.db.prepare('INSERT INTO catalog_barcodes (code, product_id) VALUES (?, ?)');
    for (const raw of p.barcodes) {
      const code = barcodeKey(raw);
      const other = holder.get(code) as { id: number; name: string } | undefined;
      if (other) throw new PosError('CATALOG_BARCODE_DUPLICATE', `${code}: ${other.name} (#${other.id})`);
      insert.run(code, id);
    }
    appendCatalogProduct(this.db, id); // issue 14: event log
    return this.product(id)!;
  }

  setSoldOut(id: number, soldOut: boolean): Product {
    return this.db.transaction(() => {
      const r = this.db.prepare('UPDATE catalog_products SET sold_out = ?, updated_at = ? WHERE id = ?').run(soldOut ? 1 : 0, this.now().toISOString(), id);
      if (r.changes === 0) throw new PosError('CATALOG_NOT_FOUND', `product ${id}`);
      appendCatalogProduct(this.db, id); // issue 14: event log
      return this.product(id)!;
    })();
  }

  /** Sets sort_order = position in `ids` (10, 20, …) for categories or products. */
  reorder(kind: 'category' | 'product', ids: readonly number[]): void {
    const table = kind === 'category' ? 'catalog_categories' : 'catalog_products';
    const stmt = this.db.prepare(`UPDATE ${table} SET sort_order = ?, updated_at = ? WHERE id = ?`);
    const at = this.now().toISOString();
    this.db.transaction(() => {
      ids.forEach((id, i) => {
        if (stmt.run((i + 1) * 10, at, id).changes === 0) throw new PosError('CATALOG_NOT_FOUND', `${kind} ${id}`);
        (kind === 'category' ? appendCatalogCategory : appendCatalogProduct)(this.db, id); // issue 14: event log
      });
    })();
  }

  categoryByName(name: string): Category | null {
    const r = this.db.prepare('SELECT * FROM catalog_categories WHERE name = ? AND archived = 0 ORDER BY id LIMIT 1').get(name) as CategoryRow | undefined;
    return r ? toCategory(r) : null;
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}
