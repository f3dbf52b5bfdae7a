/**
 * Wiring of issue 13 into the core: the counter ledger, orders and tenders, 현금영수증, drawer sessions,
 * and the router handlers of shared/contract-cash.ts. core.ts spreads `handlers` and awaits `recovery`.
 */
import type Database from 'better-sqlite3';
import type { Handlers } from '../../router';
import type { EventBus } from '../../events';
import type { Order } from '../../../../shared/contract-cash';
import { sumSessions, type DayTenders } from '../../../../shared/domain/cash/day-sessions';
import { PosError } from '../../../../shared/domain/errors';
import { receiptPreview } from '../../../../shared/domain/receipt/receipt-text';
import type { PrintInput } from '../../../../shared/domain/receipt/print-input';
import { createCashReceiptClient, type CashReceiptApi } from '../cash-receipt/cash-receipt-client';
import { CashReceiptService } from '../cash-receipt/cash-receipt-service';
import { DrawerService } from '../drawer/drawer-service';
import type { PaymentRepo } from '../payment/payment-repo';
import type { PaymentService } from '../payment/payment-service';
import type { RefundService } from '../payment/refund-service';
import type { PrinterService } from '../printer/printer-service';
import type { StoreRepo } from '../store/store-repo';
import { CounterRepo } from './counter-repo';
import { OrderService } from './order-service';

export type CounterMethod =
  | 'getCounterSettings'
  | 'updateCounterSettings'
  | 'createOrder'
  | 'getOrder'
  | 'getOpenOrder'
  | 'addCashTender'
  | 'addQrTender'
  | 'voidOrder'
  | 'refundTender'
  | 'requestCashReceipt'
  | 'recheckCashReceipt'
  | 'listSessionOrders'
  | 'getDrawer'
  | 'openDrawer'
  | 'drawerMovement'
  | 'closeDrawer'
  | 'getDrawerSession'
  | 'listDrawerSessions'
  | 'printDrawerReport'
  | 'getDrawerReportPreview'
  | 'printOrderReceipt'
  | 'getOrderOfPayment';

export interface CounterDeps {
  db: Database.Database;
  events: EventBus;
  paymentRepo: PaymentRepo;
  payments: PaymentService;
  refunds: RefundService;
  printer: PrinterService;
  storeRepo: StoreRepo;
  backendUrl: () => string;
  timeoutMs: () => number;
  printerSettings: () => { columns: 32 | 42 | 48; footer: string; cut: 'full' | 'partial' };
  /** Tests point the 현금영수증 client elsewhere. */
  cashReceiptApi?: () => CashReceiptApi;
  lookupDelaysMs?: readonly number[];
}

export interface Counter {
  handlers: Pick<Handlers, CounterMethod>;
  orders: OrderService;
  drawer: DrawerService;
  receipts: CashReceiptService;
  repo: CounterRepo;
  /** Settles what a crash left open (after the payments' own recovery). */
  recover(): Promise<void>;
  /** 일마감 by tender: the business day's sessions summed; null when the day had none. */
  dayTenders(day: string): DayTenders | null;
}

export function createCounter(d: CounterDeps): Counter {
  const repo = new CounterRepo(d.db, undefined, (orderId) => d.paymentRepo.getByOrderId(orderId));
  let clientKey = '';
  let client: CashReceiptApi | null = null;
  const api =
    d.cashReceiptApi ??
    (() => {
      const key = `${d.backendUrl()}|${d.timeoutMs()}`;
      if (!client || key !== clientKey) {
        client = createCashReceiptClient(d.backendUrl(), d.timeoutMs());
        clientKey = key;
      }
      return client;
    });
  const receipts = new CashReceiptService({ repo, api, onChange: (orderId) => d.events.emit('order.updated', repo.order(orderId)), ...(d.lookupDelaysMs ? { lookupDelaysMs: d.lookupDelaysMs } : {}) });
  const store = () => {
    const s = d.storeRepo.get();
    if (!s) throw new PosError('STORE_NOT_REGISTERED');
    return s;
  };
  const orderInput = (o: Order, reprint = false): PrintInput => {
    const p = d.printerSettings();
    return { kind: 'sale', variant: 'order', reprint, store: store(), taxType: repo.settings().taxType, order: o, footer: p.footer, columns: p.columns, cut: p.cut, drawer: !reprint && o.tenders.some((t) => t.kind === 'cash' && t.status === 'taken') };
  };
  const drawerInput = (id: number, reprint: boolean): PrintInput => {
    const p = d.printerSettings();
    return { kind: 'drawer_close', reprint, store: store(), session: drawer.get(id), columns: p.columns, cut: p.cut };
  };
  const drawer = new DrawerService({
    repo,
    events: d.events,
    openPayments: () => d.paymentRepo.listNonFinal().map((p) => ({ orderId: p.orderId, status: p.status })),
    // by when the cancel was asked for (our clock, committed first): the backend's cancel time has whole seconds only
    qrRefundsBetween: (from, to) => {
      const r = d.db.prepare("SELECT IFNULL(SUM(amount), 0) AS amount, COUNT(*) AS count FROM refunds WHERE status = 'cancelled' AND created_at >= ? AND created_at < ?").get(from, to) as { amount: number; count: number };
      return r;
    },
    plainQrSales: (sessionId) =>
      d.db
        .prepare("SELECT method_type AS methodType, amount FROM payments p WHERE p.session_id = ? AND p.status = 'approved' AND NOT EXISTS (SELECT 1 FROM order_tenders t WHERE t.payment_order_id = p.order_id) ORDER BY p.id")
        .all(sessionId) as { methodType: string | null; amount: number }[],
    onClosed: (s) => void d.printer.printInput(drawerInput(s.id, false), { wait: false }).catch((e: unknown) => console.error('[drawer] close report print failed', e)),
  });
  const o = new OrderService({
    repo,
    payments: d.payments,
    refunds: d.refunds,
    receipts,
    events: d.events,
    print: (o) => void d.printer.printInput(orderInput(o), { wait: false }).catch((e: unknown) => console.error('[order] receipt print failed', e)),
  });
  const printed = (job: { id: number; status: string }, input: PrintInput) => ({ jobId: job.id, status: job.status, text: receiptPreview(input).text });

  const handlers: Counter['handlers'] = {
    getCounterSettings: () => repo.settings(),
    updateCounterSettings: (p) => repo.updateSettings(p),
    createOrder: ({ items }) => o.create(items),
    getOrder: ({ id }) => o.get(id),
    getOpenOrder: () => o.openOrder(),
    addCashTender: ({ orderId, amount, received, cashReceipt }) => o.addCash(orderId, received, amount, cashReceipt),
    addQrTender: ({ orderId, amount, qrText }) => o.addQr(orderId, qrText, amount),
    voidOrder: ({ orderId }) => o.void(orderId),
    refundTender: ({ tenderId, amount }) => o.refundTender(tenderId, amount),
    requestCashReceipt: ({ orderId, purpose, identity }) => o.requestCashReceipt(orderId, { purpose, identity }),
    recheckCashReceipt: ({ id }) => receipts.recheck(id),
    listSessionOrders: ({ sessionId }) => o.listSession(sessionId),
    getDrawer: () => drawer.state(),
    openDrawer: (input) => drawer.open(input),
    drawerMovement: ({ kind, amount, reason }) => drawer.movement(kind, amount, reason),
    closeDrawer: ({ counts, note }) => drawer.close(counts, note),
    getDrawerSession: ({ id }) => drawer.get(id),
    listDrawerSessions: ({ day }) => drawer.listDay(day),
    printDrawerReport: async ({ id }) => {
      const input = drawerInput(id, true);
      return printed(await d.printer.printInput(input, { copy: 'reprint', wait: false }), input);
    },
    getDrawerReportPreview: ({ id }) => ({ text: receiptPreview(drawerInput(id, false)).text }),
    getOrderOfPayment: ({ paymentId }) => {
      const p = d.paymentRepo.get(paymentId);
      if (!p) throw new PosError('PAYMENT_NOT_FOUND', `payment ${paymentId}`);
      const t = repo.tenderByPaymentOrderId(p.orderId);
      return t ? o.get(t.order_id) : null;
    },
    printOrderReceipt: async ({ orderId }) => {
      const input = orderInput(o.get(orderId), true);
      return printed(await d.printer.printInput(input, { copy: 'reprint', wait: false }), input);
    },
  };
  return {
    handlers,
    orders: o,
    drawer,
    receipts,
    repo,
    dayTenders(day) {
      const sessions = drawer.listDay(day);
      return sessions.length > 0 ? sumSessions(sessions) : null;
    },
    async recover() {
      o.recoverOnStart();
      await receipts.recoverOnStart();
    },
  };
}
