/**
 * 스캐너 in 진단: the last scans from the one scan path (keyboard wedge, serial, camera), each with its
 * source, time and what the QR parser made of it. The serial line's own state is shown too.
 */
import type { ScanReceived } from '../../../../shared/contract';
import { formatSeoulDateTime } from '../../../../shared/domain/time';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { useScanText } from '../scan/scan-text';
import { useScannerStatus } from '../scan/useScannerSettings';
import { DiagCard } from './DiagCard';

const SOURCE_KEY: Record<ScanReceived['source'], MessageKey> = { wedge: 'diag.source.wedge', serial: 'diag.source.serial', camera: 'diag.source.camera' };

export function ScannerTest({ scans }: { scans: readonly ScanReceived[] }) {
  const { t, err } = useI18n();
  const tx = useScanText();
  const serial = useScannerStatus()?.serial ?? null;
  const last = scans[0] ?? null;
  const badge = last ? t(SOURCE_KEY[last.source]) : t('diag.scanner.waiting');
  return (
    <DiagCard title={t('diag.scanner')} testId="diag-scanner" state={last ? (last.error ? 'bad' : 'ok') : 'idle'} badge={badge}>
      <p className="muted diag__line">{t('diag.scanner.hint')}</p>
      {last ? (
        <div className="diag__scan" data-testid="diag-scan-last" data-source={last.source} data-valid={last.error === null}>
          <span className="diag__source">{t(SOURCE_KEY[last.source])}</span>
          <span className="diag__time">{formatSeoulDateTime(last.at).slice(11)}</span>
          {last.error ? (
            <span className="diag__scan-text diag__scan-text--bad" data-testid="diag-scan-error">
              {err(last.error)}
            </span>
          ) : (
            <span className="diag__scan-text mono" data-testid="diag-scan-text">
              ✓ {last.text}
            </span>
          )}
        </div>
      ) : (
        <p className="diag__empty" data-testid="diag-scan-empty">
          {t('diag.scanner.empty')}
        </p>
      )}
      {scans.length > 1 && (
        <ol className="diag__history" aria-label={t('diag.scanner.earlier')}>
          {scans.slice(1).map((s, i) => (
            <li key={`${i}-${s.at}`}>
              {formatSeoulDateTime(s.at).slice(11)} · {t(SOURCE_KEY[s.source])} · {s.error ? err(s.error) : s.text}
            </li>
          ))}
        </ol>
      )}
      <p className="diag__line muted" data-testid="diag-serial-state">
        {tx('status.serial')}: {serial ? `${tx(`status.serial.${serial.state}`)}${serial.path ? ` (${serial.path})` : ''}` : '…'}
      </p>
    </DiagCard>
  );
}
