/**
 * A core on a temp-dir ledger whose backend is a remote simulator: the settings are written into
 * the ledger before createCore (as the settings screen stores them), so no embedded simulator starts.
 */
import { openLedger } from '../../electron/core/db/open-ledger';
import { createCore, type Core } from '../../electron/core/core';
import { SettingsService } from '../../electron/core/services/settings/settings-service';
import type { RpcResult } from '../../shared/contract';
import { ensureDrawerOpen } from '../fixtures/drawer-session';

/** The shortest timeout the settings allow. */
export const FAULT_TIMEOUT_MS = 1000;
export const FAULT_LOOKUP_DELAYS_MS = [50, 100, 200, 400, 800] as const;

export function configureRemote(dataDir: string, url: string, timeoutMs = FAULT_TIMEOUT_MS, dialect: 'oneqpay' | 'kakaopay' = 'oneqpay'): void {
  const db = openLedger(dataDir);
  try {
    const settings = new SettingsService(db);
    const s = settings.get();
    if (s.backend.mode !== 'remote' || s.backend.url !== url || s.backend.dialect !== dialect || s.paymentTimeoutMs !== timeoutMs) settings.update({ backend: { mode: 'remote', url, dialect }, paymentTimeoutMs: timeoutMs });
  } finally {
    db.close();
  }
}

export async function remoteCore(dataDir: string, url: string, o: { timeoutMs?: number; lookupDelaysMs?: readonly number[] } = {}): Promise<Core> {
  configureRemote(dataDir, url, o.timeoutMs);
  const core = await createCore({ dataDir, shell: 'web', version: 'fault-test', lookupDelaysMs: o.lookupDelaysMs ?? FAULT_LOOKUP_DELAYS_MS });
  await ensureDrawerOpen(core);
  return core;
}

export async function rpc<T>(core: Core, method: string, input: unknown = {}): Promise<RpcResult<T>> {
  return (await core.router.call(method, input)) as RpcResult<T>;
}
