/**
 * 가맹점 인증 키: the merchant keys the backend checks (cid_secret, Kakao admin key). The core keeps
 * them encrypted and only tells whether each is set; this form can replace or remove them but never
 * shows them. Registration with the embedded simulator stores them by itself.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { CredentialsStatus } from '../../../../shared/contract';
import type { ErrorCode } from '../../../../shared/domain/errors';
import { pos } from '../../api/pos';
import { ErrorText } from '../../components/ErrorText';
import { Field } from '../../components/Field';
import { useReportUnsaved, useSaveAll } from './unsaved';
import { useI18n } from '../../i18n/i18n';
import { errorCodeOf } from '../../lib/errors';
import { EnterSaves, SaveState, SettingsSection } from './controls';

type Key = 'cidSecret' | 'adminKey';
const KEYS: readonly Key[] = ['cidSecret', 'adminKey'];

export function CredentialsSection() {
  const { t } = useI18n();
  const [status, setStatus] = useState<CredentialsStatus | null>(null);
  const [values, setValues] = useState<Record<Key, string>>({ cidSecret: '', adminKey: '' });
  const [error, setError] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const [state, setState] = useState<'clean' | 'dirty' | 'saved'>('clean');

  useEffect(() => {
    let alive = true;
    pos.getCredentialsStatus({}).then(
      (s) => alive && setStatus(s),
      (e: unknown) => alive && setError(errorCodeOf(e)),
    );
    return () => {
      alive = false;
    };
  }, []);

  const save = async (patch: Partial<Record<Key, string | null>>): Promise<boolean> => {
    if (busy) return false;
    setBusy(true);
    setError(null);
    try {
      setStatus(await pos.setCredentials(patch));
      setValues({ cidSecret: '', adminKey: '' });
      setState('saved');
      return true;
    } catch (e) {
      setError(errorCodeOf(e));
      return false;
    } finally {
      setBusy(false);
    }
  };

  /** The typed keys (an empty field keeps what is stored). */
  const saveTyped = (): Promise<boolean> => {
    const patch: Partial<Record<Key, string>> = {};
    for (const k of KEYS) if (values[k].trim() !== '') patch[k] = values[k].trim();
    if (Object.keys(patch).length === 0) {
      setState('clean');
      return Promise.resolve(true);
    }
    return save(patch);
  };
  useReportUnsaved('credentials', state === 'dirty', saveTyped);
  const saveAll = useSaveAll();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void saveAll();
  };

  return (
    <SettingsSection title={t('settings.credentials')} testId="settings-credentials">
      <form className="settings__form" noValidate onSubmit={submit} aria-busy={busy}>
        <p className="muted settings__hint">{t('settings.credentials.hint')}</p>
        <div className="settings__grid">
          {KEYS.map((k) => (
            <div key={k} className="settings__wide credential">
              <Field
                label={t(k === 'cidSecret' ? 'settings.credentials.cidSecret' : 'settings.credentials.adminKey')}
                testId={`credentials-${k}`}
                type="password"
                autoComplete="off"
                spellCheck={false}
                maxLength={128}
                placeholder={status?.[k] ? t('settings.credentials.keep') : ''}
                value={values[k]}
                onChange={(e) => {
                  setValues((v) => ({ ...v, [k]: e.target.value }));
                  setState('dirty');
                }}
              />
              <span className={`credential__state ${status?.[k] ? 'credential__state--set' : ''}`} data-testid={`credentials-${k}-state`}>
                {status ? t(status[k] ? 'settings.credentials.set' : 'settings.credentials.unset') : '…'}
              </span>
              {status?.[k] && (
                <button type="button" className="btn btn--small" data-testid={`credentials-${k}-clear`} disabled={busy} onClick={() => void save({ [k]: null })}>
                  {t('settings.credentials.clear')}
                </button>
              )}
            </div>
          ))}
        </div>
        {status && <p className="muted settings__hint" data-testid="credentials-protection">{t(status.protection.includes('0600') ? 'settings.credentials.keptInFile' : 'settings.credentials.keptEncrypted')}</p>}
        <div className="settings__actions">
          <EnterSaves />
          <SaveState state={state} testId="credentials-saved" />
        </div>
        <ErrorText code={error} testId="credentials-error" />
      </form>
    </SettingsSection>
  );
}
