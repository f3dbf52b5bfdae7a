/**
 * 설정 → 본사 연결 (issue 14): enroll this terminal in a head office with the one-time code shown in
 * the head office's dashboard. The terminal gets a key of its own (kept by the core, never shown);
 * the merchant's payment keys never leave the terminal.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { SyncStatus } from '../../../../shared/contract-sync';
import type { ErrorCode } from '../../../../shared/domain/errors';
import { pos } from '../../api/pos';
import { ErrorText } from '../../components/ErrorText';
import { Field } from '../../components/Field';
import { useI18n } from '../../i18n/i18n';
import { errorCodeOf } from '../../lib/errors';
import { SettingsSection } from './controls';

export function HeadOfficeSection() {
  const { t } = useI18n();
  const [st, setSt] = useState<SyncStatus | null>(null);
  const [url, setUrl] = useState('');
  const [code, setCode] = useState('');
  const [name, setName] = useState('POS 1');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);

  useEffect(() => {
    let alive = true;
    void pos.getSyncStatus({}).then((s) => alive && setSt(s), () => undefined);
    const off = pos.on('sync.status', (s) => setSt(s));
    return () => {
      alive = false;
      off();
    };
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      setSt(await pos.enrollHeadOffice({ url: url.trim(), code: code.trim(), name: name.trim() || 'POS' }));
      setCode('');
    } catch (x) {
      setError(errorCodeOf(x));
    } finally {
      setBusy(false);
    }
  };

  return (
    <SettingsSection title={t('headoffice.title')} testId="settings-headoffice">
      {st?.headOffice && (
        <p className="settings__hint" data-testid="headoffice-enrolled">
          {t('headoffice.enrolled', { store: st.headOffice.storeName, url: st.headOffice.url })}
        </p>
      )}
      <form className="settings__form" noValidate onSubmit={(e) => void submit(e)} aria-busy={busy}>
        <p className="muted settings__hint">{t('headoffice.hint')}</p>
        <div className="settings__grid">
          <Field label={t('headoffice.url')} testId="headoffice-url" value={url} placeholder="http://192.168.0.10:7070" maxLength={255} onChange={(e) => setUrl(e.target.value)} />
          <Field label={t('headoffice.code')} testId="headoffice-code" value={code} placeholder="ABCD-2345" maxLength={40} autoComplete="off" onChange={(e) => setCode(e.target.value)} />
          <Field label={t('headoffice.name')} testId="headoffice-name" value={name} maxLength={60} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="settings__actions">
          <button type="submit" className="btn btn--primary" data-testid="headoffice-enroll" disabled={busy || !url.trim() || !code.trim()}>
            {busy ? t('settings.saving') : t('headoffice.enroll')}
          </button>
        </div>
        <ErrorText code={error} testId="headoffice-error" />
      </form>
    </SettingsSection>
  );
}
