/**
 * The webcam while a screen wants it: lists cameras, opens the chosen one (or the default), plays it
 * into the preview <video> and runs the CameraScanner on it. When `active` turns false (the checkout
 * screen closes, a payment is under way) every track is stopped, so the camera light goes off.
 * Permission: Electron grants video for the app's own origin only; the web shell gets the browser prompt.
 */
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import { CameraScanner, type CameraDecode } from './camera-scanner';
import { useReportCameraState } from './camera-status';

export type CameraState = 'off' | 'starting' | 'scanning' | 'none' | 'denied' | 'error';

export interface CameraInfo {
  deviceId: string;
  label: string;
}

export interface UseCameraScanner {
  videoRef: React.RefObject<HTMLVideoElement | null>;
  state: CameraState;
  error: string | null;
  cameras: CameraInfo[];
  /** The deviceId of the camera in use. */
  activeDeviceId: string;
  engine: string | null;
}

const CONSTRAINTS = { width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 30 } } as const;

async function listCameras(): Promise<CameraInfo[]> {
  if (!navigator.mediaDevices?.enumerateDevices) return [];
  const all = await navigator.mediaDevices.enumerateDevices();
  return all.filter((d) => d.kind === 'videoinput').map((d, i) => ({ deviceId: d.deviceId, label: d.label || `Camera ${i + 1}` }));
}

async function openCamera(deviceId: string): Promise<MediaStream> {
  const video = deviceId ? { ...CONSTRAINTS, deviceId: { exact: deviceId } } : CONSTRAINTS;
  try {
    return await navigator.mediaDevices.getUserMedia({ video, audio: false });
  } catch (e) {
    // The remembered camera is gone (unplugged, ids reset): fall back to the default one.
    if (deviceId && e instanceof DOMException && (e.name === 'OverconstrainedError' || e.name === 'NotFoundError')) return navigator.mediaDevices.getUserMedia({ video: CONSTRAINTS, audio: false });
    throw e;
  }
}

/** Continuous focus and exposure where the camera supports them (no torch: low light is the decoder's job). */
async function tuneTrack(track: MediaStreamTrack): Promise<void> {
  const caps = (track.getCapabilities?.() ?? {}) as Record<string, unknown>;
  const advanced: Record<string, string>[] = [];
  if (Array.isArray(caps.focusMode) && caps.focusMode.includes('continuous')) advanced.push({ focusMode: 'continuous' });
  if (Array.isArray(caps.exposureMode) && caps.exposureMode.includes('continuous')) advanced.push({ exposureMode: 'continuous' });
  if (advanced.length) await track.applyConstraints({ advanced } as MediaTrackConstraints).catch(() => undefined);
}

/** The cameras to choose from, kept current on plug/unplug (labels appear once camera permission is granted). */
export function useCameraList(): { cameras: CameraInfo[]; refresh: () => void } {
  const [cameras, setCameras] = useState<CameraInfo[]>([]);
  const refresh = useCallback(() => {
    listCameras().then(setCameras, () => setCameras([]));
  }, []);
  useEffect(() => {
    refresh();
    navigator.mediaDevices?.addEventListener?.('devicechange', refresh);
    return () => navigator.mediaDevices?.removeEventListener?.('devicechange', refresh);
  }, [refresh]);
  return { cameras, refresh };
}

export interface CameraScannerHooks {
  /** Every decode, repeats included (diagnostics: decode time, how often it reads). */
  onDecode?: (d: CameraDecode) => void;
}

export function useCameraScanner(active: boolean, deviceId: string, onScan: (text: string, d: CameraDecode) => void, hooks: CameraScannerHooks = {}): UseCameraScanner {
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const [state, setState] = useState<CameraState>('off');
  const [error, setError] = useState<string | null>(null);
  const { cameras, refresh } = useCameraList();
  const [activeDeviceId, setActiveDeviceId] = useState('');
  const [engine, setEngine] = useState<string | null>(null);
  const scanned = useEffectEvent(onScan);
  const decoded = useEffectEvent((d: CameraDecode) => hooks.onDecode?.(d));
  const scannerRef = useRef<CameraScanner | null>(null);
  // The status bar's camera item reads this (one camera, one state: no second getUserMedia).
  useReportCameraState(state);

  // The workers live as long as the component: they stay warm across stop/start.
  useEffect(
    () => () => {
      scannerRef.current?.dispose();
      scannerRef.current = null;
    },
    [],
  );

  useEffect(() => {
    const video = videoRef.current;
    if (!active || !video) {
      setState('off');
      return;
    }
    let stream: MediaStream | null = null;
    let cancelled = false;
    setState('starting');
    setError(null);
    (async () => {
      const cams = await listCameras();
      if (cancelled) return;
      if (cams.length === 0 || !navigator.mediaDevices?.getUserMedia) {
        setState('none');
        return;
      }
      const s = await openCamera(deviceId);
      if (cancelled) {
        s.getTracks().forEach((t) => t.stop());
        return;
      }
      stream = s;
      const track = s.getVideoTracks()[0];
      if (track) {
        void tuneTrack(track);
        setActiveDeviceId(track.getSettings().deviceId ?? '');
        track.addEventListener('ended', () => !cancelled && setState('error'));
      }
      video.srcObject = s;
      await video.play().catch(() => undefined);
      if (cancelled) return;
      const scanner = (scannerRef.current ??= new CameraScanner(video, { onScan: (t, d) => scanned(t, d), onDecode: (d) => decoded(d), onEngine: (e) => setEngine(e) }));
      scanner.start();
      setState('scanning');
      refresh(); // labels are readable once permission is granted
    })().catch((e: unknown) => {
      if (cancelled) return;
      const name = e instanceof DOMException ? e.name : '';
      setState(name === 'NotAllowedError' || name === 'SecurityError' ? 'denied' : name === 'NotFoundError' ? 'none' : 'error');
      setError(e instanceof Error ? `${e.name}: ${e.message}` : String(e));
    });
    return () => {
      cancelled = true;
      scannerRef.current?.stop();
      stream?.getTracks().forEach((t) => t.stop());
      if (video.srcObject === stream) video.srcObject = null;
    };
  }, [active, deviceId, refresh]);

  return { videoRef, state, error, cameras, activeDeviceId, engine };
}
