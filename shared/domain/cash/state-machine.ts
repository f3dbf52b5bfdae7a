/**
 * One declared transition table per state machine (order, tender, 현금영수증, drawer session):
 * `can(from, to)` and `assert(from, to)` read only the table; an illegal transition is refused.
 */
export type TransitionTable<S extends string> = { readonly [K in S]: readonly S[] };

export interface StateMachine<S extends string> {
  readonly name: string;
  readonly table: TransitionTable<S>;
  can(from: S, to: S): boolean;
  /** Throws IllegalTransition when the table has no from → to. */
  assert(from: S, to: S): void;
  isFinal(s: S): boolean;
}

export class IllegalTransition extends Error {
  constructor(
    readonly machine: string,
    readonly from: string,
    readonly to: string,
  ) {
    super(`${machine}: ${from} → ${to} is not a legal transition`);
    this.name = 'IllegalTransition';
  }
}

export function stateMachine<S extends string>(name: string, table: TransitionTable<S>): StateMachine<S> {
  return {
    name,
    table,
    can: (from, to) => table[from].includes(to),
    assert(from, to) {
      if (!table[from].includes(to)) throw new IllegalTransition(name, from, to);
    },
    isFinal: (s) => table[s].length === 0,
  };
}

/** An order: open until its tenders cover the total (completed) or the cashier voids it. */
export const ORDER_STATUSES = ['open', 'completed', 'voided'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const orderMachine = stateMachine<OrderStatus>('order', { open: ['completed', 'voided'], completed: [], voided: [] });

/**
 * A tender. cash: taken (in the drawer, committed with its drawer event) → returned (order voided, cash
 * given back). qr: pending (intent committed, payment under way) → approved | failed | unknown; unknown
 * is settled by the look-up (approved | failed). Refunds of a tender are amounts on it, not states.
 */
export const TENDER_STATUSES = ['taken', 'returned', 'pending', 'approved', 'failed', 'unknown'] as const;
export type TenderStatus = (typeof TENDER_STATUSES)[number];
export const tenderMachine = stateMachine<TenderStatus>('tender', {
  taken: ['returned'],
  returned: [],
  pending: ['approved', 'failed', 'unknown'],
  unknown: ['approved', 'failed'],
  approved: [],
  failed: [],
});
/** Tenders that count towards the order's total (in flight counts: it may still go through). */
export const COVERING_TENDER_STATUSES: readonly TenderStatus[] = ['taken', 'pending', 'approved', 'unknown'];

/**
 * 현금영수증: created (intent committed) → issue_requested (committed before the call) → issued | failed |
 * unknown (timeout, reset, 5xx, garbage: looked up, never re-issued blindly); unknown → issued | failed.
 * A cancel (whole or partial) is cancel_requested (committed before the call) → issued (partial, rest
 * still issued) | cancelled (nothing left) | cancel_unknown → looked up.
 */
export const CASH_RECEIPT_STATUSES = ['created', 'issue_requested', 'issued', 'failed', 'unknown', 'cancel_requested', 'cancel_unknown', 'cancelled'] as const;
export type CashReceiptStatus = (typeof CASH_RECEIPT_STATUSES)[number];
export const cashReceiptMachine = stateMachine<CashReceiptStatus>('cash_receipt', {
  created: ['issue_requested', 'failed'],
  issue_requested: ['issued', 'failed', 'unknown'],
  unknown: ['issued', 'failed', 'unknown'],
  issued: ['cancel_requested'],
  cancel_requested: ['issued', 'cancelled', 'cancel_unknown'],
  cancel_unknown: ['issued', 'cancelled', 'cancel_unknown'],
  failed: [],
  cancelled: [],
});
/** Not settled: a drawer session cannot close while one of its receipts is here. */
export const OPEN_CASH_RECEIPT_STATUSES: readonly CashReceiptStatus[] = ['created', 'issue_requested', 'unknown', 'cancel_requested', 'cancel_unknown'];

/** A drawer session (개점 → 마감). */
export const DRAWER_STATUSES = ['open', 'closed'] as const;
export type DrawerStatus = (typeof DRAWER_STATUSES)[number];
export const drawerMachine = stateMachine<DrawerStatus>('drawer_session', { open: ['closed'], closed: [] });
