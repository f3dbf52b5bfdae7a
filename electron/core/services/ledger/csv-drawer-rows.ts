/**
 * The cash side of the CSV export (issue 13): one row per drawer event of the sessions whose business day
 * is in the range (개점 시재, 현금 결제, 현금 환불, 주문 취소로 돌려준 현금, 입금, 출금) and one per closed
 * session (시재 마감: counted cash in 거래금액's place is the over/short). 순매출 is +cash sale, −cash given
 * back, 0 for the drawer's own movements, so the CSV's 순매출 sums to the QR net + the day's cash net.
 */
import type Database from 'better-sqlite3';
import { splitVat } from '../../../../shared/domain/vat';

export const DRAWER_ROW_KO: Record<string, string> = {
  float: '개점 시재',
  cash_sale: '현금 결제',
  cash_refund: '현금 환불',
  cash_void: '현금 반환',
  paid_in: '입금',
  paid_out: '출금',
  drawer_close: '시재 마감',
};

export interface DrawerCsvRow {
  at: string;
  sessionId: number;
  kind: string;
  amount: number;
  orderNo: string | null;
  itemName: string;
  taxFree: number;
  reason: string | null;
  /** drawer_close only: counted and over/short. */
  counted: number | null;
  overShort: number | null;
}

const SQL = `
  SELECT e.at, e.session_id AS sessionId, e.kind, e.amount, o.order_no AS orderNo, IFNULL(o.item_name, '') AS itemName,
         CASE WHEN o.total > 0 THEN (e.amount * o.tax_free) / o.total ELSE 0 END AS taxFree, e.reason, NULL AS counted, NULL AS overShort
    FROM drawer_events e JOIN drawer_sessions s ON s.id = e.session_id LEFT JOIN orders o ON o.id = e.order_id
   WHERE s.business_day >= @from AND s.business_day <= @to
  UNION ALL
  SELECT s.closed_at, s.id, 'drawer_close', s.over_short, NULL, '', 0, s.note, s.counted, s.over_short
    FROM drawer_sessions s WHERE s.status = 'closed' AND s.business_day >= @from AND s.business_day <= @to
  ORDER BY 1, 2`;

export function drawerCsvRows(db: Database.Database, from: string, to: string): DrawerCsvRow[] {
  return db.prepare(SQL).all({ from, to }) as DrawerCsvRow[];
}

/** Effect on the day's net sales. */
export function drawerRowNet(r: DrawerCsvRow): number {
  if (r.kind === 'cash_sale') return r.amount;
  if (r.kind === 'cash_refund' || r.kind === 'cash_void') return -r.amount;
  return 0;
}

export function drawerRowVat(r: DrawerCsvRow): { vat: number; supply: number } {
  if (r.kind !== 'cash_sale' && r.kind !== 'cash_refund' && r.kind !== 'cash_void') return { vat: 0, supply: 0 };
  return splitVat(r.amount, r.taxFree);
}
