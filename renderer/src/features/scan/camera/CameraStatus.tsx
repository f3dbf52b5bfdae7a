/** The webcam in the status bar: from the camera state the scanner hooks report (no camera of its own). */
import { useI18n, type MessageKey } from '../../../i18n/i18n';
import { useScannerSettings } from '../useScannerSettings';
import { useCameraStatus } from './camera-status';
import type { CameraState } from './useCameraScanner';

export type CameraDisplay = CameraState | 'disabled' | 'standby';
export const CAMERA_DISPLAY_KEY: Record<CameraDisplay, MessageKey> = {
  disabled: 'status.camera.disabled',
  standby: 'status.camera.standby',
  off: 'status.camera.standby',
  starting: 'status.camera.starting',
  scanning: 'status.camera.scanning',
  none: 'status.camera.none',
  denied: 'status.camera.denied',
  error: 'status.camera.error',
};

/** Off reads as "대기" (it turns on with the checkout screen) unless the camera is switched off in the settings. */
export function cameraDisplay(state: CameraState, enabled: boolean): CameraDisplay {
  if (state === 'off') return enabled ? 'standby' : 'disabled';
  return state;
}

export function CameraStatus() {
  const { t } = useI18n();
  const state = useCameraStatus();
  const { settings } = useScannerSettings();
  const display = cameraDisplay(state, settings.camera.enabled);
  const dot = display === 'scanning' ? 'up' : display === 'none' || display === 'denied' || display === 'error' ? 'down' : 'unknown';
  return (
    <span className="statusbar__item" data-testid="camera-status" data-state={display}>
      <span className={`dot dot--${dot}`} aria-hidden="true" />
      {t('status.camera')}: {t(CAMERA_DISPLAY_KEY[display])}
    </span>
  );
}
