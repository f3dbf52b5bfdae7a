/**
 * Scanner settings (serial, camera, wedge) as one store for the whole renderer: loaded once from the
 * core, updated through pos.updateScannerSettings, so the camera chooser, the settings panel and the
 * wedge listener always agree. Also the serial scanner's status, pushed as `scanner.status`.
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { ScannerSettings, ScannerStatus } from '../../../../shared/contract';
import { DEFAULT_SCANNER_SETTINGS } from '../../../../shared/contract-values';
import { pos } from '../../api/pos';

type Patch = { [K in keyof ScannerSettings]?: Partial<ScannerSettings[K]> };

let settings: ScannerSettings | null = null;
let status: ScannerStatus | null = null;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

function load(): Promise<void> {
  loading ??= Promise.all([pos.getScannerSettings({}), pos.getScannerStatus({})]).then(
    ([s, st]) => {
      settings = s;
      status = st;
      notify();
    },
    () => {
      loading = null; // try again on the next mount
    },
  );
  return loading;
}

/** Applies the change at once (a checkbox flips when clicked), then keeps what the core stored; reverts if it refused. */
export async function updateScannerSettings(patch: Patch): Promise<ScannerSettings> {
  const before = settings;
  if (before) {
    settings = { serial: { ...before.serial, ...patch.serial }, camera: { ...before.camera, ...patch.camera }, wedge: { ...before.wedge, ...patch.wedge } };
    notify();
  }
  try {
    const next = await pos.updateScannerSettings(patch);
    settings = next;
    notify();
    return next;
  } catch (e) {
    settings = before;
    notify();
    throw e;
  }
}

/** The settings once loaded (null before), and whether they came from the core yet. */
export function useScannerSettings(): { settings: ScannerSettings; loaded: boolean } {
  useEffect(() => {
    void load();
  }, []);
  const s = useSyncExternalStore(subscribe, () => settings);
  return { settings: s ?? DEFAULT_SCANNER_SETTINGS, loaded: s !== null };
}

export function useScannerStatus(): ScannerStatus | null {
  useEffect(() => {
    void load();
    return pos.on('scanner.status', (st) => {
      status = st;
      notify();
    });
  }, []);
  return useSyncExternalStore(subscribe, () => status);
}
