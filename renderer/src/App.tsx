/**
 * The shell of the renderer: loads settings and the store, then shows onboarding (no store) or
 * checkout; top bar (store, tabs, 한/EN), the screen, and the status bar.
 */
import { Suspense, useEffect, useState } from 'react';
import type { StoreProfile } from '../../shared/contract';
import type { LedgerRecovery } from '../../shared/contract-recovery';
import type { ErrorCode } from '../../shared/domain/errors';
import { pos } from './api/pos';
import { ErrorText } from './components/ErrorText';
import { StatusBar } from './components/StatusBar';
import { needsStore, TABS, TopBar, type Tab } from './components/TopBar';
import { CheckoutScreen } from './features/checkout/CheckoutScreen';
import { CameraStatusProvider } from './features/scan/camera/camera-status';
import { LedgerRecoveryScreen } from './features/sync/LedgerRecoveryScreen';
import { LeaveSettingsDialog } from './features/settings/LeaveSettingsDialog';
import { useLeaveGuard } from './features/settings/useLeaveGuard';
import { I18nProvider, translate, type Lang } from './i18n/i18n';
import { errorCodeOf } from './lib/errors';
import { bootData } from './lib/boot';
import { useAppInfo } from './lib/useAppInfo';
import { AnalyticsScreen, DiagnosticsScreen, HistoryScreen, SettingsScreen, SettlementScreen, StoreScreen, prefetchScreensWhenIdle } from './lazy-screens';

type Boot = { state: 'loading' } | { state: 'failed'; code: ErrorCode } | { state: 'ready' } | { state: 'recovery'; recovery: LedgerRecovery };

export function App() {
  const [boot, setBoot] = useState<Boot>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [lang, setLang] = useState<Lang>('ko');
  const [langBusy, setLangBusy] = useState(false);
  const [store, setStore] = useState<StoreProfile | null>(null);
  const [tab, setTab] = useState<Tab>('checkout');
  const [backendRev, setBackendRev] = useState(0);
  const leave = useLeaveGuard(tab, setTab);
  const goTo = leave.goTo;
  const appInfo = useAppInfo(`${attempt}:${backendRev}`);

  useEffect(() => {
    let alive = true;
    (async () => {
      const boot = await bootData(attempt > 0);
      if ('recovery' in boot) {
        // issue 14: a lost ledger — the core waits for the restore chosen on screen
        if (alive) setBoot({ state: 'recovery', recovery: boot.recovery });
        return;
      }
      const { settings, store: s } = boot;
      if (!alive) return;
      if (settings) setLang(settings.language);
      setStore(s);
      setTab(s ? 'checkout' : 'store');
      setBoot({ state: 'ready' });
      prefetchScreensWhenIdle();
    })().catch((e: unknown) => alive && setBoot({ state: 'failed', code: errorCodeOf(e) }));
    return () => {
      alive = false;
    };
  }, [attempt]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = translate(lang, 'app.title');
  }, [lang]);

  // Alt+1…7: switch screens (no store yet: only the store, settings and diagnostics screens).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const t = TABS.find((x) => e.code === `Digit${x.key}` || e.code === `Numpad${x.key}`);
      if (!t || (!store && needsStore(t.id))) return;
      e.preventDefault();
      goTo(t.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, goTo]);

  const changeLanguage = async (next: Lang) => {
    if (boot.state === 'recovery') return setLang(next); // no settings to keep it in until the ledger is back
    const prev = lang;
    setLang(next);
    setLangBusy(true);
    try {
      setLang((await pos.updateSettings({ language: next })).language);
    } catch {
      setLang(prev);
    } finally {
      setLangBusy(false);
    }
  };

  if (boot.state === 'recovery') {
    return (
      <I18nProvider lang={lang}>
        <div className="app">
          <LedgerRecoveryScreen recovery={boot.recovery} onLanguage={(l) => void changeLanguage(l)} onRestored={() => setTimeout(() => window.location.reload(), 1200)} />
        </div>
      </I18nProvider>
    );
  }

  return (
    <I18nProvider lang={lang}>
      <CameraStatusProvider>
      <div className="app">
        <TopBar store={store} tab={tab} onTab={leave.goTo} onLanguage={(l) => void changeLanguage(l)} languageBusy={langBusy} />
        {boot.state === 'loading' && <main className="screen screen--center muted">{translate(lang, 'app.loading')}</main>}
        {boot.state === 'failed' && (
          <main className="screen screen--center">
            <p className="error-text--big">{translate(lang, boot.code === 'WEB_ACCESS_MISSING' ? 'app.noAccess' : 'app.startFailed')}</p>
            <ErrorText code={boot.code} testId="boot-error" />
            <button type="button" className="btn btn--primary" onClick={() => setAttempt((n) => n + 1)}>
              {translate(lang, 'app.retry')}
            </button>
          </main>
        )}
        {boot.state === 'ready' && (
          <>
            {store && <CheckoutScreen active={tab === 'checkout'} appInfo={appInfo} />}
            <Suspense fallback={tab === 'checkout' && store ? null : <main className="screen screen--center muted">{translate(lang, 'app.loading')}</main>}>
            {tab === 'history' && store && <HistoryScreen />}
            {tab === 'settlement' && store && <SettlementScreen />}
            {tab === 'store' && <StoreScreen store={store} onRegistered={setStore} onStart={() => setTab('checkout')} />}
            {tab === 'settings' && <SettingsScreen onLanguage={(l) => void changeLanguage(l)} languageBusy={langBusy} onBackendSaved={() => setBackendRev((n) => n + 1)} store={store} onStoreRegistered={setStore} onUnsaved={leave.setSettingsUnsaved} />}
            {tab === 'analytics' && store && <AnalyticsScreen />}
            {tab === 'diagnostics' && <DiagnosticsScreen />}
            </Suspense>
          </>
        )}
        {leave.asking && <LeaveSettingsDialog onStay={leave.stay} onLeave={leave.leave} />}
        <StatusBar info={appInfo} />
      </div>
      </CameraStatusProvider>
    </I18nProvider>
  );
}
