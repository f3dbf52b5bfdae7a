/**
 * The cash in a drawer, as a pure function of its session's events (Odoo's cash-control figures broke
 * whenever they were kept as running totals): expected = float + cash sales − cash refunds + paid-in − paid-out.
 * A void gives back the cash of an order (cash_void, like a refund).
 */
export const DRAWER_EVENT_KINDS = ['float', 'cash_sale', 'cash_refund', 'cash_void', 'paid_in', 'paid_out'] as const;
export type DrawerEventKind = (typeof DRAWER_EVENT_KINDS)[number];
export interface DrawerEventLike {
  kind: DrawerEventKind;
  /** Positive KRW; the kind gives the sign. */
  amount: number;
}

export interface DrawerFigures {
  float: number;
  cashSales: number;
  cashRefunds: number;
  paidIn: number;
  paidOut: number;
  expected: number;
}

export function drawerFigures(events: readonly DrawerEventLike[]): DrawerFigures {
  const f = { float: 0, cashSales: 0, cashRefunds: 0, paidIn: 0, paidOut: 0 };
  for (const e of events) {
    if (e.kind === 'float') f.float += e.amount;
    else if (e.kind === 'cash_sale') f.cashSales += e.amount;
    else if (e.kind === 'cash_refund' || e.kind === 'cash_void') f.cashRefunds += e.amount;
    else if (e.kind === 'paid_in') f.paidIn += e.amount;
    else f.paidOut += e.amount;
  }
  return { ...f, expected: f.float + f.cashSales - f.cashRefunds + f.paidIn - f.paidOut };
}

/** Korean notes and coins, largest first. */
export const DENOMINATIONS = [50_000, 10_000, 5_000, 1_000, 500, 100, 50, 10] as const;
export type Denomination = (typeof DENOMINATIONS)[number];
export type DenominationCounts = Partial<Record<`${Denomination}`, number>>;

export function countTotal(counts: DenominationCounts): number {
  let sum = 0;
  for (const d of DENOMINATIONS) sum += d * (counts[`${d}`] ?? 0);
  return sum;
}
