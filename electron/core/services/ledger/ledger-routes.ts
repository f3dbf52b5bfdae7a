/** The router handlers of the ledger methods (contract `ledgerMethods`), wired in core.ts in one line. */
import type Database from 'better-sqlite3';
import type { ledgerMethods } from '../../../../shared/contract';
import { PosError } from '../../../../shared/domain/errors';
import type { DayTenders } from '../../../../shared/domain/cash/day-sessions';
import type { Handlers } from '../../router';
import type { PaymentRepo } from '../payment/payment-repo';
import type { PrinterService } from '../printer/printer-service';
import { CsvExporter } from './csv-export';
import { HistoryQuery } from './history-query';
import { SettlementService } from './settlement-service';

export interface LedgerDeps {
  db: Database.Database;
  payments: PaymentRepo;
  printer: PrinterService;
  now?: () => Date;
  /** Issue 13: 일마감 by tender, the business day's drawer sessions summed. */
  dayTenders?: (day: string) => DayTenders | null;
}

export type LedgerHandlers = Pick<Handlers, keyof typeof ledgerMethods>;

export function ledgerHandlers(d: LedgerDeps): LedgerHandlers {
  const history = new HistoryQuery(d.db);
  const settlement = new SettlementService(d.db, d.printer, d.now, d.dayTenders);
  const csv = new CsvExporter(d.db);
  return {
    searchPayments: (input) => history.search(input),
    countPayments: (filter) => history.count(filter),
    getPaymentDetail: ({ id }) => {
      const payment = d.payments.get(id);
      if (!payment) throw new PosError('PAYMENT_NOT_FOUND', `payment ${id}`);
      return { payment, events: d.payments.history(id), printJobs: d.printer.jobs({ paymentId: id }) };
    },
    listPaymentMethods: () => history.methods(),
    getSettlement: ({ day }) => settlement.get(day),
    closeDay: ({ day, acknowledgeWarnings }) => settlement.close(day, acknowledgeWarnings),
    getSettlementPreview: ({ day }) => settlement.preview(day),
    printSettlement: ({ day }) => settlement.print(day),
    exportCsv: ({ from, to }) => csv.export(from, to),
  };
}
