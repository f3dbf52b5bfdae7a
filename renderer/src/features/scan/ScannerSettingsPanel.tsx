/**
 * The checkout's shortcut to the scanner settings: the same form as the 설정 screen's 스캐너 section
 * (ScannerSettingsForm, one settings store), folded away until opened.
 */
import { useState } from 'react';
import { ScannerSettingsForm, useSerialPorts } from './ScannerSettingsForm';
import { useScanText } from './scan-text';
import './scan.css';

export function ScannerSettingsPanel() {
  const tx = useScanText();
  const [open, setOpen] = useState(false);
  const { ports, refresh } = useSerialPorts();
  return (
    <details
      className="devices"
      data-testid="scanner-settings"
      open={open}
      onToggle={(e) => {
        const isOpen = e.currentTarget.open;
        setOpen(isOpen);
        if (isOpen) refresh();
      }}
    >
      <summary>{tx('devices.title')}</summary>
      {open && <ScannerSettingsForm ports={ports} onRefreshPorts={refresh} />}
    </details>
  );
}
