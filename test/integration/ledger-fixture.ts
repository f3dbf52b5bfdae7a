/**
 * A temp ledger with a settable clock, filled through the real repositories (PaymentRepo, RefundRepo,
 * PrintQueue), and the ledger handlers on top of it: what the history, settlement and CSV tests use.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openLedger } from '../../electron/core/db/open-ledger';
import { ledgerHandlers, type LedgerHandlers } from '../../electron/core/services/ledger/ledger-routes';
import { PaymentRepo } from '../../electron/core/services/payment/payment-repo';
import { PrinterService } from '../../electron/core/services/printer/printer-service';
import { StoreRepo } from '../../electron/core/services/store/store-repo';
import { methods, type MethodOutput, type Payment, type PaymentStatus, type Refund, type RefundStatus } from '../../shared/contract';
import { cartTotals, type CartItem } from '../../shared/domain/cart';
import { DEFAULT_PRINTER_SETTINGS, type PrinterSettings } from '../../shared/domain/receipt/printer-settings';
import { SAMPLE_STORE } from '../fixtures/receipts/sample-input';

export interface Ledger {
  db: Database.Database;
  repo: PaymentRepo;
  printer: PrinterService;
  api: LedgerHandlers;
  /** Sets the clock (UTC ISO or a Seoul "YYYY-MM-DD HH:mm:ss"). */
  at(t: string): void;
  sale(o: SaleOptions): Payment;
  refund(paymentId: number, o: RefundOptions): Refund;
  close(): void;
}

export interface SaleOptions {
  /** Seoul wall clock "YYYY-MM-DD HH:mm:ss" of creation; approval 2 s later. */
  at: string;
  items?: CartItem[];
  amount?: number;
  status?: PaymentStatus;
  method?: string;
  tid?: string;
}
export interface RefundOptions {
  at: string;
  amount: number;
  taxFree?: number;
  vat?: number;
  status?: RefundStatus;
}

let seq = 0;
export const seoul = (s: string) => new Date(`${s.replace(' ', 'T')}+09:00`).toISOString();

export function openTestLedger(settings: Partial<PrinterSettings> = {}): Ledger {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-test-'));
  let clock = new Date('2026-11-22T00:00:00.000Z');
  const now = () => clock;
  const db = openLedger(dir);
  new StoreRepo(db).save(SAMPLE_STORE);
  const repo = new PaymentRepo(db, now);
  const printerSettings: PrinterSettings = { ...DEFAULT_PRINTER_SETTINGS, columns: 42, ...settings };
  const printer = new PrinterService(db, () => printerSettings, () => {}, { now, ackBaseMs: 300, recoveryWindowMs: 300, pollMs: 100, connectTimeoutMs: 500 });
  const api = ledgerHandlers({ db, payments: repo, printer, now });
  const at = (t: string) => {
    clock = new Date(t.endsWith('Z') ? t : seoul(t));
  };
  return {
    db,
    repo,
    printer,
    api,
    at,
    sale(o) {
      at(o.at);
      const items = o.items ?? [{ name: '아메리카노', unitPrice: o.amount ?? 4500, quantity: 1, taxFree: false }];
      seq++;
      const p = repo.create({ orderId: `20261122-T${String(seq).padStart(7, '0')}`, cid: SAMPLE_STORE.cid, totals: cartTotals(items), items, qrMasked: 'ONEQ1.****' });
      const status = o.status ?? 'approved';
      if (status === 'created') return p;
      repo.transition(p.id, 'ready_requested');
      const tid = o.tid ?? String(1_000_000_000 + seq);
      repo.transition(p.id, 'ready', { tid });
      if (status === 'ready_requested' || status === 'ready') return repo.get(p.id)!;
      repo.transition(p.id, 'approve_requested');
      if (status === 'approve_requested') return repo.get(p.id)!;
      clock = new Date(clock.getTime() + 2000);
      if (status === 'approved') return repo.transition(p.id, 'approved', { methodType: o.method ?? '계좌', approvedAt: clock.toISOString(), error: null });
      return repo.transition(p.id, status, { error: { code: status === 'failed' ? 'INSUFFICIENT_BALANCE' : 'BACKEND_UNKNOWN' } });
    },
    refund(paymentId, o) {
      at(o.at);
      const p = repo.get(paymentId)!;
      const r = repo.refunds.create({ paymentId, requestId: `${p.orderId}-C${p.refunds.length + 1}`, amount: o.amount, taxFree: o.taxFree ?? 0 });
      repo.refunds.transition(r.id, 'cancel_requested');
      const status = o.status ?? 'cancelled';
      if (status === 'cancel_requested') return repo.refunds.get(r.id)!;
      if (status === 'cancelled') return repo.refunds.transition(r.id, 'cancelled', { vat: o.vat ?? Math.round((o.amount - (o.taxFree ?? 0)) / 11), aid: `A${r.id}`, cancelledAt: clock.toISOString(), error: null });
      return repo.refunds.transition(r.id, status, { error: { code: status === 'failed' ? 'BACKEND_REJECTED' : 'REFUND_UNKNOWN' } });
    },
    close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Calls a ledger handler the way the router does: input parsed by its schema, output checked against it. */
export async function call<M extends keyof LedgerHandlers>(l: Ledger, m: M, input: unknown): Promise<MethodOutput<M>> {
  const parsed = methods[m].input.parse(input) as Parameters<LedgerHandlers[M]>[0];
  const out = await (l.api[m] as (i: typeof parsed) => unknown)(parsed);
  return methods[m].output.parse(out) as MethodOutput<M>;
}

/** A print job of a receipt that ends in `status` (through the queue's own transitions). */
export function receiptJob(l: Ledger, paymentId: number, status: 'queued' | 'failed' | 'printed', o: { refundId?: number; copy?: 'original' | 'reprint' } = {}): void {
  const input = l.printer.inputFor(paymentId, o.refundId ? { refundId: o.refundId } : {});
  const { job } = l.printer.queue.enqueue({ printer: 'tcp:test', paymentId, refundId: o.refundId ?? null, kind: input.kind, copy: o.copy ?? 'original', input });
  if (status === 'queued') return;
  l.printer.queue.claim(job.id, 'tcp:test');
  if (status === 'printed') l.printer.queue.markPrinted(job.id);
  else l.printer.queue.markFailed(job.id, { error: 'paper_out', sent: true, stopped: true });
}

/**
 * The settlement day of the tests, 2026-11-22 (D), figures worked out by hand in ledger-settlement.test.ts:
 * A 10,000 계좌, B 5,500 MONEY (1,500 tax-free), C 3,000 계좌, late 2,200 MONEY approved 23:59:59 KST;
 * edge 4,400 계좌 created 23:59:59, approved 00:00:01 on D+1; next 1,100 계좌 on D+1; failed F 2,000,
 * unknown E 1,000, ready R 500 on D. Cancels on D: A 4,000 (partial), C 3,000 (full), a failed one of
 * A 1,000. On D+1 09:00: B 1,000 of which 500 tax-free.
 */
export function settlementScenario(l: Ledger) {
  const A = l.sale({ at: '2026-11-22 10:00:00', amount: 10_000, method: '계좌' });
  const B = l.sale({
    at: '2026-11-22 11:00:00',
    method: 'MONEY',
    items: [
      { name: '생수', unitPrice: 1500, quantity: 1, taxFree: true },
      { name: '샌드위치', unitPrice: 4000, quantity: 1, taxFree: false },
    ],
  });
  const C = l.sale({ at: '2026-11-22 12:00:00', amount: 3000, method: '계좌' });
  const late = l.sale({ at: '2026-11-22 23:59:57', amount: 2200, method: 'MONEY' });
  const edge = l.sale({ at: '2026-11-22 23:59:59', amount: 4400, method: '계좌' });
  const F = l.sale({ at: '2026-11-22 14:00:00', amount: 2000, status: 'failed' });
  const E = l.sale({ at: '2026-11-22 15:00:00', amount: 1000, status: 'unknown' });
  const R = l.sale({ at: '2026-11-22 16:00:00', amount: 500, status: 'ready' });
  const next = l.sale({ at: '2026-11-23 00:00:00', amount: 1100, method: '계좌' });
  const rA = l.refund(A.id, { at: '2026-11-22 12:00:00', amount: 4000 });
  const rC = l.refund(C.id, { at: '2026-11-22 13:00:00', amount: 3000 });
  const rAfailed = l.refund(A.id, { at: '2026-11-22 12:30:00', amount: 1000, status: 'failed' });
  const rB = l.refund(B.id, { at: '2026-11-23 09:00:00', amount: 1000, taxFree: 500 });
  return { A, B, C, late, edge, F, E, R, next, rA, rC, rAfailed, rB };
}
