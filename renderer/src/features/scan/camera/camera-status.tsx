/**
 * The webcam's state for the whole renderer (status bar, diagnostics), without a second getUserMedia:
 * every useCameraScanner reports its state here under its own id, and readers see the most active one
 * (a checkout panel that is off and a diagnostics test that is scanning read as scanning).
 */
import { createContext, useCallback, useContext, useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import type { CameraState } from './useCameraScanner';

type Report = (owner: string, state: CameraState | null) => void;

const ReportContext = createContext<Report | null>(null);
const StateContext = createContext<CameraState>('off');

/** Most telling first: a live camera, one coming up, then why none could be opened. */
const RANK: readonly CameraState[] = ['scanning', 'starting', 'error', 'denied', 'none', 'off'];

export function strongestCameraState(states: readonly CameraState[]): CameraState {
  return RANK.find((s) => states.includes(s)) ?? 'off';
}

export function CameraStatusProvider({ children }: { children: ReactNode }) {
  const [states, setStates] = useState<Readonly<Record<string, CameraState>>>({});
  const report = useCallback<Report>((owner, state) => {
    setStates((s) => {
      if (state === null) {
        if (!(owner in s)) return s;
        const { [owner]: _gone, ...rest } = s;
        return rest;
      }
      return s[owner] === state ? s : { ...s, [owner]: state };
    });
  }, []);
  const state = useMemo(() => strongestCameraState(Object.values(states)), [states]);
  return (
    <ReportContext value={report}>
      <StateContext value={state}>{children}</StateContext>
    </ReportContext>
  );
}

/** Called by useCameraScanner: this camera user's state, withdrawn when it unmounts. */
export function useReportCameraState(state: CameraState): void {
  const report = useContext(ReportContext);
  const id = useId();
  useEffect(() => {
    report?.(id, state);
  }, [report, id, state]);
  useEffect(() => () => report?.(id, null), [report, id]);
}

/** The webcam's state as the status bar shows it. */
export function useCameraStatus(): CameraState {
  return useContext(StateContext);
}
