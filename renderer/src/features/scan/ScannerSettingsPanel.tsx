/**
 * The checkout's shortcut to the scanner settings: the same form as the 설정 screen's 스캐너 section
 * (ScannerSettingsForm, one settings store), folded away until opened. The form (and its schemas) loads
 * when the panel is first opened, not with the checkout (issue 15).
 */
import { lazy, Suspense, useState } from 'react';
import { useScanText } from './scan-text';
import './scan.css';

const PanelBody = lazy(() => import('./ScannerSettingsPanelBody').then((m) => ({ default: m.ScannerSettingsPanelBody })));

export function ScannerSettingsPanel() {
  const tx = useScanText();
  const [open, setOpen] = useState(false);
  return (
    <details className="devices" data-testid="scanner-settings" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{tx('devices.title')}</summary>
      {open && (
        <Suspense fallback={null}>
          <PanelBody />
        </Suspense>
      )}
    </details>
  );
}
