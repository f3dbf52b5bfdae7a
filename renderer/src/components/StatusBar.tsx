import type { AppInfo } from '../../../shared/contract';
import { useI18n } from '../i18n/i18n';

/** Backend (embedded simulator or remote) with a reachable dot, data folder, version. */
export function StatusBar({ info }: { info: AppInfo | null }) {
  const { t } = useI18n();
  const reach = info ? (info.backend.reachable ? 'up' : 'down') : 'unknown';
  const reachLabel = reach === 'up' ? t('status.reachable') : reach === 'down' ? t('status.unreachable') : t('status.unknown');
  return (
    <footer className="statusbar" data-testid="status-bar">
      <span className="statusbar__item" data-testid="backend-status" data-reachable={reach}>
        <span className={`dot dot--${reach}`} aria-hidden="true" />
        {t('status.backend')}: {info ? (info.backend.mode === 'embedded' ? t('status.embedded') : `${t('status.remote')} ${info.backend.url}`) : '…'} ({reachLabel})
      </span>
      {info && (
        <>
          <span className="statusbar__item statusbar__path" title={info.dataDir}>
            {t('status.dataDir')}: {info.dataDir}
          </span>
          <span className="statusbar__item">
            {t('status.version')} {info.version} · {t(info.shell === 'electron' ? 'status.shell.electron' : 'status.shell.web')}
          </span>
        </>
      )}
    </footer>
  );
}
