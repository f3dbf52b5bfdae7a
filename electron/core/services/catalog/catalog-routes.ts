/** The router handlers of the catalog methods (shared/contract-catalog.ts), wired in core.ts in one line. */
import type Database from 'better-sqlite3';
import type { catalogMethods } from '../../../../shared/contract-catalog';
import type { CartItem } from '../../../../shared/domain/cart';
import { DEMO_CATALOG } from '../../../../shared/domain/catalog/demo-catalog';
import { categoryInputSchema, productInputSchema } from '../../../../shared/domain/catalog/catalog-model';
import { expectedUnitPrice } from '../../../../shared/domain/catalog/option-pricing';
import { PosError } from '../../../../shared/domain/errors';
import type { Handlers } from '../../router';
import { CatalogRepo } from './catalog-repo';
import { checkCsv, exportCsv, importCsv } from './catalog-csv-io';
import { ProductSalesQuery } from './product-sales';

export type CatalogHandlers = Pick<Handlers, keyof typeof catalogMethods>;

/**
 * A checkout's catalog lines must match the catalog now: the product exists, is neither archived nor sold
 * out, and the unit price is its price plus the chosen options' deltas. Typed lines pass as they are.
 */
export function checkSaleLines(repo: CatalogRepo, items: readonly CartItem[]): void {
  for (const it of items) {
    if (it.productId === undefined) continue;
    const p = repo.product(it.productId);
    if (!p || p.archived) throw new PosError('CATALOG_NOT_FOUND', `product ${it.productId}`);
    if (p.soldOut) throw new PosError('PRODUCT_SOLD_OUT', p.name);
    if (p.name !== it.name || p.taxFree !== it.taxFree || expectedUnitPrice(p, it.options ?? []) !== it.unitPrice) throw new PosError('CATALOG_PRICE_CHANGED', p.name);
  }
}

export function catalogHandlers(db: Database.Database, repo = new CatalogRepo(db)): CatalogHandlers {
  const sales = new ProductSalesQuery(db);
  return {
    getCatalog: ({ includeArchived }) => repo.list(includeArchived ?? false),
    saveCategory: (c) => repo.saveCategory(c),
    saveProduct: (p) => repo.saveProduct(p),
    setProductSoldOut: ({ id, soldOut }) => repo.setSoldOut(id, soldOut),
    reorderCatalog: ({ kind, ids }) => {
      repo.reorder(kind, ids);
      return repo.list(true);
    },
    findProductByBarcode: ({ code }) => repo.byBarcode(code),
    loadDemoCatalog: () => {
      repo.transaction(() => {
        if (!repo.isEmpty()) throw new PosError('CATALOG_NOT_EMPTY');
        const ids = new Map<string, number>();
        for (const c of DEMO_CATALOG.categories) ids.set(c.key, repo.saveCategory(categoryInputSchema.parse({ name: c.name, color: c.color, sortOrder: c.sortOrder })).id);
        for (const { category, ...p } of DEMO_CATALOG.products) repo.writeProduct(productInputSchema.parse({ ...p, categoryId: ids.get(category) ?? null }));
      });
      return repo.list();
    },
    previewCatalogCsv: ({ base64 }) => checkCsv(Buffer.from(base64, 'base64'), repo).report,
    importCatalogCsv: ({ base64 }) => importCsv(Buffer.from(base64, 'base64'), repo),
    exportCatalogCsv: ({ encoding }) => exportCsv(repo, encoding),
    getProductSales: ({ from, to }) => sales.get(from, to),
  };
}
