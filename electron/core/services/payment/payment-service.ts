/**
 * The payment flow: created → ready_requested → ready → approve_requested → approved | failed | unknown.
 * Each state is committed to the ledger before the network call it announces, so a crash never loses
 * a payment; an outcome that may have happened ("unknown") is looked up, never assumed failed.
 */
import type { CheckoutInput, Payment, StoreProfile } from '../../../../shared/contract';
import { cartTotals } from '../../../../shared/domain/cart';
import { PosError } from '../../../../shared/domain/errors';
import { isValidPaymentAmount } from '../../../../shared/domain/money';
import { maskQrText, parseQrPayload } from '../../../../shared/domain/qr-payload';
import { parseOneqDateTime, seoulDay, seoulDayRangeUtc, toOneqDateTime } from '../../../../shared/domain/time';
import type { EventBus } from '../../events';
import { GatewayError, type ApproveResponse, type LookupResponse, type PaymentGateway } from '../gateway/gateway';
import { approvalMismatch } from './approval-check';
import { classifyFailure } from './failure';
import { newOrderId } from './order-id';
import { MEMBER_ID, readyRequest } from './ready-request';
import type { PaymentRepo, TransitionFields } from './payment-repo';
import { withdrawFailed } from './withdraw';

export interface PaymentServiceDeps {
  repo: PaymentRepo;
  store: () => StoreProfile | null;
  gateway: () => PaymentGateway;
  events: EventBus;
  /** Waits between status look-ups of an unknown outcome (bounded: one look-up per entry). */
  lookupDelaysMs?: readonly number[];
  now?: () => Date;
}

const DEFAULT_LOOKUP_DELAYS = [300, 1000, 2000, 4000, 8000];

export class PaymentService {
  private readonly resolving = new Map<number, Promise<Payment>>();
  private readonly recoveringIds = new Set<number>();
  private readonly delays: readonly number[];
  private readonly now: () => Date;

  constructor(private readonly d: PaymentServiceDeps) {
    this.delays = d.lookupDelaysMs ?? DEFAULT_LOOKUP_DELAYS;
    this.now = d.now ?? (() => new Date());
  }

  get(id: number): Payment {
    const p = this.d.repo.get(id);
    if (!p) throw new PosError('PAYMENT_NOT_FOUND', `payment ${id}`);
    return p;
  }

  listDay(day: string = seoulDay(this.now())): Payment[] {
    const { start, end } = seoulDayRangeUtc(day);
    return this.d.repo.listBetween(start, end);
  }

  /** A payment by its order id (the QR tender of an order, issue 13, fixes it before the call). */
  findByOrderId(orderId: string): Payment | null {
    return this.d.repo.getByOrderId(orderId);
  }

  /** `opts.orderId`: an order id committed by the caller beforehand (an order's QR tender); default a new one. */
  async checkout(input: CheckoutInput, opts: { orderId?: string } = {}): Promise<Payment> {
    const qr = parseQrPayload(input.qrText);
    if (!qr.ok) throw new PosError(qr.code);
    const store = this.d.store();
    if (!store) throw new PosError('STORE_NOT_REGISTERED');
    const totals = cartTotals(input.items);
    if (!isValidPaymentAmount(totals.total)) throw new PosError('AMOUNT_INVALID', `total ${totals.total}`);
    // refused while another payment may still go through (PAYMENT_IN_PROGRESS)
    // created and ready_requested in one commit: the intent is durable before the ready call (issue 15: one fsync, not two)
    const steps = this.d.repo.atomically(() => {
      const c = this.d.repo.createIfNoneOpen({ orderId: opts.orderId ?? newOrderId(this.now()), cid: store.cid, totals, items: input.items, qrMasked: maskQrText(qr.payload.text) });
      return [c, this.d.repo.transition(c.id, 'ready_requested')];
    });
    for (const s of steps) this.d.events.emit('payment.updated', s);
    const p = steps[1]!;
    let tid: string;
    try {
      const ready = await this.d.gateway().ready({ ...readyRequest(store, p), qrToken: qr.payload.text });
      tid = ready.tid;
    } catch (e) {
      return this.onFailure(p.id, e, true);
    }
    return this.approve(p.id, store, true, { readyTid: tid });
  }

  /**
   * Completes a payment the customer authorized on the phone (merchant-presented QR, mpm-service.ts):
   * approve_requested is committed synchronously, before this returns its promise, then the same
   * approve path as a scanned sale (amount/order checks, unknown → look-up).
   */
  approveAuthorized(id: number, pgToken: string): Promise<Payment> {
    const store = this.d.store();
    const p = this.get(id);
    if (!store || p.status !== 'ready') return Promise.resolve(p);
    return this.approve(id, store, true, { pgToken });
  }

  /** Settles an unknown ready without approving it (nobody can authorize it any more): as after a restart. */
  settleUnapproved(id: number): Promise<Payment> {
    return this.resolve(id, false);
  }

  /** Looks an unknown payment up again (cashier's "check again"). */
  recheck(id: number): Promise<Payment> {
    const p = this.get(id);
    if (p.status === 'approved' || p.status === 'failed') return Promise.resolve(p);
    return this.resolve(id, true);
  }

  /** Payments the start-up recovery has not settled yet (the status bar shows them as being checked). */
  recovering(): number[] {
    return [...this.recoveringIds];
  }

  /**
   * On start: every payment left non-final by a crash is settled against the backend, in the background:
   * a new sale does not wait for it, and is refused at once (PAYMENT_IN_PROGRESS, createIfNoneOpen) only
   * while such a payment is still open.
   */
  async recoverOnStart(): Promise<Payment[]> {
    const out: Payment[] = [];
    const open = this.d.repo.listNonFinal();
    for (const p of open) this.recoveringIds.add(p.id);
    for (const p of open) {
      try {
        out.push(await this.recoverOne(p));
      } finally {
        this.recoveringIds.delete(p.id);
      }
    }
    return out;
  }

  private async recoverOne(p: Payment): Promise<Payment> {
    {
      if (p.status === 'created') return this.set(p.id, 'failed', { error: { code: 'BACKEND_UNREACHABLE', detail: 'app stopped before the request was sent' } });
      // After a restart the customer is gone: a payment the backend still has as READY is not approved
      // now — unless an approval was already sent (see resolveLoop: it may still land, so it is completed).
      return this.resolve(p.id, false);
    }
  }

  /** `readyTid`: the ready answer, committed with approve_requested in one transaction (one fsync) before the approve call. */
  private async approve(id: number, store: StoreProfile, scheduleResolve: boolean, o: { pgToken?: string; readyTid?: string } = {}): Promise<Payment> {
    const { pgToken } = o;
    const p = o.readyTid === undefined ? this.set(id, 'approve_requested') : this.setSteps(id, [['ready', { tid: o.readyTid }], ['approve_requested']]);
    let res: ApproveResponse;
    try {
      res = await this.d.gateway().approve({
        cid: store.cid,
        orderId: p.orderId,
        categoryCd: store.categoryCd,
        storeName: store.name,
        itemName: p.itemName,
        memberId: MEMBER_ID,
        amount: p.amount,
        tranDt: toOneqDateTime(this.now()),
        tid: p.tid ?? '',
        ...(pgToken ? { pgToken } : {}),
      });
    } catch (e) {
      return this.onFailure(id, e, scheduleResolve);
    }
    const mismatch = approvalMismatch(p, res);
    if (mismatch) {
      // Held, never approved: the cashier sees APPROVAL_MISMATCH (cancel it at the backend, or check again).
      const held = this.set(id, 'unknown', { error: { code: 'APPROVAL_MISMATCH', detail: mismatch } }, 'approve: answer does not match');
      if (scheduleResolve) void this.resolve(id, true).catch((err: unknown) => console.error('[payment] resolve failed', err));
      return held;
    }
    return this.set(id, 'approved', { methodType: res.paymentMethodType, approvedAt: this.isoFromOneq(res.tranDt), error: null });
  }

  private onFailure(id: number, e: unknown, scheduleResolve: boolean): Payment {
    const out = classifyFailure(e);
    // Sent, outcome unknown (timeout, reset, 5xx, garbage, or a bug after sending): never call it failed.
    const p = this.set(id, out.status, { error: out.error });
    if (out.status === 'failed') return p;
    if (scheduleResolve) void this.resolve(id, true).catch((err: unknown) => console.error('[payment] resolve failed', err));
    return p;
  }

  private resolve(id: number, mayApprove: boolean): Promise<Payment> {
    const running = this.resolving.get(id);
    if (running) return running;
    const job = this.resolveLoop(id, mayApprove).finally(() => this.resolving.delete(id));
    this.resolving.set(id, job);
    return job;
  }

  private async resolveLoop(id: number, mayApprove: boolean): Promise<Payment> {
    for (const delay of this.delays) {
      await new Promise((r) => setTimeout(r, delay));
      const p = this.get(id);
      let remote: LookupResponse;
      try {
        remote = await this.d.gateway().lookup(p.cid, p.orderId);
      } catch (e) {
        if (e instanceof GatewayError && e.kind === 'rejected' && e.code === 'PAYMENT_NOT_FOUND') {
          return this.set(id, 'failed', { error: { code: 'BACKEND_UNREACHABLE', detail: 'the backend never received the payment request' } }, 'lookup: not found');
        }
        continue; // still unknown: try again after the next delay
      }
      switch (remote.status) {
        case 'APPROVED': {
          const mismatch = approvalMismatch(p, remote);
          // The bank approved something else: held for the cashier (cancel at the backend, or check), and the
          // loop ends now so that recovery moves on and the next sale waits no longer than for an unknown.
          if (mismatch) return this.set(id, 'unknown', { error: { code: 'APPROVAL_MISMATCH', detail: mismatch } }, 'lookup: approval does not match');
          return this.set(id, 'approved', { tid: remote.tid, methodType: remote.paymentMethodType ?? undefined, approvedAt: remote.tranDt ? this.isoFromOneq(remote.tranDt) : this.now().toISOString(), error: null }, 'lookup: approved');
        }
        case 'FAILED':
        case 'CANCELLED':
          return this.set(id, 'failed', { tid: remote.tid, error: { code: 'BACKEND_REJECTED', detail: `backend reports ${remote.status}` } }, `lookup: ${remote.status}`);
        case 'READY': {
          // READY does not prove that an approval we sent will never land (held in a queue, retransmitted,
          // delayed past our timeout or our crash): once approve was requested, settle the race by approving
          // (idempotent: a late duplicate is ignored, A0326) so a late packet cannot charge a 'failed' payment.
          // Without an approval sent, a READY tid cannot be charged: after a restart it is failed.
          if (!mayApprove && !this.approveWasSent(p)) return this.set(id, 'failed', { tid: remote.tid, error: { code: 'BACKEND_UNREACHABLE', detail: 'not approved before the app stopped; the customer was not charged' } }, 'lookup: ready, not approved');
          const store = this.d.store();
          if (!store) continue;
          if (!p.tid) this.set(id, 'ready', { tid: remote.tid }, 'lookup: ready');
          const after = await this.approve(id, store, false); // idempotent on the backend
          if (after.status === 'approved' || after.status === 'failed') return after;
        }
      }
    }
    // Still unknown after bounded look-ups; a recheck or the next start settles it. A payment that recovery
    // found mid-flight (ready_requested, ready, approve_requested) is marked 'unknown' now: nothing is in
    // flight any more, and only 'unknown' is offered for a recheck.
    const left = this.get(id);
    if (left.status === 'unknown' || left.status === 'approved' || left.status === 'failed') return left;
    return this.set(id, 'unknown', { error: { code: 'BACKEND_UNKNOWN', detail: `not settled after ${this.delays.length} look-ups` } }, 'lookup: gave up');
  }

  private approveWasSent(p: Payment): boolean {
    return p.status === 'approve_requested' || this.d.repo.history(p.id).some((h) => h.status === 'approve_requested');
  }

  /** Declared steps (never 'failed') in one transaction, each in the history, announced after the commit. */
  private setSteps(id: number, steps: [Payment['status'], TransitionFields?][]): Payment {
    const ps = this.d.repo.atomically(() => steps.map(([status, f]) => this.d.repo.transition(id, status, f)));
    for (const p of ps) this.d.events.emit('payment.updated', p);
    return ps.at(-1)!;
  }

  private set(id: number, status: Payment['status'], f?: TransitionFields, detail?: string): Payment {
    const p = this.d.repo.transition(id, status, f, detail);
    this.d.events.emit('payment.updated', p);
    // A failed payment's tid is withdrawn at the bank (as the merchant-presented flow does), so that a late
    // or repeated approve can never complete what the ledger calls failed.
    if (status === 'failed' && p.tid) void withdrawFailed({ gateway: this.d.gateway, get: (i) => this.get(i), set: (i, st, ff, dd) => this.set(i, st, ff, dd), now: this.now }, id).catch((e: unknown) => console.error('[payment] withdrawal failed', e));
    return p;
  }

  private isoFromOneq(s: string): string {
    const d = parseOneqDateTime(s);
    return Number.isNaN(d.getTime()) ? this.now().toISOString() : d.toISOString();
  }
}
