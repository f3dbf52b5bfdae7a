/**
 * The customer display's state, kept by the core so that every screen (and a reload) shows the same:
 * the cashier's checkout sets the cart phases (idle, cart, awaiting_scan); the sale under way sets the
 * payment phases from payment.updated (processing, mpm_qr, approved → thanks → idle, declined).
 * Every change goes out as one `display.state` event, checked against the contract's schema.
 *
 * "The sale under way" is the payment whose `created` event came last: recovery after a restart,
 * look-ups of older payments and refunds never move the display.
 */
import { cartTotals, type CartItem } from '../../../../shared/domain/cart';
import { displayStateSchema, type DisplayState, type Payment, type StoreProfile } from '../../../../shared/contract';
import type { z } from 'zod';
import type { displayInputSchema } from '../../../../shared/contract';
import type { EventBus } from '../../events';

export interface DisplayServiceDeps {
  events: EventBus;
  store: () => StoreProfile | null;
  /** How long "승인되었습니다" stays before the thank-you, and the thank-you before idle. */
  approvedMs?: number;
  thanksMs?: number;
  now?: () => Date;
}

const IN_FLIGHT: ReadonlySet<Payment['status']> = new Set(['created', 'ready_requested', 'ready', 'approve_requested']);

export class DisplayService {
  private state: DisplayState;
  private current: { id: number; status: Payment['status'] } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly now: () => Date;
  private readonly unsubscribe: () => void;

  constructor(private readonly d: DisplayServiceDeps) {
    this.now = d.now ?? (() => new Date());
    this.state = { seq: 0, ...this.cartPart('idle', []), storeName: this.storeName(), at: this.now().toISOString() };
    this.unsubscribe = d.events.subscribe((e) => {
      if (e.name === 'payment.updated') this.onPayment(e.payload);
    });
  }

  get(): DisplayState {
    return { ...this.state, storeName: this.storeName() };
  }

  /** The cashier's cart. Ignored while a payment is under way; an empty cart does not cut the thank-you short. */
  fromCashier(input: z.output<typeof displayInputSchema>): DisplayState {
    if (this.current && IN_FLIGHT.has(this.current.status)) return this.get();
    if (input.items.length === 0 && (this.state.phase === 'approved' || this.state.phase === 'thanks')) return this.get();
    this.current = null;
    return this.publish(this.cartPart(input.items.length === 0 ? 'idle' : input.phase, input.items));
  }

  /** Merchant-presented QR: the phone URL of the payment under way, until it ends. */
  showPhoneQr(paymentId: number, qrText: string, expiresAt: string): void {
    if (this.current?.id !== paymentId || this.current.status !== 'ready') return;
    this.publish({ phase: 'mpm_qr', qrText, expiresAt });
  }

  close(): void {
    this.unsubscribe();
    this.clearTimer();
  }

  private onPayment(p: Payment): void {
    if (p.status === 'created') this.current = { id: p.id, status: p.status };
    if (this.current?.id !== p.id || p.refunds.length > 0) return;
    this.current.status = p.status;
    const sale = { items: p.items, totals: totalsOf(p.items), amount: p.amount, paymentId: p.id };
    switch (p.status) {
      case 'created':
      case 'ready_requested':
      case 'approve_requested':
      case 'unknown':
        this.publish({ ...sale, phase: 'processing', message: null, qrText: null, expiresAt: null });
        return;
      case 'ready':
        if (this.state.phase !== 'mpm_qr') this.publish({ ...sale, phase: 'processing', message: null, qrText: null, expiresAt: null });
        return;
      case 'approved':
        this.publish({ ...sale, phase: 'approved', message: null, qrText: null, expiresAt: null });
        this.later(this.d.approvedMs ?? 3000, () => {
          this.publish({ phase: 'thanks' });
          this.later(this.d.thanksMs ?? 6000, () => {
            this.current = null;
            this.publish(this.cartPart('idle', []));
          });
        });
        return;
      case 'failed': {
        const code = p.error?.code ?? 'INTERNAL';
        // The cashier withdrew the request: back to the cart. The phone wait lapsed: back to idle.
        if (code === 'PAYMENT_CANCELLED') this.publish({ ...this.cartPart('cart', p.items), paymentId: p.id });
        else if (code === 'PAYMENT_EXPIRED' && p.flow === 'mpm') this.publish(this.cartPart('idle', []));
        else this.publish({ ...sale, phase: 'declined', message: code, qrText: null, expiresAt: null });
      }
    }
  }

  private cartPart(phase: DisplayState['phase'], items: CartItem[]): Omit<DisplayState, 'seq' | 'storeName' | 'at'> {
    const totals = totalsOf(items);
    return { phase, items, totals, amount: totals.total, message: null, qrText: null, expiresAt: null, paymentId: null };
  }

  private publish(patch: Partial<Omit<DisplayState, 'seq' | 'at' | 'storeName'>>): DisplayState {
    this.clearTimer();
    const next = displayStateSchema.safeParse({ ...this.state, ...patch, seq: this.state.seq + 1, storeName: this.storeName(), at: this.now().toISOString() });
    if (!next.success) {
      console.error('[display] state outside the contract, not shown:', next.error.message);
      return this.get();
    }
    this.state = next.data;
    this.d.events.emit('display.state', this.state);
    return this.state;
  }

  private later(ms: number, fn: () => void): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      fn();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private storeName(): string {
    return this.d.store()?.name ?? '';
  }
}

function totalsOf(items: readonly CartItem[]): DisplayState['totals'] {
  const t = cartTotals(items);
  return { total: t.total, taxFree: t.taxFree, vat: t.vat, supply: t.supply, quantity: t.quantity };
}
