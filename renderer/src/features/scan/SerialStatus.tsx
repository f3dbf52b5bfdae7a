/** The serial scanner's state in the status bar (pushed by the core as scanner.status); always shown, 꺼짐 when off. */
import { useScanText } from './scan-text';
import { useScannerStatus } from './useScannerSettings';

export function SerialStatus() {
  const st = useScannerStatus();
  const tx = useScanText();
  if (!st) {
    return (
      <span className="statusbar__item" data-testid="serial-status" data-state="unknown">
        <span className="dot dot--unknown" aria-hidden="true" />
        {tx('status.serial')}: …
      </span>
    );
  }
  const s = st.serial;
  const dot = s.state === 'open' ? 'up' : s.state === 'off' ? 'unknown' : 'down';
  return (
    <span className="statusbar__item" data-testid="serial-status" data-state={s.state} title={s.detail ?? ''}>
      <span className={`dot dot--${dot}`} aria-hidden="true" />
      {tx('status.serial')}: {tx(`status.serial.${s.state}`)}
      {s.path ? ` (${s.path.split('/').pop()})` : ''}
    </span>
  );
}
