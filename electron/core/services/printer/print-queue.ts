/**
 * The print queue, in the ledger (migration 2, table print_jobs). A job goes
 * queued → sending → printed | failed; it is marked printed only after the printer's status answer.
 * Claiming a job for sending is one conditional UPDATE, so two senders can never both send it and a
 * printed job is never sent again. One original per payment and kind (unique index): asking twice
 * for the same receipt returns the same job. A reprint is a new job, printed with "재발행".
 *
 * Retries: only a job whose bytes never reached the link (printer unreachable) is retried
 * automatically, up to MAX_AUTO_ATTEMPTS. A job whose bytes reached the printer is never sent again
 * without the cashier confirming (issue 10): `reachedPrinter`. Among those, a job whose outcome is
 * unknown — no status answer, link lost mid-job, app stopped after writing, or a printer that stopped
 * and could not drop the job (no clear-buffer command: it prints it when paper is loaded) — may have
 * printed (`mayHavePrinted`): the cashier checks the paper, and the retry is a new copy marked 재발행,
 * never the 원본 again. A job the printer reported stopped and whose rest it dropped (Epson DLE DC4 8)
 * did not print in full: confirmed, it is sent again as is.
 * `last_sent` is set when the bytes are handed to the link (markWriting), reset at every claim;
 * `last_stopped` means "the printer stopped and dropped the rest". After a restart, a job left
 * 'sending' before its bytes were written is queued again exactly once (recovered = 1); one left
 * after writing waits for the cashier.
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
  /** The last attempt's bytes reached the printer: no retry without the cashier confirming. */
  reachedPrinter: boolean;
  /** Failed, but the receipt may have come out: check the paper; a retry prints 재발행. */
  mayHavePrinted: boolean;
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
  const failed = r.status === 'failed';
  const reachedPrinter = failed && r.last_sent === 1;
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
    autoRetryable: r.status === 'queued' || (failed && !reachedPrinter && r.recovered === 0 && r.attempts < MAX_AUTO_ATTEMPTS),
    reachedPrinter,
    mayHavePrinted: reachedPrinter && r.last_stopped === 0,
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
      .prepare(
        `UPDATE print_jobs SET status = 'sending', printer = ?, attempts = attempts + 1, sent_at = ?, updated_at = ?, last_sent = 0, last_stopped = 0
         WHERE id = ? AND status IN ('queued', 'failed')`,
      )
      .run(printer, at, at, id);
    return info.changes === 1 ? this.get(id) : null;
  }

  /** The job's bytes are about to be handed to the link: from now on it may print. */
  markWriting(id: number): void {
    this.db.prepare(`UPDATE print_jobs SET last_sent = 1 WHERE id = ? AND status = 'sending'`).run(id);
  }

  /**
   * Whether the printer's last job was cut off: its bytes reached the printer and no answer said it
   * finished, so part of it may be on the paper without a cut (the next job feeds and cuts first).
   */
  printerCutOff(printer: string): boolean {
    const r = this.db
      .prepare(`SELECT status, last_sent FROM print_jobs WHERE printer = ? AND sent_at IS NOT NULL AND status <> 'queued' ORDER BY sent_at DESC, id DESC LIMIT 1`)
      .get(printer) as { status: PrintJobStatus; last_sent: number } | undefined;
    return r !== undefined && r.status === 'failed' && r.last_sent === 1;
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

  /**
   * At start-up: jobs a crash left 'sending' before writing are queued again, once; those whose bytes
   * were written may have printed and wait for the cashier. Returns the ids queued again.
   */
  recoverAfterRestart(): number[] {
    const at = this.now().toISOString();
    return this.db.transaction(() => {
      const rows = this.db.prepare(`SELECT id, recovered, last_sent FROM print_jobs WHERE status = 'sending'`).all() as { id: number; recovered: number; last_sent: number }[];
      const requeued: number[] = [];
      for (const r of rows) {
        if (r.last_sent === 1) {
          this.db
            .prepare(`UPDATE print_jobs SET status = 'failed', last_error = 'interrupted', last_error_detail = 'app stopped while printing', last_sent = 1, last_stopped = 0, updated_at = ? WHERE id = ?`)
            .run(at, r.id);
        } else if (r.recovered === 0) {
          requeued.push(r.id);
          this.db
            .prepare(`UPDATE print_jobs SET status = 'queued', recovered = 1, last_error = 'interrupted', last_error_detail = 'app stopped while printing', updated_at = ? WHERE id = ?`)
            .run(at, r.id);
        } else {
          // Already retried once after a restart: leave it to the cashier.
          this.db
            .prepare(`UPDATE print_jobs SET status = 'failed', last_error = 'interrupted', last_error_detail = 'app stopped while printing (again)', last_sent = 0, last_stopped = 0, updated_at = ? WHERE id = ?`)
            .run(at, r.id);
        }
      }
      return requeued;
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
