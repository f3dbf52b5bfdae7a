/**
 * The declared state machines (transitions.ts) and the repositories that enforce them: every pair of
 * statuses is tried against an expected table written here (not imported), so a step added to or dropped
 * from the code's table fails this test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLedger } from '../../electron/core/db/open-ledger';
import { PaymentRepo } from '../../electron/core/services/payment/payment-repo';
import { PAYMENT_STATUSES, REFUND_STATUSES, type PaymentStatus, type RefundStatus } from '../../shared/contract';
import { cartTotals } from '../../shared/domain/cart';
import { PosError } from '../../shared/domain/errors';

const LEGAL_CPM = `
created>ready_requested created>failed
ready_requested>ready ready_requested>approved ready_requested>failed ready_requested>unknown
ready>approve_requested ready>approved ready>failed ready>unknown
approve_requested>approve_requested approve_requested>approved approve_requested>failed approve_requested>unknown
unknown>ready unknown>approve_requested unknown>approved unknown>failed unknown>unknown
failed>approved failed>unknown`;
const LEGAL_MPM = LEGAL_CPM;
const LEGAL_REFUND = `
created>cancel_requested created>failed
cancel_requested>cancel_requested cancel_requested>cancelled cancel_requested>failed cancel_requested>unknown
unknown>cancel_requested unknown>cancelled unknown>failed unknown>unknown`;
const set = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

/** Shortest declared walk from created to each status, to put a row there before trying a step. */
const PATH: Record<PaymentStatus, PaymentStatus[]> = {
  created: [],
  ready_requested: ['ready_requested'],
  ready: ['ready_requested', 'ready'],
  approve_requested: ['ready_requested', 'ready', 'approve_requested'],
  approved: ['ready_requested', 'ready', 'approve_requested', 'approved'],
  failed: ['failed'],
  unknown: ['ready_requested', 'unknown'],
};
const REFUND_PATH: Record<RefundStatus, RefundStatus[]> = {
  created: [],
  cancel_requested: ['cancel_requested'],
  cancelled: ['cancel_requested', 'cancelled'],
  failed: ['failed'],
  unknown: ['cancel_requested', 'unknown'],
};

let dir: string;
let db: Database.Database;
let repo: PaymentRepo;
let seq = 0;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'transitions-'));
  db = openLedger(dir);
  repo = new PaymentRepo(db);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});
const items = [{ name: '라떼', unitPrice: 5000, quantity: 1, taxFree: false }];
function paymentAt(st: PaymentStatus, flow: 'cpm' | 'mpm'): number {
  const p = repo.create({ orderId: `O${++seq}`, cid: 'CID0000001', totals: cartTotals(items), items, qrMasked: '', flow });
  for (const s of PATH[st]) repo.transition(p.id, s, s === 'ready' ? { tid: `T${seq}` } : {});
  return p.id;
}
function tryStep(fn: () => unknown): 'ok' | 'refused' {
  try {
    fn();
    return 'ok';
  } catch (e) {
    expect(e).toBeInstanceOf(PosError);
    expect((e as PosError).code).toBe('PAYMENT_STATE');
    return 'refused';
  }
}

describe('payment state machines', () => {
  it.each([
    ['cpm', LEGAL_CPM],
    ['mpm', LEGAL_MPM],
  ] as const)('%s: the repository takes exactly the declared steps and refuses every other', (flow, legal) => {
    const want = set(legal);
    for (const from of PAYMENT_STATUSES)
      for (const to of PAYMENT_STATUSES) {
        const id = paymentAt(from, flow);
        const before = repo.history(id).length;
        const got = tryStep(() => repo.transition(id, to));
        expect(`${from}>${to}: ${got}`).toBe(`${from}>${to}: ${want.has(`${from}>${to}`) ? 'ok' : 'refused'}`);
        if (got === 'refused') {
          expect(repo.get(id)!.status).toBe(from); // nothing written: neither the row nor its history
          expect(repo.history(id).length).toBe(before);
        }
      }
  });

  it('refunds: the repository takes exactly the declared steps', () => {
    const want = set(LEGAL_REFUND);
    const pid = paymentAt('approved', 'cpm');
    for (const from of REFUND_STATUSES)
      for (const to of REFUND_STATUSES) {
        const r = repo.refunds.create({ paymentId: pid, requestId: `R${++seq}`, amount: 10, taxFree: 0 });
        for (const s of REFUND_PATH[from]) repo.refunds.transition(r.id, s);
        const got = tryStep(() => repo.refunds.transition(r.id, to));
        expect(`${from}>${to}: ${got}`).toBe(`${from}>${to}: ${want.has(`${from}>${to}`) ? 'ok' : 'refused'}`);
        if (got === 'refused') expect(repo.refunds.get(r.id)!.status).toBe(from);
      }
  });

  it('an approved payment can never go back (the money check): approved → failed / unknown / ready / created is refused', () => {
    const id = paymentAt('approved', 'cpm');
    for (const to of ['failed', 'unknown', 'ready', 'created'] as const) expect(tryStep(() => repo.transition(id, to))).toBe('refused');
  });
});
