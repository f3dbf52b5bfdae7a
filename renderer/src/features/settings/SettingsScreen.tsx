/**
 * 설정 (Alt+4): language, payment server (with 연결 테스트) and merchant keys, store profile (다시 등록),
 * receipt printer, scanners, camera. Every section is checked with the contract's schemas, saves on its own
 * and applies at once, without a restart.
 */
import { useEffect, useState } from 'react';
import type { Settings, StoreProfile } from '../../../../shared/contract';
import type { ErrorCode } from '../../../../shared/domain/errors';
import { pos } from '../../api/pos';
import { ErrorText } from '../../components/ErrorText';
import { useI18n, type Lang } from '../../i18n/i18n';
import { errorCodeOf } from '../../lib/errors';
import { BackendSection } from './BackendSection';
import { CameraSection } from './CameraSection';
import { CredentialsSection } from './CredentialsSection';
import { HeadOfficeSection } from './HeadOfficeSection';
import { SettingsSection } from './controls';
import { PrinterSection } from './PrinterSection';
import { ScannerSection } from './ScannerSection';
import { StoreSection } from './StoreSection';
import { UnsavedProvider } from './unsaved';

/** Each language in its own name. */
const LANGS: readonly [Lang, string][] = [
  ['ko', '한국어'],
  ['en', 'English'],
];

interface SettingsScreenProps {
  onLanguage: (lang: Lang) => void;
  languageBusy: boolean;
  /** The payment server changed: the status bar should look again. */
  onBackendSaved: () => void;
  store: StoreProfile | null;
  onStoreRegistered: (store: StoreProfile) => void;
  /** Whether any section holds edits not saved yet (the app asks before leaving the screen). */
  onUnsaved: (unsaved: boolean) => void;
}

const sameServer = (a: Settings['backend'], b: Settings['backend']) => a.mode === b.mode && a.dialect === b.dialect && (a.mode === 'embedded' || (b.mode === 'remote' && a.url === b.url));

export function SettingsScreen({ onLanguage, languageBusy, onBackendSaved, store, onStoreRegistered, onUnsaved }: SettingsScreenProps) {
  const { t, lang } = useI18n();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [serverChanged, setServerChanged] = useState(false);
  const [unsaved, setUnsaved] = useState<readonly string[]>([]);
  const onUnsavedSections = (sections: readonly string[]) => {
    setUnsaved(sections);
    onUnsaved(sections.length > 0);
  };

  useEffect(() => {
    let alive = true;
    pos.getSettings({}).then(
      (s) => alive && setSettings(s),
      (e: unknown) => alive && setError(errorCodeOf(e)),
    );
    return () => {
      alive = false;
    };
  }, []);

  return (
    <UnsavedProvider onChange={onUnsavedSections}>
    <main className="screen settings" data-testid="settings-screen" data-unsaved={unsaved.join(' ')}>
      <h1 className="screen-title">{t('settings.title')}</h1>
      {unsaved.length > 0 && (
        <p className="banner banner--warn settings__unsaved" role="status" data-testid="settings-unsaved">
          {t('settings.unsaved.bar')}
        </p>
      )}
      <ErrorText code={error} testId="settings-error" />
      {!settings ? (
        !error && <p className="muted">{t('app.loading')}</p>
      ) : (
        <div className="settings__columns">
          <div className="settings__column">
            <SettingsSection title={t('settings.language')} testId="settings-language">
              <fieldset className="settings__choices" disabled={languageBusy}>
                <legend className="sr-only">{t('settings.language')}</legend>
                {LANGS.map(([l, name]) => (
                  <label key={l} className="check-field" lang={l}>
                    <input type="radio" name="settings-lang" data-testid={`settings-lang-${l}`} checked={lang === l} onChange={() => onLanguage(l)} />
                    {name}
                  </label>
                ))}
              </fieldset>
              <p className="muted settings__hint">{t('settings.language.hint')}</p>
            </SettingsSection>
            <BackendSection
              saved={settings.backend}
              onSaved={(s, before) => {
                setSettings(s);
                if (!sameServer(before, s.backend)) setServerChanged(true);
                onBackendSaved();
              }}
            />
            <StoreSection
              store={store}
              server={settings.backend.mode === 'embedded' ? t('status.embedded') : settings.backend.url}
              serverChanged={serverChanged}
              onRegistered={(s) => {
                setServerChanged(false);
                onStoreRegistered(s);
              }}
            />
            <CredentialsSection key={store?.cid ?? ''} />
            <HeadOfficeSection />
          </div>
          <div className="settings__column">
            <PrinterSection saved={settings.printer} onSaved={(printer) => setSettings((s) => (s ? { ...s, printer } : s))} />
            <ScannerSection />
            <CameraSection />
          </div>
        </div>
      )}
    </main>
    </UnsavedProvider>
  );
}
