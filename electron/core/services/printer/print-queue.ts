/**
 * The print queue, in the ledger (migration 2, table print_jobs). A job goes
 * queued → sending → printed | failed; it is marked printed only after the printer's status answer.
 * Claiming a job for sending is one conditional UPDATE, so two senders can never both send it and a
 * printed job is never sent again. One original per payment and kind (unique index): asking twice
 * for the same receipt returns the same job. A reprint is a new job, printed with "재발행".
 *
 * Retries: a job whose bytes never left (printer unreachable) or that the printer itself reported
 * stopped (paper out, cover open, offline) is retried automatically, up to MAX_AUTO_ATTEMPTS.
 * A job whose outcome is unknown (no status answer, link lost mid-job) is not: the cashier decides
 * (retryJob, or a reprint from history). After a restart, a job left 'sending' is queued again
 * exactly once (recovered = 1); if that attempt fails too, it waits for the cashier.
 */
import type Database from 'better-sqlite3';
import type { PrintInput, PrintKind } from '../../../../shared/domain/receipt/print-input';
import type { PrinterState } from './status';

export const PRINT_JOB_STATUSES = ['queued', 'sending', 'printed', 'failed'] as const;
export type PrintJobStatus = (typeof PRINT_JOB_STATUSES)[number];
export type PrintCopy = 'original' | 'reprint';
export type PrintErrorCode = Exclude<PrinterState, 'ok'> | 'interrupted' | 'error';
export const MAX_AUTO_ATTEMPTS = 3;

export interface PrintJob {
  id: number;
  printer: string;
  paymentId: number | null;
  /** The refund of a cancel receipt (null for sale receipts and test pages). */
  refundId: number | null;
  /** The Seoul day of a settlement report (kind 'settlement'). */
  settlementDay: string | null;
  kind: PrintKind;
  copy: PrintCopy;
  input: PrintInput;
  status: PrintJobStatus;
  attempts: number;
  recovered: boolean;
  lastError: PrintErrorCode | null;
  lastErrorDetail: string | null;
  /** The last failure can be retried without risking a second complete copy. */
  autoRetryable: boolean;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
  printedAt: string | null;
}

interface Row {
  id: number;
  printer: string;
  payment_id: number | null;
  refund_id: number | null;
  settlement_day: string | null;
  kind: PrintKind;
  copy: PrintCopy;
  input_json: string;
  status: PrintJobStatus;
  attempts: number;
  recovered: number;
  last_sent: number;
  last_stopped: number;
  last_error: PrintErrorCode | null;
  last_error_detail: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  printed_at: string | null;
}

const COLS = 'id, printer, payment_id, refund_id, settlement_day, kind, copy, input_json, status, attempts, recovered, last_sent, last_stopped, last_error, last_error_detail, created_at, updated_at, sent_at, printed_at';

function toJob(r: Row): PrintJob {
  const failedSafely = r.status === 'failed' && (r.last_sent === 0 || r.last_stopped === 1);
  return {
    id: r.id,
    printer: r.printer,
    paymentId: r.payment_id,
    refundId: r.refund_id,
    settlementDay: r.settlement_day,
    kind: r.kind,
    copy: r.copy,
    input: JSON.parse(r.input_json) as PrintInput,
    status: r.status,
    attempts: r.attempts,
    recovered: r.recovered === 1,
    lastError: r.last_error,
    lastErrorDetail: r.last_error_detail,
    autoRetryable: r.status === 'queued' || (failedSafely && r.recovered === 0 && r.attempts < MAX_AUTO_ATTEMPTS),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    sentAt: r.sent_at,
    printedAt: r.printed_at,
  };
}

export class PrintQueue {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Adds a job; for an original that already exists (same payment, kind and refund), returns the
   * existing one (created = false).
   */
  enqueue(j: { printer: string; paymentId: number | null; refundId?: number | null; settlementDay?: string | null; kind: PrintKind; copy: PrintCopy; input: PrintInput }): { job: PrintJob; created: boolean } {
    const at = this.now().toISOString();
    const refundId = j.refundId ?? null;
    const info = this.db
      .prepare(
        `INSERT INTO print_jobs (printer, payment_id, refund_id, settlement_day, kind, copy, input_json, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?) ON CONFLICT DO NOTHING`,
      )
      .run(j.printer, j.paymentId, refundId, j.settlementDay ?? null, j.kind, j.copy, JSON.stringify(j.input), at, at);
    if (info.changes === 1) return { job: this.get(Number(info.lastInsertRowid))!, created: true };
    const existing = this.db
      .prepare(`SELECT ${COLS} FROM print_jobs WHERE payment_id = ? AND kind = ? AND IFNULL(refund_id, 0) = ? AND copy = 'original'`)
      .get(j.paymentId, j.kind, refundId ?? 0) as Row;
    return { job: toJob(existing), created: false };
  }

  get(id: number): PrintJob | null {
    const r = this.db.prepare(`SELECT ${COLS} FROM print_jobs WHERE id = ?`).get(id) as Row | undefined;
    return r ? toJob(r) : null;
  }

  /** queued|failed → sending, atomically; null when someone else has it or it already printed. */
  claim(id: number, printer: string): PrintJob | null {
    const at = this.now().toISOString();
    const info = this.db
      .prepare(`UPDATE print_jobs SET status = 'sending', printer = ?, attempts = attempts + 1, sent_at = ?, updated_at = ? WHERE id = ? AND status IN ('queued', 'failed')`)
      .run(printer, at, at, id);
    return info.changes === 1 ? this.get(id) : null;
  }

  recordBytes(id: number, bytes: Buffer): void {
    this.db.prepare('UPDATE print_jobs SET bytes = ? WHERE id = ?').run(bytes, id);
  }

  /** Only a job being sent can become printed: the status answer arrived for this attempt. */
  markPrinted(id: number): PrintJob {
    const at = this.now().toISOString();
    this.db
      .prepare(`UPDATE print_jobs SET status = 'printed', printed_at = ?, updated_at = ?, last_error = NULL, last_error_detail = NULL WHERE id = ? AND status = 'sending'`)
      .run(at, at, id);
    return this.get(id)!;
  }

  markFailed(id: number, f: { error: PrintErrorCode; detail?: string; sent: boolean; stopped: boolean }): PrintJob {
    const at = this.now().toISOString();
    this.db
      .prepare(
        `UPDATE print_jobs SET status = 'failed', last_error = ?, last_error_detail = ?, last_sent = ?, last_stopped = ?, updated_at = ?
         WHERE id = ? AND status = 'sending'`,
      )
      .run(f.error, f.detail ?? null, f.sent ? 1 : 0, f.stopped ? 1 : 0, at, id);
    return this.get(id)!;
  }

  /** At start-up: jobs a crash left 'sending' are queued again, once. Returns their ids. */
  recoverAfterRestart(): number[] {
    const at = this.now().toISOString();
    return this.db.transaction(() => {
      const rows = this.db.prepare(`SELECT id, recovered FROM print_jobs WHERE status = 'sending'`).all() as { id: number; recovered: number }[];
      for (const r of rows) {
        if (r.recovered === 0) {
          this.db
            .prepare(`UPDATE print_jobs SET status = 'queued', recovered = 1, last_error = 'interrupted', last_error_detail = 'app stopped while printing', updated_at = ? WHERE id = ?`)
            .run(at, r.id);
        } else {
          // Already retried once after a restart: leave it to the cashier.
          this.db
            .prepare(`UPDATE print_jobs SET status = 'failed', last_error = 'interrupted', last_error_detail = 'app stopped while printing (again)', last_sent = 1, last_stopped = 0, updated_at = ? WHERE id = ?`)
            .run(at, r.id);
        }
      }
      return rows.filter((r) => r.recovered === 0).map((r) => r.id);
    })();
  }

  /** Jobs the queue may send without asking anyone, oldest first. */
  autoRetryable(): PrintJob[] {
    const rows = this.db.prepare(`SELECT ${COLS} FROM print_jobs WHERE status IN ('queued', 'failed') ORDER BY id`).all() as Row[];
    return rows.map(toJob).filter((j) => j.autoRetryable);
  }

  list(filter: { paymentId?: number; settlementDay?: string; status?: PrintJobStatus; limit?: number } = {}): PrintJob[] {
    const where: string[] = [];
    const args: (number | string)[] = [];
    if (filter.paymentId !== undefined) {
      where.push('payment_id = ?');
      args.push(filter.paymentId);
    }
    if (filter.settlementDay !== undefined) {
      where.push('settlement_day = ?');
      args.push(filter.settlementDay);
    }
    if (filter.status) {
      where.push('status = ?');
      args.push(filter.status);
    }
    const sql = `SELECT ${COLS} FROM print_jobs ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`;
    return (this.db.prepare(sql).all(...args, filter.limit ?? 200) as Row[]).map(toJob);
  }
}
