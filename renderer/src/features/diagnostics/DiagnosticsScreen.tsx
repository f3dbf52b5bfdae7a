/**
 * 진단 (Alt+7): is each device working, right now? Camera (live preview and decode), scanners (the last
 * scan and where it came from, through the one scan path), the printer's test page, the payment server's
 * latency. Opening the screen pings the server once; everything else runs when asked.
 */
import { useState } from 'react';
import type { ScanReceived } from '../../../../shared/contract';
import { useI18n } from '../../i18n/i18n';
import { useScanHub } from '../scan/useScanHub';
import { useScannerSettings } from '../scan/useScannerSettings';
import { useWedgeScanner } from '../scan/useWedgeScanner';
import { BackendPing } from './BackendPing';
import { CameraTest } from './CameraTest';
import { PrinterTest } from './PrinterTest';
import { ScannerTest } from './ScannerTest';
import { SecretsHealthCard } from './SecretsHealthCard';
import './diagnostics.css';

export function DiagnosticsScreen() {
  const { t } = useI18n();
  const [scans, setScans] = useState<ScanReceived[]>([]);
  // The one scan path, as on the checkout screen: wedge bursts and the camera submit here, serial scans come from the core.
  const hub = useScanHub(true, (scan) => setScans((s) => [scan, ...s].slice(0, 5)));
  const { settings } = useScannerSettings();
  useWedgeScanner(true, (text) => hub.submit(text, 'wedge'), settings.wedge);

  return (
    <main className="screen diag" data-testid="diagnostics-screen">
      <div className="diag__title">
        <h1 className="screen-title">{t('diag.title')}</h1>
        <p className="muted">{t('diag.intro')}</p>
      </div>
      <div className="diag__grid">
        <CameraTest onText={(text) => hub.submit(text, 'camera')} />
        <div className="diag__column">
          <ScannerTest scans={scans} />
          <PrinterTest />
          <BackendPing />
          <SecretsHealthCard />
        </div>
      </div>
    </main>
  );
}
