/**
 * What the shell needs before it can show a screen (settings: the language; the store: onboarding or
 * checkout), asked for once, in parallel, as soon as the bundle runs — before React's first render, whose
 * effects (status bar, scanners) would otherwise queue their requests ahead of these (issue 15).
 */
import type { Settings, StoreProfile } from '../../../shared/contract';
import { pos } from '../api/pos';

export interface BootData {
  settings: Settings | null;
  store: StoreProfile | null;
}

let first: Promise<BootData> | null = null;

const load = (): Promise<BootData> =>
  Promise.all([pos.getSettings({}).catch(() => null), pos.getStore({})]).then(([settings, store]) => ({ settings, store }));

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
