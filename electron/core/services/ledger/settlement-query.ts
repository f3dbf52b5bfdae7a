/**
 * A Seoul day's settlement figures, straight from the ledger. A sale counts on the day it was approved
 * (approved_at), a cancel on the day the backend confirmed it (cancelled_at), each with its own VAT and
 * tax-free parts; both sums come from covering partial indexes (migration 6), so a day is a few
 * thousand index entries whatever the size of the ledger.
 */
import type Database from 'better-sqlite3';
import type { SettlementReport } from '../../../../shared/contract';
import { seoulDayRangeUtc } from '../../../../shared/domain/time';

const LIST_MAX = 20;

interface SalesRow {
  method: string | null;
  n: number;
  amount: number;
  vat: number;
  tax_free: number;
  supply: number;
  first: string | null;
  last: string | null;
}
interface CancelRow extends Omit<SalesRow, 'supply'> {
  full: number;
}

export class SettlementQuery {
  private readonly sales: Database.Statement;
  private readonly cancels: Database.Statement;
  private readonly states: Database.Statement;
  private readonly unfinished: Database.Statement;
  private readonly unfinishedCount: Database.Statement;
  private readonly openRefunds: Database.Statement;
  private readonly unprinted: Database.Statement;

  constructor(
    db: Database.Database,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.sales = db.prepare(
      `SELECT method_type AS method, COUNT(*) AS n, SUM(amount) AS amount, SUM(vat) AS vat, SUM(tax_free) AS tax_free, SUM(supply) AS supply, MIN(approved_at) AS first, MAX(approved_at) AS last
       FROM payments INDEXED BY payments_approved_at WHERE status = 'approved' AND approved_at >= @start AND approved_at < @end GROUP BY method_type`,
    );
    this.cancels = db.prepare(
      `SELECT p.method_type AS method, COUNT(*) AS n, SUM(r.amount) AS amount, SUM(r.vat) AS vat, SUM(r.tax_free) AS tax_free, MIN(r.cancelled_at) AS first, MAX(r.cancelled_at) AS last,
              SUM(r.amount = p.amount) AS full
       FROM refunds r INDEXED BY refunds_cancelled_at JOIN payments p ON p.id = r.payment_id
       WHERE r.status = 'cancelled' AND r.cancelled_at >= @start AND r.cancelled_at < @end GROUP BY p.method_type`,
    );
    // Per status through (status, created_at): one index range each, no table rows.
    this.states = db.prepare(
      `SELECT s.status, (SELECT COUNT(*) FROM payments p WHERE p.status = s.status AND p.created_at >= @start AND p.created_at < @end) AS n
       FROM (SELECT 'approved' AS status UNION ALL SELECT 'failed' UNION ALL SELECT 'unknown' UNION ALL SELECT 'created'
             UNION ALL SELECT 'ready_requested' UNION ALL SELECT 'ready' UNION ALL SELECT 'approve_requested') s`,
    );
    const unfinishedWhere = `status IN ('created', 'ready_requested', 'ready', 'approve_requested', 'unknown') AND created_at >= @start AND created_at < @end`;
    this.unfinished = db.prepare(`SELECT id, order_id AS orderId, status FROM payments WHERE ${unfinishedWhere} ORDER BY id LIMIT ${LIST_MAX}`);
    this.unfinishedCount = db.prepare(`SELECT COUNT(*) AS n FROM payments WHERE ${unfinishedWhere}`);
    // Open cancels of this day's sales or started this day.
    this.openRefunds = db.prepare(
      `SELECT r.id AS refundId, p.id, p.order_id AS orderId, r.status FROM refunds r JOIN payments p ON p.id = r.payment_id
       WHERE r.status IN ('created', 'cancel_requested', 'unknown')
         AND ((r.created_at >= @start AND r.created_at < @end) OR (p.status = 'approved' AND p.approved_at >= @start AND p.approved_at < @end))
       ORDER BY r.id`,
    );
    // Receipts of this day's sales and cancels that were queued but never printed (no printed copy of
    // them): each sale first probes the small partial index of jobs not printed (print_jobs_unprinted),
    // and only those few look for a printed copy.
    this.unprinted = db.prepare(
      `SELECT p.id AS paymentId, NULL AS refundId, 'sale' AS kind,
              (SELECT j.status FROM print_jobs j WHERE j.payment_id = p.id AND j.kind = 'sale' ORDER BY j.id DESC LIMIT 1) AS jobStatus
       FROM payments p INDEXED BY payments_approved_at
       WHERE p.status = 'approved' AND p.approved_at >= @start AND p.approved_at < @end
         AND EXISTS (SELECT 1 FROM print_jobs u INDEXED BY print_jobs_unprinted WHERE u.payment_id = p.id AND u.kind = 'sale' AND u.status <> 'printed')
         AND NOT EXISTS (SELECT 1 FROM print_jobs j WHERE j.payment_id = p.id AND j.kind = 'sale' AND j.status = 'printed')
       UNION ALL
       SELECT r.payment_id, r.id, 'cancel',
              (SELECT j.status FROM print_jobs j WHERE j.payment_id = r.payment_id AND j.kind = 'cancel' AND j.refund_id = r.id ORDER BY j.id DESC LIMIT 1)
       FROM refunds r INDEXED BY refunds_cancelled_at
       WHERE r.status = 'cancelled' AND r.cancelled_at >= @start AND r.cancelled_at < @end
         AND EXISTS (SELECT 1 FROM print_jobs u INDEXED BY print_jobs_unprinted WHERE u.payment_id = r.payment_id AND u.kind = 'cancel' AND u.refund_id = r.id AND u.status <> 'printed')
         AND NOT EXISTS (SELECT 1 FROM print_jobs j WHERE j.payment_id = r.payment_id AND j.kind = 'cancel' AND j.refund_id = r.id AND j.status = 'printed')
       ORDER BY 1, 2`,
    );
  }

  report(day: string): SettlementReport {
    const { start, end } = seoulDayRangeUtc(day);
    const range = { start, end };
    const sales = this.sales.all(range) as SalesRow[];
    const cancels = this.cancels.all(range) as CancelRow[];

    const methods = new Map<string | null, SettlementReport['byMethod'][number]>();
    const method = (m: string | null) => {
      let row = methods.get(m);
      if (!row) methods.set(m, (row = { methodType: m, salesCount: 0, salesAmount: 0, cancelCount: 0, cancelAmount: 0, net: 0 }));
      return row;
    };
    const s = { count: 0, amount: 0, vat: 0, taxFree: 0, supply: 0 };
    const c = { count: 0, amount: 0, vat: 0, taxFree: 0, supply: 0, fullCount: 0 };
    let firstAt: string | null = null;
    let lastAt: string | null = null;
    const span = (first: string | null, last: string | null) => {
      if (first && (!firstAt || first < firstAt)) firstAt = first;
      if (last && (!lastAt || last > lastAt)) lastAt = last;
    };
    for (const r of sales) {
      s.count += r.n;
      s.amount += r.amount;
      s.vat += r.vat;
      s.taxFree += r.tax_free;
      s.supply += r.supply;
      const m = method(r.method);
      m.salesCount += r.n;
      m.salesAmount += r.amount;
      span(r.first, r.last);
    }
    for (const r of cancels) {
      c.count += r.n;
      c.amount += r.amount;
      c.vat += r.vat;
      c.taxFree += r.tax_free;
      c.supply += r.amount - r.vat - r.tax_free;
      c.fullCount += r.full;
      const m = method(r.method);
      m.cancelCount += r.n;
      m.cancelAmount += r.amount;
      span(r.first, r.last);
    }
    const byMethod = [...methods.values()]
      .map((m) => ({ ...m, net: m.salesAmount - m.cancelAmount }))
      .sort((a, b) => b.salesAmount - a.salesAmount || String(a.methodType).localeCompare(String(b.methodType)));

    const counts = { approved: 0, failed: 0, unknown: 0, inProgress: 0 };
    for (const r of this.states.all(range) as { status: string; n: number }[]) {
      if (r.status === 'approved' || r.status === 'failed' || r.status === 'unknown') counts[r.status] += r.n;
      else counts.inProgress += r.n;
    }
    const openRefunds = this.openRefunds.all(range) as { refundId: number; id: number; orderId: string; status: string }[];
    const unprinted = this.unprinted.all(range) as { paymentId: number; refundId: number | null; kind: 'sale' | 'cancel'; jobStatus: string }[];

    return {
      day,
      from: start,
      to: end,
      generatedAt: this.now().toISOString(),
      sales: s,
      cancels: c,
      net: { amount: s.amount - c.amount, vat: s.vat - c.vat, taxFree: s.taxFree - c.taxFree, supply: s.supply - c.supply },
      byMethod,
      firstAt,
      lastAt,
      payments: counts,
      warnings: {
        unfinishedPayments: { count: (this.unfinishedCount.get(range) as { n: number }).n, items: this.unfinished.all(range) as { id: number; orderId: string; status: string }[] },
        openRefunds: { count: openRefunds.length, items: openRefunds.slice(0, LIST_MAX) },
        unprintedReceipts: { count: unprinted.length, items: unprinted.slice(0, LIST_MAX) },
      },
    };
  }
}
