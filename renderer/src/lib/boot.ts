/**
 * What the shell needs before it can show a screen, asked for once, in parallel, as soon as the bundle
 * runs — before React's first render, whose effects (status bar, scanners) would otherwise queue their
 * requests ahead of these (issue 15): whether the ledger is lost (issue 14: then the restore screen), the
 * settings (the language) and the store (onboarding or checkout).
 */
import type { Settings, StoreProfile } from '../../../shared/contract';
import type { LedgerRecovery } from '../../../shared/contract-recovery';
import { pos } from '../api/pos';

export type BootData = { recovery: LedgerRecovery } | { settings: Settings | null; store: StoreProfile | null };

let first: Promise<BootData> | null = null;

async function load(): Promise<BootData> {
  // a lost ledger refuses the other two (LEDGER_LOST): their answers are only read when it is not lost
  const store = pos.getStore({}).then((v) => ({ ok: true as const, v }), (e: unknown) => ({ ok: false as const, e }));
  const settings = pos.getSettings({}).catch(() => null);
  const recovery = await pos.getLedgerRecovery({}).catch(() => null);
  if (recovery) return { recovery };
  const st = await store;
  if (!st.ok) throw st.e;
  return { settings: await settings, store: st.v };
}

/** The first call's answer is the one started at start-up; a retry (after a failure) asks again. */
export function bootData(retry = false): Promise<BootData> {
  if (retry || !first) {
    const p = load();
    if (!first) {
      first = p;
      p.catch(() => undefined); // a failure is shown by the App when it awaits it
    }
    return p;
  }
  return first;
}
