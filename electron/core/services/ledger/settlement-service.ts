/**
 * Daily settlement (일마감): the live figures of a day, closing it (the report is frozen once, in
 * day_closes; a later cancel of that day's sale counts on the day it happens), and the report as a
 * receipt through the printer service's queue.
 */
import type Database from 'better-sqlite3';
import type { Settlement, SettlementReport } from '../../../../shared/contract';
import type { DayTenders } from '../../../../shared/domain/cash/day-sessions';
import { PosError } from '../../../../shared/domain/errors';
import { seoulDay } from '../../../../shared/domain/time';
import type { PrintJob } from '../printer/print-queue';
import type { PrinterService } from '../printer/printer-service';
import type { ReceiptPreview } from '../../../../shared/domain/receipt/receipt-text';
import { DayCloseRepo } from './day-close-repo';
import { SettlementQuery } from './settlement-query';

export class SettlementService {
  private readonly query: SettlementQuery;
  private readonly closes: DayCloseRepo;

  constructor(
    db: Database.Database,
    private readonly printer: PrinterService,
    private readonly now: () => Date = () => new Date(),
    /** Issue 13: the business day's drawer sessions summed (cash, QR by tender); frozen with the report at 일마감. */
    private readonly tenders: (day: string) => DayTenders | null = () => null,
  ) {
    this.query = new SettlementQuery(db, now);
    this.closes = new DayCloseRepo(db);
  }

  private live(day: string): SettlementReport {
    const report = this.query.report(day);
    const tenders = this.tenders(day);
    return tenders ? { ...report, tenders } : report;
  }

  get(day: string): Settlement {
    const closed = this.closes.get(day);
    if (!closed) return { report: this.live(day), closedAt: null, drift: null };
    const live = this.query.report(day);
    return { report: closed.report, closedAt: closed.closedAt, drift: { salesCount: live.sales.count - closed.report.sales.count, net: live.net.amount - closed.report.net.amount } };
  }

  /** Freezes the day's report. Warnings (unfinished payments, open cancels, unprinted receipts) must be acknowledged. */
  close(day: string, acknowledgeWarnings: boolean): Settlement {
    if (day > seoulDay(this.now())) throw new PosError('DAY_NOT_STARTED', day);
    if (this.closes.get(day)) throw new PosError('DAY_ALREADY_CLOSED', day);
    const report = this.live(day);
    const w = report.warnings;
    const warnings = w.unfinishedPayments.count + w.openRefunds.count + w.unprintedReceipts.count;
    if (warnings > 0 && !acknowledgeWarnings) throw new PosError('DAY_CLOSE_WARNINGS', `${w.unfinishedPayments.count} unfinished, ${w.openRefunds.count} open cancels, ${w.unprintedReceipts.count} unprinted`);
    const closedAt = this.now().toISOString();
    this.closes.insert({ day, closedAt, report: { ...report, generatedAt: closedAt } });
    return this.get(day);
  }

  preview(day: string): ReceiptPreview {
    const s = this.get(day);
    return this.printer.settlementPreview(s.report, s.closedAt);
  }

  print(day: string): Promise<PrintJob> {
    const s = this.get(day);
    return this.printer.printSettlement(s.report, s.closedAt, { wait: false });
  }
}
