/**
 * Wedge and camera text → the same `scan.received` value the core pushes for serial scans, through the
 * one QR payload parser (shared/domain/qr-payload.ts). Hostile text is never echoed, only its code.
 */
import type { ScanReceived, ScanSource } from '../../../../shared/contract';
import { parseQrPayload } from '../../../../shared/domain/qr-payload';

export function scanFromText(raw: string, source: ScanSource, at = new Date()): ScanReceived {
  const r = parseQrPayload(raw);
  return r.ok ? { source, text: r.payload.text, error: null, at: at.toISOString() } : { source, text: '', error: r.code, at: at.toISOString() };
}
