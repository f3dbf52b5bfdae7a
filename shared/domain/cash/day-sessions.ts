/**
 * 일마감 by tender (issue 13): a business day's drawer sessions summed, report by report. The settlement
 * screen, its CSV and the printed 정산서 show this next to the QR figures by method; a closed session's
 * report is the one frozen at its close, so the day's cash is exactly the sum of its closed reports.
 */
import type { DrawerFigures } from './drawer-cash';

export interface SessionLike {
  status: 'open' | 'closed';
  counted: number | null;
  overShort: number | null;
  report: DrawerFigures & {
    orders: { completed: number; total: number };
    byTender: { cash: { count: number; amount: number }; qr: { count: number; amount: number } };
    qrByMethod: { methodType: string | null; count: number; amount: number }[];
    refunds: { cash: number; qr: number; count: number };
    cashReceipts: { count: number; amount: number; cancelledAmount: number };
  };
}

export interface DayTenders {
  sessions: { count: number; open: number; closed: number };
  orders: { completed: number; total: number };
  byTender: { cash: { count: number; amount: number }; qr: { count: number; amount: number } };
  qrByMethod: { methodType: string | null; count: number; amount: number }[];
  refunds: { cash: number; qr: number; count: number };
  cash: { float: number; sales: number; refunds: number; paidIn: number; paidOut: number; expected: number; counted: number; overShort: number };
  cashReceipts: { count: number; amount: number; cancelledAmount: number };
  /** cash + QR sales − cash + QR refunds. */
  net: number;
}

export function sumSessions(sessions: readonly SessionLike[]): DayTenders {
  const d: DayTenders = {
    sessions: { count: sessions.length, open: 0, closed: 0 },
    orders: { completed: 0, total: 0 },
    byTender: { cash: { count: 0, amount: 0 }, qr: { count: 0, amount: 0 } },
    qrByMethod: [],
    refunds: { cash: 0, qr: 0, count: 0 },
    cash: { float: 0, sales: 0, refunds: 0, paidIn: 0, paidOut: 0, expected: 0, counted: 0, overShort: 0 },
    cashReceipts: { count: 0, amount: 0, cancelledAmount: 0 },
    net: 0,
  };
  const methods = new Map<string | null, { methodType: string | null; count: number; amount: number }>();
  for (const s of sessions) {
    const r = s.report;
    d.sessions[s.status]++;
    d.orders.completed += r.orders.completed;
    d.orders.total += r.orders.total;
    for (const k of ['cash', 'qr'] as const) {
      d.byTender[k].count += r.byTender[k].count;
      d.byTender[k].amount += r.byTender[k].amount;
    }
    for (const m of r.qrByMethod) {
      const row = methods.get(m.methodType) ?? { methodType: m.methodType, count: 0, amount: 0 };
      row.count += m.count;
      row.amount += m.amount;
      methods.set(m.methodType, row);
    }
    d.refunds.cash += r.refunds.cash;
    d.refunds.qr += r.refunds.qr;
    d.refunds.count += r.refunds.count;
    d.cash.float += r.float;
    d.cash.sales += r.cashSales;
    d.cash.refunds += r.cashRefunds;
    d.cash.paidIn += r.paidIn;
    d.cash.paidOut += r.paidOut;
    d.cash.expected += r.expected;
    d.cash.counted += s.counted ?? 0;
    d.cash.overShort += s.overShort ?? 0;
    d.cashReceipts.count += r.cashReceipts.count;
    d.cashReceipts.amount += r.cashReceipts.amount;
    d.cashReceipts.cancelledAmount += r.cashReceipts.cancelledAmount;
  }
  d.qrByMethod = [...methods.values()].sort((a, b) => b.amount - a.amount || String(a.methodType).localeCompare(String(b.methodType)));
  d.net = d.byTender.cash.amount + d.byTender.qr.amount - d.refunds.cash - d.refunds.qr;
  return d;
}
