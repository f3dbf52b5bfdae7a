/** A payment's print jobs as the result screen shows them. Pure. */
import type { PrintJobView, PrinterStatus } from '../../../../shared/contract';
import type { MessageKey } from '../../i18n/ko';

const RANK: Record<PrintJobView['status'], number> = { queued: 0, sending: 1, failed: 2, printed: 3 };

/**
 * The newer of two views of one job. Events can arrive before the list call that was started earlier
 * returns: a later attempt wins, then a later update, then the further state (sending → printed in one ms).
 */
export function newerJob(cur: PrintJobView, next: PrintJobView): PrintJobView {
  if (next.attempts !== cur.attempts) return next.attempts > cur.attempts ? next : cur;
  if (next.updatedAt !== cur.updatedAt) return next.updatedAt > cur.updatedAt ? next : cur;
  return RANK[next.status] >= RANK[cur.status] ? next : cur;
}

/** Adds or updates a job; newest job first. */
export function upsertJob(list: readonly PrintJobView[], job: PrintJobView): PrintJobView[] {
  const i = list.findIndex((j) => j.id === job.id);
  const out = i < 0 ? [...list, job] : list.map((j, k) => (k === i ? newerJob(j, job) : j));
  return out.sort((a, b) => b.id - a.id);
}

export function mergeJobs(list: readonly PrintJobView[], incoming: readonly PrintJobView[]): PrintJobView[] {
  return incoming.reduce<PrintJobView[]>((acc, j) => upsertJob(acc, j), [...list]);
}

/** Why a job is not printed (yet): the printer's own words while it waits, the job's last error after. */
export type PrintReason = PrinterStatus['state'] | 'interrupted' | 'error';

export type PrintState =
  | { kind: 'none' }
  | { kind: 'queued'; job: PrintJobView }
  | { kind: 'sending'; job: PrintJobView; reason: PrintReason | null }
  | { kind: 'printed'; job: PrintJobView }
  | { kind: 'failed'; job: PrintJobView; reason: PrintReason; unsure: boolean };

const REASONS: readonly PrintReason[] = ['offline', 'cover_open', 'paper_out', 'timeout', 'interrupted', 'error'];
const asReason = (s: string | null): PrintReason => (REASONS as readonly string[]).includes(s ?? '') ? (s as PrintReason) : 'error';

/**
 * The state of the newest job. While it is being sent, a stopped printer (paper out, cover open) is the
 * reason it waits: the core keeps the job open until the cashier fixes the printer.
 */
export function printStateOf(jobs: readonly PrintJobView[], printer: PrinterStatus | null): PrintState {
  const job = jobs[0];
  if (!job) return { kind: 'none' };
  switch (job.status) {
    case 'queued':
      return { kind: 'queued', job };
    case 'sending':
      return { kind: 'sending', job, reason: printer && printer.state !== 'ok' ? printer.state : null };
    case 'printed':
      return { kind: 'printed', job };
    case 'failed': {
      const reason = asReason(job.lastError);
      // No answer, link lost after the bytes went out, app stopped mid-job, or still held by a stopped
      // printer: the receipt may have come out; the cashier looks first.
      return { kind: 'failed', job, reason, unsure: job.mayHavePrinted || reason === 'timeout' || reason === 'interrupted' };
    }
  }
}

export const STATE_KEY: Record<PrintState['kind'], MessageKey> = {
  none: 'receipt.state.none',
  queued: 'receipt.state.queued',
  sending: 'receipt.state.sending',
  printed: 'receipt.state.printed',
  failed: 'receipt.state.failed',
};

export const REASON_KEY: Record<PrintReason, MessageKey> = {
  ok: 'printer.state.ok',
  offline: 'printer.state.offline',
  cover_open: 'printer.state.cover_open',
  paper_out: 'printer.state.paper_out',
  timeout: 'printer.state.timeout',
  interrupted: 'printer.state.interrupted',
  error: 'printer.state.error',
};

/**
 * What 다시 인쇄 does with a failed job: sent again at once when its bytes never reached the printer;
 * otherwise only after the cashier confirms — resent as is when the printer dropped it, or printed as a
 * new copy marked 재발행 when it may have come out (the core enforces the same).
 */
export type RetryPlan = 'direct' | 'confirm-resend' | 'confirm-reprint';
export function retryPlan(job: PrintJobView): RetryPlan {
  if (!job.reachedPrinter) return 'direct';
  return job.mayHavePrinted ? 'confirm-reprint' : 'confirm-resend';
}

/** R prints the original when there is none yet, a copy marked 재발행 after. */
export function hasOriginal(jobs: readonly PrintJobView[]): boolean {
  return jobs.some((j) => j.copy === 'original' && j.paymentId !== null);
}
