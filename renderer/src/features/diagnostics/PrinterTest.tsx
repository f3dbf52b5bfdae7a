/** 프린터 in 진단: the printer's last known state and the test page (acknowledged by the printer), with its result. */
import { useState } from 'react';
import type { MethodOutput, PrinterStatus } from '../../../../shared/contract';
import type { ErrorCode } from '../../../../shared/domain/errors';
import { pos } from '../../api/pos';
import { ErrorText } from '../../components/ErrorText';
import { useI18n } from '../../i18n/i18n';
import { errorCodeOf } from '../../lib/errors';
import { PRINTER_DISPLAY_KEY, printerDisplay, usePrinter } from '../settings/printer-store';
import { DiagCard } from './DiagCard';

export function PrinterTest() {
  const { t } = useI18n();
  const printer = usePrinter();
  const display = printerDisplay(printer);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<MethodOutput<'testPrint'> | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const none = display === 'none';
  const stateText = (s: PrinterStatus) => `${t(PRINTER_DISPLAY_KEY[s.state])}${s.paperNearEnd ? ` (${t('printer.nearEnd')})` : ''}`;

  const run = async () => {
    setBusy(true);
    setResult(null);
    setError(null);
    try {
      setResult(await pos.testPrint({}));
    } catch (e) {
      setError(errorCodeOf(e));
    } finally {
      setBusy(false);
    }
  };

  const state = busy ? 'busy' : result ? (result.printed ? 'ok' : 'bad') : none ? 'idle' : display === 'ok' ? 'ok' : display === 'checking' || display === 'loading' ? 'idle' : 'bad';
  return (
    <DiagCard title={t('diag.printer')} testId="diag-printer" state={state} badge={t(PRINTER_DISPLAY_KEY[display])}>
      {none ? (
        <p className="muted" data-testid="diag-printer-none">
          {t('diag.printer.none')}
        </p>
      ) : (
        <p className="diag__line">
          {t('diag.printer.current', { state: printer.status ? stateText(printer.status) : t(PRINTER_DISPLAY_KEY[display]) })}
        </p>
      )}
      {result && (
        <p className={`settings__result settings__result--${result.printed ? 'ok' : 'bad'}`} data-testid="diag-printer-result" data-printed={result.printed} role="status">
          <strong>{result.printed ? `✓ ${t('settings.printer.testOk')}` : `✕ ${t('settings.printer.testFailed')}`}</strong>
          <span>{t('settings.printer.testDetail', { state: stateText(result.status), ms: Math.round(result.elapsedMs).toLocaleString('en-US'), bytes: result.bytes.toLocaleString('en-US') })}</span>
        </p>
      )}
      <ErrorText code={error} testId="diag-printer-error" />
      <div className="diag__actions">
        <button type="button" className="btn btn--secondary" data-testid="diag-printer-test" disabled={none || busy} onClick={() => void run()}>
          {busy ? t('settings.printer.testing') : t('diag.printer.testPage')}
        </button>
      </div>
    </DiagCard>
  );
}
