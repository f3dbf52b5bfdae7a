/**
 * Catalog CSV bytes ⇄ rows: UTF-8 (with or without BOM) or CP949 (what Excel in Korea saves) in, a dry run
 * that lists every bad row (line, column, reason), and an import that writes every row in one transaction
 * or nothing. Out: UTF-8 with BOM or CP949, CRLF, Korean header.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import { barcodeKey } from '../../../../shared/domain/catalog/barcode';
import { CSV_COLUMNS, mapHeader, MAX_CSV_BYTES, MAX_CSV_ROWS, parseCsvRow, productToCsvCells, type CsvProductRow, type CsvRowError } from '../../../../shared/domain/catalog/catalog-csv';
import { CATEGORY_COLORS } from '../../../../shared/domain/catalog/catalog-model';
import { PosError } from '../../../../shared/domain/errors';
import type { CatalogCsvReport } from '../../../../shared/contract-catalog';
import type { CatalogRepo } from './catalog-repo';

export type CsvEncoding = 'utf-8' | 'cp949';

/** Bytes → text. UTF-16/32, binary (NUL) or bytes valid in neither UTF-8 nor CP949 are refused. */
export function decodeCsv(bytes: Buffer): { encoding: CsvEncoding; text: string } {
  if (bytes.length > MAX_CSV_BYTES) throw new PosError('CSV_TOO_MANY_ROWS', `${bytes.length} bytes`);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) throw new PosError('CSV_ENCODING', 'UTF-16');
  if (bytes.includes(0)) throw new PosError('CSV_ENCODING', 'binary (NUL bytes)');
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bom ? bytes.subarray(3) : bytes);
    return { encoding: 'utf-8', text };
  } catch {
    /* not UTF-8: try CP949 */
  }
  const text = iconv.decode(bytes, 'cp949');
  if (text.includes('\uFFFD')) throw new PosError('CSV_ENCODING', 'neither UTF-8 nor CP949');
  return { encoding: 'cp949', text };
}

export interface CsvCheck {
  report: CatalogCsvReport;
  rows: CsvProductRow[];
}

/** The dry run: every row parsed and checked against the file itself and the catalog; nothing written. */
export function checkCsv(bytes: Buffer, repo: CatalogRepo): CsvCheck {
  const { encoding, text } = decodeCsv(bytes);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { info: true, relax_column_count: true, skip_empty_lines: true, bom: true }) as unknown as typeof records;
  } catch (e) {
    throw new PosError('CSV_COLUMNS', e instanceof Error ? e.message.slice(0, 200) : 'unreadable CSV');
  }
  const header = records[0];
  if (!header) throw new PosError('CSV_COLUMNS', 'empty file');
  const map = mapHeader(header.record);
  if (!map.ok) throw new PosError('CSV_COLUMNS', `missing: ${map.missing.join(', ')} (header: ${CSV_COLUMNS.join(', ')})`);
  const data = records.slice(1);
  if (data.length > MAX_CSV_ROWS) throw new PosError('CSV_TOO_MANY_ROWS', `${data.length} rows`);

  const errors: CsvRowError[] = [];
  const rows: CsvProductRow[] = [];
  const seenCodes = new Map<string, number>();
  let created = 0;
  let updated = 0;
  for (const { record, info } of data) {
    const line = info.lines;
    const r = parseCsvRow(record, map.index, line);
    if (!r.ok) {
      errors.push(...r.errors);
      continue;
    }
    const row = r.row;
    if (row.id !== undefined && !repo.product(row.id)) {
      errors.push({ line, column: '번호', code: 'CATALOG_NOT_FOUND', detail: `product ${row.id}` });
      continue;
    }
    for (const raw of row.product.barcodes) {
      const code = barcodeKey(raw);
      const firstLine = seenCodes.get(code);
      const holder = repo.byBarcode(code);
      if (firstLine !== undefined) errors.push({ line, column: '바코드', code: 'CATALOG_BARCODE_DUPLICATE', detail: `${code}: also on line ${firstLine}` });
      else if (holder && holder.id !== row.id) errors.push({ line, column: '바코드', code: 'CATALOG_BARCODE_DUPLICATE', detail: `${code}: ${holder.name} (#${holder.id})` });
      seenCodes.set(code, firstLine ?? line);
    }
    rows.push(row);
    if (row.id === undefined) created++;
    else updated++;
  }
  errors.sort((a, b) => a.line - b.line);
  return { rows, report: { encoding, rows: data.length, created, updated, errors: errors.slice(0, 500), written: false } };
}

/** Writes every row in one transaction (categories by name, created when new), or nothing when any row is bad. */
export function importCsv(bytes: Buffer, repo: CatalogRepo): CatalogCsvReport {
  const { report, rows } = checkCsv(bytes, repo);
  if (report.errors.length > 0) return report;
  repo.transaction(() => {
    let colour = repo.list(true).categories.length;
    for (const row of rows) {
      let categoryId: number | null = null;
      if (row.categoryName !== '') {
        const c = repo.categoryByName(row.categoryName) ?? repo.saveCategory({ name: row.categoryName, color: CATEGORY_COLORS[colour++ % CATEGORY_COLORS.length]!, sortOrder: colour * 10, archived: false });
        categoryId = c.id;
      }
      repo.writeProduct({ ...row.product, id: row.id, categoryId });
    }
  });
  return { ...report, written: true };
}

export function exportCsv(repo: CatalogRepo, encoding: CsvEncoding, now = new Date()): { fileName: string; base64: string; rows: number; bytes: number } {
  const { categories, products } = repo.list(true);
  const names = new Map(categories.map((c) => [c.id, c.name]));
  const table = [[...CSV_COLUMNS], ...products.map((p) => productToCsvCells(p, p.categoryId === null ? '' : (names.get(p.categoryId) ?? '')))];
  const text = stringify(table, { record_delimiter: '\r\n' });
  const bytes = encoding === 'utf-8' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]) : iconv.encode(text, 'cp949');
  const day = now.toISOString().slice(0, 10).replace(/-/g, '');
  return { fileName: `catalog-${day}${encoding === 'cp949' ? '-cp949' : ''}.csv`, base64: bytes.toString('base64'), rows: products.length, bytes: bytes.length };
}
