/**
 * The scan dispatcher behind useScanHub, outside React: every source's text becomes the same
 * ScanReceived value through the one QR payload parser; repeats are dropped; the handler sees scans only
 * while enabled.
 */
import type { ScanReceived, ScanSource } from '../../../../shared/contract';
import { RepeatFilter } from './repeat-filter';
import { scanFromText } from './scan-event';

export interface ScanHub {
  /** The screen's current state and handler (set after every render). */
  update(enabled: boolean, onScan: (scan: ScanReceived) => void): void;
  /** A scan from the renderer's own sources (wedge, camera). */
  submit(raw: string, source: Exclude<ScanSource, 'serial'>): void;
  /** A scan pushed by the core (serial). */
  receive(scan: ScanReceived): void;
}

export function createScanHub(now: () => number = () => performance.now()): ScanHub {
  const repeats = new RepeatFilter();
  let enabled = false;
  let rejected = 0;
  let products = 0;
  let handler: (scan: ScanReceived) => void = () => undefined;
  const deliver = (scan: ScanReceived, key: string) => {
    if (!enabled) return;
    if (!repeats.accept(key, now())) return;
    handler(scan);
  };
  return {
    update(on, onScan) {
      enabled = on;
      handler = onScan;
    },
    submit(raw, source) {
      const scan = scanFromText(raw, source);
      // Two packs of the same product scanned back to back are two items: only the camera (which sees one
      // code in every frame) folds a product code's repeats.
      if (scan.barcode && source === 'wedge') deliver(scan, `#wedge:${products++}`);
      else deliver(scan, scan.error ? `!${raw}` : scan.text);
    },
    receive(scan) {
      // A rejected serial frame is shown each time (its text is never echoed, so it has no key to repeat).
      deliver(scan, scan.error ? `!serial:${rejected++}` : scan.text);
    },
  };
}
