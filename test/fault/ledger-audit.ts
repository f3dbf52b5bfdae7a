/**
 * Compares the terminal's ledger with the SIMULATOR'S OWN records (its SQLite file): what the bank
 * says was charged is the truth the ledger must match.
 *   missing   orders the backend approved that the ledger does not have as 'approved'
 *   phantom   ledger 'approved' payments the backend has not approved
 *   doubles   orders charged more than once (two PAYMENT actions, or two backend payments per order)
 *   open      ledger payments in a non-final state
 *   balance   what the customers lost, against the sum of the backend's approved amounts
 */
import Database from 'better-sqlite3';

export interface Holdings {
  [customerId: string]: number;
}

export interface AuditResult {
  ledgerRows: number;
  approved: number;
  failed: number;
  open: { id: number; status: string }[];
  missing: string[];
  phantom: string[];
  doubles: string[];
  approvedSum: number;
  backendApprovedSum: number;
  balanceDrop: number;
}

/** Account balances plus Hana Money of the given customers (what a payment takes from). */
export function holdings(simFile: string, customers: readonly string[]): Holdings {
  const db = new Database(simFile, { readonly: true, fileMustExist: true });
  try {
    const out: Holdings = {};
    for (const c of customers) {
      const acc = db.prepare('SELECT COALESCE(SUM(balance), 0) AS s FROM accounts WHERE customer_id = ?').get(c) as { s: number };
      const money = db.prepare('SELECT money_balance AS m FROM customers WHERE id = ?').get(c) as { m: number } | undefined;
      out[c] = acc.s + (money?.m ?? 0);
    }
    return out;
  } finally {
    db.close();
  }
}

interface LedgerRow {
  id: number;
  order_id: string;
  status: string;
  amount: number;
  tid: string | null;
}
interface SimRow {
  order_id: string;
  status: string;
  amount: number;
  tid: string;
  charges: number;
}

export function audit(ledgerFile: string, simFile: string, cid: string, customers: readonly string[], before: Holdings): AuditResult {
  const ledger = new Database(ledgerFile, { readonly: true, fileMustExist: true });
  const sim = new Database(simFile, { readonly: true, fileMustExist: true });
  try {
    const rows = ledger.prepare('SELECT id, order_id, status, amount, tid FROM payments ORDER BY id').all() as LedgerRow[];
    const simRows = sim
      .prepare(
        `SELECT p.order_id, p.status, p.amount, p.tid,
                (SELECT count(*) FROM payment_actions a WHERE a.payment_id = p.id AND a.type = 'PAYMENT') AS charges
         FROM payments p WHERE p.cid = ?`,
      )
      .all(cid) as SimRow[];
    const byOrder = new Map<string, SimRow[]>();
    for (const r of simRows) byOrder.set(r.order_id, [...(byOrder.get(r.order_id) ?? []), r]);
    const ledgerByOrder = new Map(rows.map((r) => [r.order_id, r]));
    const charged = (r: SimRow) => r.charges > 0;

    const missing: string[] = [];
    const doubles: string[] = [];
    let backendApprovedSum = 0;
    for (const [orderId, list] of byOrder) {
      const charges = list.reduce((n, r) => n + r.charges, 0);
      if (charges > 1 || list.length > 1) doubles.push(orderId);
      for (const r of list.filter(charged)) {
        backendApprovedSum += r.amount;
        const l = ledgerByOrder.get(orderId);
        if (!l || l.status !== 'approved' || l.amount !== r.amount || (l.tid !== null && l.tid !== r.tid)) missing.push(orderId);
      }
    }
    const phantom = rows.filter((r) => r.status === 'approved' && !(byOrder.get(r.order_id) ?? []).some(charged)).map((r) => r.order_id);
    const after = holdings(simFile, customers);
    const balanceDrop = customers.reduce((s, c) => s + (before[c] ?? 0) - (after[c] ?? 0), 0);
    return {
      ledgerRows: rows.length,
      approved: rows.filter((r) => r.status === 'approved').length,
      failed: rows.filter((r) => r.status === 'failed').length,
      open: rows.filter((r) => r.status !== 'approved' && r.status !== 'failed').map((r) => ({ id: r.id, status: r.status })),
      missing,
      phantom,
      doubles,
      approvedSum: rows.filter((r) => r.status === 'approved').reduce((s, r) => s + r.amount, 0),
      backendApprovedSum,
      balanceDrop,
    };
  } finally {
    ledger.close();
    sim.close();
  }
}

/** Non-final ledger payments (read-only, between two runs of the child). */
export function openPayments(ledgerFile: string): { ids: number[]; rows: number } {
  const db = new Database(ledgerFile, { readonly: true, fileMustExist: true });
  try {
    const ids = (db.prepare(`SELECT id FROM payments WHERE status NOT IN ('approved', 'failed')`).all() as { id: number }[]).map((r) => r.id);
    const { n } = db.prepare('SELECT count(*) AS n FROM payments').get() as { n: number };
    return { ids, rows: n };
  } finally {
    db.close();
  }
}

/** The ledger's state history of some orders: what a failure message needs to be understood. */
export function ledgerHistory(ledgerFile: string, orderIds: readonly string[]): Record<string, string[]> {
  if (orderIds.length === 0) return {};
  const db = new Database(ledgerFile, { readonly: true, fileMustExist: true });
  try {
    const out: Record<string, string[]> = {};
    for (const o of orderIds.slice(0, 5)) {
      const rows = db.prepare('SELECT e.status, e.detail FROM payment_events e JOIN payments p ON p.id = e.payment_id WHERE p.order_id = ? ORDER BY e.id').all(o) as { status: string; detail: string | null }[];
      out[o] = rows.map((r) => (r.detail ? `${r.status} (${r.detail})` : r.status));
    }
    return out;
  } finally {
    db.close();
  }
}
