/**
 * Webcam scanning on the checkout screen: live preview with the target square (the centred crop the
 * decoder reads first), camera chooser (remembered in the scanner settings), mirrored preview option,
 * on/off. The camera runs only while `active` (checkout open, waiting for a QR): otherwise it is off.
 */
import { CROP_FRACTION } from '../scan/camera/crop';
import { useCameraScanner } from '../scan/camera/useCameraScanner';
import { useScanText } from '../scan/scan-text';
import { updateScannerSettings, useScannerSettings } from '../scan/useScannerSettings';
import '../scan/scan.css';

export function CameraPanel({ active, onScan, onDone }: { active: boolean; onScan: (text: string) => void; onDone?: () => void }) {
  const tx = useScanText();
  const { settings, loaded } = useScannerSettings();
  const cam = settings.camera;
  const on = active && loaded && cam.enabled;
  const { videoRef, state, error, cameras, activeDeviceId, engine } = useCameraScanner(on, cam.deviceId, (text) => onScan(text));
  const selected = cam.deviceId || activeDeviceId;
  // Saved in the core; the focus goes back to the scan field so a wedge scan never lands in a control.
  const save = (patch: Partial<typeof cam>) => void updateScannerSettings({ camera: patch }).then(() => onDone?.(), () => undefined);
  return (
    <section className="camera" data-testid="camera-panel" data-state={state} data-engine={engine ?? ''}>
      <div className="camera__head">
        <strong>{tx('camera.title')}</strong>
        <span className={`camera__state camera__state--${state}`} data-testid="camera-state" title={error ?? ''}>
          {tx(`camera.state.${state}`)}
        </span>
      </div>
      <div className={`camera__view${state === 'scanning' ? '' : ' camera__view--idle'}`}>
        <video ref={videoRef} className={`camera__video${cam.mirror ? ' camera__video--mirror' : ''}`} data-testid="camera-preview" muted playsInline autoPlay aria-label={tx('camera.title')} />
        <div className="camera__target" style={{ height: `${CROP_FRACTION * 100}%` }} aria-hidden="true" />
      </div>
      <div className="camera__controls">
        <label className="camera__check">
          <input type="checkbox" data-testid="camera-enabled" checked={cam.enabled} onChange={(e) => save({ enabled: e.target.checked })} />
          {tx('camera.enabled')}
        </label>
        <label className="camera__check">
          <input type="checkbox" data-testid="camera-mirror" checked={cam.mirror} onChange={(e) => save({ mirror: e.target.checked })} />
          {tx('camera.mirror')}
        </label>
        <select
          className="camera__select"
          data-testid="camera-select"
          aria-label={tx('camera.choose')}
          value={cameras.some((c) => c.deviceId === selected) ? selected : ''}
          onChange={(e) => {
            e.currentTarget.blur(); // a scan must never land in the chooser's type-ahead
            save({ deviceId: e.target.value });
          }}
        >
          <option value="">{tx('camera.default')}</option>
          {cameras.map((c) => (
            <option key={c.deviceId} value={c.deviceId}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
    </section>
  );
}
