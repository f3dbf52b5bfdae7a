/**
 * The scanner settings form, one component for the checkout's shortcut (ScannerSettingsPanel) and the
 * 설정 screen: serial scanner (port chooser from the core's list or a typed path; baud, data bits, parity,
 * stop bits, framing by CR/LF or idle gap) and the keyboard-wedge thresholds. Numbers are typed as text
 * and checked with the contract's schemas before saving (scanner-form.ts); saved through the one scanner
 * settings store (useScannerSettings), so both places and the wedge listener always agree. The core
 * reopens the port by itself. Inside 설정 it has no 저장 button of its own: the screen's one save model
 * (SaveBar, Enter, Ctrl+S, the unsaved-changes prompt) saves it with the other sections; the checkout's
 * shortcut, outside that screen, keeps its own button.
 */
import { useState, type FormEvent } from 'react';
import { EnterSaves } from '../settings/controls';
import { useInSaveModel, useReportUnsaved, useSaveAll } from '../settings/unsaved';
import type { SerialPortList } from '../../../../shared/contract';
import { SERIAL_BAUD_RATES } from '../../../../shared/contract-values';
import { pos } from '../../api/pos';
import { useI18n } from '../../i18n/i18n';
import { scannerForm, validateScannerForm, type ScannerForm, type ScannerFormErrors, type ScannerFormField } from './scanner-form';
import { useScanText } from './scan-text';
import { updateScannerSettings, useScannerSettings } from './useScannerSettings';
import './scan.css';

export function ScannerSettingsForm({ ports, onRefreshPorts }: { ports: SerialPortList | null; onRefreshPorts: () => void }) {
  const tx = useScanText();
  const { t } = useI18n();
  const { settings, loaded } = useScannerSettings();
  const [draft, setDraft] = useState<ScannerForm | null>(null);
  const [errors, setErrors] = useState<ScannerFormErrors>({});
  const [saved, setSaved] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  const inSaveModel = useInSaveModel();
  const saveAll = useSaveAll();
  const f = draft ?? scannerForm(settings);

  const edit = (patch: Partial<ScannerForm>) => {
    setDraft({ ...f, ...patch });
    setErrors((e) => {
      const next = { ...e };
      for (const k of Object.keys(patch)) delete next[k as ScannerFormField];
      return next;
    });
    setSaved('idle');
  };

  /** Saves the draft; true when stored (false: the fields say what is wrong). */
  const save = (): Promise<boolean> => {
    const v = validateScannerForm(f);
    if (!v.ok) {
      setErrors(v.errors);
      setSaved('failed');
      return Promise.resolve(false);
    }
    setSaved('saving');
    return updateScannerSettings(v.value).then(
      () => {
        setDraft(null);
        setSaved('saved');
        return true;
      },
      () => {
        setSaved('failed');
        return false;
      },
    );
  };
  useReportUnsaved('scanner', draft !== null, save);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (saved === 'saving') return;
    void (inSaveModel ? saveAll() : save());
  };

  if (!loaded) return <p className="muted">{t('app.loading')}</p>;
  const err = (k: ScannerFormField) =>
    errors[k] ? (
      <span className="devices__error" data-testid={`scanner-${k}-error`}>
        {t(errors[k])}
      </span>
    ) : null;

  return (
    <form className="devices__form" noValidate onSubmit={submit}>
      <fieldset>
        <legend>{tx('serial.title')}</legend>
        <label className="devices__inline devices__wide">
          <input type="checkbox" data-testid="serial-enabled" checked={f.enabled} onChange={(e) => edit({ enabled: e.target.checked })} />
          {tx('serial.enabled')}
        </label>
        <label className="devices__wide">
          {tx('serial.port')}
          <span className="devices__row">
            <select data-testid="serial-port" value={ports?.ports.some((p) => p.path === f.path) ? f.path : ''} onChange={(e) => e.target.value && edit({ path: e.target.value })}>
              <option value="">{ports && ports.ports.length === 0 ? t('settings.scanner.noPorts') : tx('serial.portNone')}</option>
              {ports?.ports.map((p) => (
                <option key={p.path} value={p.path}>
                  {p.path}
                  {p.manufacturer ? ` — ${p.manufacturer}` : ''}
                </option>
              ))}
            </select>
            <button type="button" className="btn btn--small" data-testid="serial-refresh" onClick={onRefreshPorts}>
              {tx('serial.refresh')}
            </button>
          </span>
        </label>
        <label className="devices__wide">
          {tx('serial.path')}
          <input type="text" data-testid="serial-path" value={f.path} spellCheck={false} autoComplete="off" maxLength={255} aria-invalid={errors.path ? true : undefined} onChange={(e) => edit({ path: e.target.value })} />
          {err('path')}
        </label>
        {ports?.listError && (
          <p className="devices__note" data-testid="serial-list-error" title={ports.listError}>
            {tx('serial.listError')}
          </p>
        )}
        <label>
          {tx('serial.baud')}
          <select data-testid="serial-baud" value={f.baudRate} onChange={(e) => edit({ baudRate: e.target.value })}>
            {SERIAL_BAUD_RATES.map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        </label>
        <label>
          {tx('serial.dataBits')}
          <select data-testid="serial-data-bits" value={f.dataBits} onChange={(e) => edit({ dataBits: e.target.value })}>
            <option value="8">8</option>
            <option value="7">7</option>
          </select>
        </label>
        <label>
          {tx('serial.parity')}
          <select data-testid="serial-parity" value={f.parity} onChange={(e) => edit({ parity: e.target.value as ScannerForm['parity'] })}>
            <option value="none">{t('settings.scanner.parity.none')}</option>
            <option value="even">{t('settings.scanner.parity.even')}</option>
            <option value="odd">{t('settings.scanner.parity.odd')}</option>
          </select>
        </label>
        <label>
          {tx('serial.stopBits')}
          <select data-testid="serial-stop-bits" value={f.stopBits} onChange={(e) => edit({ stopBits: e.target.value })}>
            <option value="1">1</option>
            <option value="2">2</option>
          </select>
        </label>
        <label>
          {tx('serial.framing')}
          <select data-testid="serial-framing" value={f.framing} onChange={(e) => edit({ framing: e.target.value === 'timeout' ? 'timeout' : 'crlf' })}>
            <option value="crlf">{tx('serial.framing.crlf')}</option>
            <option value="timeout">{tx('serial.framing.timeout')}</option>
          </select>
        </label>
        <label>
          {tx('serial.idle')}
          <input type="text" inputMode="numeric" data-testid="serial-idle" value={f.idleTimeoutMs} maxLength={5} aria-invalid={errors.idleTimeoutMs ? true : undefined} onChange={(e) => edit({ idleTimeoutMs: e.target.value })} />
          {err('idleTimeoutMs')}
        </label>
      </fieldset>
      <fieldset>
        <legend>{tx('wedge.title')}</legend>
        <label>
          {tx('wedge.maxGap')}
          <input type="text" inputMode="numeric" data-testid="wedge-max-gap" value={f.maxGapMs} maxLength={4} aria-invalid={errors.maxGapMs ? true : undefined} onChange={(e) => edit({ maxGapMs: e.target.value })} />
          {err('maxGapMs')}
        </label>
        <label>
          {tx('wedge.minLength')}
          <input type="text" inputMode="numeric" data-testid="wedge-min-length" value={f.minLength} maxLength={3} aria-invalid={errors.minLength ? true : undefined} onChange={(e) => edit({ minLength: e.target.value })} />
          {err('minLength')}
        </label>
        <p className="devices__note devices__note--plain">{t('settings.scanner.wedgeHint')}</p>
      </fieldset>
      <div className="devices__actions">
        {inSaveModel ? (
          <EnterSaves />
        ) : (
          <button type="submit" className="btn btn--secondary btn--small" data-testid="scanner-save" disabled={saved === 'saving'}>
            {tx('settings.save')}
          </button>
        )}
        {saved === 'saved' && (
          <span className="devices__saved" data-testid="scanner-saved" role="status">
            ✓ {tx('settings.saved')}
          </span>
        )}
        {saved === 'failed' && (
          <span className="devices__error" data-testid="scanner-save-error" role="alert">
            {t('settings.scanner.saveFailed')}
          </span>
        )}
        {draft && saved === 'idle' && <span className="devices__dirty">{t('settings.unsaved')}</span>}
      </div>
    </form>
  );
}

/** The core's serial port list, asked when the form opens and on 새로고침. */
export function useSerialPorts(): { ports: SerialPortList | null; refresh: () => void } {
  const [ports, setPorts] = useState<SerialPortList | null>(null);
  const refresh = () => {
    pos.listSerialPorts({}).then(setPorts, () => setPorts({ ports: [], listError: 'listSerialPorts failed' }));
  };
  return { ports, refresh };
}
