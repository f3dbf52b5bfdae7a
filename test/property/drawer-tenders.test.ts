/**
 * Properties of issue 13 (fast-check), on the real order / drawer services over an in-memory ledger
 * (QR outcomes come from a scripted payment service: approved or declined):
 *  - expected cash is a pure function of the session's events and equals the model below, written
 *    independently of the services (it never calls drawerFigures); it never goes below 0 because every
 *    cash-out that would make it negative is refused, and the model predicts each refusal;
 *  - any interleaving of sales (cash, QR, split), voids, refunds and paid-in/out keeps every order's
 *    tenders equal to its total (completed), returned (voided), or at most its total (open).
 */
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Payment } from '../../shared/contract';
import type { Order } from '../../shared/contract-cash';
import { PosError } from '../../shared/domain/errors';
import { encodeQrPayload } from '../../shared/domain/qr-payload';
import { migrate } from '../../electron/core/db/migrations';
import { EventBus } from '../../electron/core/events';
import { CashReceiptService } from '../../electron/core/services/cash-receipt/cash-receipt-service';
import { DrawerService } from '../../electron/core/services/drawer/drawer-service';
import { CounterRepo } from '../../electron/core/services/order/counter-repo';
import { OrderService } from '../../electron/core/services/order/order-service';
import type { PaymentService } from '../../electron/core/services/payment/payment-service';
import type { RefundService } from '../../electron/core/services/payment/refund-service';

type Action =
  | { t: 'sale'; price: number; cashPart: number; extra: number; qr: 'approved' | 'failed' | 'none'; voidAfter: boolean }
  | { t: 'refund'; pick: number; amount: number }
  | { t: 'paid_in'; amount: number }
  | { t: 'paid_out'; amount: number }
  | { t: 'close_open' };

const krw = (max: number) => fc.integer({ min: 1, max }).map((n) => n * 10);
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ t: fc.constant('sale' as const), price: krw(20_000), cashPart: fc.integer({ min: 0, max: 100 }), extra: fc.integer({ min: 0, max: 5_000 }).map((n) => n * 10), qr: fc.constantFrom('approved' as const, 'failed' as const, 'none' as const), voidAfter: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('refund' as const), pick: fc.nat(), amount: krw(10_000) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('paid_in' as const), amount: krw(5_000) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('paid_out' as const), amount: krw(20_000) }) },
  { weight: 1, arbitrary: fc.constant({ t: 'close_open' as const }) },
);

function setup(float: number) {
  const db = new Database(':memory:');
  migrate(db);
  const events = new EventBus();
  const payments = new Map<string, Payment>();
  let nextOutcome: 'approved' | 'failed' = 'approved';
  const fakePayments = {
    checkout: async (input: { items: { unitPrice: number; quantity: number }[] }, opts: { orderId?: string }) => {
      const amount = input.items.reduce((s, it) => s + it.unitPrice * it.quantity, 0);
      const p = { id: payments.size + 1, orderId: opts.orderId!, status: nextOutcome, amount, refundedAmount: 0, refundableAmount: nextOutcome === 'approved' ? amount : 0, methodType: '계좌', error: null } as unknown as Payment;
      payments.set(p.orderId, p);
      return p;
    },
    findByOrderId: (id: string) => payments.get(id) ?? null,
  } as unknown as PaymentService;
  const repo = new CounterRepo(db, undefined, (id) => payments.get(id) ?? null);
  const receipts = new CashReceiptService({ repo, api: () => { throw new Error('no 현금영수증 in this property'); }, onChange: () => undefined });
  const orders = new OrderService({ repo, payments: fakePayments, refunds: {} as RefundService, receipts, events, print: () => undefined });
  const drawer = new DrawerService({ repo, events, openPayments: () => [], qrRefundsBetween: () => ({ amount: 0, count: 0 }),
    plainQrSales: () => [], onClosed: () => undefined });
  drawer.open({ float });
  return { db, repo, orders, drawer, setOutcome: (o: 'approved' | 'failed') => (nextOutcome = o) };
}

const code = (e: unknown) => (e instanceof PosError ? e.code : String(e));

describe('drawer cash and order tenders', () => {
  it('expected cash = the independent model; tenders always add up; refusals are exactly the model’s', async () => {
    await fc.assert(
      fc.asyncProperty(krw(10_000), fc.array(action, { maxLength: 25 }), async (float, actions) => {
        const s = setup(float);
        // the model: cash in the drawer, and per cash tender what is left to refund
        let cash = float;
        const cashLeft: { tenderId: number; left: number }[] = [];
        for (const a of actions) {
          if (a.t === 'paid_in') {
            s.drawer.movement('paid_in', a.amount, 'in');
            cash += a.amount;
          } else if (a.t === 'paid_out') {
            if (a.amount > cash) expect(() => s.drawer.movement('paid_out', a.amount, 'out')).toThrow(/CASH_AMOUNT_INVALID/);
            else {
              s.drawer.movement('paid_out', a.amount, 'out');
              cash -= a.amount;
            }
          } else if (a.t === 'refund') {
            if (cashLeft.length === 0) continue;
            const target = cashLeft[a.pick % cashLeft.length]!;
            const expectRefused = a.amount > target.left ? 'REFUND_EXCEEDS_TENDER' : a.amount > cash ? 'CASH_AMOUNT_INVALID' : null;
            const got = await s.orders.refundTender(target.tenderId, a.amount).then(() => null, code);
            expect(got).toBe(expectRefused);
            if (!expectRefused) {
              target.left -= a.amount;
              cash -= a.amount;
            }
          } else if (a.t === 'close_open') {
            const o = s.orders.openOrder();
            if (o) {
              const hadQrApproved = o.tenders.some((t) => t.kind === 'qr' && t.status === 'approved');
              const giveBack = o.tenders.filter((t) => t.kind === 'cash' && t.status === 'taken').reduce((n, t) => n + t.amount, 0);
              const got = (() => {
                try {
                  s.orders.void(o.id);
                  return null;
                } catch (e) {
                  return code(e);
                }
              })();
              const refusal = hadQrApproved ? 'ORDER_VOID_QR_APPROVED' : giveBack > cash ? 'CASH_AMOUNT_INVALID' : null;
              expect(got).toBe(refusal);
              if (!refusal) cash -= giveBack;
            }
          } else {
            // a sale: a cash part (cashPart % of the price), the rest by QR (or more cash when qr = none)
            const prev = s.orders.openOrder();
            if (prev && prev.tenders.length > 0) {
              expect(() => s.orders.create([{ name: '상품', unitPrice: a.price, quantity: 1, taxFree: false }])).toThrow(/ORDER_OPEN/);
              continue;
            }
            let o: Order = s.orders.create([{ name: '상품', unitPrice: a.price, quantity: 1, taxFree: false }]);
            const cashAmt = a.qr === 'none' ? a.price : Math.floor((a.price * a.cashPart) / 100 / 10) * 10;
            if (cashAmt > 0) {
              o = s.orders.addCash(o.id, cashAmt + a.extra, cashAmt, undefined);
              cash += cashAmt;
              const t = o.tenders.at(-1)!;
              expect(t.change).toBe(a.extra);
            }
            if (a.qr !== 'none' && o.due > 0) {
              s.setOutcome(a.qr);
              o = await s.orders.addQr(o.id, encodeQrPayload('ABCDEFGHJKLMNPQR'), undefined);
            }
            if (a.voidAfter && o.status === 'open') {
              const hadQrApproved = o.tenders.some((t) => t.kind === 'qr' && t.status === 'approved');
              if (!hadQrApproved) {
                s.orders.void(o.id);
                for (const t of o.tenders) if (t.kind === 'cash') cash -= t.amount;
              }
            }
            // only a completed order's cash can be refunded (an open one is voided, a voided one was given back)
            const now = s.orders.get(o.id);
            if (now.status === 'completed') for (const t of now.tenders) if (t.kind === 'cash') cashLeft.push({ tenderId: t.id, left: t.amount });
          }
          // after every step: the drawer equals the model and is never negative
          const state = s.drawer.state().current!;
          expect(state.report.expected).toBe(cash);
          expect(cash).toBeGreaterThanOrEqual(0);
          // expected is a function of the stored events only: recomputed from the rows, same answer
          const rows = s.db.prepare('SELECT kind, amount FROM drawer_events WHERE session_id = ?').all(state.id) as { kind: string; amount: number }[];
          const fromRows = rows.reduce((n, r) => n + (r.kind === 'float' || r.kind === 'cash_sale' || r.kind === 'paid_in' ? r.amount : -r.amount), 0);
          expect(fromRows).toBe(cash);
          // every order's tenders add up
          for (const ord of s.orders.listSession(state.id)) {
            const live = ord.tenders.filter((t) => t.status === 'taken' || t.status === 'approved').reduce((n, t) => n + t.amount, 0);
            if (ord.status === 'completed') expect(live).toBe(ord.total);
            else if (ord.status === 'voided') expect(ord.tenders.filter((t) => t.status === 'taken' || t.status === 'approved')).toEqual([]);
            else expect(live).toBeLessThanOrEqual(ord.total);
            for (const t of ord.tenders) expect(t.refunded).toBeLessThanOrEqual(t.amount);
          }
        }
      }),
      { numRuns: 120, seed: 20261204 },
    );
  }, 120_000);

  it('refunds only the cash of completed orders, and only the open order is replaced when it has no tender', async () => {
    const s = setup(0);
    const o = s.orders.create([{ name: '상품', unitPrice: 5000, quantity: 1, taxFree: false }]);
    const o2 = s.orders.create([{ name: '상품', unitPrice: 7000, quantity: 1, taxFree: false }]);
    expect(s.orders.get(o.id).status).toBe('voided');
    const partial = s.orders.addCash(o2.id, 2000, 2000, undefined);
    await expect(s.orders.refundTender(partial.tenders[0]!.id, 1000)).rejects.toThrow(/ORDER_STATE/);
    expect(() => s.orders.create([{ name: '상품', unitPrice: 1, quantity: 1, taxFree: false }])).toThrow(/ORDER_OPEN/);
    expect(() => s.repo.transition('order', o.id, 'completed')).toThrow(/ILLEGAL_TRANSITION/);
    expect(() => s.repo.transition('tender', partial.tenders[0]!.id, 'approved')).toThrow(/ILLEGAL_TRANSITION/);
  });
});
