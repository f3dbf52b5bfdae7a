/** 설정 (Alt+4): language, payment server, receipt printer. Every section saves on its own and applies at once. */
import { useEffect, useState } from 'react';
import type { Settings } from '../../../../shared/contract';
import type { ErrorCode } from '../../../../shared/domain/errors';
import { pos } from '../../api/pos';
import { ErrorText } from '../../components/ErrorText';
import { useI18n, type Lang } from '../../i18n/i18n';
import { errorCodeOf } from '../../lib/errors';
import { BackendSection } from './BackendSection';
import { CredentialsSection } from './CredentialsSection';
import { SettingsSection } from './controls';
import { PrinterSection } from './PrinterSection';

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
}

export function SettingsScreen({ onLanguage, languageBusy, onBackendSaved }: SettingsScreenProps) {
  const { t, lang } = useI18n();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);

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
    <main className="screen settings" data-testid="settings-screen">
      <h1 className="screen-title">{t('settings.title')}</h1>
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
              onSaved={(s) => {
                setSettings(s);
                onBackendSaved();
              }}
            />
            <CredentialsSection />
            <SettingsSection title={t('settings.scanner')} testId="settings-scanner">
              <p className="muted">{t('settings.scanner.placeholder')}</p>
            </SettingsSection>
          </div>
          <div className="settings__column">
            <PrinterSection saved={settings.printer} onSaved={(printer) => setSettings((s) => (s ? { ...s, printer } : s))} />
          </div>
        </div>
      )}
    </main>
  );
}
