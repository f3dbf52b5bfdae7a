/** 스캐너 in 설정: the serial scanner and wedge thresholds — the same form and store as the checkout's shortcut. */
import { useEffect } from 'react';
import { useI18n } from '../../i18n/i18n';
import { ScannerSettingsForm, useSerialPorts } from '../scan/ScannerSettingsForm';
import { SettingsSection } from './controls';
import './settings.css';

export function ScannerSection() {
  const { t } = useI18n();
  const { ports, refresh } = useSerialPorts();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- list the ports once, when the screen opens
  useEffect(() => refresh(), []);
  return (
    <SettingsSection title={t('settings.scanner')} testId="settings-scanner">
      <div className="devices devices--flat">
        <ScannerSettingsForm ports={ports} onRefreshPorts={refresh} />
      </div>
    </SettingsSection>
  );
}
