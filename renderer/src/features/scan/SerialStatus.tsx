/** The serial scanner's state in the status bar (pushed by the core as scanner.status); always shown, 꺼짐 when off. */
import { StatusText } from '../../components/StatusText';
import { useI18n } from '../../i18n/i18n';
import { useScanText } from './scan-text';
import { useScannerStatus } from './useScannerSettings';

export function SerialStatus() {
  const st = useScannerStatus();
  const tx = useScanText();
  const { t } = useI18n();
  const label = <StatusText full={tx('status.serial')} short={t('status.short.serial')} />;
  if (!st) {
    return (
      <span className="statusbar__item" data-testid="serial-status" data-state="unknown">
        <span className="dot dot--unknown" aria-hidden="true" />
        {label}: …
      </span>
    );
  }
  const s = st.serial;
  const dot = s.state === 'open' ? 'up' : s.state === 'off' ? 'unknown' : 'down';
  return (
    <span className="statusbar__item" data-testid="serial-status" data-state={s.state} title={s.detail ?? ''}>
      <span className={`dot dot--${dot}`} aria-hidden="true" />
      {label}: {tx(`status.serial.${s.state}`)}
      {s.path ? ` (${s.path.split('/').pop()})` : ''}
    </span>
  );
}
