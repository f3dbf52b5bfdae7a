import { useEffect, useRef } from 'react';
import type { FilterForm } from './history-filter';

/** Typing settles this long before the list follows (a scanned receipt QR arrives key by key). */
export const LIVE_FILTER_DELAY_MS = 350;

/**
 * History filters apply as they change: a choice (state, method, dates) at once, typed text once it
 * settles. Returns the onChange to give the filter bar; `apply` is the same as pressing 조회.
 */
export function useLiveFilter(setForm: (f: FilterForm) => void, apply: (f: FilterForm) => void): (f: FilterForm, typed: boolean) => void {
  const timer = useRef<number | undefined>(undefined);
  const applyRef = useRef(apply);
  useEffect(() => {
    applyRef.current = apply;
  });
  useEffect(() => () => window.clearTimeout(timer.current), []);
  return (f, typed) => {
    setForm(f);
    window.clearTimeout(timer.current);
    if (typed) timer.current = window.setTimeout(() => applyRef.current(f), LIVE_FILTER_DELAY_MS);
    else applyRef.current(f);
  };
}
