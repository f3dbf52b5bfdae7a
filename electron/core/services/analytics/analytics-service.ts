/**
 * Sales analytics for the owner: SQL aggregates over the ledger for a period of Seoul days.
 *
 * - A sale is an approved payment; it counts at its approval time (approved_at, else created_at), in Seoul
 *   local time computed in SQL as UTC + 9 h (Korea has no daylight saving).
 * - Net = gross - the cancels the backend confirmed (refunds.status = 'cancelled'); a cancel is taken off
 *   the bucket of the sale it cancels, whenever it happened, so "by hour" shows what each hour's sales became.
 * - Category = the store's category code recorded with the payment at creation (migration 4).
 */
import type Database from 'better-sqlite3';
import type { Analytics, AnalyticsInput, SalesBucket } from '../../../../shared/contract';
import { seoulDayRangeUtc } from '../../../../shared/domain/time';

/** The sale time of a payment; the same expression as the index payments_sale_at (status, sale time). */
const SALE_AT = 'COALESCE(p.approved_at, p.created_at)';

/** One row per approved sale in [@start, @end): amount, refunded part, Seoul wall clock, method, category. */
const SALES = `
  SELECT p.amount AS amount,
         COALESCE((SELECT SUM(r.amount) FROM refunds r WHERE r.payment_id = p.id AND r.status = 'cancelled'), 0) AS refunded,
         (SELECT COUNT(*) FROM refunds r WHERE r.payment_id = p.id AND r.status = 'cancelled') AS refunds,
         strftime('%Y-%m-%d %H:%M:%f', ${SALE_AT}, '+9 hours') AS seoul,
         p.method_type AS method,
         p.category_cd AS category
  FROM payments p
  WHERE p.status = 'approved' AND ${SALE_AT} >= @start AND ${SALE_AT} < @end`;

const AGG = 'COUNT(*) AS count, COALESCE(SUM(amount), 0) AS gross, COALESCE(SUM(refunded), 0) AS refunded';

interface AggRow {
  count: number;
  gross: number;
  refunded: number;
}

const bucket = (r: AggRow | undefined): SalesBucket => {
  const count = r?.count ?? 0;
  const gross = r?.gross ?? 0;
  const refunded = r?.refunded ?? 0;
  return { count, gross, refunded, net: gross - refunded };
};

const byNet = (a: SalesBucket, b: SalesBucket) => b.net - a.net || b.count - a.count;

export class AnalyticsService {
  private readonly totals: Database.Statement;
  private readonly hours: Database.Statement;
  private readonly weekdays: Database.Statement;
  private readonly methods: Database.Statement;
  private readonly categories: Database.Statement;

  constructor(db: Database.Database) {
    this.totals = db.prepare(`SELECT ${AGG}, COALESCE(SUM(refunds), 0) AS refundCount FROM (${SALES})`);
    this.hours = db.prepare(`SELECT CAST(strftime('%H', seoul) AS INTEGER) AS k, ${AGG} FROM (${SALES}) GROUP BY k`);
    this.weekdays = db.prepare(`SELECT CAST(strftime('%w', seoul) AS INTEGER) AS k, ${AGG} FROM (${SALES}) GROUP BY k`);
    this.methods = db.prepare(`SELECT method AS k, ${AGG} FROM (${SALES}) GROUP BY k`);
    this.categories = db.prepare(`SELECT category AS k, ${AGG} FROM (${SALES}) GROUP BY k`);
  }

  /** The period's figures; `from` and `to` are Seoul days, both included (checked by the contract). */
  get({ from, to }: AnalyticsInput): Analytics {
    const range = { start: seoulDayRangeUtc(from).start, end: seoulDayRangeUtc(to).end };
    const totals = this.totals.get(range) as AggRow & { refundCount: number };
    const keyed = <K>(stmt: Database.Statement) => new Map((stmt.all(range) as (AggRow & { k: K })[]).map((r) => [r.k, bucket(r)]));
    const hours = keyed<number>(this.hours);
    const weekdays = keyed<number>(this.weekdays);
    return {
      from,
      to,
      totals: { ...bucket(totals), refundCount: totals.refundCount },
      byHour: Array.from({ length: 24 }, (_, hour) => ({ hour, ...bucket(undefined), ...hours.get(hour) })),
      byWeekday: Array.from({ length: 7 }, (_, weekday) => ({ weekday, ...bucket(undefined), ...weekdays.get(weekday) })),
      byMethod: [...keyed<string | null>(this.methods)].map(([method, b]) => ({ method, ...b })).sort(byNet),
      byCategory: [...keyed<number | null>(this.categories)].map(([categoryCd, b]) => ({ categoryCd, ...b })).sort(byNet),
    };
  }
}
