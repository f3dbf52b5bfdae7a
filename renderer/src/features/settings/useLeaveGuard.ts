import { useCallback, useEffect, useRef, useState } from 'react';
import type { Tab } from '../../components/TopBar';

/**
 * Screen changes go through here: leaving 설정 while a section holds unsaved edits asks first
 * (stay, the default, or leave without saving); every other change happens at once.
 */
export function useLeaveGuard(tab: Tab, setTab: (t: Tab) => void) {
  const [pending, setPending] = useState<Tab | null>(null);
  const unsaved = useRef(false);
  const current = useRef(tab);
  useEffect(() => {
    current.current = tab;
  }, [tab]);
  const goTo = useCallback(
    (next: Tab) => {
      if (next !== current.current && current.current === 'settings' && unsaved.current) setPending(next);
      else setTab(next);
    },
    [setTab],
  );
  const setSettingsUnsaved = useCallback((u: boolean) => {
    unsaved.current = u;
  }, []);
  return {
    goTo,
    setSettingsUnsaved,
    asking: pending !== null,
    stay: () => setPending(null),
    leave: () => {
      const next = pending;
      setPending(null);
      unsaved.current = false;
      if (next) setTab(next);
    },
  };
}
