/**
 * 카메라 in 진단: live preview of the chosen camera and live decoding with the checkout's own camera
 * scanner (useCameraScanner → CameraScanner → decode workers; no second decoder): the last decoded text,
 * how long the decoder took, frame-to-text latency, how many reads. New codes also go into the scan path
 * (the scanner test shows them as 카메라). The camera runs only while the test is on.
 */
import { useState } from 'react';
import { parseQrPayload } from '../../../../shared/domain/qr-payload';
import { useI18n } from '../../i18n/i18n';
import type { CameraDecode } from '../scan/camera/camera-scanner';
import { cameraDisplay, CAMERA_DISPLAY_KEY } from '../scan/camera/CameraStatus';
import { CROP_FRACTION } from '../scan/camera/crop';
import { useCameraScanner } from '../scan/camera/useCameraScanner';
import { useScanText } from '../scan/scan-text';
import { useScannerSettings } from '../scan/useScannerSettings';
import { DiagCard } from './DiagCard';
import '../scan/scan.css';

/** Long enough to recognise, short enough for one line: other QR codes may hold anything. */
const SHOWN_TEXT = 120;

interface LastDecode {
  text: string;
  decodeMs: number;
  latencyMs: number;
  lane: string;
  reads: number;
}

export function CameraTest({ onText }: { onText: (text: string) => void }) {
  const { t } = useI18n();
  const tx = useScanText();
  const { settings, loaded } = useScannerSettings();
  const [on, setOn] = useState(false);
  const [last, setLast] = useState<LastDecode | null>(null);
  const onDecode = (d: CameraDecode) =>
    setLast((prev) => ({ text: d.text, decodeMs: d.decodeMs, latencyMs: d.decodedAt - d.grabbedAt, lane: d.lane, reads: (prev?.text === d.text ? prev.reads : 0) + 1 }));
  const { videoRef, state: camState, cameras, activeDeviceId, engine } = useCameraScanner(on && loaded, settings.camera.deviceId, (text) => onText(text), { onDecode });
  const label = cameras.find((c) => c.deviceId === activeDeviceId)?.label ?? '';
  const payment = last ? parseQrPayload(last.text).ok : false;
  const state = camState === 'scanning' ? (last ? 'ok' : 'busy') : camState === 'off' ? 'idle' : camState === 'starting' ? 'busy' : 'bad';

  return (
    <DiagCard title={t('diag.camera')} testId="diag-camera" state={state} badge={t(CAMERA_DISPLAY_KEY[cameraDisplay(camState, true)])}>
      <div className={`diag__video camera__view${camState === 'scanning' ? '' : ' camera__view--idle'}`} data-state={camState}>
        <video ref={videoRef} className={`camera__video${settings.camera.mirror ? ' camera__video--mirror' : ''}`} data-testid="diag-camera-preview" muted playsInline autoPlay aria-label={t('diag.camera')} />
        <div className="camera__target" style={{ height: `${CROP_FRACTION * 100}%` }} aria-hidden="true" />
        {camState !== 'scanning' && <p className="diag__video-note">{camState === 'off' ? t('diag.camera.offNote') : tx(`camera.state.${camState}`)}</p>}
      </div>
      <dl className="diag__facts">
        <div className="diag__facts-wide">
          <dt>{t('diag.camera.last')}</dt>
          <dd data-testid="diag-camera-text" className={last ? 'mono diag__decoded' : 'diag__decoded diag__decoded--none'} title={last && last.text.length > SHOWN_TEXT ? last.text.slice(0, 2000) : undefined}>
            {last ? `${last.text.slice(0, SHOWN_TEXT)}${last.text.length > SHOWN_TEXT ? '…' : ''}` : t('diag.camera.noDecode')}
          </dd>
        </div>
        <div>
          <dt>{t('diag.camera.device')}</dt>
          <dd data-testid="diag-camera-device">{camState === 'scanning' ? label || tx('camera.default') : '—'}</dd>
        </div>
        <div>
          <dt>{t('diag.camera.engine')}</dt>
          <dd>{engine ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('diag.camera.kind')}</dt>
          <dd data-testid="diag-camera-kind">{last ? (payment ? t('diag.camera.paymentQr') : t('diag.camera.otherQr')) : '—'}</dd>
        </div>
        <div className="diag__facts-two">
          <dt>{t('diag.camera.decodeTime')}</dt>
          <dd data-testid="diag-camera-decode-ms" data-ms={last ? Math.round(last.decodeMs) : ''}>
            {last ? t('diag.camera.ms', { ms: Math.round(last.decodeMs), latency: Math.round(last.latencyMs) }) : '—'}
          </dd>
        </div>
        <div>
          <dt>{t('diag.camera.reads')}</dt>
          <dd data-testid="diag-camera-reads">{last ? `${last.reads} · ${last.lane}` : '—'}</dd>
        </div>
      </dl>
      {!settings.camera.enabled && <p className="muted diag__line">{t('diag.camera.disabledNote')}</p>}
      <div className="diag__actions">
        <button
          type="button"
          className={`btn ${on ? 'btn--secondary' : 'btn--primary'}`}
          data-testid="diag-camera-toggle"
          aria-pressed={on}
          onClick={() => {
            setOn((v) => !v);
            setLast(null);
          }}
        >
          {on ? t('diag.camera.stop') : t('diag.camera.start')}
        </button>
      </div>
    </DiagCard>
  );
}
