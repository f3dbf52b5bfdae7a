/**
 * CSV export of a range of Seoul days: one row per payment and one per cancel, oldest first, so that
 * the 순매출 column sums to the settlement's net for the same days. UTF-8 with a BOM and CRLF line ends
 * (Excel opens Korean text right); amounts are integer KRW; times are Seoul wall clock with "+09:00".
 *
 * Which day a row belongs to is the settlement's rule: an approved sale its approval time, a confirmed
 * cancel its confirmation time, anything else its creation time.
 *
 * Columns: 구분 / type (sale | refund), 거래일시, 결제번호 (payment id), 취소번호 (refund id), 주문번호,
 * 승인번호(TID), 상태 / status (ledger code), 결제수단 / method, 상품명, 품목 (name unit×qty, "(면세)"),
 * 거래금액 (the row's own amount, positive) = 면세 + 부가세 + 공급가액, 취소누계 (sale rows: confirmed cancels
 * so far), 순매출 (effect on the day's net: +approved sale, -confirmed cancel, 0 otherwise), 오류코드.
 * Issue 13: the cash side follows in the same columns (csv-drawer-rows.ts), by the session's business day.
 */
import type Database from 'better-sqlite3';
import { stringify } from 'csv-stringify/sync';
import type { CsvExport, PaymentStatus, RefundStatus } from '../../../../shared/contract';
import { itemLabel, type CartItem } from '../../../../shared/domain/cart';
import { PAYMENT_STATUS_KO, REFUND_STATUS_KO } from '../../../../shared/domain/ledger/csv-labels';
import { methodLabel } from '../../../../shared/domain/receipt/receipt-model';
import { formatSeoulIsoOffset, seoulDayRangeUtc } from '../../../../shared/domain/time';
import { splitVat } from '../../../../shared/domain/vat';
import { DRAWER_ROW_KO, drawerCsvRows, drawerRowNet, drawerRowVat, type DrawerCsvRow } from './csv-drawer-rows';

export const CSV_COLUMNS = [
  { key: 'typeKo', header: '구분' },
  { key: 'type', header: 'type' },
  { key: 'at', header: '거래일시' },
  { key: 'paymentId', header: '결제번호' },
  { key: 'refundId', header: '취소번호' },
  { key: 'orderId', header: '주문번호' },
  { key: 'tid', header: '승인번호(TID)' },
  { key: 'statusKo', header: '상태' },
  { key: 'status', header: 'status' },
  { key: 'methodKo', header: '결제수단' },
  { key: 'method', header: 'method' },
  { key: 'itemName', header: '상품명' },
  { key: 'items', header: '품목' },
  { key: 'amount', header: '거래금액' },
  { key: 'taxFree', header: '면세' },
  { key: 'vat', header: '부가세' },
  { key: 'supply', header: '공급가액' },
  { key: 'refunded', header: '취소누계' },
  { key: 'net', header: '순매출' },
  { key: 'errorCode', header: '오류코드' },
  // issue 12: the products of a sale, line by line in 품목's order ('-' for a typed line), and the total quantity
  { key: 'productIds', header: '상품번호' },
  { key: 'quantity', header: '수량' },
] as const;

interface Row {
  type: 'sale' | 'refund';
  at: string;
  payment_id: number;
  refund_id: number | null;
  order_id: string;
  tid: string | null;
  status: string;
  method_type: string | null;
  item_name: string;
  items_json: string | null;
  amount: number;
  tax_free: number;
  vat: number;
  supply: number;
  refunded: number | null;
  error_code: string | null;
}

const SQL = `
  SELECT * FROM (
    SELECT 'sale' AS type, p.approved_at AS at, p.id AS payment_id, NULL AS refund_id, p.order_id, p.tid, p.status, p.method_type, p.item_name, p.items_json,
           p.amount, p.tax_free, p.vat, p.supply, p.refunded_amount AS refunded, p.error_code
      FROM payments p INDEXED BY payments_approved_at WHERE p.status = 'approved' AND p.approved_at >= @start AND p.approved_at < @end
    UNION ALL
    SELECT 'sale', p.created_at, p.id, NULL, p.order_id, p.tid, p.status, p.method_type, p.item_name, p.items_json,
           p.amount, p.tax_free, p.vat, p.supply, p.refunded_amount, p.error_code
      FROM payments p INDEXED BY payments_status_created WHERE p.status IN ('created', 'ready_requested', 'ready', 'approve_requested', 'failed', 'unknown') AND p.created_at >= @start AND p.created_at < @end
    UNION ALL
    SELECT 'refund', r.cancelled_at, p.id, r.id, p.order_id, p.tid, r.status, p.method_type, p.item_name, NULL,
           r.amount, r.tax_free, r.vat, r.amount - r.tax_free - r.vat, NULL, r.error_code
      FROM refunds r INDEXED BY refunds_cancelled_at JOIN payments p ON p.id = r.payment_id WHERE r.status = 'cancelled' AND r.cancelled_at >= @start AND r.cancelled_at < @end
    UNION ALL
    SELECT 'refund', r.created_at, p.id, r.id, p.order_id, p.tid, r.status, p.method_type, p.item_name, NULL,
           r.amount, r.tax_free, 0, 0, NULL, r.error_code
      FROM refunds r INDEXED BY refunds_created_at JOIN payments p ON p.id = r.payment_id WHERE r.status != 'cancelled' AND r.created_at >= @start AND r.created_at < @end
  ) ORDER BY at, payment_id, IFNULL(refund_id, 0)`;

function itemsText(json: string | null): string {
  if (!json) return '';
  const items = JSON.parse(json) as CartItem[];
  return items.map((it) => `${itemLabel(it)}${it.taxFree ? '(면세)' : ''} ${it.unitPrice}×${it.quantity}`).join(' / ');
}

type Key = (typeof CSV_COLUMNS)[number]['key'];

function productColumns(json: string | null): { productIds: string; quantity: number | string } {
  if (!json) return { productIds: '', quantity: '' };
  const items = JSON.parse(json) as CartItem[];
  return { productIds: items.map((it) => (it.productId === undefined ? '-' : String(it.productId))).join(' / '), quantity: items.reduce((n, it) => n + it.quantity, 0) };
}

function record(r: Row): Record<Key, string | number> {
  const sale = r.type === 'sale';
  const net = sale ? (r.status === 'approved' ? r.amount : 0) : r.status === 'cancelled' ? -r.amount : 0;
  // A cancel's VAT is the backend's once confirmed; before that, the same split as everywhere.
  const split = sale || r.status === 'cancelled' ? { vat: r.vat, supply: r.supply } : splitVat(r.amount, r.tax_free);
  return {
    typeKo: sale ? '결제' : '취소',
    type: r.type,
    at: formatSeoulIsoOffset(r.at),
    paymentId: r.payment_id,
    refundId: r.refund_id ?? '',
    orderId: r.order_id,
    tid: r.tid ?? '',
    statusKo: sale ? PAYMENT_STATUS_KO[r.status as PaymentStatus] : REFUND_STATUS_KO[r.status as RefundStatus],
    status: r.status,
    methodKo: r.method_type ? methodLabel(r.method_type) : '',
    method: r.method_type ?? '',
    itemName: r.item_name,
    items: itemsText(r.items_json),
    amount: r.amount,
    taxFree: r.tax_free,
    vat: split.vat,
    supply: split.supply,
    refunded: r.refunded ?? '',
    net,
    errorCode: r.error_code ?? '',
    ...productColumns(r.items_json),
  };
}

function drawerRecord(r: DrawerCsvRow): Record<Key, string | number> {
  const split = drawerRowVat(r);
  const label = DRAWER_ROW_KO[r.kind] ?? r.kind;
  const what = r.kind === 'drawer_close' ? `실제 현금 ${r.counted ?? 0} / 과부족 ${r.overShort ?? 0}${r.reason ? ` (${r.reason})` : ''}` : (r.reason ?? '');
  return {
    typeKo: label,
    type: r.kind,
    at: formatSeoulIsoOffset(r.at),
    paymentId: '',
    refundId: '',
    orderId: r.orderNo ?? `drawer-${r.sessionId}`,
    tid: '',
    statusKo: label,
    status: r.kind,
    methodKo: '현금',
    method: 'CASH',
    itemName: r.itemName || what,
    items: r.itemName ? what : '',
    amount: r.amount,
    taxFree: r.kind === 'drawer_close' ? 0 : r.taxFree,
    vat: split.vat,
    supply: split.supply,
    refunded: '',
    net: drawerRowNet(r),
    errorCode: '',
    productIds: '',
    quantity: '',
  };
}

export class CsvExporter {
  private readonly stmt: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.stmt = db.prepare(SQL);
  }

  export(from: string, to: string): CsvExport {
    const start = seoulDayRangeUtc(from).start;
    const end = seoulDayRangeUtc(to).end;
    // issue 13: the cash side (drawer events and closes of the range's sessions), merged by time
    const qr = (this.stmt.all({ start, end }) as Row[]).map((r) => ({ at: r.at, rec: record(r) }));
    const cash = drawerCsvRows(this.db, from, to).map((r) => ({ at: r.at, rec: drawerRecord(r) }));
    const rows = [...qr, ...cash].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)).map((x) => x.rec);
    // Records as arrays of strings: csv-stringify is ~5x faster on those than on objects with `columns`.
    const keys = CSV_COLUMNS.map((c) => c.key);
    const table = [CSV_COLUMNS.map((c) => c.header as string), ...rows.map((r) => keys.map((k) => String(r[k])))];
    const text = stringify(table, { bom: true, record_delimiter: 'windows' });
    const compact = (d: string) => d.replaceAll('-', '');
    return { fileName: `transactions-${compact(from)}-${compact(to)}.csv`, text, rows: rows.length, bytes: Buffer.byteLength(text, 'utf8') };
  }
}
