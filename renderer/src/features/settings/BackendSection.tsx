/**
 * 결제 서버: the embedded simulator or a remote server (URL checked with the contract's schema), with
 * 연결 테스트 of what the form holds — before saving, and by itself after saving.
 */
import { useRef, useState, type FormEvent } from 'react';
import type { Settings } from '../../../../shared/contract';
import type { ErrorCode } from '../../../../shared/domain/errors';
import { pos } from '../../api/pos';
import { ErrorText } from '../../components/ErrorText';
import { Field } from '../../components/Field';
import { useReportUnsaved, useSaveAll } from './unsaved';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { errorCodeOf } from '../../lib/errors';
import { ConnectionTestResult, useBackendTest } from './ConnectionTest';
import { EnterSaves, SaveState, SelectField, SettingsSection } from './controls';
import { backendForm, DIALECT_LABEL, DIALECTS, KAKAO_APIS, validateBackendForm, type BackendForm } from './settings-forms';

export function BackendSection({ saved, onSaved }: { saved: Settings['backend']; onSaved: (s: Settings, before: Settings['backend']) => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState<BackendForm>(() => backendForm(saved));
  const [urlError, setUrlError] = useState<MessageKey | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const [state, setState] = useState<'clean' | 'dirty' | 'saved'>('clean');
  const urlRef = useRef<HTMLInputElement>(null);
  const test = useBackendTest();

  const edit = (patch: Partial<BackendForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setUrlError(null);
    setError(null);
    setState('dirty');
    test.clear(); // a result is about the values it tested
  };

  /** The form's backend, or null (and the URL field's message) when the contract refuses it. */
  const checked = (): Settings['backend'] | null => {
    const v = validateBackendForm(form);
    if (v.ok) return v.value;
    setUrlError(v.urlError);
    urlRef.current?.focus();
    return null;
  };

  const runTest = () => {
    const b = checked();
    if (b) void test.run(b);
  };

  const save = async (): Promise<boolean> => {
    const b = checked();
    if (!b) return false;
    setBusy(true);
    try {
      const next = await pos.updateSettings({ backend: b });
      setForm(backendForm(next.backend));
      setState('saved');
      onSaved(next, saved);
      void test.run(); // the saved backend, as the payments will now use it
      return true;
    } catch (ex) {
      setError(errorCodeOf(ex));
      return false;
    } finally {
      setBusy(false);
    }
  };

  useReportUnsaved('backend', state === 'dirty', save);
  const saveAll = useSaveAll();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!busy) void saveAll();
  };

  return (
    <SettingsSection title={t('settings.backend')} testId="settings-backend">
      <form className="settings__form" noValidate onSubmit={submit} aria-busy={busy}>
        <fieldset className="settings__choices">
          <legend className="sr-only">{t('settings.backend')}</legend>
          {(['embedded', 'remote'] as const).map((mode) => (
            <label key={mode} className="check-field">
              <input type="radio" name="backend-mode" data-testid={`backend-mode-${mode}`} checked={form.mode === mode} onChange={() => edit({ mode })} />
              {t(mode === 'embedded' ? 'settings.backend.embedded' : 'settings.backend.remote')}
            </label>
          ))}
        </fieldset>
        <div className="settings__grid">
          {form.mode === 'remote' && (
            <Field
              className="settings__wide"
              label={t('settings.backend.url')}
              testId="backend-url"
              inputRef={urlRef}
              type="url"
              inputMode="url"
              placeholder="https://pay.example.com"
              spellCheck={false}
              autoComplete="off"
              maxLength={255}
              value={form.url}
              error={urlError ? t(urlError) : null}
              onChange={(e) => edit({ url: e.target.value })}
            />
          )}
          <SelectField label={t('settings.backend.dialect')} testId="backend-dialect" value={form.dialect} options={DIALECTS.map((d) => ({ value: d, label: DIALECT_LABEL[d] }))} onValue={(dialect) => edit({ dialect })} />
          {form.dialect === 'kakaopay' && (
            <SelectField
              label={t('settings.backend.kakaoApi')}
              testId="backend-kakao-api"
              value={form.kakaoApi}
              options={KAKAO_APIS.map((g) => ({ value: g, label: t(g === 'open' ? 'settings.backend.kakaoApi.open' : 'settings.backend.kakaoApi.legacy') }))}
              onValue={(kakaoApi) => edit({ kakaoApi })}
            />
          )}
        </div>
        <div className="settings__actions">
          <EnterSaves />
          <SaveState state={state} testId="backend-saved" />
          <span className="settings__tools">
            <button type="button" className="btn btn--secondary" data-testid="backend-test" disabled={busy || test.busy} onClick={runTest}>
              {test.busy ? t('settings.backend.testing') : t('settings.backend.test')}
            </button>
          </span>
        </div>
        <ErrorText code={error} testId="backend-error" />
        {test.result && <ConnectionTestResult result={test.result} testId="backend-test-result" />}
        <p className="muted settings__hint">{t('settings.backend.newCidHint')}</p>
      </form>
    </SettingsSection>
  );
}
