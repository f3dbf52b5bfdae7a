/**
 * The main-process core, free of Electron: ledger, services, backend and the router that both
 * shells serve. `createCore` is all a shell needs.
 */
import type Database from 'better-sqlite3';
import { Backend } from './backend';
import { openLedger } from './db/open-ledger';
import { EventBus } from './events';
import { createRouter, type Router } from './router';
import { FileSecretStore, type SecretCipher, type SecretStore } from './secrets/secret-store';
import { PaymentRepo } from './services/payment/payment-repo';
import { PaymentService } from './services/payment/payment-service';
import { PrinterService } from './services/printer/printer-service';
import { ScannerService } from './services/scanner/scanner-service';
import { SettingsService } from './services/settings/settings-service';
import { StoreRepo } from './services/store/store-repo';
import { StoreService } from './services/store/store-service';

export interface CoreOptions {
  dataDir: string;
  shell: 'electron' | 'web';
  version: string;
  lookupDelaysMs?: readonly number[];
  secretCipher?: SecretCipher;
}

export interface Core {
  router: Router;
  events: EventBus;
  db: Database.Database;
  payments: PaymentService;
  secrets: SecretStore;
  close(): Promise<void>;
}

export async function createCore(opts: CoreOptions): Promise<Core> {
  const db = openLedger(opts.dataDir);
  const events = new EventBus();
  const secrets = new FileSecretStore(opts.dataDir, opts.secretCipher ?? null);
  const settings = new SettingsService(db);
  const backend = new Backend(opts.dataDir, () => settings.get());
  await backend.start();

  const storeRepo = new StoreRepo(db);
  const store = new StoreService(storeRepo, () => backend.gateway());
  const payments = new PaymentService({
    repo: new PaymentRepo(db),
    store: () => storeRepo.get(),
    gateway: () => backend.gateway(),
    events,
    ...(opts.lookupDelaysMs ? { lookupDelaysMs: opts.lookupDelaysMs } : {}),
  });
  // Settle what a crash left open before new sales; the UI sees each outcome as payment.updated.
  const recovery = payments.recoverOnStart().catch((e: unknown) => console.error('[payment] recovery failed', e));
  // Receipts: queued in the ledger, printed only on the printer's answer; a sale prints itself when auto-print is on.
  const printer = new PrinterService(db, () => settings.get().printer, (e) => {
    if (e.type === 'job') events.emit('print.job', e.job);
    else events.emit('printer.status', { printer: e.printer, status: e.status, at: e.at });
  });
  events.subscribe((e) => {
    if (e.name !== 'payment.updated' || e.payload.status !== 'approved') return;
    const p = settings.get().printer;
    if (p.autoPrint && p.transport.kind !== 'none') void printer.printReceipt(e.payload.id, { wait: false }).catch((err: unknown) => console.error('[printer] auto-print failed', err));
  });
  void printer.retryPending().catch((e: unknown) => console.error('[printer] retry after start failed', e));
  // Serial scanner: opened now if configured, reopened by itself after an unplug; scans go out as scan.received.
  const scanner = new ScannerService({ db, events });
  void scanner.start().catch((e: unknown) => console.error('[scanner] start failed', e));

  const router = createRouter({
    getAppInfo: async () => {
      const mode = settings.get().backend.mode;
      let url = '';
      try {
        url = backend.url();
      } catch {
        /* simulator not running */
      }
      return { version: opts.version, shell: opts.shell, backend: { mode, url, reachable: url !== '' && (await backend.reachable()) }, dataDir: opts.dataDir };
    },
    getSettings: () => settings.get(),
    updateSettings: async (patch) => {
      const next = settings.update(patch);
      await backend.onSettingsChanged();
      return next;
    },
    getStore: () => store.get(),
    registerStore: (input) => store.register(input),
    checkout: async (input) => {
      await recovery;
      return payments.checkout(input);
    },
    getPayment: ({ id }) => payments.get(id),
    recheckPayment: ({ id }) => payments.recheck(id),
    listPayments: ({ day }) => payments.listDay(day),
    issueDemoQr: () => backend.issueDemoQr(),
    getReceiptPreview: ({ paymentId, copy }) => printer.preview(paymentId, copy ? { copy } : {}),
    printReceipt: ({ paymentId }) => printer.printReceipt(paymentId, { wait: false }),
    reprintReceipt: ({ paymentId }) => printer.reprint(paymentId, { wait: false }),
    listPrintJobs: ({ paymentId }) => printer.jobs(paymentId ? { paymentId } : {}),
    retryPrintJob: ({ id }) => printer.retryJob(id),
    testPrint: () => printer.testPrint(),
    getPrinterStatus: () => printer.status(),
    listSerialPorts: () => scanner.listPorts(),
    getScannerSettings: () => scanner.settings(),
    updateScannerSettings: (patch) => scanner.update(patch),
    getScannerStatus: () => scanner.status(),
  });

  return {
    router,
    events,
    db,
    payments,
    secrets,
    async close() {
      await scanner.close();
      await backend.close();
      db.close();
    },
  };
}

