/**
 * Customer-presented payment QR, version 1:  "ONEQ1." + 16 token chars + 2 check chars.
 *
 * Every char is in the QR alphanumeric set (A–Z, 2–7, '.'), so the code stays at QR version 2
 * (25×25 modules) with error correction M: small, and fast to scan on a phone screen.
 * The token is random (80 bits, base32); the 2 check chars (10 bits) let the terminal reject
 * a mistyped or truncated scan before it calls the backend. Only the backend can tell whether
 * a well-formed token is real, unused and unexpired.
 */
export const QR_PREFIX = 'ONEQ';
export const QR_VERSION = 1;
export const QR_MAX_INPUT = 256;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const BODY_LEN = 16;

export type QrErrorCode = 'QR_EMPTY' | 'QR_TOO_LONG' | 'QR_NOT_TEXT' | 'QR_UNKNOWN_FORMAT' | 'QR_UNSUPPORTED_VERSION' | 'QR_CHECKSUM';
export interface QrPayload {
  version: 1;
  /** The whole normalized text, as sent to the backend. */
  text: string;
  /** Token body without the check chars. */
  body: string;
}
export type QrParseResult = { ok: true; payload: QrPayload } | { ok: false; code: QrErrorCode };

export function qrCheckChars(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const v = ALPHABET.indexOf(body[i]!);
    sum = (sum * 33 + (v + 1) * (i + 7)) % 1021; // prime modulus: catches substitutions and swaps
  }
  return ALPHABET[sum >> 5]! + ALPHABET[sum & 31]!;
}

/** Builds the QR text for a token body (16 base32 chars). */
export function encodeQrPayload(body: string): string {
  if (body.length !== BODY_LEN || [...body].some((c) => !ALPHABET.includes(c))) throw new RangeError('token body must be 16 base32 chars');
  return `${QR_PREFIX}${QR_VERSION}.${body}${qrCheckChars(body)}`;
}

/** Random token body from a CSPRNG-filled byte array (caller supplies the bytes: no runtime import here). */
export function tokenBodyFromBytes(bytes: Uint8Array): string {
  if (bytes.length < BODY_LEN) throw new RangeError('need 16 random bytes');
  let s = '';
  for (let i = 0; i < BODY_LEN; i++) s += ALPHABET[bytes[i]! & 31];
  return s;
}

/** Validates the form of scanned text. Hostile input: capped, printable ASCII only, never interpreted as a URL. */
export function parseQrPayload(raw: string): QrParseResult {
  if (typeof raw !== 'string') return { ok: false, code: 'QR_NOT_TEXT' };
  if (raw.length > QR_MAX_INPUT) return { ok: false, code: 'QR_TOO_LONG' };
  const trimmed = raw.replace(/^[\s\r\n]+|[\s\r\n]+$/g, '');
  if (trimmed.length === 0) return { ok: false, code: 'QR_EMPTY' };
  // Checked before upper-casing: toUpperCase() maps some non-ASCII letters to ASCII ('ſ' → 'S', 'ﬀ' → 'FF').
  if (!/^[\x20-\x7e]+$/.test(trimmed)) return { ok: false, code: 'QR_NOT_TEXT' };
  const text = trimmed.toUpperCase();
  const m = /^ONEQ(\d+)\.(.*)$/.exec(text);
  if (!m) return { ok: false, code: 'QR_UNKNOWN_FORMAT' };
  // The version as written ("ONEQ01." is not the v1 text the backend knows).
  if (m[1] !== String(QR_VERSION)) return { ok: false, code: 'QR_UNSUPPORTED_VERSION' };
  const rest = m[2]!;
  if (rest.length !== BODY_LEN + 2 || ![...rest].every((c) => ALPHABET.includes(c))) return { ok: false, code: 'QR_UNKNOWN_FORMAT' };
  const body = rest.slice(0, BODY_LEN);
  if (qrCheckChars(body) !== rest.slice(BODY_LEN)) return { ok: false, code: 'QR_CHECKSUM' };
  return { ok: true, payload: { version: 1, text, body } };
}

/** For logs and the ledger: never keep a usable token. */
export function maskQrText(text: string): string {
  return text.length <= 10 ? '***' : `${text.slice(0, 8)}…${text.slice(-2)}`;
}
