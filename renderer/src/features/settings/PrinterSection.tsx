/**
 * 영수증 프린터: profile, link (TCP host/port, device path, serial path/baud), paper width, auto-print,
 * footer, lookup code, cut, cash drawer. Checked with printerSettingsSchema before saving; saving applies
 * at once (the next receipt uses it). 테스트 인쇄 and 상태 확인 work on the saved printer.
 */
import { useRef, useState, type FormEvent } from 'react';
import type { MethodOutput, PrinterStatus } from '../../../../shared/contract';
import type { ErrorCode } from '../../../../shared/domain/errors';
import type { PrinterSettings } from '../../../../shared/domain/receipt/printer-settings';
import { pos } from '../../api/pos';
import { ErrorText } from '../../components/ErrorText';
import { Field } from '../../components/Field';
import { useReportUnsaved, useSaveAll } from './unsaved';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { errorCodeOf } from '../../lib/errors';
import { CheckField, EnterSaves, SaveState, SelectField, SettingsSection, TextAreaField } from './controls';
import { checkPrinter, PRINTER_DISPLAY_KEY, printerSettingsSaved } from './printer-store';
import { CODES, CUTS, PAPER_COLUMNS, PRINTER_BAUD_RATES, PRINTER_PROFILES, printerForm, TRANSPORT_KINDS, validatePrinterForm, type PrinterErrors, type PrinterField, type PrinterForm } from './settings-forms';

type TestResult = MethodOutput<'testPrint'>;

export function PrinterSection({ saved, onSaved }: { saved: PrinterSettings; onSaved: (p: PrinterSettings) => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState<PrinterForm>(() => printerForm(saved));
  const [errors, setErrors] = useState<PrinterErrors>({});
  const [error, setError] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const [state, setState] = useState<'clean' | 'dirty' | 'saved'>('clean');
  const [testing, setTesting] = useState(false);
  const [test, setTest] = useState<TestResult | null>(null);
  const [checking, setChecking] = useState(false);
  const [checked, setChecked] = useState<PrinterStatus | 'none' | null>(null);
  const refs = useRef<Partial<Record<PrinterField, HTMLInputElement | HTMLTextAreaElement | null>>>({});

  const edit = (patch: Partial<PrinterForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setErrors((e) => {
      const next = { ...e };
      for (const k of Object.keys(patch)) delete next[k as PrinterField];
      return next;
    });
    setError(null);
    setState('dirty');
  };

  const save = async (): Promise<boolean> => {
    const v = validatePrinterForm(form);
    if (!v.ok) {
      setErrors(v.errors);
      setError('VALIDATION_FAILED'); // the summary under the buttons; each field says what is wrong next to it
      const first = (['host', 'port', 'path', 'footer'] as const).find((f) => v.errors[f]);
      if (first) refs.current[first]?.focus();
      return false;
    }
    setBusy(true);
    setError(null);
    try {
      const next = await pos.updateSettings({ printer: v.value });
      setForm(printerForm(next.printer));
      setState('saved');
      setTest(null);
      setChecked(null);
      printerSettingsSaved(next.printer);
      onSaved(next.printer);
      return true;
    } catch (ex) {
      setError(errorCodeOf(ex));
      return false;
    } finally {
      setBusy(false);
    }
  };

  useReportUnsaved('printer', state === 'dirty', save);
  const saveAll = useSaveAll();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!busy) void saveAll();
  };

  const testPrint = async () => {
    setTesting(true);
    setTest(null);
    setChecked(null); // one result line: the last thing asked
    setError(null);
    try {
      setTest(await pos.testPrint({}));
    } catch (ex) {
      setError(errorCodeOf(ex));
    } finally {
      setTesting(false);
    }
  };

  const checkStatus = async () => {
    setChecking(true);
    setChecked(null);
    setTest(null);
    try {
      setChecked((await checkPrinter()) ?? 'none');
    } finally {
      setChecking(false);
    }
  };

  const err = (f: PrinterField) => (errors[f] ? t(errors[f]) : null);
  const opt = <V extends string>(values: readonly V[], key: (v: V) => MessageKey) => values.map((v) => ({ value: v, label: t(key(v)) }));
  const noPrinter = saved.transport.kind === 'none';
  const toolsDisabled = state === 'dirty' || noPrinter || busy;
  const stateText = (s: PrinterStatus) => `${t(PRINTER_DISPLAY_KEY[s.state])}${s.paperNearEnd ? ` (${t('printer.nearEnd')})` : ''}`;

  return (
    <SettingsSection title={t('settings.printer')} testId="settings-printer">
      <form className="settings__form" noValidate onSubmit={submit} aria-busy={busy}>
        <div className="settings__grid">
          <SelectField label={t('settings.printer.profile')} testId="printer-profile" value={form.profile} options={opt(PRINTER_PROFILES, (p) => `settings.printer.profile.${p}`)} onValue={(profile) => edit({ profile })} />
          <SelectField label={t('settings.printer.transport')} testId="printer-transport" value={form.kind} options={opt(TRANSPORT_KINDS, (k) => `settings.printer.transport.${k}`)} onValue={(kind) => edit({ kind })} />
          {form.kind === 'tcp' && (
            <>
              <Field
                label={t('settings.printer.host')}
                testId="printer-host"
                inputRef={(el) => {
                  refs.current.host = el;
                }}
                placeholder="192.168.0.50"
                spellCheck={false}
                autoComplete="off"
                maxLength={255}
                value={form.host}
                error={err('host')}
                onChange={(e) => edit({ host: e.target.value })}
              />
              <Field
                label={t('settings.printer.port')}
                testId="printer-port"
                inputRef={(el) => {
                  refs.current.port = el;
                }}
                inputMode="numeric"
                placeholder="9100"
                autoComplete="off"
                maxLength={5}
                value={form.port}
                error={err('port')}
                onChange={(e) => edit({ port: e.target.value })}
              />
            </>
          )}
          {(form.kind === 'device' || form.kind === 'serial') && (
            <Field
              className={form.kind === 'device' ? 'settings__wide' : ''}
              label={t('settings.printer.path')}
              testId="printer-path"
              inputRef={(el) => {
                refs.current.path = el;
              }}
              placeholder={form.kind === 'device' ? '/dev/usb/lp0' : t('settings.printer.path.serialPlaceholder')}
              spellCheck={false}
              autoComplete="off"
              maxLength={255}
              value={form.path}
              error={err('path')}
              onChange={(e) => edit({ path: e.target.value })}
            />
          )}
          {form.kind === 'serial' && (
            <SelectField label={t('settings.printer.baud')} testId="printer-baud" value={form.baudRate} options={PRINTER_BAUD_RATES.map((b) => ({ value: String(b), label: b.toLocaleString('en-US') }))} onValue={(baudRate) => edit({ baudRate })} />
          )}
          <SelectField label={t('settings.printer.columns')} testId="printer-columns" value={form.columns} options={PAPER_COLUMNS.map((c) => ({ value: String(c), label: t(`settings.printer.columns.${c}`) }))} onValue={(columns) => edit({ columns })} />
          <SelectField label={t('settings.printer.code')} testId="printer-code" value={form.code} options={opt(CODES, (c) => `settings.printer.code.${c}`)} onValue={(code) => edit({ code })} />
          <SelectField label={t('settings.printer.cut')} testId="printer-cut" value={form.cut} options={opt(CUTS, (c) => `settings.printer.cut.${c}`)} onValue={(cut) => edit({ cut })} />
          <div className="settings__checks">
            <CheckField label={t('settings.printer.autoPrint')} testId="printer-autoprint" checked={form.autoPrint} onChecked={(autoPrint) => edit({ autoPrint })} />
            <CheckField label={t('settings.printer.openDrawer')} testId="printer-drawer" checked={form.openDrawer} onChecked={(openDrawer) => edit({ openDrawer })} />
          </div>
          <TextAreaField
            className="settings__wide"
            label={t('settings.printer.footer')}
            hint={t('settings.printer.footerCount', { count: form.footer.length })}
            testId="printer-footer"
            inputRef={(el) => {
              refs.current.footer = el;
            }}
            rows={2}
            maxLength={500}
            value={form.footer}
            error={err('footer')}
            onChange={(e) => edit({ footer: e.target.value })}
          />
        </div>
        <div className="settings__actions">
          <EnterSaves />
          <SaveState state={state} testId="printer-saved" />
          {noPrinter && state !== 'dirty' && <span className="muted" data-testid="printer-none-hint">{t('settings.printer.noneHint')}</span>}
          <span className="settings__tools" title={state === 'dirty' ? t('settings.printer.saveFirst') : undefined}>
            <button type="button" className="btn btn--secondary" data-testid="test-print" disabled={toolsDisabled || testing} onClick={() => void testPrint()}>
              {testing ? t('settings.printer.testing') : t('settings.printer.testPrint')}
            </button>
            <button type="button" className="btn btn--secondary" data-testid="printer-check" disabled={toolsDisabled || checking} onClick={() => void checkStatus()}>
              {checking ? t('settings.printer.checking') : t('settings.printer.checkStatus')}
            </button>
          </span>
        </div>
        <ErrorText code={error} testId="printer-error" />
      </form>
      {test && (
        <p className={`settings__result settings__result--${test.printed ? 'ok' : 'bad'}`} data-testid="test-print-result" data-printed={test.printed} role="status">
          <strong>{test.printed ? `✓ ${t('settings.printer.testOk')}` : `✕ ${t('settings.printer.testFailed')}`}</strong>
          <span>{t('settings.printer.testDetail', { state: stateText(test.status), ms: Math.round(test.elapsedMs).toLocaleString('en-US'), bytes: test.bytes.toLocaleString('en-US') })}</span>
        </p>
      )}
      {checked && (
        <p className={`settings__result settings__result--${checked !== 'none' && checked.state === 'ok' ? 'ok' : 'bad'}`} data-testid="printer-check-result" data-state={checked === 'none' ? 'none' : checked.state} role="status">
          {t('settings.printer.statusResult', { state: checked === 'none' ? t('printer.state.none') : stateText(checked) })}
        </p>
      )}
    </SettingsSection>
  );
}
