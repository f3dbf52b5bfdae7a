/**
 * The main-process core, free of Electron: ledger, services, backend and the router that both
 * shells serve. `createCore` is all a shell needs.
 */
import { runningCoreRecoveryHandlers } from './sync/recovery-handlers';
import type Database from 'better-sqlite3';
import { Backend } from './backend';
import { InstrumentRepo } from './services/ledger/instrument-repo';
import { testBackend } from './backend-test';
import { EventBus } from './events';
import { createRouter, type Handlers, type Router } from './router';
import { AnalyticsService } from './services/analytics/analytics-service';
import { PaymentRepo } from './services/payment/payment-repo';
import { PaymentService } from './services/payment/payment-service';
import { MpmService } from './services/payment/mpm-service';
import { DisplayService } from './services/display/display-service';
import { RefundService } from './services/payment/refund-service';
import { MerchantCredentialsStore } from './secrets/merchant-credentials';
import { FileSecretStore, type SecretCipher, type SecretStore } from './secrets/secret-store';
import { ledgerHandlers } from './services/ledger/ledger-routes';
import { catalogHandlers, checkSaleLines } from './services/catalog/catalog-routes';
import { CatalogRepo } from './services/catalog/catalog-repo';
import { PrinterService } from './services/printer/printer-service';
import { ScannerService } from './services/scanner/scanner-service';
import { SettingsService } from './services/settings/settings-service';
import { StoreRepo } from './services/store/store-repo';
import { StoreService } from './services/store/store-service';
import { createCounter, type Counter } from './services/order/counter-routes';
import { openCheckedLedger } from './sync/open-checked-ledger';
import type { RestoreSource } from './sync/restore';
import { SyncService } from './sync/sync-service';

export interface CoreOptions {
  dataDir: string;
  shell: 'electron' | 'web';
  version: string;
  lookupDelaysMs?: readonly number[];
  /** Encrypts secrets at rest (Electron: safeStorage); without one, the secrets file's mode 0600 protects them. */
  secretCipher?: SecretCipher | null;
  /** Customer display and merchant-presented QR timings (tests make them short). */
  customerSide?: { pollMs?: number; quitWaitMs?: number; approvedMs?: number; thanksMs?: number };
  /** Head office sync and backups (issue 14): the backup folder (default `<dataDir>-backups`), a restore to run first, test timings. */
  backupDir?: string;
  restoreFrom?: RestoreSource;
  sync?: { idleMs?: number; backoffMs?: readonly number[]; backupEveryMs?: number; batchSize?: number; disabled?: boolean };
}

export interface Core {
  router: Router;
  events: EventBus;
  db: Database.Database;
  payments: PaymentService;
  refunds: RefundService;
  mpm: MpmService;
  display: DisplayService;
  secrets: SecretStore;
  /** Orders, tenders, 현금영수증, drawer sessions (issue 13). */
  counter: Counter;
  sync: SyncService;
  close(): Promise<void>;
}

export async function createCore(opts: CoreOptions): Promise<Core> {
  const secrets = new FileSecretStore(opts.dataDir, opts.secretCipher ?? null);
  const backupDir = opts.backupDir ?? `${opts.dataDir}-backups`;
  const db = await openCheckedLedger(opts.dataDir, backupDir, secrets, opts.restoreFrom);
  const events = new EventBus();
  const settings = new SettingsService(db);
  const credentials = new MerchantCredentialsStore(secrets);
  await credentials.load();
  const instruments = new InstrumentRepo(db); // card/account details the backend reports (issue 10)
  const backend = new Backend(opts.dataDir, () => settings.get(), () => credentials.get(), (orderId, i) => instruments.record(orderId, i));
  await backend.start();

  const storeRepo = new StoreRepo(db);
  const store = new StoreService(storeRepo, () => backend.gateway(), (c) => credentials.set(c));
  const paymentRepo = new PaymentRepo(db);
  const payments = new PaymentService({
    repo: paymentRepo,
    store: () => storeRepo.get(),
    gateway: () => backend.gateway(),
    events,
    ...(opts.lookupDelaysMs ? { lookupDelaysMs: opts.lookupDelaysMs } : {}),
  });
  // Customer display and merchant-presented QR (issue 7): the display follows the sale under way;
  // an MPM sale runs through the same payment state machine (approved → auto-print below).
  const cs = opts.customerSide ?? {};
  const display = new DisplayService({ events, store: () => storeRepo.get(), ...(cs.approvedMs !== undefined ? { approvedMs: cs.approvedMs } : {}), ...(cs.thanksMs !== undefined ? { thanksMs: cs.thanksMs } : {}) });
  const mpm = new MpmService({
    repo: paymentRepo,
    payments,
    store: () => storeRepo.get(),
    gateway: () => backend.gateway(),
    events,
    timeoutMs: () => settings.get().mpmTimeoutMs,
    onAwaitingPhone: (id, url, expiresAt) => display.showPhoneQr(id, url, expiresAt),
    ...(cs.pollMs !== undefined ? { pollMs: cs.pollMs } : {}),
    ...(cs.quitWaitMs !== undefined ? { quitWaitMs: cs.quitWaitMs } : {}),
  });
  // Receipts: queued in the ledger, printed only on the printer's answer; a sale prints itself when auto-print is on.
  const printer = new PrinterService(db, () => settings.get().printer, (e) => {
    if (e.type === 'job') events.emit('print.job', e.job);
    else events.emit('printer.status', { printer: e.printer, status: e.status, at: e.at });
  });
  const autoPrint = () => {
    const p = settings.get().printer;
    return p.autoPrint && p.transport.kind !== 'none';
  };
  const refunds = new RefundService({
    repo: paymentRepo,
    gateway: () => backend.gateway(),
    events,
    onRefunded: (p, r) => {
      if (autoPrint()) void printer.printReceipt(p.id, { refundId: r.id, wait: false }).catch((err: unknown) => console.error('[printer] cancel receipt failed', err));
    },
    ...(opts.lookupDelaysMs ? { retryDelaysMs: opts.lookupDelaysMs } : {}),
  });
  // Issue 13: orders paid by tenders (cash, QR, split), 현금영수증, drawer sessions; recovered after the payments.
  const counter = createCounter({
    db,
    events,
    paymentRepo,
    payments,
    refunds,
    printer,
    storeRepo,
    backendUrl: () => backend.url(),
    timeoutMs: () => settings.get().paymentTimeoutMs,
    printerSettings: () => settings.get().printer,
    ...(opts.lookupDelaysMs ? { lookupDelaysMs: opts.lookupDelaysMs } : {}),
  });
  // Settle what a crash left open, in the background; the UI sees each outcome as payment.updated, and
  // getAppInfo().recovery lists what is still being checked. New sales are refused only while one is open.
  // Then the counter's orders, tenders and 현금영수증 (issue 13).
  void Promise.all([payments.recoverOnStart(), refunds.recoverOnStart()])
    .then(() => counter.recover())
    .catch((e: unknown) => console.error('[payment] recovery failed', e));
  // The Kakao dialect needs a merchant key once the store is registered.
  const needsKey = () => settings.get().backend.dialect === 'kakaopay' && store.get() !== null;
  const healthOf = () => ({ secrets: credentials.health(needsKey()), recovery: { checking: payments.recovering() } });
  events.subscribe((e) => {
    if (e.name !== 'payment.updated' || e.payload.status !== 'approved') return;
    if (autoPrint() && e.payload.refunds.length === 0) void printer.printReceipt(e.payload.id, { wait: false }).catch((err: unknown) => console.error('[printer] auto-print failed', err));
  });
  void printer.retryPending().catch((e: unknown) => console.error('[printer] retry after start failed', e));
  // Serial scanner: opened now if configured, reopened by itself after an unplug; scans go out as scan.received.
  const scanner = new ScannerService({ db, events });
  void scanner.start().catch((e: unknown) => console.error('[scanner] start failed', e));

  // Settings, diagnostics and sales analytics (issue 7).
  const analytics = new AnalyticsService(db);
  const settingsDiagnosticsHandlers: Pick<Handlers, 'testBackend' | 'getAnalytics'> = {
    testBackend: ({ backend: target }) => testBackend(backend, target ?? settings.get().backend),
    getAnalytics: (period) => analytics.get(period),
  };

  // Catalog (issue 12): menu, barcodes, CSV, sales by product; a checkout's catalog lines are checked against it.
  const catalog = new CatalogRepo(db);
  // Head office sync, backups (issue 14): pushes in the background, never in a sale's way.
  const so = opts.sync ?? {};
  const sync = new SyncService({ db, dataDir: opts.dataDir, backupDir, secrets, events, ...(so.idleMs !== undefined ? { idleMs: so.idleMs } : {}), ...(so.backoffMs ? { backoffMs: so.backoffMs } : {}), ...(so.backupEveryMs ? { backupEveryMs: so.backupEveryMs } : {}), ...(so.batchSize ? { batchSize: so.batchSize } : {}) });
  if (!so.disabled) sync.start();
  const ledger = ledgerHandlers({ db, payments: paymentRepo, printer, dayTenders: (day) => counter.dayTenders(day) });
  const withUnsent = <S extends { report: object }>(s: S): S => {
    const st = sync.pusher.status();
    return st.state === 'off' ? s : { ...s, report: { ...s.report, headOfficeUnsent: st.pending } };
  };

  const router = createRouter({
    getAppInfo: async () => {
      const mode = settings.get().backend.mode;
      let url = '';
      try {
        url = backend.url();
      } catch {
        /* simulator not running */
      }
      const reachable = url !== '' && (await backend.reachable());
      return { version: opts.version, shell: opts.shell, backend: { mode, url, reachable }, dataDir: opts.dataDir, ...healthOf() };
    },
    getSettings: () => settings.get(),
    updateSettings: async (patch) => {
      const next = settings.update(patch);
      await backend.onSettingsChanged();
      return next;
    },
    getStore: () => store.get(),
    registerStore: (input) => store.register(input),
    // Never waits for the start-up recovery: refused at once only while a payment is still open (createIfNoneOpen).
    checkout: async (input) => {
      checkSaleLines(catalog, input.items);
      return payments.checkout(input);
    },
    getPayment: ({ id }) => payments.get(id),
    getPaymentInstrument: ({ id }) => instruments.byPaymentId(id),
    recheckPayment: async ({ id }) => {
      await payments.recheck(id);
      return refunds.recheck(id);
    },
    listPayments: ({ day }) => payments.listDay(day),
    issueDemoQr: () => backend.issueDemoQr(),
    refundPayment: (input) => refunds.refund(input),
    getCredentialsStatus: () => credentials.status(needsKey()),
    setCredentials: (input) => credentials.set(input),
    getReceiptPreview: ({ paymentId, refundId, copy }) => printer.preview(paymentId, { ...(copy ? { copy } : {}), ...(refundId ? { refundId } : {}) }),
    printReceipt: ({ paymentId, refundId }) => printer.printReceipt(paymentId, { wait: false, ...(refundId ? { refundId } : {}) }),
    reprintReceipt: ({ paymentId, refundId }) => printer.reprint(paymentId, { wait: false, ...(refundId ? { refundId } : {}) }),
    listPrintJobs: ({ paymentId, settlementDay }) => printer.jobs({ ...(paymentId ? { paymentId } : {}), ...(settlementDay ? { settlementDay } : {}) }),
    retryPrintJob: ({ id, confirmed }) => printer.retryJob(id, { confirmed: confirmed === true }),
    testPrint: () => printer.testPrint(),
    getPrinterStatus: () => printer.status(),
    listSerialPorts: () => scanner.listPorts(),
    getScannerSettings: () => scanner.settings(),
    updateScannerSettings: (patch) => scanner.update(patch),
    getScannerStatus: () => scanner.status(),
    ...settingsDiagnosticsHandlers,
    // ── issue 7: customer display and merchant-presented QR ──
    getDisplayState: () => display.get(),
    setDisplayState: (input) => display.fromCashier(input),
    startMpmPayment: async ({ items }) => {
      checkSaleLines(catalog, items);
      return mpm.start(items);
    },
    cancelMpmPayment: ({ paymentId }) => mpm.cancel(paymentId),
    // Ledger: history, payment detail, settlement (일마감), CSV export (services/ledger/*).
    ...ledger,
    // day close tries to send everything to the head office first; the day's report shows (and prints 본사 미전송) what is still unsent (issue 14)
    closeDay: async (input) => {
      await sync.pusher.flush(3000);
      return withUnsent(await ledger.closeDay(input));
    },
    getSettlement: async (input) => withUnsent(await ledger.getSettlement(input)),
    getSettlementPreview: async ({ day }) => {
      const s = withUnsent(await ledger.getSettlement({ day }));
      return printer.settlementPreview(s.report, s.closedAt);
    },
    printSettlement: async ({ day }) => {
      const s = withUnsent(await ledger.getSettlement({ day }));
      return printer.printSettlement(s.report, s.closedAt, { wait: false });
    },
    ...sync.handlers(),
    ...catalogHandlers(db, catalog),
    ...counter.handlers,
    ...runningCoreRecoveryHandlers, // issue 14: restore on screen (electron/core/recovery.ts)
  });

  return {
    router,
    events,
    db,
    payments,
    refunds,
    mpm,
    display,
    secrets,
    counter,
    sync,
    async close() {
      await sync.close();
      mpm.close();
      display.close();
      await scanner.close();
      await backend.close();
      db.close();
    },
  };
}

