/**
 * The transaction history over the ledger: filters (Seoul days, states, methods, amounts, tid / order
 * id), newest first, keyset pages. A page seeks to the cursor in an index kept in (created_at, id) order
 * (history-sql.ts) and stops after `limit` matches, so page 200 costs what page 1 does.
 * Counting is a separate call that stops at HISTORY_TOTAL_CAP matches (bench/ledger-bench.ts).
 */
import type Database from 'better-sqlite3';
import { HISTORY_PAGE_SIZE, HISTORY_TOTAL_CAP, type HistoryFilter, type HistoryPage, type HistoryRow, type HistoryState, type PaymentStatus, type SearchPaymentsInput } from '../../../../shared/contract';
import { isErrorCode } from '../../../../shared/domain/errors';
import { historySql } from './history-sql';

const COLUMNS = 'p.id AS id, p.order_id, p.created_at AS created_at, p.approved_at, p.status, p.amount, p.refunded_amount, p.item_name, p.method_type, p.tid, p.error_code, p.history_state';

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
  history_state: HistoryState;
}

/** "…Z~id": created_at and id of the last row of a page. */
export function encodeCursor(createdAt: string, id: number): string {
  return `${createdAt}~${id}`;
}
export function decodeCursor(cursor: string): { createdAt: string; id: number } {
  const i = cursor.lastIndexOf('~');
  return { createdAt: cursor.slice(0, i), id: Number(cursor.slice(i + 1)) };
}

function toRow(r: Row): HistoryRow {
  return {
    id: r.id,
    orderId: r.order_id,
    createdAt: r.created_at,
    approvedAt: r.approved_at,
    status: r.status,
    state: r.history_state,
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
    const cursor = input.cursor ? decodeCursor(input.cursor) : null;
    const { parts, args } = historySql(input, COLUMNS, cursor ? ['(p.created_at, p.id) < (@cAt, @cId)'] : [], cursor ? { cAt: cursor.createdAt, cId: cursor.id } : {});
    const sql = `${parts.join(' UNION ALL ')} ORDER BY created_at DESC, id DESC LIMIT @limit`;
    const found = this.stmt(sql).all({ ...args, limit: limit + 1 }) as Row[];
    const more = found.length > limit;
    const rows = (more ? found.slice(0, limit) : found).map(toRow);
    const last = rows.at(-1);
    return { rows, nextCursor: more && last ? encodeCursor(last.createdAt, last.id) : null };
  }

  /** Matches of a filter, counted up to HISTORY_TOTAL_CAP (then `capped`). */
  count(f: HistoryFilter): { total: number; capped: boolean } {
    const { parts, args } = historySql(f, '1');
    const n = (this.stmt(`SELECT COUNT(*) AS n FROM (${parts.join(' UNION ALL ')} LIMIT ${HISTORY_TOTAL_CAP + 1})`).get(args) as { n: number }).n;
    return { total: Math.min(n, HISTORY_TOTAL_CAP), capped: n > HISTORY_TOTAL_CAP };
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
