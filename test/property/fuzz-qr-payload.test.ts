/**
 * Fuzz of the customer QR parser (shared/domain/qr-payload.ts) and of what is built on it (mask,
 * scan events): it never throws, accepts exactly the canonical payloads, and never echoes a token.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanFromFrame, scanFromText } from '../../electron/core/services/scanner/scan-event';
import { scanFromText as rendererScanFromText } from '../../renderer/src/features/scan/scan-event';
import { scanReceivedSchema } from '../../shared/contract';
import { ERROR_CODES } from '../../shared/domain/errors';
import { encodeQrPayload, maskQrText, parseQrPayload, QR_MAX_INPUT, type QrErrorCode } from '../../shared/domain/qr-payload';
import { fuzz, fuzzFile } from './fuzz-budget';
import { applyMutation, canonicalQr, hostileText, mutation, QR_ALPHABET, tokenBody, validPayload } from './qr-arbitraries';

fuzzFile('fuzz-qr-payload');

const QR_CODES: readonly QrErrorCode[] = ['QR_EMPTY', 'QR_TOO_LONG', 'QR_NOT_TEXT', 'QR_UNKNOWN_FORMAT', 'QR_UNSUPPORTED_VERSION', 'QR_CHECKSUM'];

/** The parser's contract for any input. */
function checkParse(raw: string): void {
  const r = parseQrPayload(raw);
  const want = canonicalQr(raw);
  if (want !== null) {
    expect(r).toEqual({ ok: true, payload: { version: 1, text: want, body: want.slice(6, 22) } });
    expect(parseQrPayload(want)).toEqual(r); // normalizing is idempotent
    return;
  }
  expect(r.ok, `accepted ${JSON.stringify(raw)}`).toBe(false);
  if (r.ok) return;
  expect(ERROR_CODES).toContain(r.code);
  expect(QR_CODES).toContain(r.code);
  if (raw.length > QR_MAX_INPUT) expect(r.code).toBe('QR_TOO_LONG');
  else if (raw.trim() === '') expect(r.code).toBe('QR_EMPTY');
}

describe('fuzz: QR payload parser', () => {
  it('arbitrary text never throws and is accepted only as a canonical payload', () => {
    fuzz('qr: arbitrary text never throws, ok only for a canonical payload', fc.property(hostileText, (raw) => checkParse(raw)));
  });

  it('near-valid mutations of valid payloads: accepted only when they still round-trip; one substitution or swap in the token is a checksum error', () => {
    fuzz(
      'qr: near-valid mutations (flip, truncate, case, space, garbage)',
      fc.property(validPayload, fc.array(mutation, { minLength: 1, maxLength: 3 }), (good, ms) => {
        const raw = ms.reduce(applyMutation, good);
        checkParse(raw);
        const [m] = ms;
        if (ms.length !== 1 || !m || raw.length !== good.length) return;
        const diff = [...raw].flatMap((c, i) => (c === good[i] ? [] : [i]));
        const inToken = diff.length > 0 && diff.every((i) => i >= 6) && [...raw.slice(6)].every((c) => QR_ALPHABET.includes(c));
        if (inToken && (m.op === 'flip' || m.op === 'swap')) expect(parseQrPayload(raw), `${m.op} ${JSON.stringify(raw)}`).toEqual({ ok: false, code: 'QR_CHECKSUM' });
      }),
    );
  });

  it('every payload generated from the format parses, with scanner suffixes, spaces and lower case', () => {
    fuzz(
      'qr: every generated payload parses to itself',
      fc.property(tokenBody, fc.constantFrom('', ' ', '\r', '\n', '\r\n', '\t'), fc.constantFrom('', ' ', '\r\n', '\t'), fc.boolean(), (body, suffix, prefix, lower) => {
        const text = encodeQrPayload(body);
        expect(text).toMatch(/^ONEQ1\.[A-Z2-7]{18}$/);
        const raw = prefix + (lower ? text.toLowerCase() : text) + suffix;
        expect(parseQrPayload(raw)).toEqual({ ok: true, payload: { version: 1, text, body } });
      }),
    );
  });

  it('the mask and the scan events never echo more than the masked form', () => {
    const scanners = [(raw: string) => scanFromText(raw, 'wedge'), (raw: string) => rendererScanFromText(raw, 'camera')];
    fuzz(
      'qr: mask and scan events never echo more than the masked form',
      fc.property(fc.oneof(hostileText, validPayload, fc.tuple(validPayload, mutation).map(([g, m]) => applyMutation(g, m))), fc.uint8Array({ maxLength: 40 }), (raw, bytes) => {
        const masked = maskQrText(raw);
        expect(masked.length).toBeLessThanOrEqual(11);
        expect(masked === '***' || (raw.length > 10 && masked === `${raw.slice(0, 8)}…${raw.slice(-2)}`)).toBe(true);
        const want = canonicalQr(raw);
        if (want) expect(maskQrText(want)).toBe(`ONEQ1.${want.slice(6, 8)}…${want.slice(-2)}`); // 2 of 16 token chars

        for (const scan of scanners.map((f) => f(raw))) {
          expect(scanReceivedSchema.safeParse(scan).success).toBe(true);
          expect(scan.error === null ? scan.text : '').toBe(want ?? '');
          if (scan.error !== null) expect(scan.text).toBe('');
        }
        const asBytes = Uint8Array.from([...(want ?? raw)].map((c) => c.charCodeAt(0) & 0xff));
        for (const frame of [bytes, asBytes]) {
          const scan = scanFromFrame({ kind: 'frame', bytes: frame });
          expect(scanReceivedSchema.safeParse(scan).success).toBe(true);
          if (scan.error !== null) expect(scan.text).toBe('');
          else expect(scan.text).toBe(canonicalQr(String.fromCharCode(...frame)));
        }
      }),
    );
  });
});
