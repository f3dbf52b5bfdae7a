/**
 * The main-process core, free of Electron: ledger, services, backend and the router that both
 * shells serve. `createCore` is all a shell needs.
 */
import type Database from 'better-sqlite3';
import { Backend } from './backend';
import { openLedger } from './db/open-ledger';
import { EventBus } from './events';
import { createRouter, type Router } from './router';
import { PaymentRepo } from './services/payment/payment-repo';
import { PaymentService } from './services/payment/payment-service';
import { SettingsService } from './services/settings/settings-service';
import { StoreRepo } from './services/store/store-repo';
import { StoreService } from './services/store/store-service';

export interface CoreOptions {
  dataDir: string;
  shell: 'electron' | 'web';
  version: string;
  lookupDelaysMs?: readonly number[];
}

export interface Core {
  router: Router;
  events: EventBus;
  db: Database.Database;
  payments: PaymentService;
  close(): Promise<void>;
}

export async function createCore(opts: CoreOptions): Promise<Core> {
  const db = openLedger(opts.dataDir);
  const events = new EventBus();
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
  });

  return {
    router,
    events,
    db,
    payments,
    async close() {
      await backend.close();
      db.close();
    },
  };
}

