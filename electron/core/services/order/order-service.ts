/**
 * Orders paid by tenders (issue 13). An order is open until its tenders cover the total; each tender
 * and each void is committed before anything leaves the terminal:
 *   cash: the tender (taken) and its drawer event in one transaction, then the receipt (drawer kick);
 *   QR:   the tender (pending, with the payment's order id fixed) is committed, then the unchanged
 *         payment state machine runs (PaymentService.checkout with that order id); its outcome moves the
 *         tender (approved | failed | unknown → looked up), here and on every payment.updated event.
 * A declined or unknown QR part leaves the order open: retry, another tender, or void (cash given back,
 * recorded as cash_void). Refunds go back per tender. 현금영수증 are issued when the order completes.
 */
import type { Payment } from '../../../../shared/contract';
import type { CashReceiptRequest, Order, Tender } from '../../../../shared/contract-cash';
import { cartTotals, type CartItem } from '../../../../shared/domain/cart';
import { MANDATORY_ISSUE_MIN_KRW } from '../../../../shared/domain/cash/cash-receipt-identity';
import { drawerFigures } from '../../../../shared/domain/cash/drawer-cash';
import { PosError } from '../../../../shared/domain/errors';
import { isValidPaymentAmount } from '../../../../shared/domain/money';
import { parseQrPayload } from '../../../../shared/domain/qr-payload';
import type { EventBus } from '../../events';
import type { CashReceiptService } from '../cash-receipt/cash-receipt-service';
import { newOrderId } from '../payment/order-id';
import type { PaymentService } from '../payment/payment-service';
import type { RefundService } from '../payment/refund-service';
import type { CounterRepo, TenderRow } from './counter-repo';

export interface OrderServiceDeps {
  repo: CounterRepo;
  payments: PaymentService;
  refunds: RefundService;
  receipts: CashReceiptService;
  events: EventBus;
  /** Prints the order's receipt (kicks the drawer when it has cash). */
  print: (order: Order) => void;
  now?: () => Date;
}

/** The items a QR tender of `amount` sends: the whole cart, or the part (taxable and 면세 split pro rata). */
export function qrItems(order: Pick<Order, 'items' | 'itemName' | 'total' | 'taxFree'>, amount: number): CartItem[] {
  if (amount === order.total) return order.items;
  const taxFree = Math.floor((amount * order.taxFree) / order.total);
  const name = `${order.itemName} (분할)`.slice(0, 60);
  return [
    { name, unitPrice: amount - taxFree, quantity: 1, taxFree: false },
    { name: `${name.slice(0, 55)} 면세`, unitPrice: taxFree, quantity: 1, taxFree: true },
  ].filter((it) => it.unitPrice > 0);
}

export class OrderService {
  private readonly now: () => Date;

  constructor(private readonly d: OrderServiceDeps) {
    this.now = d.now ?? (() => new Date());
    d.events.subscribe((e) => {
      if (e.name === 'payment.updated') this.onPayment(e.payload);
    });
  }

  get(id: number): Order {
    return this.d.repo.order(id);
  }

  openOrder(): Order | null {
    const r = this.d.repo.openOrderRow();
    return r ? this.d.repo.toOrder(r) : null;
  }

  create(items: CartItem[]): Order {
    const repo = this.d.repo;
    const session = repo.openSession();
    if (!session) throw new PosError('DRAWER_NOT_OPEN');
    const settings = repo.settings();
    // 면세사업자: every sale is 면세.
    const lines = settings.taxType === '면세' ? items.map((it) => ({ ...it, taxFree: true })) : items;
    const totals = cartTotals(lines);
    if (!isValidPaymentAmount(totals.total)) throw new PosError('AMOUNT_INVALID', `total ${totals.total}`);
    const id = repo.tx(() => {
      const open = repo.openOrderRow();
      if (open) {
        // An order left without any tender (the cashier went back to the cart) is voided; one with tenders is not.
        if (repo.tenderRows(open.id).length > 0) throw new PosError('ORDER_OPEN', `order ${open.order_no}`);
        repo.transition('order', open.id, 'voided', {}, 'replaced by a new order before any tender');
      }
      const at = repo.at();
      const info = repo.db
        .prepare(
          `INSERT INTO orders (order_no, session_id, status, items_json, item_name, total, tax_free, vat, supply, created_at, updated_at)
           VALUES (?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(`O${newOrderId(this.now())}`, session.id, JSON.stringify(lines), totals.itemName, totals.total, totals.taxFree, totals.vat, totals.supply, at, at);
      const oid = Number(info.lastInsertRowid);
      repo.created('order', oid, 'open');
      return oid;
    });
    return this.emit(id);
  }

  addCash(orderId: number, received: number, amount: number | undefined, cashReceipt: CashReceiptRequest | undefined): Order {
    const repo = this.d.repo;
    const { order } = repo.tx(() => {
      const o = this.openForTender(orderId);
      const amt = amount ?? o.due;
      if (amt > o.due) throw new PosError('TENDER_EXCEEDS_DUE', `${amt} > due ${o.due}`);
      if (received < amt) throw new PosError('CASH_RECEIVED_SHORT', `received ${received} < ${amt}`);
      const at = repo.at();
      const info = repo.db
        .prepare(`INSERT INTO order_tenders (order_id, kind, status, amount, received, created_at, updated_at) VALUES (?, 'cash', 'taken', ?, ?, ?, ?)`)
        .run(orderId, amt, received, at, at);
      const tid = Number(info.lastInsertRowid);
      repo.created('tender', tid, 'taken', cashReceipt ? `cash receipt ${cashReceipt.purpose}` : undefined);
      repo.addDrawerEvent(o.sessionId, 'cash_sale', amt, { orderId, tenderId: tid });
      // 현금영수증 asked for with this tender: recorded now (intent), issued when the order completes.
      if (cashReceipt) {
        const tf = Math.floor((amt * o.taxFree) / o.total);
        this.d.receipts.record({ orderId, orderNo: o.orderNo, tenderId: tid, amount: amt, taxFree: tf, purpose: cashReceipt.purpose, identity: cashReceipt.identity });
      }
      return { order: this.completeIfCovered(orderId) };
    });
    this.afterChange(order);
    return this.get(orderId);
  }

  async addQr(orderId: number, qrText: string, amount: number | undefined): Promise<Order> {
    const repo = this.d.repo;
    const qr = parseQrPayload(qrText);
    if (!qr.ok) throw new PosError(qr.code);
    const { tid, paymentOrderId, items } = repo.tx(() => {
      const o = this.openForTender(orderId);
      const amt = amount ?? o.due;
      if (amt > o.due) throw new PosError('TENDER_EXCEEDS_DUE', `${amt} > due ${o.due}`);
      const pid = newOrderId(this.now());
      const at = repo.at();
      const info = repo.db
        .prepare(`INSERT INTO order_tenders (order_id, kind, status, amount, received, payment_order_id, created_at, updated_at) VALUES (?, 'qr', 'pending', ?, ?, ?, ?, ?)`)
        .run(orderId, amt, amt, pid, at, at);
      const id = Number(info.lastInsertRowid);
      repo.created('tender', id, 'pending', `payment ${pid}`);
      return { tid: id, paymentOrderId: pid, items: qrItems(o, amt) };
    });
    this.emit(orderId);
    try {
      const p = await this.d.payments.checkout({ items, qrText: qr.payload.text }, { orderId: paymentOrderId });
      this.onPayment(p);
    } catch (e) {
      // refused before anything was sent (another payment open, store missing, bad amount): the tender failed
      const t = repo.tenderRow(tid)!;
      if (t.status === 'pending' && !this.d.payments.findByOrderId(paymentOrderId)) {
        const code = e instanceof PosError ? e.code : 'INTERNAL';
        repo.transition('tender', tid, 'failed', { error_code: code, error_detail: e instanceof Error ? e.message.slice(0, 300) : null });
        this.emit(orderId);
      }
      if (!(e instanceof PosError)) throw e;
    }
    return this.get(orderId);
  }

  void(orderId: number): Order {
    const repo = this.d.repo;
    repo.tx(() => {
      const o = repo.order(orderId);
      if (o.status !== 'open') throw new PosError('ORDER_STATE', `order ${o.orderNo} is ${o.status}`);
      for (const t of o.tenders) {
        if (t.kind === 'qr' && (t.status === 'approved' || t.status === 'pending' || t.status === 'unknown')) throw new PosError(t.status === 'approved' ? 'ORDER_VOID_QR_APPROVED' : 'PAYMENT_IN_PROGRESS', `tender ${t.id} is ${t.status}`);
      }
      // the cash given back must be in the drawer (a paid-out since may have taken it): never below 0
      const giveBack = o.tenders.filter((t) => t.kind === 'cash' && t.status === 'taken').reduce((n, t) => n + t.amount, 0);
      const inDrawer = drawerFigures(repo.drawerEvents(o.sessionId)).expected;
      if (giveBack > inDrawer) throw new PosError('CASH_AMOUNT_INVALID', `give back ${giveBack} > cash in the drawer ${inDrawer}`);
      for (const t of o.tenders) {
        if (t.kind !== 'cash' || t.status !== 'taken') continue;
        repo.transition('tender', t.id, 'returned', {}, 'order voided: cash given back');
        repo.addDrawerEvent(o.sessionId, 'cash_void', t.amount, { orderId, tenderId: t.id, reason: 'void' });
        const cr = repo.receiptByTender(t.id);
        if (cr && cr.status === 'created') repo.transition('cash_receipt', cr.id, 'failed', { error_code: 'ORDER_STATE', error_detail: 'order voided before issue' });
      }
      repo.transition('order', orderId, 'voided');
    });
    return this.emit(orderId);
  }

  /** Refunds part of one tender of a completed order. */
  async refundTender(tenderId: number, amount: number): Promise<Order> {
    const repo = this.d.repo;
    const t = repo.tenderRow(tenderId);
    if (!t) throw new PosError('ORDER_NOT_FOUND', `tender ${tenderId}`);
    const o = repo.order(t.order_id);
    if (o.status !== 'completed') throw new PosError('ORDER_STATE', `order ${o.orderNo} is ${o.status}`);
    const view = o.tenders.find((x) => x.id === tenderId)!;
    if (amount > view.refundable) throw new PosError('REFUND_EXCEEDS_TENDER', `${amount} > ${view.refundable}`);
    if (t.kind === 'qr') {
      if (view.paymentId === null) throw new PosError('PAYMENT_NOT_FOUND', `tender ${tenderId}`);
      await this.d.refunds.refund({ paymentId: view.paymentId, amount });
      return this.emit(o.id);
    }
    const receiptId = repo.tx(() => {
      const session = repo.openSession();
      if (!session) throw new PosError('DRAWER_NOT_OPEN');
      const cash = drawerFigures(repo.drawerEvents(session.id)).expected;
      if (amount > cash) throw new PosError('CASH_AMOUNT_INVALID', `refund ${amount} > cash in the drawer ${cash}`);
      const cur = repo.tenderRow(tenderId)!;
      if (cur.cash_refunded + amount > cur.amount) throw new PosError('REFUND_EXCEEDS_TENDER');
      repo.db.prepare('UPDATE order_tenders SET cash_refunded = cash_refunded + ?, updated_at = ? WHERE id = ?').run(amount, repo.at(), tenderId);
      repo.created('tender', tenderId, cur.status, `cash refund ${amount}`);
      repo.addDrawerEvent(session.id, 'cash_refund', amount, { orderId: o.id, tenderId, reason: 'refund' });
      return repo.receiptByTender(tenderId)?.id ?? null;
    });
    this.emit(o.id);
    // The 현금영수증 of this cash is cancelled by as much (after the refund is committed).
    if (receiptId !== null) {
      const r = repo.receiptRow(receiptId)!;
      if (r.status === 'issued') await this.d.receipts.cancel(receiptId, amount);
    }
    return this.emit(o.id);
  }

  /** 현금영수증 asked for after the sale: for the order's first cash tender without one. */
  async requestCashReceipt(orderId: number, req: CashReceiptRequest): Promise<Order> {
    const repo = this.d.repo;
    const o = repo.order(orderId);
    if (o.status !== 'completed') throw new PosError('ORDER_STATE', `order ${o.orderNo} is ${o.status}`);
    const t = o.tenders.find((x) => x.kind === 'cash' && x.status === 'taken' && !repo.receiptByTender(x.id));
    if (!t) throw new PosError('CASH_RECEIPT_EXISTS', `order ${o.orderNo}`);
    const id = repo.tx(() => this.d.receipts.record({ orderId, orderNo: o.orderNo, tenderId: t.id, amount: t.amount - t.refunded, taxFree: Math.floor(((t.amount - t.refunded) * o.taxFree) / o.total), purpose: req.purpose, identity: req.identity }));
    this.emit(orderId);
    await this.d.receipts.issue(id);
    return this.emit(orderId);
  }

  /** After a restart: QR tenders whose payment never got recorded did not happen; the rest follow their payment. */
  recoverOnStart(): void {
    const rows = this.d.repo.db.prepare("SELECT * FROM order_tenders WHERE status IN ('pending', 'unknown')").all() as TenderRow[];
    for (const t of rows) {
      const p = t.payment_order_id ? this.d.payments.findByOrderId(t.payment_order_id) : null;
      if (!p) this.d.repo.transition('tender', t.id, 'failed', { error_code: 'BACKEND_UNREACHABLE', error_detail: 'app stopped before the payment was recorded' });
      else this.onPayment(p);
    }
    // orders completed by a tender whose receipts were recorded but not sent are issued by the receipt service's recovery
  }

  listSession(sessionId: number): Order[] {
    return this.d.repo.sessionOrderRows(sessionId).map((r) => this.d.repo.toOrder(r));
  }

  // ── internals ──
  private openForTender(orderId: number): Order {
    const o = this.d.repo.order(orderId);
    if (o.status !== 'open') throw new PosError('ORDER_STATE', `order ${o.orderNo} is ${o.status}`);
    if (o.due <= 0) throw new PosError('TENDER_EXCEEDS_DUE', 'nothing left to pay');
    return o;
  }

  /** Moves a QR tender after its payment; completes the order when covered. */
  private onPayment(p: Payment): void {
    const repo = this.d.repo;
    const t = repo.tenderByPaymentOrderId(p.orderId);
    if (!t) return;
    const to: Tender['status'] | null = p.status === 'approved' ? 'approved' : p.status === 'failed' ? 'failed' : p.status === 'unknown' ? 'unknown' : null;
    let order: Order | null = null;
    repo.tx(() => {
      const cur = repo.tenderRow(t.id)!;
      if (to && to !== cur.status && repo.transitionAllowed('tender', cur.status, to)) repo.transition('tender', t.id, to, {}, `payment ${p.status}`);
      const o = repo.orderRow(t.order_id)!;
      if (o.status === 'open') order = this.completeIfCovered(o.id);
    });
    if (order) this.afterChange(order);
    this.emit(t.order_id);
  }

  /**
   * Inside a transaction: completes the order when taken/approved tenders cover it and nothing is in
   * flight; records the 자진발급 of a 의무발행업종 cash sale ≥ 100,000원 without a number.
   * Returns the completed order (to print and issue after the commit), else null.
   */
  private completeIfCovered(orderId: number): Order | null {
    const repo = this.d.repo;
    const o = repo.order(orderId);
    if (o.status !== 'open' || o.due > 0) return null;
    if (o.tenders.some((t) => t.status === 'pending' || t.status === 'unknown')) return null;
    repo.transition('order', orderId, 'completed', { completed_at: repo.at() });
    const settings = repo.settings();
    for (const t of o.tenders) {
      if (t.kind !== 'cash' || t.status !== 'taken' || repo.receiptByTender(t.id)) continue;
      if (settings.cashReceiptMandatory && t.amount >= MANDATORY_ISSUE_MIN_KRW) {
        this.d.receipts.record({ orderId, orderNo: o.orderNo, tenderId: t.id, amount: t.amount, taxFree: Math.floor((t.amount * o.taxFree) / o.total), purpose: '소득공제', identity: null });
      }
    }
    return repo.order(orderId);
  }

  /** After the commit: print (drawer kick with cash), issue the recorded 현금영수증. */
  private afterChange(completed: Order | null): void {
    if (!completed) return;
    const o = this.get(completed.id);
    const issues = o.cashReceipts.filter((r) => r.status === 'created').map((r) => this.d.receipts.issue(r.id));
    void Promise.allSettled(issues).then(() => {
      this.d.print(this.emit(o.id));
    });
  }

  private emit(orderId: number): Order {
    const o = this.get(orderId);
    this.d.events.emit('order.updated', o);
    return o;
  }
}
