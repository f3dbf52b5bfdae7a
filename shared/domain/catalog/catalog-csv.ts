/**
 * The catalog as a CSV table (issue 12): a Korean header row, one product per row, options in one cell.
 *   번호 | 분류 | 상품명 | 가격 | 면세 | 바코드 | 품절 | 보관 | 순서 | 별칭 | 옵션
 * 번호 empty = a new product; a number = update that product. 바코드: several separated by spaces or '/'.
 * 옵션: groups separated by ';', each `이름[min-max]=선택:가격차|선택:가격차`, e.g.
 *   `온도[1-1]=HOT:0|ICE:0; 사이즈[1-1]=톨:0|그란데:500`.
 * Pure: bytes are decoded in the core (iconv-lite); here only text cells → a validated product row.
 */
import { z } from 'zod';
import type { ErrorCode } from '../errors';
import { isErrorCode } from '../errors';
import { productInputSchema, type OptionGroup, type Product, type ProductFields } from './catalog-model';

export const CSV_COLUMNS = ['번호', '분류', '상품명', '가격', '면세', '바코드', '품절', '보관', '순서', '별칭', '옵션'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
export const REQUIRED_CSV_COLUMNS: readonly CsvColumn[] = ['상품명', '가격'];
export const MAX_CSV_ROWS = 2000;
export const MAX_CSV_BYTES = 2_000_000;

export const csvRowErrorSchema = z.object({ line: z.number().int(), column: z.string(), code: z.string(), detail: z.string() });
export interface CsvRowError {
  /** 1-based line of the file (the header is line 1). */
  line: number;
  /** The Korean column name ('' for the whole row or file). */
  column: string;
  code: ErrorCode;
  detail: string;
}

export interface CsvProductRow {
  line: number;
  id: number | undefined;
  categoryName: string;
  product: Omit<ProductFields, 'categoryId' | 'id'>;
}

const FIELD_COLUMN: Record<string, CsvColumn> = { name: '상품명', price: '가격', taxFree: '면세', barcodes: '바코드', soldOut: '품절', archived: '보관', sortOrder: '순서', alias: '별칭', optionGroups: '옵션' };

const YES = new Set(['y', 'yes', '예', 'o', '1', 'true', '면세', '품절', '보관']);
const NO = new Set(['', 'n', 'no', '아니오', 'x', '0', 'false']);
function flag(v: string): boolean | null {
  const s = v.trim().toLowerCase();
  if (YES.has(s)) return true;
  if (NO.has(s)) return false;
  return null;
}

/** "온도[1-1]=HOT:0|ICE:0; 사이즈[0-1]=톨:0|그란데:500" → option groups (not yet validated); null when malformed. */
export function parseOptionsCell(cell: string): OptionGroup[] | null {
  const text = cell.trim();
  if (text === '') return [];
  const groups: OptionGroup[] = [];
  for (const part of text.split(';')) {
    if (part.trim() === '') continue;
    const m = /^\s*([^[\]=;|]+?)\s*\[(\d+)-(\d+)\]\s*=\s*(.+)$/.exec(part);
    if (!m) return null;
    const options = [];
    for (const choice of m[4]!.split('|')) {
      const c = /^\s*([^:|]+?)\s*:\s*([+-]?\d+)\s*$/.exec(choice);
      if (!c) return null;
      options.push({ name: c[1]!, priceDelta: Number(c[2]) });
    }
    groups.push({ name: m[1]!, min: Number(m[2]), max: Number(m[3]), options });
  }
  return groups;
}

export function formatOptionsCell(groups: readonly OptionGroup[]): string {
  return groups.map((g) => `${g.name}[${g.min}-${g.max}]=${g.options.map((o) => `${o.name}:${o.priceDelta}`).join('|')}`).join('; ');
}

/** Header cells → column index, or the missing required columns. */
export function mapHeader(header: readonly string[]): { ok: true; index: Partial<Record<CsvColumn, number>> } | { ok: false; missing: CsvColumn[] } {
  const index: Partial<Record<CsvColumn, number>> = {};
  header.forEach((h, i) => {
    const name = h.replace(/^\uFEFF/, '').trim() as CsvColumn;
    if ((CSV_COLUMNS as readonly string[]).includes(name) && index[name] === undefined) index[name] = i;
  });
  const missing = REQUIRED_CSV_COLUMNS.filter((c) => index[c] === undefined);
  return missing.length ? { ok: false, missing } : { ok: true, index };
}

function issueCode(message: string): ErrorCode {
  const prefix = message.split(':')[0]!;
  return isErrorCode(prefix) ? prefix : 'VALIDATION_FAILED';
}

/** One data row → a product row, or its errors (each with the column it is about). */
export function parseCsvRow(cells: readonly string[], index: Partial<Record<CsvColumn, number>>, line: number): { ok: true; row: CsvProductRow } | { ok: false; errors: CsvRowError[] } {
  const cell = (c: CsvColumn) => (index[c] === undefined ? '' : (cells[index[c]!] ?? '')).trim();
  const errors: CsvRowError[] = [];
  const err = (column: string, code: ErrorCode, detail: string) => errors.push({ line, column, code, detail });

  const idText = cell('번호');
  const id = idText === '' ? undefined : /^\d{1,9}$/.test(idText) && Number(idText) > 0 ? Number(idText) : NaN;
  if (Number.isNaN(id)) err('번호', 'VALIDATION_FAILED', `not a product number: ${idText.slice(0, 20)}`);
  const priceText = cell('가격').replace(/[,₩원\s]/g, '');
  const price = /^-?\d{1,12}$/.test(priceText) ? Number(priceText) : NaN;
  const flags: Partial<Record<'taxFree' | 'soldOut' | 'archived', boolean>> = {};
  for (const [key, col] of [['taxFree', '면세'], ['soldOut', '품절'], ['archived', '보관']] as const) {
    const v = flag(cell(col));
    if (v === null) err(col, 'VALIDATION_FAILED', `Y or N: ${cell(col).slice(0, 20)}`);
    else flags[key] = v;
  }
  const orderText = cell('순서');
  const sortOrder = orderText === '' ? 0 : /^\d{1,6}$/.test(orderText) ? Number(orderText) : NaN;
  if (Number.isNaN(sortOrder)) err('순서', 'VALIDATION_FAILED', `not a number: ${orderText.slice(0, 20)}`);
  const optionGroups = parseOptionsCell(cell('옵션'));
  if (optionGroups === null) err('옵션', 'CATALOG_OPTION_INVALID', 'format: 이름[min-max]=선택:가격|선택:가격; …');
  const barcodes = cell('바코드').split(/[\s/]+/).filter((b) => b !== '');

  const parsed = productInputSchema.safeParse({
    name: cell('상품명'),
    alias: cell('별칭'),
    price: Number.isNaN(price) ? -1 : price,
    barcodes,
    sortOrder: Number.isNaN(sortOrder) ? 0 : sortOrder,
    optionGroups: optionGroups ?? [],
    ...flags,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const column = FIELD_COLUMN[String(issue.path[0] ?? '')] ?? '';
      const code = column === '가격' && Number.isNaN(price) ? 'CATALOG_PRICE_INVALID' : issueCode(issue.message);
      // one message per column is enough for the cashier
      if (!errors.some((e) => e.column === column)) err(column, code, issue.message.replace(/^[A-Z_]+:\s*/, '').slice(0, 120));
    }
  }
  const category = cell('분류');
  if (category.length > 20) err('분류', 'CATALOG_NAME_INVALID', 'over 20 characters');
  if (errors.length || !parsed.success) return { ok: false, errors };
  const { categoryId: _c, id: _i, ...product } = parsed.data;
  return { ok: true, row: { line, id, categoryName: category, product } };
}

/** A product as a CSV row, in CSV_COLUMNS order. */
export function productToCsvCells(p: Product, categoryName: string): string[] {
  const yn = (b: boolean) => (b ? 'Y' : 'N');
  return [String(p.id), categoryName, p.name, String(p.price), yn(p.taxFree), p.barcodes.join(' '), yn(p.soldOut), yn(p.archived), String(p.sortOrder), p.alias, formatOptionsCell(p.optionGroups)];
}
