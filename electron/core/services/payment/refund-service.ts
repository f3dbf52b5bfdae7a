/**
 * Refunds (full or partial cancels of an approved payment), with the same money-safety rules as the
 * payment flow: created → cancel_requested → cancelled | failed | unknown. Each state is committed
 * before the network call it announces; the idempotency key (requestId) is fixed at creation and
 * sent with every attempt, so a retry after an unknown outcome can never refund twice. One cancel
 * per payment is in flight at a time, and cumulative cancels never exceed the approved amount.
 */
import type { Payment, Refund, RefundInput } from '../../../../shared/contract';
import { PosError } from '../../../../shared/domain/errors';
import type { EventBus } from '../../events';
import { GatewayError, type CancelResponse, type PaymentGateway } from '../gateway/gateway';
import { classifyFailure } from './failure';
import type { PaymentRepo } from './payment-repo';
import { OPEN_REFUND_STATUSES } from './refund-repo';

export interface RefundServiceDeps {
  repo: PaymentRepo;
  gateway: () => PaymentGateway;
  events: EventBus;
  /** Called once when a refund is confirmed (cancel receipt). */
  onRefunded?: (payment: Payment, refund: Refund) => void;
  /** Waits between attempts to settle an unknown cancel (bounded: one attempt per entry). */
  retryDelaysMs?: readonly number[];
  now?: () => Date;
}

const DEFAULT_RETRY_DELAYS = [300, 1000, 2000, 4000, 8000];

/** The tax-free part of a cancel: what the cashier said, else all of the rest on a full cancel, else proportional. */
export function refundTaxFree(p: Payment, amount: number, requested: number | undefined): number {
  const confirmedTaxFree = p.refunds.filter((r) => r.status === 'cancelled').reduce((n, r) => n + r.taxFree, 0);
  const restTaxFree = Math.max(0, p.taxFree - confirmedTaxFree);
  const rest = p.refundableAmount;
  const restTaxable = rest - restTaxFree;
  // The cancel's taxable part cannot exceed the taxable rest, nor its tax-free part the tax-free rest.
  const min = Math.max(0, amount - restTaxable);
  const max = Math.min(amount, restTaxFree);
  if (requested !== undefined) {
    if (requested < min || requested > max) throw new PosError('VALIDATION_FAILED', `taxFree must be between ${min} and ${max}`);
    return requested;
  }
  if (amount === rest) return restTaxFree;
  return Math.min(max, Math.max(min, Math.floor((amount * restTaxFree) / rest)));
}

export class RefundService {
  private readonly resolving = new Map<number, Promise<Refund>>();
  private readonly delays: readonly number[];
  private readonly now: () => Date;

  constructor(private readonly d: RefundServiceDeps) {
    this.delays = d.retryDelaysMs ?? DEFAULT_RETRY_DELAYS;
    this.now = d.now ?? (() => new Date());
  }

  async refund(input: RefundInput): Promise<Payment> {
    const p = this.payment(input.paymentId);
    if (p.status !== 'approved' || !p.tid) throw new PosError('PAYMENT_STATE', `payment ${p.id} is ${p.status}`);
    if (p.refunds.some((r) => OPEN_REFUND_STATUSES.includes(r.status))) throw new PosError('REFUND_IN_PROGRESS', `payment ${p.id}`);
    if (input.amount > p.refundableAmount) throw new PosError('CANCEL_AMOUNT_EXCEEDED', `${input.amount} > ${p.refundableAmount}`);
    const taxFree = refundTaxFree(p, input.amount, input.taxFree);
    // Synchronous from the checks to the insert: no second cancel can slip in between.
    const created = this.d.repo.refunds.create({ paymentId: p.id, requestId: `${p.orderId}-C${p.refunds.length + 1}`, amount: input.amount, taxFree });
    this.emit(p.id);
    await this.attempt(created.id, true);
    return this.payment(p.id);
  }

  /** Settles the open cancels of a payment now (cashier's "check again"). */
  async recheck(paymentId: number): Promise<Payment> {
    for (const r of this.payment(paymentId).refunds) if (r.status === 'cancel_requested' || r.status === 'unknown') await this.resolve(r.id);
    return this.payment(paymentId);
  }

  /** On start: a cancel that never left is failed (nothing happened); one that may have left is settled. */
  async recoverOnStart(): Promise<Refund[]> {
    const out: Refund[] = [];
    for (const r of this.d.repo.refunds.listNonFinal()) {
      if (r.status === 'created') out.push(this.set(r.id, 'failed', { error: { code: 'BACKEND_UNREACHABLE', detail: 'app stopped before the cancel was sent' } }));
      else out.push(await this.resolve(r.id));
    }
    return out;
  }

  private payment(id: number): Payment {
    const p = this.d.repo.get(id);
    if (!p) throw new PosError('PAYMENT_NOT_FOUND', `payment ${id}`);
    return p;
  }

  private refundOf(id: number): Refund {
    const r = this.d.repo.refunds.get(id);
    if (!r) throw new PosError('PAYMENT_NOT_FOUND', `refund ${id}`);
    return r;
  }

  /** One cancel call with the refund's fixed requestId. Returns the refund in its new state. */
  private async attempt(id: number, scheduleResolve: boolean): Promise<Refund> {
    const r = this.set(id, 'cancel_requested');
    const p = this.payment(r.paymentId);
    let res: CancelResponse;
    try {
      res = await this.d.gateway().cancel({ cid: p.cid, tid: p.tid ?? '', orderId: p.orderId, cancelAmount: r.amount, cancelTaxFreeAmount: r.taxFree, requestId: r.requestId });
    } catch (e) {
      const outcome = classifyFailure(e, 'REFUND_UNKNOWN');
      if (outcome.status === 'failed') {
        if (!scheduleResolve && e instanceof GatewayError && e.kind === 'rejected') return this.afterRejectedRetry(r, e);
        return this.set(id, 'failed', { error: outcome.error });
      }
      const out = this.set(id, 'unknown', { error: outcome.error });
      if (scheduleResolve) void this.resolve(id).catch((err: unknown) => console.error('[refund] resolve failed', err));
      return out;
    }
    if (res.cancelAmount !== r.amount || res.tid !== p.tid) {
      const out = this.set(id, 'unknown', { error: { code: 'BACKEND_BAD_RESPONSE', detail: `cancel answer does not match (amount ${res.cancelAmount}, tid ${res.tid})` } });
      if (scheduleResolve) void this.resolve(id).catch((err: unknown) => console.error('[refund] resolve failed', err));
      return out;
    }
    return this.confirmed(id, res);
  }

  /**
   * A retry the backend refused: a backend that keeps requestIds answers the first result instead,
   * so a refusal means it has no record of this cancel — unless it ignores requestIds and did the
   * first attempt. The cancelled total at the backend tells which.
   */
  private async afterRejectedRetry(r: Refund, e: GatewayError): Promise<Refund> {
    const p = this.payment(r.paymentId);
    try {
      const remote = await this.d.gateway().lookupByTid(p.cid, p.tid ?? '');
      const before = p.refundedAmount;
      if ((remote.canceledAmount ?? 0) >= before + r.amount) return this.set(r.id, 'cancelled', { cancelledAt: this.now().toISOString(), error: null }, `lookup: cancelled total ${remote.canceledAmount}`);
      if ((remote.canceledAmount ?? 0) === before) return this.set(r.id, 'failed', { error: { code: e.code, detail: e.detail } }, 'lookup: not cancelled');
    } catch {
      /* look-up failed too: still unknown */
    }
    return this.set(r.id, 'unknown', { error: { code: 'REFUND_UNKNOWN', detail: e.detail } });
  }

  private confirmed(id: number, res: CancelResponse): Refund {
    const out = this.set(id, 'cancelled', { vat: res.cancelVatAmount, aid: res.aid, cancelledAt: res.canceledAt, error: null });
    this.d.onRefunded?.(this.payment(out.paymentId), out);
    return out;
  }

  private resolve(id: number): Promise<Refund> {
    const running = this.resolving.get(id);
    if (running) return running;
    const job = this.resolveLoop(id).finally(() => this.resolving.delete(id));
    this.resolving.set(id, job);
    return job;
  }

  private async resolveLoop(id: number): Promise<Refund> {
    for (const delay of this.delays) {
      await new Promise((ok) => setTimeout(ok, delay));
      const r = this.refundOf(id);
      if (r.status === 'cancelled' || r.status === 'failed') return r;
      const after = await this.attempt(id, false); // same requestId: the backend returns the first result
      if (after.status === 'cancelled' || after.status === 'failed') return after;
    }
    return this.refundOf(id);
  }

  private set(id: number, status: Refund['status'], f?: Parameters<PaymentRepo['refunds']['transition']>[2], detail?: string): Refund {
    const r = this.d.repo.refunds.transition(id, status, f, detail);
    this.emit(r.paymentId);
    return r;
  }

  private emit(paymentId: number): void {
    this.d.events.emit('payment.updated', this.payment(paymentId));
  }
}
