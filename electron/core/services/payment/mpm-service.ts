/**
 * Merchant-presented QR (MPM): the customer scans the terminal's QR with the phone and approves there.
 * The same payment state machine as a scanned sale, flow 'mpm':
 *   created → ready_requested (readyForPhone) → ready (tid; the customer display shows the phone URL)
 *   → [the customer authorizes on the phone; waitForAuthorization sees it]
 *   → approve_requested → approved | failed | unknown   (PaymentService.approveAuthorized)
 * or, while ready: cancelled by the cashier (failed PAYMENT_CANCELLED) or timed out (failed
 * PAYMENT_EXPIRED), after which the tid is withdrawn at the backend (quitReady) so the phone cannot
 * authorize it any more. Each state is committed before the network call it announces.
 *
 * Race (customer approves as the cashier cancels): the step from `ready` to `approve_requested` and
 * the step from `ready` to `failed` each happen synchronously after checking `ended`, so exactly one
 * wins. Money moves only at approve, which is sent only by the winner `approve_requested`; a cancel
 * that loses waits for and returns the approval's outcome. After a cancel, the backend's answer to
 * the withdrawal is checked: if it says approved (someone else approved the tid), the ledger follows.
 */
import type { CartItem } from '../../../../shared/domain/cart';
import { cartTotals } from '../../../../shared/domain/cart';
import type { MpmSession, Payment, StoreProfile } from '../../../../shared/contract';
import { PosError, type ErrorCode } from '../../../../shared/domain/errors';
import { isValidPaymentAmount } from '../../../../shared/domain/money';
import type { EventBus } from '../../events';
import { GatewayError, type PaymentGateway } from '../gateway/gateway';
import { classifyFailure } from './failure';
import { newOrderId } from './order-id';
import { readyRequest } from './ready-request';
import type { PaymentRepo, TransitionFields } from './payment-repo';
import type { PaymentService } from './payment-service';
import { withdrawFailed } from './withdraw';

export interface MpmServiceDeps {
  repo: PaymentRepo;
  payments: PaymentService;
  store: () => StoreProfile | null;
  gateway: () => PaymentGateway;
  events: EventBus;
  /** How long the customer has to approve (settings.mpmTimeoutMs), read at each start. */
  timeoutMs: () => number;
  /** Between status look-ups while waiting for the phone. */
  pollMs?: number;
  /** The longest a cancel waits for the backend to confirm the withdrawal before answering. */
  quitWaitMs?: number;
  /** The phone URL is ready to be shown (the customer display). */
  onAwaitingPhone?: (paymentId: number, qrText: string, expiresAt: string) => void;
  now?: () => Date;
}


interface Session {
  id: number;
  cid: string;
  tid: string | null;
  /** Set once the session left `ready` (approved path, cancel, timeout, customer outcome, close). */
  ended: boolean;
  /** A cancel arrived while ready was in flight. */
  cancelRequested: boolean;
  abort: AbortController;
  timer: ReturnType<typeof setTimeout> | null;
  /** Resolves with the payment once it is final (or unknown, being looked up). */
  settled: Promise<Payment>;
  settle: (p: Payment) => void;
}

export class MpmService {
  private readonly sessions = new Map<number, Session>();
  private readonly now: () => Date;

  constructor(private readonly d: MpmServiceDeps) {
    this.now = d.now ?? (() => new Date());
  }

  /** Whether a merchant-presented payment of this id is still being waited for or completed. */
  active(id: number): boolean {
    return this.sessions.has(id);
  }

  async start(items: CartItem[]): Promise<MpmSession> {
    if (this.sessions.size > 0) throw new PosError('PAYMENT_IN_PROGRESS', 'a merchant-presented payment is already waiting');
    const store = this.d.store();
    if (!store) throw new PosError('STORE_NOT_REGISTERED');
    const totals = cartTotals(items);
    if (!isValidPaymentAmount(totals.total)) throw new PosError('AMOUNT_INVALID', `total ${totals.total}`);
    const gw = this.d.gateway();
    if (!gw.readyForPhone || !gw.waitForAuthorization) throw new PosError('BACKEND_REJECTED', 'this backend has no phone (redirect) flow');
    const timeoutMs = this.d.timeoutMs();

    const created = this.d.repo.createIfNoneOpen({ orderId: newOrderId(this.now()), cid: store.cid, totals, items, qrMasked: '', flow: 'mpm' });
    this.d.events.emit('payment.updated', created);
    let settle!: (p: Payment) => void;
    const settled = new Promise<Payment>((r) => (settle = r));
    const s: Session = { id: created.id, cid: store.cid, tid: null, ended: false, cancelRequested: false, abort: new AbortController(), timer: null, settled, settle };
    this.sessions.set(s.id, s);

    const p = this.set(s.id, 'ready_requested');
    let ready;
    try {
      ready = await gw.readyForPhone(readyRequest(store, p));
    } catch (e) {
      s.ended = true;
      const failed = this.readyFailed(s.id, e);
      this.finish(s, failed);
      throw new PosError(failed.error?.code ?? 'INTERNAL', failed.error?.detail);
    }
    s.tid = ready.tid;
    this.set(s.id, 'ready', { tid: ready.tid });
    if (s.cancelRequested) {
      this.stop(s, 'PAYMENT_CANCELLED', 'cancelled by the cashier while the request was being sent');
      throw new PosError('PAYMENT_CANCELLED');
    }
    const expiresAt = new Date(this.now().getTime() + timeoutMs).toISOString();
    s.timer = setTimeout(() => this.stop(s, 'PAYMENT_EXPIRED', `the customer did not approve within ${Math.round(timeoutMs / 1000)} s`), timeoutMs);
    this.d.onAwaitingPhone?.(s.id, ready.mobileUrl, expiresAt);
    void this.watch(s, gw, timeoutMs);
    return { payment: this.d.repo.get(s.id)!, qrText: ready.mobileUrl, expiresAt };
  }

  /**
   * The cashier stops waiting. While ready: failed PAYMENT_CANCELLED now, then the tid is withdrawn.
   * If the customer's approval already went out, its outcome is returned instead (approved, or failed).
   */
  async cancel(id: number): Promise<Payment> {
    const s = this.sessions.get(id);
    if (!s) {
      const p = this.d.repo.get(id);
      if (!p) throw new PosError('PAYMENT_NOT_FOUND', `payment ${id}`);
      return p; // final already (or not a waiting merchant-presented payment)
    }
    if (s.tid === null) {
      s.cancelRequested = true; // start() stops it as soon as ready answers
      return s.settled;
    }
    if (s.ended) return s.settled; // the approval is on its way: its outcome stands
    await this.stop(s, 'PAYMENT_CANCELLED', 'cancelled by the cashier');
    return this.d.repo.get(id)!;
  }

  /** Stops every wait (the ledger keeps `ready`; recovery on the next start settles it). */
  close(): void {
    for (const s of this.sessions.values()) {
      s.ended = true;
      if (s.timer) clearTimeout(s.timer);
      s.abort.abort();
    }
    this.sessions.clear();
  }

  private async watch(s: Session, gw: PaymentGateway, timeoutMs: number): Promise<void> {
    let pgToken: string;
    try {
      ({ pgToken } = await gw.waitForAuthorization!(s.cid, s.tid!, { intervalMs: this.d.pollMs ?? 1000, timeoutMs: timeoutMs + 10_000, signal: s.abort.signal }));
    } catch (e) {
      if (s.ended) return; // cancelled or timed out meanwhile: already recorded
      const code: ErrorCode = e instanceof GatewayError ? e.code : 'INTERNAL';
      if (code === 'PAYMENT_NOT_AUTHORIZED') return void this.stop(s, 'PAYMENT_EXPIRED', 'the customer did not approve in time');
      // The customer quit, failed the password, or the backend expired / withdrew the tid: nothing to withdraw.
      s.ended = true;
      this.finish(s, this.set(s.id, 'failed', { error: { code, detail: e instanceof Error ? e.message.slice(0, 300) : String(e) } }));
      return;
    }
    if (s.ended) return; // a cancel or the timeout won the race: approve is never sent
    s.ended = true;
    if (s.timer) clearTimeout(s.timer);
    // approve_requested is committed synchronously inside this call, before any await.
    const outcome = this.d.payments.approveAuthorized(s.id, pgToken);
    this.finish(s, await outcome.catch((e: unknown) => {
      console.error('[mpm] approve failed unexpectedly', e);
      return this.d.repo.get(s.id)!;
    }));
  }

  /** ready → failed (cancel / timeout), then withdraw the tid at the backend and follow its answer. */
  private stop(s: Session, code: 'PAYMENT_CANCELLED' | 'PAYMENT_EXPIRED', detail: string): Promise<void> {
    if (s.ended) return Promise.resolve();
    s.ended = true;
    if (s.timer) clearTimeout(s.timer);
    s.abort.abort();
    const failed = this.set(s.id, 'failed', { error: { code, detail } });
    this.finish(s, failed);
    const withdrawal = this.withdraw(s).catch((e: unknown) => console.error('[mpm] withdrawal failed', e));
    let cap: ReturnType<typeof setTimeout> | undefined;
    const capped = new Promise<void>((r) => (cap = setTimeout(r, this.d.quitWaitMs ?? 3000)));
    return Promise.race([withdrawal, capped]).finally(() => clearTimeout(cap));
  }

  private withdraw(s: Session): Promise<void> {
    return withdrawFailed({ gateway: this.d.gateway, get: (id) => this.d.repo.get(id)!, set: (id, st, f, detail) => this.set(id, st, f, detail), now: this.now }, s.id);
  }

  private readyFailed(id: number, e: unknown): Payment {
    const out = classifyFailure(e);
    if (out.status === 'failed') return this.set(id, 'failed', { error: out.error });
    // The ready may have reached the backend: unknown, looked up without approving (nobody has the phone URL).
    const p = this.set(id, 'unknown', { error: out.error });
    void this.d.payments.settleUnapproved(id).catch((err: unknown) => console.error('[mpm] settle failed', err));
    return p;
  }

  private finish(s: Session, p: Payment): void {
    this.sessions.delete(s.id);
    s.settle(p);
  }

  private set(id: number, status: Payment['status'], f?: TransitionFields, detail?: string): Payment {
    const p = this.d.repo.transition(id, status, f, detail);
    this.d.events.emit('payment.updated', p);
    return p;
  }
}
