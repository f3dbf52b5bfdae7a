import type { StoreProfile } from '../../../shared/contract';
import { useI18n, type Lang, type MessageKey } from '../i18n/i18n';
import { LanguageToggle } from './LanguageToggle';

export type Tab = 'checkout' | 'history' | 'store' | 'settings' | 'settlement' | 'analytics' | 'diagnostics';
export const TABS: readonly { id: Tab; label: MessageKey; key: string }[] = [
  { id: 'checkout', label: 'tab.checkout', key: '1' },
  { id: 'history', label: 'tab.history', key: '2' },
  { id: 'store', label: 'tab.store', key: '3' },
  { id: 'settings', label: 'tab.settings', key: '4' },
  { id: 'settlement', label: 'settlement.tab', key: '5' },
  { id: 'analytics', label: 'tab.analytics', key: '6' },
  { id: 'diagnostics', label: 'tab.diagnostics', key: '7' },
];
/** Screens that need a registered store (settings and diagnostics do not: the payment server may have to be set first). */
export const needsStore = (tab: Tab) => tab === 'checkout' || tab === 'history' || tab === 'settlement' || tab === 'analytics';

interface TopBarProps {
  store: StoreProfile | null;
  tab: Tab;
  onTab: (tab: Tab) => void;
  onLanguage: (lang: Lang) => void;
  languageBusy: boolean;
}

/** Store name + cid, the screens, and the language toggle. */
export function TopBar({ store, tab, onTab, onLanguage, languageBusy }: TopBarProps) {
  const { t } = useI18n();
  return (
    <header className="topbar">
      <div className="topbar__store" data-testid="store-badge">
        {store ? (
          <>
            <span className="topbar__name">{store.name}</span>
            <span className="topbar__cid">
              {t('top.cid')} <strong data-testid="top-cid">{store.cid}</strong>
            </span>
          </>
        ) : (
          <span className="topbar__name topbar__name--muted">{t('top.unregistered')}</span>
        )}
      </div>
      <nav className="tabs" aria-label={t('nav.label')}>
        {TABS.map((x) => (
          <button
            key={x.id}
            type="button"
            className={`tab ${tab === x.id ? 'is-active' : ''}`}
            data-testid={`tab-${x.id}`}
            aria-current={tab === x.id ? 'page' : undefined}
            disabled={!store && needsStore(x.id)}
            title={`Alt+${x.key}`}
            onClick={() => onTab(x.id)}
          >
            {t(x.label)}
          </button>
        ))}
      </nav>
      <LanguageToggle onToggle={onLanguage} busy={languageBusy} />
    </header>
  );
}
