/**
 * Global keyboard-wedge listener for a screen: when focus is not in a text field and a burst of keys
 * arrives (gaps ≤ SCAN_MAX_GAP_MS, ≥ SCAN_MIN_LENGTH chars) ending in Enter/Tab, it is a scan.
 * A person's slower typing and anything typed into fields are left alone.
 */
import { useEffect, useEffectEvent } from 'react';
import { isTextEntry, keyLike } from './dom-keys';
import { classifyWedgeKey } from './keycode-text';
import { ImeDuplicateFilter, ScanBurst, type BurstThresholds } from './scan-burst';
import { SCAN_MAX_GAP_MS, SCAN_MIN_LENGTH, SCAN_SWALLOW_FROM } from './wedge-config';

export function useWedgeScanner(enabled: boolean, onScan: (text: string) => void, thresholds?: BurstThresholds): void {
  const scanned = useEffectEvent(onScan);
  const maxGapMs = thresholds?.maxGapMs ?? SCAN_MAX_GAP_MS;
  const minLength = thresholds?.minLength ?? SCAN_MIN_LENGTH;

  useEffect(() => {
    if (!enabled) return;
    const burst = new ScanBurst({ maxGapMs, minLength });
    const filter = new ImeDuplicateFilter();
    const onKeyDown = (e: KeyboardEvent) => {
      // Scanners never auto-repeat; a held key (or anything typed into a field) is the cashier's.
      if (e.repeat || isTextEntry(document.activeElement)) {
        burst.reset();
        return;
      }
      const k = keyLike(e);
      const action = classifyWedgeKey(k);
      if (action.type === 'char') {
        if (!filter.accept(k, e.timeStamp)) {
          e.preventDefault();
          return;
        }
        // Well into a burst the keys are the scanner's: keep them from focused buttons and line shortcuts.
        if (burst.char(action.char, e.timeStamp) && burst.length >= SCAN_SWALLOW_FROM) {
          e.preventDefault();
          e.stopPropagation();
        }
      } else if (action.type === 'suffix') {
        const text = burst.suffix(e.timeStamp);
        if (text !== null) {
          e.preventDefault();
          e.stopPropagation();
          scanned(text);
        }
      }
    };
    const onKeyUp = (e: KeyboardEvent) => filter.keyUp(e.code);
    window.addEventListener('keydown', onKeyDown, true);
    window.addEventListener('keyup', onKeyUp, true);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      window.removeEventListener('keyup', onKeyUp, true);
    };
  }, [enabled, maxGapMs, minLength]);
}
