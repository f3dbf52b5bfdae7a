/**
 * Property (fast-check): random sequences of ready / approve / concurrent approve / cancel / look-up
 * calls, in either dialect, through the terminal's gateway, against a model of the customer's funds.
 * Whatever the sequence: no balance goes negative and no limit is exceeded, no payment is approved
 * (debited) twice, no payment is refunded more than was paid, and the money is conserved:
 * initial funds = current funds + approved − refunded, for every instrument. Outcomes are predicted
 * exactly by the model (the rules of seed 000 are deterministic).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayError, type ReadyRequest } from '../../electron/core/services/gateway/gateway';
import { approveReq, createCustomer, getCustomer, issueQr, merchant, readyReq, startHarness, type Dialect, type Harness, type Merchant } from '../property/sim-harness';

let h: Harness;
const merchants = {} as Record<Dialect, Merchant>;
beforeAll(async () => {
  h = await startHarness();
  merchants.oneqpay = await merchant(h, 'oneqpay');
  merchants.kakaopay = await merchant(h, 'kakaopay');
});
afterAll(async () => {
  await h.close();
});

type Method = 'account' | 'check' | 'credit' | 'money';
type Cmd =
  | { op: 'ready'; method: Method; amount: number }
  | { op: 'approve'; idx: number }
  | { op: 'approveRace'; idx: number }
  | { op: 'cancel'; idx: number; amount: number }
  | { op: 'lookup'; idx: number };

const methodArb = fc.constantFrom<Method>('account', 'check', 'credit', 'money');
const amountArb = fc.oneof(fc.integer({ min: 1, max: 5_000 }), fc.integer({ min: 1, max: 40_000 }));
const cmdArb: fc.Arbitrary<Cmd> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('ready' as const), method: methodArb, amount: amountArb }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('approve' as const), idx: fc.nat(30) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('approveRace' as const), idx: fc.nat(30) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('cancel' as const), idx: fc.nat(30), amount: amountArb }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('lookup' as const), idx: fc.nat(30) }) },
);
const startArb = fc.record({ account: fc.integer({ min: 0, max: 50_000 }), money: fc.integer({ min: 0, max: 30_000 }), limit: fc.integer({ min: 0, max: 50_000 }), usedPct: fc.integer({ min: 0, max: 100 }) });

interface ModelPayment {
  req: ReadyRequest;
  tid: string;
  method: Method;
  state: 'ready' | 'approved' | 'failed';
  refunded: number;
}
interface Funds {
  account: number;
  money: number;
  used: number;
}

let customerSeq = 0;

async function funds(id: string): Promise<Funds & { limit: number }> {
  const c = await getCustomer(h, id);
  return { account: c.accounts[0]!.balance, money: c.money_balance, used: c.cards[1]!.used, limit: c.cards[1]!.limit };
}

async function expectRejected(p: Promise<unknown>, codes: string[]): Promise<void> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(GatewayError);
    expect((e as GatewayError).kind).toBe('rejected');
    expect(codes).toContain((e as GatewayError).code);
    return;
  }
  throw new Error(`expected a rejection with ${codes.join(' | ')}`);
}

describe('ready / approve / cancel / look-up sequences (property)', () => {
  it('never a negative balance, never approved twice, never refunded more than paid; funds conserved', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<Dialect>('oneqpay', 'kakaopay'), startArb, fc.array(cmdArb, { minLength: 1, maxLength: 18 }), async (dialect, start, cmds) => {
        const m = merchants[dialect];
        const used0 = Math.floor((start.limit * start.usedPct) / 100);
        const c = await createCustomer(h, {
          id: `prop-${++customerSeq}`,
          name: '속성',
          money_balance: start.money,
          accounts: [{ balance: start.account }],
          cards: [{ card_type_code: 2 }, { card_type_code: 1, limit: start.limit, used: used0 }],
        });
        const choice: Record<Method, Record<string, string>> = { account: { method_id: c.accounts[0]!.method_id }, check: { method_id: c.cards[0]!.method_id }, credit: { method_id: c.cards[1]!.method_id }, money: { method: 'MONEY' } };
        const model: Funds = { account: start.account, money: start.money, used: used0 };
        const payments: ModelPayment[] = [];
        const pick = (idx: number) => (payments.length ? payments[idx % payments.length]! : null);
        const covers = (p: ModelPayment) => {
          const a = p.req.amount;
          if (p.method === 'money') return model.money >= a;
          if (p.method === 'credit') return start.limit - model.used >= a;
          return model.account >= a;
        };
        const move = (p: ModelPayment, delta: number) => {
          if (p.method === 'money') model.money -= delta;
          else if (p.method === 'credit') model.used += delta;
          else model.account -= delta;
        };
        const approveOne = async (p: ModelPayment) => {
          if (p.state === 'approved') {
            expect((await m.gw.approve(approveReq(p.req, p.tid))).amount).toBe(p.req.amount); // ignored: the first result
          } else if (p.state === 'failed' || !covers(p)) {
            await expectRejected(m.gw.approve(approveReq(p.req, p.tid)), ['INSUFFICIENT_BALANCE', 'CREDIT_LIMIT_EXCEEDED']);
            p.state = 'failed';
          } else {
            expect((await m.gw.approve(approveReq(p.req, p.tid))).amount).toBe(p.req.amount);
            p.state = 'approved';
            move(p, p.req.amount);
          }
        };

        for (const cmd of cmds) {
          if (cmd.op === 'ready') {
            const qr = await issueQr(h, c.id, choice[cmd.method]);
            const req = readyReq(m, qr, { amount: cmd.amount });
            const ready = await m.gw.ready(req);
            payments.push({ req, tid: ready.tid, method: cmd.method, state: 'ready', refunded: 0 });
            await expectRejected(m.gw.ready(readyReq(m, qr, { amount: cmd.amount })), ['QR_USED']); // single use
          } else if (cmd.op === 'approve') {
            const p = pick(cmd.idx);
            if (p) await approveOne(p);
          } else if (cmd.op === 'approveRace') {
            const p = pick(cmd.idx);
            if (!p) continue;
            const results = await Promise.allSettled([1, 2, 3].map(() => m.gw.approve(approveReq(p.req, p.tid))));
            const ok = results.filter((r) => r.status === 'fulfilled').length;
            if (p.state === 'approved' || (p.state === 'ready' && covers(p))) {
              expect(ok).toBe(3); // every racer sees the one approval
              if (p.state === 'ready') move(p, p.req.amount);
              p.state = 'approved';
            } else {
              expect(ok).toBe(0);
              p.state = 'failed';
            }
          } else if (cmd.op === 'cancel') {
            const p = pick(cmd.idx);
            if (!p) continue;
            const remaining = p.req.amount - p.refunded;
            const send = m.gw.cancel({ cid: m.cid, tid: p.tid, orderId: p.req.orderId, cancelAmount: cmd.amount, cancelTaxFreeAmount: 0 });
            if (p.state !== 'approved' || remaining === 0) await expectRejected(send, ['PAYMENT_STATE']);
            else if (cmd.amount > remaining) await expectRejected(send, ['CANCEL_AMOUNT_EXCEEDED']);
            else {
              const r = await send;
              p.refunded += cmd.amount;
              move(p, -cmd.amount);
              expect(r).toMatchObject({ canceledAmount: p.refunded, cancelableAmount: p.req.amount - p.refunded, status: p.refunded === p.req.amount ? 'CANCELLED' : 'APPROVED' });
            }
          } else {
            const p = pick(cmd.idx);
            if (!p) continue;
            const r = await m.gw.lookupByTid(m.cid, p.tid);
            const want = p.state === 'ready' ? 'READY' : p.state === 'failed' ? 'FAILED' : p.refunded === p.req.amount ? 'CANCELLED' : 'APPROVED';
            expect(r.status).toBe(want);
            expect(r.canceledAmount ?? 0).toBe(p.refunded);
          }
          // invariants after every step
          const now = await funds(c.id);
          expect(now.account).toBeGreaterThanOrEqual(0);
          expect(now.money).toBeGreaterThanOrEqual(0);
          expect(now.used).toBeGreaterThanOrEqual(0);
          expect(now.used).toBeLessThanOrEqual(now.limit);
          expect({ account: now.account, money: now.money, used: now.used }).toEqual(model);
        }
        // conservation over the whole run: initial = current + approved − refunded
        const net = (mt: Method[]) => payments.filter((p) => mt.includes(p.method) && p.state === 'approved').reduce((s, p) => s + p.req.amount - p.refunded, 0);
        const end = await funds(c.id);
        expect(end.account + net(['account', 'check'])).toBe(start.account);
        expect(end.money + net(['money'])).toBe(start.money);
        expect(end.used - net(['credit'])).toBe(used0);
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
