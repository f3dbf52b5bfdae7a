/**
 * The transaction history over the ledger: filters (Seoul days, states, methods, amounts, tid / order
 * id), newest first, keyset pages. A page walks an index in (created_at, id) order from the cursor and
 * stops after `limit` matches, so page 200 costs what page 1 does; the total is counted on the first
 * page only, and only up to HISTORY_TOTAL_CAP rows (bench/ledger-bench.ts has the figures).
 */
import type Database from 'better-sqlite3';
import { HISTORY_PAGE_SIZE, HISTORY_TOTAL_CAP, type HistoryPage, type HistoryRow, type PaymentStatus, type RefundStatus, type SearchPaymentsInput } from '../../../../shared/contract';
import { isErrorCode } from '../../../../shared/domain/errors';
import { historyState } from '../../../../shared/domain/ledger/history-state';
import { seoulDayRangeUtc } from '../../../../shared/domain/time';
import { OPEN_REFUNDS_COLUMN, STATE_SQL } from './history-sql';

interface Row {
  id: number;
  order_id: string;
  created_at: string;
  approved_at: string | null;
  status: PaymentStatus;
  amount: number;
  refunded_amount: number;
  item_name: string;
  method_type: string | null;
  tid: string | null;
  error_code: string | null;
  open_refunds: string | null;
}

/** "…Z~id": created_at and id of the last row of a page. */
export function encodeCursor(createdAt: string, id: number): string {
  return `${createdAt}~${id}`;
}
export function decodeCursor(cursor: string): { createdAt: string; id: number } {
  const i = cursor.lastIndexOf('~');
  return { createdAt: cursor.slice(0, i), id: Number(cursor.slice(i + 1)) };
}

/** The smallest string above every string that starts with `prefix` (ids are ASCII letters, digits, '-'). */
const prefixEnd = (prefix: string) => `${prefix}~`;

type Args = Record<string, string | number>;

/** WHERE terms and their named parameters for a filter (shared by the page and the count). */
export function filterSql(f: Omit<SearchPaymentsInput, 'cursor' | 'limit'>): { where: string[]; args: Args } {
  const where: string[] = [];
  const args: Args = {};
  if (f.from) {
    where.push('p.created_at >= @start');
    args.start = seoulDayRangeUtc(f.from).start;
  }
  if (f.to) {
    where.push('p.created_at < @end');
    args.end = seoulDayRangeUtc(f.to).end;
  }
  if (f.states && f.states.length > 0 && f.states.length < Object.keys(STATE_SQL).length) {
    const states = [...new Set(f.states)];
    where.push(states.length === 1 ? STATE_SQL[states[0]!] : `(${states.map((s) => STATE_SQL[s]).join(' OR ')})`);
  }
  if (f.methods && f.methods.length > 0) {
    const methods = [...new Set(f.methods)];
    if (methods.length === 1) {
      where.push('p.method_type = @method');
      args.method = methods[0]!;
    } else {
      where.push('p.method_type IN (SELECT value FROM json_each(@methods))');
      args.methods = JSON.stringify(methods);
    }
  }
  if (f.minAmount !== undefined) {
    where.push('p.amount >= @minAmount');
    args.minAmount = f.minAmount;
  }
  if (f.maxAmount !== undefined) {
    where.push('p.amount <= @maxAmount');
    args.maxAmount = f.maxAmount;
  }
  const q = f.query?.trim().toUpperCase();
  if (q) {
    // Whole or the beginning of a tid or an order id: two index ranges (payments_tid, the order_id key).
    where.push('((p.tid >= @q AND p.tid < @qEnd) OR (p.order_id >= @q AND p.order_id < @qEnd))');
    args.q = q;
    args.qEnd = prefixEnd(q);
  }
  return { where, args };
}

function toRow(r: Row): HistoryRow {
  const open = r.open_refunds ? (r.open_refunds.split(',') as RefundStatus[]) : [];
  return {
    id: r.id,
    orderId: r.order_id,
    createdAt: r.created_at,
    approvedAt: r.approved_at,
    status: r.status,
    state: historyState(r.status, r.amount, r.refunded_amount, open),
    amount: r.amount,
    refundedAmount: r.refunded_amount,
    itemName: r.item_name,
    methodType: r.method_type,
    tid: r.tid,
    errorCode: r.error_code === null ? null : isErrorCode(r.error_code) ? r.error_code : 'INTERNAL',
  };
}

export class HistoryQuery {
  private readonly stmts = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  private stmt(sql: string): Database.Statement {
    let s = this.stmts.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.stmts.set(sql, s);
    }
    return s;
  }

  search(input: SearchPaymentsInput): HistoryPage {
    const limit = input.limit ?? HISTORY_PAGE_SIZE;
    const { where, args } = filterSql(input);
    const pageWhere = [...where];
    const pageArgs: Args = { ...args, limit: limit + 1 };
    if (input.cursor) {
      const c = decodeCursor(input.cursor);
      pageWhere.push('(p.created_at < @cAt OR (p.created_at = @cAt AND p.id < @cId))');
      pageArgs.cAt = c.createdAt;
      pageArgs.cId = c.id;
    }
    const cond = pageWhere.length ? `WHERE ${pageWhere.join(' AND ')}` : '';
    const sql = `SELECT p.id, p.order_id, p.created_at, p.approved_at, p.status, p.amount, p.refunded_amount, p.item_name, p.method_type, p.tid, p.error_code, ${OPEN_REFUNDS_COLUMN}
      FROM payments p ${cond} ORDER BY p.created_at DESC, p.id DESC LIMIT @limit`;
    const found = this.stmt(sql).all(pageArgs) as Row[];
    const more = found.length > limit;
    const rows = (more ? found.slice(0, limit) : found).map(toRow);
    const last = rows.at(-1);
    let total: number | null = null;
    let totalCapped = false;
    if (!input.cursor) {
      if (!more) total = rows.length;
      else {
        const countSql = `SELECT COUNT(*) AS n FROM (SELECT 1 FROM payments p ${where.length ? `WHERE ${where.join(' AND ')}` : ''} LIMIT ${HISTORY_TOTAL_CAP + 1})`;
        const n = (this.stmt(countSql).get(args) as { n: number }).n;
        totalCapped = n > HISTORY_TOTAL_CAP;
        total = Math.min(n, HISTORY_TOTAL_CAP);
      }
    }
    return { rows, nextCursor: more && last ? encodeCursor(last.createdAt, last.id) : null, total, totalCapped };
  }

  /** Distinct method types, by skipping through the method index (no scan of the payments). */
  methods(): string[] {
    const rows = this.stmt(
      `WITH RECURSIVE m(v) AS (
         SELECT (SELECT MIN(method_type) FROM payments WHERE method_type IS NOT NULL)
         UNION ALL SELECT (SELECT MIN(method_type) FROM payments WHERE method_type > m.v) FROM m WHERE m.v IS NOT NULL
       ) SELECT v FROM m WHERE v IS NOT NULL`,
    ).all() as { v: string }[];
    return rows.map((r) => r.v);
  }
}
