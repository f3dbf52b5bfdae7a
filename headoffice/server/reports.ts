/** The dashboard's queries, all on read models (rm_*): overview, a period's sales, live figures. */
import type { Pool } from 'pg';

export interface TerminalRow {
  id: string;
  name: string;
  storeId: string;
  lastSeenAt: string | null;
  ackedSeq: number;
  backlog: number;
}

export async function overview(pool: Pool): Promise<{ stores: { id: string; name: string; terminals: TerminalRow[] }[] }> {
  const s = await pool.query<{ id: string; name: string }>('SELECT id, name FROM stores ORDER BY created_at, id');
  const t = await pool.query<{ id: string; name: string; store_id: string; last_seen_at: Date | null; acked_seq: string; reported_seq: string }>(
    'SELECT id, name, store_id, last_seen_at, acked_seq, reported_seq FROM terminals ORDER BY enrolled_at',
  );
  return {
    stores: s.rows.map((st) => ({
      id: st.id,
      name: st.name,
      terminals: t.rows
        .filter((x) => x.store_id === st.id)
        .map((x) => ({ id: x.id, name: x.name, storeId: x.store_id, lastSeenAt: x.last_seen_at?.toISOString() ?? null, ackedSeq: Number(x.acked_seq), backlog: Math.max(0, Number(x.reported_seq) - Number(x.acked_seq)) })),
    })),
  };
}

export interface SalesRow {
  storeId: string;
  terminalId: string;
  method: string;
  salesCount: number;
  salesAmount: number;
  refundCount: number;
  refundAmount: number;
}

/** Sales and cancels of the Seoul days [from, to], per store, terminal and method (rm_daily). */
export async function salesReport(pool: Pool, from: string, to: string, storeId?: string): Promise<{ rows: SalesRow[]; total: { salesCount: number; salesAmount: number; refundAmount: number; net: number } }> {
  const r = await pool.query<{ store_id: string; terminal_id: string; method: string; sc: string; sa: string; rc: string; ra: string }>(
    `SELECT store_id, terminal_id, method, sum(sales_count) sc, sum(sales_amount) sa, sum(refund_count) rc, sum(refund_amount) ra
     FROM rm_daily WHERE day BETWEEN $1 AND $2 AND ($3::text IS NULL OR store_id = $3)
     GROUP BY store_id, terminal_id, method ORDER BY store_id, terminal_id, method`,
    [from, to, storeId ?? null],
  );
  const rows = r.rows.map((x) => ({ storeId: x.store_id, terminalId: x.terminal_id, method: x.method, salesCount: Number(x.sc), salesAmount: Number(x.sa), refundCount: Number(x.rc), refundAmount: Number(x.ra) }));
  const total = rows.reduce((a, x) => ({ salesCount: a.salesCount + x.salesCount, salesAmount: a.salesAmount + x.salesAmount, refundAmount: a.refundAmount + x.refundAmount, net: a.net + x.salesAmount - x.refundAmount }), { salesCount: 0, salesAmount: 0, refundAmount: 0, net: 0 });
  return { rows, total };
}

/** Best-selling items of a period (approved sales by item name). */
export async function productReport(pool: Pool, from: string, to: string): Promise<{ itemName: string; count: number; amount: number }[]> {
  const r = await pool.query<{ item_name: string; n: string; amount: string }>(
    `SELECT item_name, count(*) n, sum(amount) amount FROM rm_payments WHERE status = 'approved' AND sale_day BETWEEN $1 AND $2 GROUP BY item_name ORDER BY sum(amount) DESC LIMIT 20`,
    [from, to],
  );
  return r.rows.map((x) => ({ itemName: x.item_name, count: Number(x.n), amount: Number(x.amount) }));
}

/** Recent approved sales (newest first) for the live list. */
export async function recentSales(pool: Pool, limit = 20): Promise<{ terminalId: string; storeId: string; localId: number; orderId: string; amount: number; itemName: string; methodType: string | null; approvedAt: string }[]> {
  const r = await pool.query<{ terminal_id: string; store_id: string; local_id: number; order_id: string; amount: string; item_name: string; method_type: string | null; approved_at: Date }>(
    `SELECT terminal_id, store_id, local_id, order_id, amount, item_name, method_type, approved_at FROM rm_payments WHERE status = 'approved' ORDER BY approved_at DESC LIMIT $1`,
    [limit],
  );
  return r.rows.map((x) => ({ terminalId: x.terminal_id, storeId: x.store_id, localId: x.local_id, orderId: x.order_id, amount: Number(x.amount), itemName: x.item_name, methodType: x.method_type, approvedAt: x.approved_at.toISOString() }));
}
