/**
 * 카메라 in 설정: use the webcam for scanning, which camera, mirrored preview. The same settings the
 * checkout's camera panel changes (one scanner settings store), checked with the contract's schema.
 * The live preview and decode test are on the 진단 screen.
 */
import { useState, type FormEvent } from 'react';
import { cameraSettingsSchema, type ScannerSettings } from '../../../../shared/contract';
import { useReportUnsaved, useSaveAll } from './unsaved';
import { useI18n } from '../../i18n/i18n';
import { useCameraList } from '../scan/camera/useCameraScanner';
import { useScanText } from '../scan/scan-text';
import { updateScannerSettings, useScannerSettings } from '../scan/useScannerSettings';
import { CheckField, EnterSaves, SaveState, SelectField, SettingsSection } from './controls';

type Camera = ScannerSettings['camera'];

export function CameraSection() {
  const { t } = useI18n();
  const tx = useScanText();
  const { settings, loaded } = useScannerSettings();
  const { cameras, refresh } = useCameraList();
  const [draft, setDraft] = useState<Camera | null>(null);
  const [state, setState] = useState<'clean' | 'dirty' | 'saved'>('clean');
  const [failed, setFailed] = useState(false);
  const cam = draft ?? settings.camera;

  const edit = (patch: Partial<Camera>) => {
    setDraft({ ...cam, ...patch });
    setState('dirty');
    setFailed(false);
  };
  const save = (): Promise<boolean> => {
    const v = cameraSettingsSchema.safeParse(cam);
    if (!v.success) {
      setFailed(true);
      return Promise.resolve(false);
    }
    return updateScannerSettings({ camera: v.data }).then(
      () => {
        setDraft(null);
        setState('saved');
        return true;
      },
      () => {
        setFailed(true);
        return false;
      },
    );
  };
  useReportUnsaved('camera', state === 'dirty', save);
  const saveAll = useSaveAll();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void saveAll();
  };
  // A remembered camera that is not plugged in stays choosable (it comes back when plugged in again).
  const options = [{ value: '', label: tx('camera.default') }, ...cameras.filter((c) => c.deviceId).map((c) => ({ value: c.deviceId, label: c.label }))];
  if (cam.deviceId && !options.some((o) => o.value === cam.deviceId)) options.push({ value: cam.deviceId, label: t('settings.camera.missing') });

  return (
    <SettingsSection title={t('settings.camera')} testId="settings-camera">
      {!loaded ? (
        <p className="muted">{t('app.loading')}</p>
      ) : (
        <form className="settings__form" noValidate onSubmit={submit}>
          <div className="settings__grid">
            <SelectField className="settings__wide" label={tx('camera.choose')} testId="settings-camera-select" value={cam.deviceId} options={options} onValue={(deviceId) => edit({ deviceId })} onFocus={refresh} />
            <div className="settings__checks settings__wide">
              <CheckField label={tx('camera.enabled')} testId="settings-camera-enabled" checked={cam.enabled} onChecked={(enabled) => edit({ enabled })} />
              <CheckField label={tx('camera.mirror')} testId="settings-camera-mirror" checked={cam.mirror} onChecked={(mirror) => edit({ mirror })} />
            </div>
          </div>
          {cameras.every((c) => !c.deviceId) && <p className="muted settings__hint">{t('settings.camera.noList')}</p>}
          <div className="settings__actions">
            <EnterSaves />
            <SaveState state={state} testId="settings-camera-saved" />
            {failed && (
              <span className="error-text" role="alert">
                {t('settings.scanner.saveFailed')}
              </span>
            )}
          </div>
          <p className="muted settings__hint">{t('settings.camera.diagHint')}</p>
        </form>
      )}
    </SettingsSection>
  );
}
