/**
 * Receipt printing for the core: builds the receipt from the ledger, queues it per printer in the
 * ledger, sends it over the configured link and marks it printed only on the printer's answer.
 * Jobs for one printer go out one at a time, in order.
 *
 * Wiring: construct once with the ledger; call `retryPending()` after start-up (jobs a crash left
 * 'sending' were re-queued once by the constructor); forward `onEvent` to the UI.
 */
import type Database from 'better-sqlite3';
import type { Payment, SettlementReport, StoreProfile } from '../../../../shared/contract';
import { PosError } from '../../../../shared/domain/errors';
import { printerKey, type PrinterSettings } from '../../../../shared/domain/receipt/printer-settings';
import { layoutReceipt } from '../../../../shared/domain/receipt/receipt-layout';
import { buildPrintModel, kicksDrawer, type PrintInput } from '../../../../shared/domain/receipt/print-input';
import type { ReceiptCancel, ReceiptInput, ReceiptKind, ReceiptModel } from '../../../../shared/domain/receipt/receipt-model';
import type { SettlementReceiptInput } from '../../../../shared/domain/receipt/settlement-receipt';
import { receiptPreview, type ReceiptPreview } from '../../../../shared/domain/receipt/receipt-text';
import { PaymentRepo } from '../payment/payment-repo';
import { StoreRepo } from '../store/store-repo';
import { InstrumentRepo } from '../ledger/instrument-repo';
import { receiptInstrument } from './receipt-instrument';
import { encodeLayout } from './escpos-encoder';
import { PrintQueue, type PrintCopy, type PrintJob } from './print-queue';
import { getProfile } from './profiles';
import { readStatus, sendAndAcknowledge, type PrinterStatusReport } from './status';
import { openTransport, type PrinterLink, TransportError } from './transports';

export type PrinterEvent =
  | { type: 'status'; printer: string; status: PrinterStatusReport; at: string }
  | { type: 'job'; job: PrintJob };

export interface PrintOptions {
  kind?: ReceiptKind;
  /** 'reprint' prints a new copy marked 재발행; 'original' is printed once per payment and kind. */
  copy?: PrintCopy;
  cancel?: ReceiptCancel;
  /** A cancel receipt of this refund (kind and cancel details come from the ledger). */
  refundId?: number;
  /** Wait for the printer's answer (default) or return once queued. */
  wait?: boolean;
}

export interface PrintOutcome {
  printed: boolean;
  status: PrinterStatusReport;
  elapsedMs: number;
  bytes: number;
}

export interface PrinterServiceOptions {
  now?: () => Date;
  openLink?: (settings: PrinterSettings) => Promise<PrinterLink>;
  connectTimeoutMs?: number;
  /** Base time a receipt may take when nothing is wrong; grows with the job size (9600 baud worst case). */
  ackBaseMs?: number;
  /** How long to wait for the cashier to load paper or close the cover before giving up. */
  recoveryWindowMs?: number;
  pollMs?: number;
}

export class PrinterService {
  readonly queue: PrintQueue;
  private readonly payments: PaymentRepo;
  private readonly stores: StoreRepo;
  private readonly instruments: InstrumentRepo;
  private readonly chains = new Map<string, Promise<unknown>>();
  private readonly now: () => Date;
  private lastStatus: PrinterStatusReport | null = null;

  constructor(
    db: Database.Database,
    private readonly settings: () => PrinterSettings,
    private readonly onEvent: (e: PrinterEvent) => void = () => {},
    private readonly opts: PrinterServiceOptions = {},
  ) {
    this.now = opts.now ?? (() => new Date());
    this.queue = new PrintQueue(db, this.now);
    this.payments = new PaymentRepo(db, this.now);
    this.stores = new StoreRepo(db);
    this.instruments = new InstrumentRepo(db);
    this.queue.recoverAfterRestart();
  }

  /** The receipt input for a payment in the ledger (approved payments only). */
  inputFor(paymentId: number, o: PrintOptions = {}): ReceiptInput {
    const p: Payment | null = this.payments.get(paymentId);
    if (!p) throw new PosError('PAYMENT_NOT_FOUND', `payment ${paymentId}`);
    if (p.status !== 'approved') throw new PosError('PAYMENT_STATE', `payment ${paymentId} is ${p.status}`);
    const store: StoreProfile | null = this.stores.get();
    if (!store) throw new PosError('STORE_NOT_REGISTERED');
    const s = this.settings();
    const cancel = o.refundId !== undefined ? this.refundCancel(p, o.refundId) : o.cancel;
    const kind = o.refundId !== undefined ? 'cancel' : (o.kind ?? 'sale');
    if (kind === 'cancel' && !cancel) throw new PosError('VALIDATION_FAILED', 'cancel receipt needs cancel details');
    return {
      kind,
      reprint: o.copy === 'reprint',
      store,
      payment: { ...p, ...receiptInstrument(this.instruments.byOrderId(p.orderId)) },
      ...(cancel ? { cancel } : {}),
      footer: s.footer,
      columns: s.columns,
      code: s.code,
      cut: s.cut,
      ...(o.copy === 'reprint' ? { issuedAt: this.now().toISOString() } : {}),
    };
  }

  /** The cancel details of a confirmed refund of the payment. */
  private refundCancel(p: Payment, refundId: number): ReceiptCancel {
    const r = p.refunds.find((x) => x.id === refundId);
    if (!r) throw new PosError('PAYMENT_NOT_FOUND', `refund ${refundId} of payment ${p.id}`);
    if (r.status !== 'cancelled') throw new PosError('PAYMENT_STATE', `refund ${refundId} is ${r.status}`);
    return { amount: r.amount, taxFree: r.taxFree, vat: r.vat, originalTid: p.tid ?? '', originalApprovalNo: p.tid, originalApprovedAt: p.approvedAt ?? p.createdAt, cancelledAt: r.cancelledAt, cancelTid: r.aid };
  }

  /** The same lines the printer gets, as text (what the UI shows). */
  preview(target: number | ReceiptInput, o: PrintOptions = {}): ReceiptPreview {
    const input = typeof target === 'number' ? this.inputFor(target, o) : target;
    return receiptPreview({ ...input, columns: this.settings().columns });
  }

  /**
   * Queues a receipt and (by default) waits until the printer answered or the attempt failed.
   * For an original that was already printed, returns that job without printing again.
   */
  async printReceipt(target: number | ReceiptInput, o: PrintOptions = {}): Promise<PrintJob> {
    const input = typeof target === 'number' ? this.inputFor(target, o) : { ...target, reprint: target.reprint || o.copy === 'reprint' };
    const copy: PrintCopy = o.copy ?? (input.reprint ? 'reprint' : 'original');
    return this.queueAndRun(
      {
        printer: printerKey(this.settings().transport),
        paymentId: typeof target === 'number' ? target : null,
        refundId: typeof target === 'number' ? (o.refundId ?? null) : null,
        kind: input.kind,
        copy,
        input,
      },
      o.wait,
    );
  }

  /** The settlement report of a day as a receipt (store from the ledger, paper from the settings). */
  settlementInput(report: SettlementReport, closedAt: string | null, copy: PrintCopy = 'original'): SettlementReceiptInput {
    const store: StoreProfile | null = this.stores.get();
    if (!store) throw new PosError('STORE_NOT_REGISTERED');
    const s = this.settings();
    return { kind: 'settlement', reprint: copy === 'reprint', store, report, closedAt, columns: s.columns, cut: s.cut, ...(copy === 'reprint' ? { issuedAt: this.now().toISOString() } : {}) };
  }

  settlementPreview(report: SettlementReport, closedAt: string | null): ReceiptPreview {
    return receiptPreview(this.settlementInput(report, closedAt));
  }

  /**
   * Queues a day's settlement report: the first print of a closed day is its original, every later one
   * a copy marked 재발행; before the close, each print is an interim report (중간 집계).
   */
  printSettlement(report: SettlementReport, closedAt: string | null, o: { wait?: boolean } = {}): Promise<PrintJob> {
    const hadOriginal = closedAt !== null && this.queue.list({ settlementDay: report.day }).some((j) => j.copy === 'original' && j.input.kind === 'settlement' && j.input.closedAt !== null);
    const copy: PrintCopy = hadOriginal ? 'reprint' : 'original';
    const input = this.settlementInput(report, closedAt, copy);
    return this.queueAndRun({ printer: printerKey(this.settings().transport), paymentId: null, settlementDay: report.day, kind: 'settlement', copy, input }, o.wait);
  }

  private queueAndRun(j: Parameters<PrintQueue['enqueue']>[0], wait: boolean | undefined): Promise<PrintJob> {
    const { job, created } = this.queue.enqueue(j);
    if (created) this.onEvent({ type: 'job', job });
    if (!created && job.status === 'printed') return Promise.resolve(job);
    // The 원본 already reached the printer once: only the cashier's confirmed retry sends anything now.
    if (!created && job.reachedPrinter) return Promise.resolve(job);
    const run = this.schedule(job.id);
    if (wait === false) {
      run.catch(() => undefined);
      return Promise.resolve(this.queue.get(job.id)!);
    }
    return run;
  }

  /** Queues a receipt that belongs to no payment (an order's receipt, a drawer close report: issue 13). */
  printInput(input: PrintInput, o: { copy?: PrintCopy; wait?: boolean } = {}): Promise<PrintJob> {
    const copy = o.copy ?? 'original';
    return this.queueAndRun({ printer: printerKey(this.settings().transport), paymentId: null, kind: input.kind, copy, input: { ...input, columns: this.settings().columns } as PrintInput }, o.wait);
  }

  /** A copy marked 재발행 of a payment's receipt. */
  reprint(paymentId: number, o: Omit<PrintOptions, 'copy'> = {}): Promise<PrintJob> {
    return this.printReceipt(paymentId, { ...o, copy: 'reprint' });
  }

  /** Sends jobs that are safe to send again (never-sent, printer-reported stops, restart leftovers). */
  async retryPending(): Promise<PrintJob[]> {
    const jobs = this.queue.autoRetryable();
    return Promise.all(jobs.map((j) => this.schedule(j.id)));
  }

  /**
   * The cashier's retry of a failed job. A job whose bytes reached the printer needs `confirmed` (the
   * cashier looked at the paper); one that may have printed is not sent again as the 원본: a new copy
   * marked 재발행 is printed instead (the failed original stays failed).
   */
  retryJob(id: number, o: { confirmed?: boolean } = {}): Promise<PrintJob> {
    const job = this.queue.get(id);
    if (!job) throw new PosError('VALIDATION_FAILED', `print job ${id} not found`);
    if (job.status === 'printed') return Promise.resolve(job);
    if (job.reachedPrinter && !o.confirmed) throw new PosError('PRINT_CONFIRM_REQUIRED', `print job ${id} reached the printer`);
    if (job.mayHavePrinted) {
      const input = { ...job.input, reprint: true, issuedAt: this.now().toISOString() };
      return this.queueAndRun({ printer: printerKey(this.settings().transport), paymentId: job.paymentId, refundId: job.refundId, settlementDay: job.settlementDay, kind: job.kind, copy: 'reprint', input }, undefined);
    }
    return this.schedule(id);
  }

  jobs(filter: { paymentId?: number; settlementDay?: string } = {}): PrintJob[] {
    return this.queue.list(filter);
  }

  /** A short test page through the whole path, acknowledged; not kept in the queue. */
  async testPrint(): Promise<PrintOutcome> {
    const s = this.settings();
    const model: ReceiptModel = {
      columns: s.columns,
      blocks: [
        { type: 'text', text: '프린터 테스트', align: 'center', bold: true, size: 2 },
        { type: 'rule', char: '-' },
        { type: 'pair', left: '프로필', right: getProfile(s.profile).label },
        { type: 'pair', left: '연결', right: printerKey(s.transport) },
        { type: 'pair', left: '용지', right: `${s.columns}칸` },
        { type: 'pair', left: '한글 정렬', right: '가나다ABC123' },
        { type: 'text', text: '가'.repeat(s.columns / 2), align: 'left' },
        { type: 'text', text: '1234567890'.repeat(5).slice(0, s.columns), align: 'left' },
        { type: 'pair', left: '금액', right: '\u20a91,000 / 1,000원' },
        { type: 'cut', partial: s.cut === 'partial' },
      ],
    };
    return this.onPrinter(printerKey(s.transport), () => this.send(encodeLayout(layoutReceipt(model), getProfile(s.profile))));
  }

  /** Real-time status of the configured printer. */
  async status(): Promise<PrinterStatusReport> {
    const s = this.settings();
    const key = printerKey(s.transport);
    return this.onPrinter(key, async () => {
      let link: PrinterLink;
      try {
        link = await this.open(s);
      } catch (e) {
        return this.report(key, { state: 'offline', paperNearEnd: false, detail: (e as Error).message });
      }
      try {
        return this.report(key, await readStatus(link, getProfile(s.profile), this.opts.pollMs ?? 1000));
      } finally {
        await link.close();
      }
    });
  }

  // ---------------------------------------------------------------------------------------------

  private onPrinter<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.chains.get(key) ?? Promise.resolve();
    const next = prev.then(fn, fn);
    this.chains.set(
      key,
      next.catch(() => undefined),
    );
    return next;
  }

  private schedule(jobId: number): Promise<PrintJob> {
    const key = printerKey(this.settings().transport);
    return this.onPrinter(key, () => this.attempt(jobId));
  }

  private async attempt(jobId: number): Promise<PrintJob> {
    const s = this.settings();
    const key = printerKey(s.transport);
    const cutOff = this.queue.printerCutOff(key); // before the claim: this job's own last attempt counts
    const claimed = this.queue.claim(jobId, key);
    if (!claimed) return this.queue.get(jobId)!; // printed meanwhile, or another sender has it
    this.onEvent({ type: 'job', job: claimed });
    const input = { ...claimed.input, columns: s.columns };
    const profile = getProfile(s.profile);
    let bytes: Buffer;
    try {
      const layout = layoutReceipt(buildPrintModel(input));
      bytes = encodeLayout(layout, profile, { drawer: claimed.copy === 'original' && (kicksDrawer(input) || (s.openDrawer && input.kind === 'sale')), cutLeftovers: cutOff });
    } catch (e) {
      return this.finish(this.queue.markFailed(jobId, { error: 'error', detail: (e as Error).message, sent: false, stopped: false }));
    }
    this.queue.recordBytes(jobId, bytes);
    const out = await this.send(bytes, () => this.queue.markWriting(jobId));
    if (out.printed) return this.finish(this.queue.markPrinted(jobId));
    return this.finish(
      this.queue.markFailed(jobId, {
        error: out.status.state === 'ok' ? 'timeout' : out.status.state,
        ...(out.status.detail ? { detail: out.status.detail } : {}),
        sent: out.sent,
        // Stopped and dropped by the printer: did not print in full. Stopped but still held (no clear-buffer
        // command, e.g. Bixolon): it prints when the paper is loaded, so its outcome is unknown.
        stopped: out.stopped && out.cleared,
      }),
    );
  }

  private finish(job: PrintJob): PrintJob {
    this.onEvent({ type: 'job', job });
    return job;
  }

  private open(s: PrinterSettings): Promise<PrinterLink> {
    return this.opts.openLink ? this.opts.openLink(s) : openTransport(s.transport, { connectTimeoutMs: this.opts.connectTimeoutMs ?? 3000 });
  }

  private async send(bytes: Buffer, beforeWrite: () => void = () => undefined): Promise<PrintOutcome & { sent: boolean; stopped: boolean; cleared: boolean }> {
    const s = this.settings();
    const key = printerKey(s.transport);
    const t0 = Date.now();
    let link: PrinterLink;
    try {
      link = await this.open(s);
    } catch (e) {
      const status = this.report(key, { state: 'offline', paperNearEnd: false, detail: e instanceof TransportError ? e.message : String(e) });
      return { printed: false, status, elapsedMs: Date.now() - t0, bytes: bytes.length, sent: false, stopped: false, cleared: false };
    }
    try {
      beforeWrite();
      const ack = await sendAndAcknowledge(link, getProfile(s.profile), bytes, {
        // 9600 baud moves ~960 bytes/s: a receipt may take that long before the printer even sees the cut.
        ackTimeoutMs: (this.opts.ackBaseMs ?? 5000) + Math.ceil((bytes.length / 960) * 1000),
        recoveryWindowMs: this.opts.recoveryWindowMs ?? 60_000,
        pollMs: this.opts.pollMs ?? 1000,
        onStatus: (st) => this.report(key, st),
      });
      this.report(key, ack.status);
      return { printed: ack.printed, status: ack.status, elapsedMs: Date.now() - t0, bytes: bytes.length, sent: ack.sent, stopped: ack.stopped, cleared: ack.cleared };
    } finally {
      await link.close();
    }
  }

  private report(printer: string, status: PrinterStatusReport): PrinterStatusReport {
    const prev = this.lastStatus;
    this.lastStatus = status;
    if (!prev || prev.state !== status.state || prev.paperNearEnd !== status.paperNearEnd) {
      this.onEvent({ type: 'status', printer, status, at: this.now().toISOString() });
    }
    return status;
  }
}
