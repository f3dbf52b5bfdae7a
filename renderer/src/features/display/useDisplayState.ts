import { useEffect, useState } from 'react';
import { displayStateSchema, type DisplayState } from '../../../../shared/contract';
import { pos } from '../../api/pos';
import { newerState } from './display-view';

/** A safety net for a missed event (a dropped event stream): the state is fetched again this often. */
const REFRESH_MS = 15_000;

/**
 * The customer display's state: fetched on load (so a reload shows the right thing), then every
 * display.state event (validated against the contract), and a periodic re-fetch.
 */
export function useDisplayState(): { state: DisplayState | null; offline: boolean } {
  const [state, setState] = useState<DisplayState | null>(null);
  const [offline, setOffline] = useState(false);
  useEffect(() => {
    let alive = true;
    const off = pos.on('display.state', (payload) => {
      const r = displayStateSchema.safeParse(payload);
      if (r.success) setState(r.data);
    });
    const load = () =>
      pos.getDisplayState({}).then(
        (s) => {
          if (!alive) return;
          setOffline(false);
          setState((cur) => newerState(cur, s));
        },
        () => alive && setOffline(true),
      );
    void load();
    const timer = window.setInterval(() => void load(), REFRESH_MS);
    return () => {
      alive = false;
      off();
      window.clearInterval(timer);
    };
  }, []);
  return { state, offline };
}
