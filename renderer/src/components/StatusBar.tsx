import type { AppInfo } from '../../../shared/contract';
import { CameraStatus } from '../features/scan/camera/CameraStatus';
import { SerialStatus } from '../features/scan/SerialStatus';
import { PRINTER_DISPLAY_KEY, printerDisplay, usePrinter } from '../features/settings/printer-store';
import { useI18n } from '../i18n/i18n';
import { HealthStatus } from './HealthStatus';
import { StatusText } from './StatusText';
import { SyncStatus } from '../features/sync/SyncStatus';

/** Backend (embedded simulator or remote) with a reachable dot, serial scanner, camera, receipt printer, data folder, version. */
export function StatusBar({ info }: { info: AppInfo | null }) {
  const { t } = useI18n();
  const printer = usePrinter();
  const printerState = printerDisplay(printer);
  const reach = info ? (info.backend.reachable ? 'up' : 'down') : 'unknown';
  const reachLabel = reach === 'up' ? t('status.reachable') : reach === 'down' ? t('status.unreachable') : t('status.unknown');
  return (
    <footer className="statusbar" data-testid="status-bar">
      <span className="statusbar__item" data-testid="backend-status" data-reachable={reach}>
        <span className={`dot dot--${reach}`} aria-hidden="true" />
        <StatusText full={t('status.backend')} short={t('status.short.backend')} />: {info ? info.backend.mode === 'embedded' ? <StatusText full={t('status.embedded')} short={t('status.short.embedded')} /> : `${t('status.remote')} ${info.backend.url}` : '…'} ({reachLabel})
      </span>
      <SyncStatus />
      <SerialStatus />
      <CameraStatus />
      <span className="statusbar__item" data-testid="printer-status" data-state={printerState} title={printer.status?.detail ?? ''}>
        <span className={`dot dot--printer-${printerState}`} aria-hidden="true" />
        {t('printer.label')}: {t(PRINTER_DISPLAY_KEY[printerState])}
        {printer.status?.paperNearEnd && printerState === 'ok' ? ` (${t('printer.nearEnd')})` : ''}
      </span>
      {info && (
        <>
          <HealthStatus info={info} />
          <span className="statusbar__item statusbar__path" title={info.dataDir}>
            {t('status.dataDir')}: {info.dataDir}
          </span>
          <span className="statusbar__item">
            <StatusText full={t('status.version')} short={t('status.short.version')} /> {info.version} · {t(info.shell === 'electron' ? 'status.shell.electron' : 'status.shell.web')}
          </span>
        </>
      )}
    </footer>
  );
}
