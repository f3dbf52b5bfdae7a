/**
 * Start-up with the restore choice on screen (issue 14). `startCore` creates the core; when its ledger
 * is missing, empty, truncated or behind (LedgerLossError) it does not exit and never starts as new:
 * it answers with a recovery router instead — `getLedgerRecovery` says what is wrong and what can be
 * restored, `restoreLedger` restores from the head office or the newest backup and starts the real
 * core, every other method is refused with LEDGER_LOST. The shell serves `router`/`events` throughout;
 * after a restore they lead to the real core (the app reloads).
 */
import type { Handlers, Router } from './router';
import { createRouter } from './router';
import { createCore, type Core, type CoreOptions } from './core';
import { EventBus } from './events';
import { checkLedger, LedgerLossError, type LedgerCheck } from './sync/ledger-check';
import { maxSeq } from './sync/event-log';
import { METHOD_NAMES } from '../../shared/contract';
import type { LedgerRecovery } from '../../shared/contract-recovery';
import { PosError } from '../../shared/domain/errors';

export interface StartedCore {
  router: Router;
  events: EventBus;
  /** The core, once it runs (null while the ledger waits for a restore). */
  core(): Core | null;
  close(): Promise<void>;
}

const recoveryOf = (c: LedgerCheck, dataDir: string): LedgerRecovery | null =>
  c.problem ? { problem: c.problem, detail: c.detail, dataDir, canRestoreFromHeadOffice: c.canRestoreFromHeadOffice, backup: c.backup } : null;

export async function startCore(opts: CoreOptions & { backupDir: string }): Promise<StartedCore> {
  let core: Core;
  try {
    core = await createCore(opts);
    return { router: core.router, events: core.events, core: () => core, close: () => core.close() };
  } catch (e) {
    if (!(e instanceof LedgerLossError)) throw e;
    console.error(`[recovery] ${e.check.problem}: ${e.check.detail} — waiting for a restore chosen on screen`);
    return recoveryCore(opts, e.check);
  }
}

function recoveryCore(opts: CoreOptions & { backupDir: string }, first: LedgerCheck): StartedCore {
  const events = new EventBus();
  let started: Core | null = null;
  let last = recoveryOf(first, opts.dataDir);
  let restoring: Promise<{ from: string; events: number; payments: number }> | null = null;
  const refuse = () => {
    throw new PosError('LEDGER_LOST', last?.detail);
  };
  const refusing = Object.fromEntries(METHOD_NAMES.map((m) => [m, refuse])) as unknown as Handlers;
  const restore = async (source: 'headoffice' | 'backup') => {
    try {
      const core = await createCore({ ...opts, restoreFrom: source });
      core.events.subscribe((ev) => events.emit(ev.name, ev.payload as never));
      started = core;
      const payments = (core.db.prepare('SELECT COUNT(*) AS n FROM payments').get() as { n: number }).n;
      return { from: source, events: maxSeq(core.db), payments };
    } catch (e) {
      const now = checkLedger(opts.dataDir, opts.backupDir);
      last = recoveryOf(now, opts.dataDir) ?? last;
      console.error(`[recovery] restore from ${source} failed:`, e);
      throw new PosError('LEDGER_RESTORE_FAILED', e instanceof Error ? e.message.slice(0, 300) : String(e));
    }
  };
  const recovery = createRouter({
    ...refusing,
    getLedgerRecovery: () => last,
    restoreLedger: async ({ source }) => {
      restoring ??= restore(source).finally(() => (restoring = null));
      return restoring;
    },
  });
  return {
    router: { call: (method: string, input: unknown) => (started ? started.router.call(method, input) : recovery.call(method, input)) },
    events,
    core: () => started,
    close: async () => {
      await restoring?.catch(() => undefined);
      await started?.close();
    },
  };
}
