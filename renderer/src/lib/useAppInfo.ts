import { useEffect, useRef, useState } from 'react';
import type { AppInfo } from '../../../shared/contract';
import { pos } from '../api/pos';

const REFRESH_MS = 15_000;

/** pos.getAppInfo, refreshed now and then so the status bar's reachable dot stays true. */
export function useAppInfo(refreshKey: unknown): AppInfo | null {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const checking = useRef(false);
  useEffect(() => {
    checking.current = (info?.recovery.checking.length ?? 0) > 0;
  }, [info]);
  useEffect(() => {
    let alive = true;
    const load = () =>
      pos.getAppInfo({}).then(
        (i) => alive && setInfo(i),
        () => alive && setInfo((prev) => (prev ? { ...prev, backend: { ...prev.backend, reachable: false } } : prev)),
      );
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    // While the start-up recovery checks payments, each settled one refreshes the status at once.
    const off = pos.on('payment.updated', () => {
      if (checking.current) void load();
    });
    return () => {
      alive = false;
      clearInterval(timer);
      off();
    };
  }, [refreshKey]);
  return info;
}
