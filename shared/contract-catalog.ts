/**
 * Contract additions of issue 12: the catalog (menu), its CSV import/export and sales by product.
 * Spread into `methods` in shared/contract.ts.
 */
import { z } from 'zod';
import { catalogSchema, categoryInputSchema, categorySchema, productInputSchema, productSchema } from './domain/catalog/catalog-model';
import { BARCODE_FORMATS, MAX_BARCODE_LENGTH } from './domain/catalog/barcode';
import { csvRowErrorSchema, MAX_CSV_BYTES } from './domain/catalog/catalog-csv';
import { ERROR_CODES, type ErrorCode } from './domain/errors';

/** A product code the scan router recognised (shared/domain/catalog/scan-code.ts). */
export const scanBarcodeSchema = z.object({ format: z.enum(BARCODE_FORMATS), code: z.string().max(MAX_BARCODE_LENGTH) });

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'day: YYYY-MM-DD');
const errorCode = z.enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]]);

/** The file's bytes as base64 (the renderer reads a File; the encoding is detected in the core). */
export const catalogCsvInputSchema = z
  .object({ base64: z.string().max(Math.ceil((MAX_CSV_BYTES * 4) / 3) + 4, 'CSV_TOO_MANY_ROWS: file over 2 MB') })
  .strict();
export const catalogCsvReportSchema = z.object({
  encoding: z.enum(['utf-8', 'cp949']),
  /** Data rows read (header excluded). */
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  /** Each bad row's line (the header is line 1), column and reason; nothing is written while any is listed. */
  errors: z.array(csvRowErrorSchema.extend({ code: errorCode })),
  /** True only after an import that wrote every row (all or nothing). */
  written: z.boolean(),
});
export type CatalogCsvReport = z.infer<typeof catalogCsvReportSchema>;
export const catalogCsvExportSchema = z.object({ fileName: z.string(), base64: z.string(), rows: z.number().int(), bytes: z.number().int() });

const salesLine = z.object({ quantity: z.number().int(), gross: z.number().int(), refunded: z.number().int(), net: z.number().int() });
export const productSalesSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** productId null = typed lines (직접 입력), grouped by name. Net descending. */
  byProduct: z.array(salesLine.extend({ productId: z.number().int().nullable(), name: z.string(), categoryId: z.number().int().nullable() })),
  /** categoryId null = no category (typed lines, uncategorised products). */
  byCategory: z.array(salesLine.extend({ categoryId: z.number().int().nullable(), name: z.string() })),
});
export type ProductSales = z.infer<typeof productSalesSchema>;

export const catalogMethods = {
  /** Categories and products (archived ones too when asked: the management screen). */
  getCatalog: { input: z.object({ includeArchived: z.boolean().optional() }).strict(), output: catalogSchema },
  saveCategory: { input: categoryInputSchema, output: categorySchema },
  /** Creates (no id) or replaces a product with its options and barcodes; a barcode held by another product is refused. */
  saveProduct: { input: productInputSchema, output: productSchema },
  setProductSoldOut: { input: z.object({ id: z.number().int().positive(), soldOut: z.boolean() }).strict(), output: productSchema },
  reorderCatalog: { input: z.object({ kind: z.enum(['category', 'product']), ids: z.array(z.number().int().positive()).min(1).max(2000) }).strict(), output: catalogSchema },
  /** The product a scanned code belongs to, or null. */
  findProductByBarcode: { input: z.object({ code: z.string().max(64) }).strict(), output: productSchema.nullable() },
  /** Loads the demo café menu into an empty catalog (CATALOG_NOT_EMPTY otherwise). */
  loadDemoCatalog: { input: z.object({}).strict(), output: catalogSchema },
  /** Reads a catalog CSV (UTF-8 with BOM or CP949) and lists every bad row; writes nothing. */
  previewCatalogCsv: { input: catalogCsvInputSchema, output: catalogCsvReportSchema },
  /** The same check, then every row in one transaction — or, with any error, nothing. */
  importCatalogCsv: { input: catalogCsvInputSchema, output: catalogCsvReportSchema },
  exportCatalogCsv: { input: z.object({ encoding: z.enum(['utf-8', 'cp949']) }).strict(), output: catalogCsvExportSchema },
  /** Quantity and net sales by product and by category over Seoul days (net of confirmed cancels, shared out by line). */
  getProductSales: { input: z.object({ from: isoDay, to: isoDay }).strict().refine((p) => p.from <= p.to, { message: 'from after to', path: ['to'] }), output: productSalesSchema },
} as const;
