/**
 * Drawer sessions (개점/마감) of this terminal: open with a float (by denomination or a total), paid-in /
 * paid-out with a reason, close with a count by denomination. Expected cash is a pure function of the
 * session's drawer events (shared/domain/cash/drawer-cash.ts); over/short = counted − expected.
 * A session closes only when nothing is open or unsettled in it (an open order, a QR payment or a
 * 현금영수증 being checked); sales after a close need the next session, so every sale is in exactly one
 * closed report. 일마감 sums a business day's sessions.
 */
import type { DrawerReport, DrawerSession, DrawerState } from '../../../../shared/contract-cash';
import { countTotal, drawerFigures, type DenominationCounts } from '../../../../shared/domain/cash/drawer-cash';
import { OPEN_CASH_RECEIPT_STATUSES } from '../../../../shared/domain/cash/state-machine';
import { PosError } from '../../../../shared/domain/errors';
import { seoulDay } from '../../../../shared/domain/time';
import type { EventBus } from '../../events';
import type { CounterRepo, SessionRow } from '../order/counter-repo';

export interface DrawerServiceDeps {
  repo: CounterRepo;
  events: EventBus;
  /** Payments not final (any flow): a session cannot close over them. */
  openPayments: () => { orderId: string; status: string }[];
  /** QR refunds asked for in [fromIso, toIso) and confirmed: amount and count. */
  qrRefundsBetween: (fromIso: string, toIso: string) => { amount: number; count: number };
  /** Approved QR sales of the session that are not an order's tender (a plain scan or MPM sale). */
  plainQrSales: (sessionId: number) => { methodType: string | null; amount: number }[];
  onClosed: (s: DrawerSession) => void;
  now?: () => Date;
}

export class DrawerService {
  private readonly now: () => Date;

  constructor(private readonly d: DrawerServiceDeps) {
    this.now = d.now ?? (() => new Date());
  }

  state(): DrawerState {
    const cur = this.d.repo.openSession();
    const last = this.d.repo.lastClosed();
    return { current: cur ? this.view(cur) : null, lastClosed: last ? this.view(last) : null };
  }

  get(id: number): DrawerSession {
    const r = this.d.repo.session(id);
    if (!r) throw new PosError('VALIDATION_FAILED', `drawer session ${id} not found`);
    return this.view(r);
  }

  listDay(day: string): DrawerSession[] {
    return this.d.repo.sessionsOfDay(day).map((r) => this.view(r));
  }

  open(input: { float?: number | undefined; counts?: DenominationCounts | undefined }): DrawerSession {
    const repo = this.d.repo;
    const float = input.counts ? countTotal(input.counts) : (input.float ?? 0);
    const id = repo.tx(() => {
      if (repo.openSession()) throw new PosError('DRAWER_ALREADY_OPEN');
      const at = repo.at();
      const info = repo.db.prepare("INSERT INTO drawer_sessions (status, business_day, opened_at, float_counts) VALUES ('open', ?, ?, ?)").run(seoulDay(this.now()), at, input.counts ? JSON.stringify(input.counts) : null);
      const sid = Number(info.lastInsertRowid);
      repo.created('drawer_session', sid, 'open', `float ${float}`);
      repo.addDrawerEvent(sid, 'float', float, { reason: '개점 시재' });
      return sid;
    });
    return this.changed(id);
  }

  movement(kind: 'paid_in' | 'paid_out', amount: number, reason: string): DrawerSession {
    const repo = this.d.repo;
    const id = repo.tx(() => {
      const s = repo.openSession();
      if (!s) throw new PosError('DRAWER_NOT_OPEN');
      if (kind === 'paid_out') {
        const cash = drawerFigures(repo.drawerEvents(s.id)).expected;
        if (amount > cash) throw new PosError('CASH_AMOUNT_INVALID', `paid-out ${amount} > cash in the drawer ${cash}`);
      }
      repo.addDrawerEvent(s.id, kind, amount, { reason });
      return s.id;
    });
    return this.changed(id);
  }

  close(counts: DenominationCounts, note: string): DrawerSession {
    const repo = this.d.repo;
    const id = repo.tx(() => {
      const s = repo.openSession();
      if (!s) throw new PosError('DRAWER_NOT_OPEN');
      const report = this.report(s);
      if (report.unsettled.openOrders.length > 0) throw new PosError('ORDER_OPEN', report.unsettled.openOrders.join(', '));
      if (report.unsettled.unknownPayments.length > 0 || report.unsettled.openCashReceipts.length > 0) {
        throw new PosError('DRAWER_UNSETTLED', [...report.unsettled.unknownPayments, ...report.unsettled.openCashReceipts].join(', '));
      }
      const counted = countTotal(counts);
      repo.transition('drawer_session', s.id, 'closed', { closed_at: repo.at(), close_counts: JSON.stringify(counts), counted, over_short: counted - report.expected, note: note || null, report_json: JSON.stringify(report) });
      return s.id;
    });
    const closed = this.changed(id);
    this.d.onClosed(closed);
    return closed;
  }

  /** The session's figures; a closed session keeps the report frozen at its close. */
  report(s: SessionRow): DrawerReport {
    if (s.status === 'closed' && s.report_json) return JSON.parse(s.report_json) as DrawerReport;
    const repo = this.d.repo;
    const f = drawerFigures(repo.drawerEvents(s.id));
    const orders = repo.sessionOrderRows(s.id).map((r) => repo.toOrder(r));
    const done = orders.filter((o) => o.status === 'completed');
    const cash = { count: 0, amount: 0 };
    const qr = { count: 0, amount: 0 };
    const byMethod = new Map<string | null, { count: number; amount: number }>();
    // a QR tender of an order and a plain QR sale count alike: by tender and by method
    const addQr = (methodType: string | null, amount: number) => {
      qr.count++;
      qr.amount += amount;
      const m = byMethod.get(methodType) ?? { count: 0, amount: 0 };
      m.count++;
      m.amount += amount;
      byMethod.set(methodType, m);
    };
    const receipts = { count: 0, amount: 0, cancelledAmount: 0 };
    const openReceipts: string[] = [];
    for (const o of orders) {
      for (const r of o.cashReceipts) {
        if (OPEN_CASH_RECEIPT_STATUSES.includes(r.status)) openReceipts.push(`현금영수증 ${o.orderNo}`);
        if (r.issueNumber) {
          receipts.count++;
          receipts.amount += r.amount;
          receipts.cancelledAmount += r.cancelledAmount;
        }
      }
    }
    for (const o of done) {
      for (const t of o.tenders) {
        if (t.kind === 'cash' && t.status === 'taken') {
          cash.count++;
          cash.amount += t.amount;
        } else if (t.kind === 'qr' && t.status === 'approved') addQr(t.methodType, t.amount);
      }
    }
    // A plain QR sale (scan or MPM, no order) belongs to the session it was recorded in (payments.session_id).
    const plain = this.d.plainQrSales(s.id);
    for (const p of plain) addQr(p.methodType, p.amount);
    // Open receipts of orders from earlier sessions that are being cancelled now also hold the close.
    for (const r of repo.openReceiptRows()) if (!orders.some((o) => o.id === r.order_id)) openReceipts.push(`현금영수증 #${r.id}`);
    const qrRefunds = this.d.qrRefundsBetween(s.opened_at, s.closed_at ?? '9999');
    return {
      float: f.float,
      cashSales: f.cashSales,
      cashRefunds: f.cashRefunds,
      paidIn: f.paidIn,
      paidOut: f.paidOut,
      expected: f.expected,
      orders: { completed: done.length + plain.length, voided: orders.filter((o) => o.status === 'voided').length, open: orders.filter((o) => o.status === 'open').length, total: done.reduce((n, o) => n + o.total, 0) + plain.reduce((n, p) => n + p.amount, 0) },
      byTender: { cash, qr },
      qrByMethod: [...byMethod.entries()].map(([methodType, m]) => ({ methodType, ...m })),
      refunds: { cash: f.cashRefunds, qr: qrRefunds.amount, count: repo.drawerEvents(s.id).filter((e) => e.kind === 'cash_refund' || e.kind === 'cash_void').length + qrRefunds.count },
      cashReceipts: receipts,
      unsettled: {
        openOrders: orders.filter((o) => o.status === 'open').map((o) => o.orderNo),
        unknownPayments: this.d.openPayments().map((p) => `QR ${p.orderId} (${p.status})`),
        openCashReceipts: openReceipts,
      },
    };
  }

  private view(r: SessionRow): DrawerSession {
    return {
      id: r.id,
      status: r.status,
      businessDay: r.business_day,
      openedAt: r.opened_at,
      closedAt: r.closed_at,
      floatCounts: r.float_counts ? (JSON.parse(r.float_counts) as DenominationCounts) : null,
      closeCounts: r.close_counts ? (JSON.parse(r.close_counts) as DenominationCounts) : null,
      counted: r.counted,
      overShort: r.over_short,
      note: r.note,
      events: this.d.repo.drawerEvents(r.id),
      report: this.report(r),
    };
  }

  private changed(id: number): DrawerSession {
    this.d.events.emit('drawer.updated', this.state());
    return this.get(id);
  }
}
