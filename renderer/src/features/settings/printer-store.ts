/**
 * The receipt printer as the whole renderer sees it: its saved settings and its last known status.
 * One store (status bar, receipt panel and settings screen agree): loaded from the core on first use,
 * kept current by `printer.status` events, asked again when the settings change, and otherwise at most
 * every 30 s (a status query opens the printer's link and waits behind a job being printed).
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { PrinterStatus } from '../../../../shared/contract';
import { printerKey, type PrinterSettings } from '../../../../shared/domain/receipt/printer-settings';
import { pos } from '../../api/pos';
import type { MessageKey } from '../../i18n/i18n';

export const PRINTER_POLL_MS = 30_000;

export interface PrinterView {
  /** Saved printer settings; null until loaded. */
  settings: PrinterSettings | null;
  /** Last known status of the configured printer (null: not asked yet, or no printer). */
  status: PrinterStatus | null;
  /** When `status` was last heard (Date.now()). */
  heardAt: number | null;
  /** A status query is under way. */
  checking: boolean;
}

/** What the status bar shows: loading, not configured, not heard yet, or the printer's state. */
export type PrinterDisplay = 'loading' | 'none' | 'checking' | PrinterStatus['state'];

export function printerDisplay(v: PrinterView): PrinterDisplay {
  if (!v.settings) return 'loading';
  if (v.settings.transport.kind === 'none') return 'none';
  return v.status ? v.status.state : 'checking';
}

export const PRINTER_DISPLAY_KEY: Record<PrinterDisplay, MessageKey> = {
  loading: 'printer.state.checking',
  checking: 'printer.state.checking',
  none: 'printer.state.none',
  ok: 'printer.state.ok',
  offline: 'printer.state.offline',
  cover_open: 'printer.state.cover_open',
  paper_out: 'printer.state.paper_out',
  timeout: 'printer.state.timeout',
};

let view: PrinterView = { settings: null, status: null, heardAt: null, checking: false };
const listeners = new Set<() => void>();
let users = 0;
let loading: Promise<void> | null = null;
let inflight: { key: string; done: Promise<PrinterStatus | null> } | null = null;
let stopEvents: (() => void) | null = null;
let timer: number | null = null;

function set(patch: Partial<PrinterView>): void {
  view = { ...view, ...patch };
  for (const l of listeners) l();
}

const keyOf = (s: PrinterSettings | null) => (s ? printerKey(s.transport) : null);

function load(): Promise<void> {
  loading ??= pos.getSettings({}).then(
    (s) => {
      if (!view.settings) set({ settings: s.printer });
      void checkPrinter();
    },
    () => {
      loading = null; // try again on the next use
    },
  );
  return loading;
}

/** Asks the core for the printer's status now (one query per printer at a time; none without a printer). */
export function checkPrinter(): Promise<PrinterStatus | null> {
  const s = view.settings;
  if (!s || s.transport.kind === 'none') return Promise.resolve(null);
  const key = printerKey(s.transport);
  if (inflight?.key === key) return inflight.done;
  set({ checking: true });
  const mine: { key: string; done: Promise<PrinterStatus | null> } = {
    key,
    done: pos
      .getPrinterStatus({})
      .then(
        (st) => {
          if (keyOf(view.settings) === key) set({ status: st, heardAt: Date.now() });
          return st;
        },
        () => null,
      )
      .finally(() => {
        if (inflight !== mine) return; // a newer printer's query is under way
        inflight = null;
        set({ checking: false });
      }),
  };
  inflight = mine;
  return mine.done;
}

/** The settings screen saved new printer settings: applies them here and asks the new printer. */
export function printerSettingsSaved(next: PrinterSettings): void {
  const changedPrinter = keyOf(view.settings) !== keyOf(next) || view.settings?.profile !== next.profile;
  set(changedPrinter ? { settings: next, status: null, heardAt: null } : { settings: next });
  void checkPrinter();
}

function start(): void {
  void load();
  stopEvents = pos.on('printer.status', (e) => {
    if (keyOf(view.settings) === e.printer) set({ status: e.status, heardAt: Date.now() });
  });
  timer = window.setInterval(() => {
    if (document.hidden || view.checking) return;
    if (view.heardAt !== null && Date.now() - view.heardAt < PRINTER_POLL_MS) return;
    void checkPrinter();
  }, PRINTER_POLL_MS);
}

function stop(): void {
  stopEvents?.();
  stopEvents = null;
  if (timer !== null) window.clearInterval(timer);
  timer = null;
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** The printer's settings and status; the first user starts the store, the last one stops its timer. */
export function usePrinter(): PrinterView {
  useEffect(() => {
    if (users++ === 0) start();
    return () => {
      if (--users === 0) stop();
    };
  }, []);
  return useSyncExternalStore(subscribe, () => view);
}
