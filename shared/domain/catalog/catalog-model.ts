/**
 * The catalog (design.md §6): categories → products (price KRW, 면세, barcodes, sold-out, archived) → option
 * groups (min/max choices, price deltas). One zod schema per input, used by the router, the CSV import and
 * the management screen alike. Messages start with the error code the cashier sees (router: codeForIssues).
 */
import { z } from 'zod';
import { MAX_PAYMENT_KRW } from '../money';
import { textWidth } from '../receipt/display-width';
import { parseBarcode } from './barcode';

export const MAX_PRODUCT_NAME_COLUMNS = 40;
export const MAX_OPTION_GROUPS = 6;
export const MAX_OPTIONS_PER_GROUP = 10;
export const MAX_BARCODES_PER_PRODUCT = 10;
export const MAX_OPTION_DELTA = 1_000_000;
export const CATEGORY_COLORS = ['#8d6e63', '#1e88e5', '#43a047', '#f4511e', '#8e24aa', '#00897b', '#fdd835', '#546e7a'] as const;

/** A name that fits `columns` display columns (Hangul = 2): "아메리카노" is 10. */
export const catalogName = (columns: number) =>
  z
    .string()
    .trim()
    .min(1, 'CATALOG_NAME_INVALID: empty')
    .refine((s) => textWidth(s) <= columns, `CATALOG_NAME_INVALID: over ${columns} columns`)
    .refine((s) => ![...s].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f), 'CATALOG_NAME_INVALID: control characters');

export const productPriceSchema = z
  .number({ message: 'CATALOG_PRICE_INVALID: a whole number of won' })
  .int('CATALOG_PRICE_INVALID: a whole number of won')
  .min(1, 'CATALOG_PRICE_INVALID: at least 1')
  .max(MAX_PAYMENT_KRW, 'CATALOG_PRICE_INVALID: at most 100,000,000');

export const barcodeSchema = z
  .string()
  .trim()
  .superRefine((s, ctx) => {
    const r = parseBarcode(s);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.reason === 'check_digit' ? 'BARCODE_CHECK_DIGIT: check digit' : `BARCODE_INVALID: ${r.reason}` });
  });

export const optionChoiceSchema = z
  .object({
    name: catalogName(20),
    priceDelta: z.number().int('CATALOG_OPTION_INVALID: whole won').min(-MAX_OPTION_DELTA, 'CATALOG_OPTION_INVALID: delta').max(MAX_OPTION_DELTA, 'CATALOG_OPTION_INVALID: delta'),
  })
  .strict();
export const optionGroupSchema = z
  .object({
    name: catalogName(20),
    /** Choices the cashier must pick (0 = optional). */
    min: z.number().int().min(0).max(MAX_OPTIONS_PER_GROUP),
    /** Choices the cashier may pick. */
    max: z.number().int().min(1).max(MAX_OPTIONS_PER_GROUP),
    options: z.array(optionChoiceSchema).min(1, 'CATALOG_OPTION_INVALID: no choices').max(MAX_OPTIONS_PER_GROUP),
  })
  .strict()
  .superRefine((g, ctx) => {
    if (g.min > g.max) ctx.addIssue({ code: 'custom', path: ['min'], message: 'CATALOG_OPTION_INVALID: min over max' });
    if (g.min > g.options.length) ctx.addIssue({ code: 'custom', path: ['min'], message: 'CATALOG_OPTION_INVALID: min over the choices' });
    if (new Set(g.options.map((o) => o.name)).size !== g.options.length) ctx.addIssue({ code: 'custom', path: ['options'], message: 'CATALOG_OPTION_INVALID: duplicate choice' });
  });
export type OptionGroup = z.infer<typeof optionGroupSchema>;

export const categoryInputSchema = z
  .object({
    id: z.number().int().positive().optional(),
    name: catalogName(20),
    color: z.string().regex(/^#[0-9a-f]{6}$/i, 'color: #rrggbb').default(CATEGORY_COLORS[0]),
    sortOrder: z.number().int().min(0).max(100_000).default(0),
    archived: z.boolean().default(false),
  })
  .strict();
export type CategoryInput = z.input<typeof categoryInputSchema>;

/** The lowest and highest unit price the option choices can make (each group: its min cheapest / max dearest choices). */
export function optionPriceRange(price: number, groups: readonly OptionGroup[]): { low: number; high: number } {
  let low = price;
  let high = price;
  for (const g of groups) {
    const deltas = g.options.map((o) => o.priceDelta).sort((a, b) => a - b);
    const neg = deltas.filter((d) => d < 0);
    const pos = deltas.filter((d) => d > 0).reverse();
    // the cheapest pick: every negative choice allowed by max, and at least min choices
    const cheapest = deltas.slice(0, Math.max(g.min, Math.min(g.max, neg.length)));
    low += cheapest.reduce((a, b) => a + b, 0);
    const dearest = deltas.slice().reverse().slice(0, Math.max(g.min, Math.min(g.max, pos.length)));
    high += dearest.reduce((a, b) => a + b, 0);
  }
  return { low, high };
}

export const productInputSchema = z
  .object({
    id: z.number().int().positive().optional(),
    categoryId: z.number().int().positive().nullable().default(null),
    name: catalogName(MAX_PRODUCT_NAME_COLUMNS),
    /** Search aliases in Latin letters ("americano"), comma separated. */
    alias: z.string().trim().max(80).regex(/^[\x20-\x7e]*$/, 'CATALOG_NAME_INVALID: alias in ASCII').default(''),
    price: productPriceSchema,
    taxFree: z.boolean().default(false),
    barcodes: z.array(barcodeSchema).max(MAX_BARCODES_PER_PRODUCT).default([]),
    soldOut: z.boolean().default(false),
    archived: z.boolean().default(false),
    sortOrder: z.number().int().min(0).max(100_000).default(0),
    optionGroups: z.array(optionGroupSchema).max(MAX_OPTION_GROUPS).default([]),
  })
  .strict()
  .superRefine((p, ctx) => {
    const { low, high } = optionPriceRange(p.price, p.optionGroups);
    if (p.price < 1 || p.price > MAX_PAYMENT_KRW) return; // the price's own message says it
    if (low < 1) ctx.addIssue({ code: 'custom', path: ['optionGroups'], message: 'CATALOG_OPTION_INVALID: options make the price 0 or negative' });
    if (high > MAX_PAYMENT_KRW) ctx.addIssue({ code: 'custom', path: ['optionGroups'], message: 'CATALOG_PRICE_INVALID: options make the price over 100,000,000' });
    if (new Set(p.barcodes).size !== p.barcodes.length) ctx.addIssue({ code: 'custom', path: ['barcodes'], message: 'CATALOG_BARCODE_DUPLICATE: listed twice' });
  });
export type ProductInput = z.input<typeof productInputSchema>;
export type ProductFields = z.output<typeof productInputSchema>;

export const categorySchema = z.object({ id: z.number().int(), name: z.string(), color: z.string(), sortOrder: z.number().int(), archived: z.boolean() });
export type Category = z.infer<typeof categorySchema>;
export const productSchema = z.object({
  id: z.number().int(),
  categoryId: z.number().int().nullable(),
  name: z.string(),
  alias: z.string(),
  price: z.number().int(),
  taxFree: z.boolean(),
  barcodes: z.array(z.string()),
  soldOut: z.boolean(),
  archived: z.boolean(),
  sortOrder: z.number().int(),
  optionGroups: z.array(optionGroupSchema),
});
export type Product = z.infer<typeof productSchema>;
export const catalogSchema = z.object({ categories: z.array(categorySchema), products: z.array(productSchema) });
export type Catalog = z.infer<typeof catalogSchema>;
