/** The opened body of the checkout's scanner panel: the ports are listed again each time it opens. */
import { useEffect } from 'react';
import { ScannerSettingsForm, useSerialPorts } from './ScannerSettingsForm';

export function ScannerSettingsPanelBody() {
  const { ports, refresh } = useSerialPorts();
  // once per opening (this body mounts when the panel opens); `refresh` is a new function each render
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => refresh(), []);
  return <ScannerSettingsForm ports={ports} onRefreshPorts={refresh} />;
}
