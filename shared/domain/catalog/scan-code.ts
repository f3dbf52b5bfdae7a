/**
 * The one scan router (design.md §6) for wedge, serial and webcam text: a payment QR (the payment payload
 * format) pays; an EAN-13/EAN-8/UPC-A with a valid check digit or a Code 128 is a product code to look up;
 * anything else is refused with the payload parser's code. A text that starts like a payment QR ("ONEQ…")
 * is always judged as one, so a misread payment QR is never taken for a product.
 */
import type { ScanReceived, ScanSource } from '../../contract';
import type { ErrorCode } from '../errors';
import { parseQrPayload } from '../qr-payload';
import { parseBarcode, type BarcodeFormat } from './barcode';

export type ScanKind = { kind: 'payment'; text: string } | { kind: 'product'; format: BarcodeFormat; code: string } | { kind: 'invalid'; code: ErrorCode };

export function classifyScan(raw: string): ScanKind {
  const qr = parseQrPayload(raw);
  if (qr.ok) return { kind: 'payment', text: qr.payload.text };
  if (qr.code !== 'QR_UNKNOWN_FORMAT') return { kind: 'invalid', code: qr.code };
  const b = parseBarcode(raw);
  if (b.ok && !/^ONEQ/i.test(b.code) && !/\s/.test(raw.trim())) return { kind: 'product', format: b.format, code: b.code };
  if (!b.ok && b.reason === 'check_digit') return { kind: 'invalid', code: 'BARCODE_CHECK_DIGIT' };
  return { kind: 'invalid', code: qr.code };
}

/**
 * Text from any scanner → the one `scan.received` value. A product code keeps error = the payment parser's
 * code (it is not a payment QR, for every screen that only takes payments) and carries `barcode` for the
 * screens that sell products. Hostile text is never echoed: only a valid payload or a product code.
 */
export function scanFromText(raw: string, source: ScanSource, at = new Date()): ScanReceived {
  const k = classifyScan(raw);
  const when = at.toISOString();
  if (k.kind === 'payment') return { source, text: k.text, error: null, at: when, barcode: null };
  if (k.kind === 'product') return { source, text: '', error: 'QR_UNKNOWN_FORMAT', at: when, barcode: { format: k.format, code: k.code } };
  return { source, text: '', error: k.code, at: when, barcode: null };
}
