/**
 * A raw scan (serial frame bytes, or text from the renderer's wedge or camera) → the one `scan.received`
 * value, through the one QR payload parser. Hostile input is rejected with a code and never echoed.
 */
import type { ScanReceived } from '../../../../shared/contract';
import { QR_MAX_INPUT } from '../../../../shared/domain/qr-payload';
import { scanFromText } from '../../../../shared/domain/catalog/scan-code';
import type { SerialFrame } from './serial-framer';

export { scanFromText };

/** Serial frames are bytes: anything outside printable ASCII (binary, UTF-8, control codes) is not a payment QR. */
export function scanFromFrame(frame: SerialFrame, at = new Date()): ScanReceived {
  if (frame.kind === 'overflow' || frame.bytes.length > QR_MAX_INPUT) return { source: 'serial', text: '', error: 'QR_TOO_LONG', at: at.toISOString() };
  for (const b of frame.bytes) if (b < 0x20 || b > 0x7e) return { source: 'serial', text: '', error: 'QR_NOT_TEXT', at: at.toISOString() };
  return scanFromText(String.fromCharCode(...frame.bytes), 'serial', at);
}
