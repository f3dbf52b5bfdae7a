/**
 * Every screen but checkout, loaded when first opened (issue 15): the checkout is usable before
 * their code (and Chart.js, which only 분석 uses) is even fetched. After the checkout is up, the
 * browser fetches the others (not 분석) while idle, so a tab switch rarely waits.
 */
import { lazy } from 'react';

const loaders = {
  history: () => import('./features/history/HistoryScreen'),
  settlement: () => import('./features/settlement/SettlementScreen'),
  store: () => import('./features/onboarding/StoreScreen'),
  settings: () => import('./features/settings/SettingsScreen'),
  analytics: () => import('./features/analytics/AnalyticsScreen'),
  diagnostics: () => import('./features/diagnostics/DiagnosticsScreen'),
};

export const HistoryScreen = lazy(() => loaders.history().then((m) => ({ default: m.HistoryScreen })));
export const SettlementScreen = lazy(() => loaders.settlement().then((m) => ({ default: m.SettlementScreen })));
export const StoreScreen = lazy(() => loaders.store().then((m) => ({ default: m.StoreScreen })));
export const SettingsScreen = lazy(() => loaders.settings().then((m) => ({ default: m.SettingsScreen })));
export const AnalyticsScreen = lazy(() => loaders.analytics().then((m) => ({ default: m.AnalyticsScreen })));
export const DiagnosticsScreen = lazy(() => loaders.diagnostics().then((m) => ({ default: m.DiagnosticsScreen })));

/** Fetches the other screens' code (not 분석's: Chart.js loads only there) once the browser is idle. */
export function prefetchScreensWhenIdle(): void {
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number }).requestIdleCallback;
  if (!idle) return;
  idle(() => {
    for (const [name, load] of Object.entries(loaders)) if (name !== 'analytics') void load().catch(() => undefined);
  }, { timeout: 5000 });
}
