/**
 * The one scan path of a screen: the keyboard wedge and the webcam submit text here, serial scans come
 * pushed from the core as `scan.received`; all become the same ScanReceived value (checked by the QR
 * payload parser), repeats are dropped, and the screen's handler sees them only while it is enabled.
 */
import { useEffect, useLayoutEffect, useState } from 'react';
import type { ScanReceived } from '../../../../shared/contract';
import { pos } from '../../api/pos';
import { createScanHub, type ScanHub } from './scan-hub';

export function useScanHub(enabled: boolean, onScan: (scan: ScanReceived) => void): ScanHub {
  const [hub] = useState(() => createScanHub());
  useLayoutEffect(() => hub.update(enabled, onScan));
  useEffect(() => pos.on('scan.received', (scan) => scan.source === 'serial' && hub.receive(scan)), [hub]);
  return hub;
}
