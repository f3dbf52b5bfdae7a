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

export interface OrderAudit {
  orders: number;
  completed: number;
  /** completed orders whose taken/approved tenders do not add up to the total */
  unbalanced: string[];
  /** orders still open, tenders still pending/unknown, 현금영수증 not settled */
  open: string[];
  cashReceipts: number;
  /** issued in the ledger but not (exactly once) at the backend, or issued at the backend but not in the ledger */
  lost: string[];
  doubled: string[];
}

/** Issue 13: orders, tenders and 현금영수증 of the ledger against the simulator's cash receipt records. */
export function auditOrders(ledgerFile: string, simFile: string): OrderAudit {
  const ledger = new Database(ledgerFile, { readonly: true, fileMustExist: true });
  const sim = new Database(simFile, { readonly: true, fileMustExist: true });
  try {
    const orders = ledger.prepare('SELECT id, order_no, status, total FROM orders').all() as { id: number; order_no: string; status: string; total: number }[];
    const unbalanced: string[] = [];
    const open: string[] = [];
    for (const o of orders) {
      const live = (ledger.prepare("SELECT IFNULL(SUM(amount), 0) AS s FROM order_tenders WHERE order_id = ? AND status IN ('taken', 'approved')").get(o.id) as { s: number }).s;
      if (o.status === 'completed' && live !== o.total) unbalanced.push(`${o.order_no}: ${live} ≠ ${o.total}`);
      if (o.status === 'voided' && live !== 0) unbalanced.push(`${o.order_no} voided with ${live}`);
      if (o.status === 'open') open.push(`order ${o.order_no}`);
    }
    for (const t of ledger.prepare("SELECT id, status FROM order_tenders WHERE status IN ('pending', 'unknown')").all() as { id: number; status: string }[]) open.push(`tender ${t.id} ${t.status}`);
    const receipts = ledger.prepare('SELECT request_id, status, amount FROM cash_receipts').all() as { request_id: string; status: string; amount: number }[];
    const lost: string[] = [];
    const doubled: string[] = [];
    for (const r of receipts) {
      const confirms = (sim.prepare("SELECT COUNT(*) AS n FROM cash_receipt_actions a JOIN cash_receipts c USING (receipt_key) WHERE c.order_id = ? AND a.transaction_type = 'CONFIRM'").get(r.request_id) as { n: number }).n;
      if (['created', 'issue_requested', 'unknown', 'cancel_requested', 'cancel_unknown'].includes(r.status)) open.push(`cash receipt ${r.request_id} ${r.status}`);
      if (confirms > 1) doubled.push(r.request_id);
      if ((r.status === 'issued' || r.status === 'cancelled') !== (confirms === 1)) lost.push(`${r.request_id}: ledger ${r.status}, backend ${confirms}`);
    }
    const known = new Set(receipts.map((r) => r.request_id));
    for (const s of sim.prepare('SELECT order_id FROM cash_receipts').all() as { order_id: string }[]) if (!known.has(s.order_id)) lost.push(`${s.order_id}: at the backend only`);
    return { orders: orders.length, completed: orders.filter((o) => o.status === 'completed').length, unbalanced, open, cashReceipts: receipts.length, lost, doubled };
  } finally {
    ledger.close();
    sim.close();
  }
}
