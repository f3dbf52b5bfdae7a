import { describe, expect, it } from 'vitest';
import { encodeQrPayload, maskQrText, parseQrPayload, tokenBodyFromBytes } from '../../shared/domain/qr-payload';

const body = 'ABCDEFGHJKMNPQRS';
const good = encodeQrPayload(body);

describe('customer QR payload v1', () => {
  it('round-trips and is short, alphanumeric-mode text', () => {
    expect(good).toMatch(/^ONEQ1\.[A-Z2-7]{18}$/);
    expect(good.length).toBe(24);
    const r = parseQrPayload(good);
    expect(r).toEqual({ ok: true, payload: { version: 1, text: good, body } });
  });
  it('accepts scanner suffixes and lower case', () => {
    expect(parseQrPayload(`${good}\r\n`).ok).toBe(true);
    expect(parseQrPayload(good.toLowerCase()).ok).toBe(true);
  });
  it('rejects every single-character substitution by the check chars', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
    let rejected = 0;
    let total = 0;
    for (let i = 6; i < good.length; i++) {
      for (const c of alphabet) {
        if (c === good[i]) continue;
        total++;
        const r = parseQrPayload(good.slice(0, i) + c + good.slice(i + 1));
        if (!r.ok) rejected++;
      }
    }
    expect(rejected).toBe(total);
  });
  it.each([
    ['', 'QR_EMPTY'],
    ['   ', 'QR_EMPTY'],
    ['x'.repeat(300), 'QR_TOO_LONG'],
    ['ONEQ1.ㅁㅠㅊ', 'QR_NOT_TEXT'],
    ['ONEQ1.\u0000ABC', 'QR_NOT_TEXT'],
    ['https://evil.example/pay', 'QR_UNKNOWN_FORMAT'],
    ['ONEQ2.ABCDEFGHJKMNPQRSAA', 'QR_UNSUPPORTED_VERSION'],
    ['ONEQ1.ABCDEFGHJKMNPQRS', 'QR_UNKNOWN_FORMAT'],
    ['ONEQ1.ABCDEFGHJKMNPQR1AA', 'QR_UNKNOWN_FORMAT'],
  ])('rejects %j with %s', (text, code) => {
    expect(parseQrPayload(text)).toEqual({ ok: false, code });
  });
  // Counterexamples of test/property/fuzz-qr-payload.test.ts, kept as examples: each stands for a
  // valid payload (second column) but is not its text, so it must be refused.
  it.each([
    ['ONEQ01.AAAAAAAAAAAAAAAA3D', 'ONEQ1.AAAAAAAAAAAAAAAA3D', 'QR_UNSUPPORTED_VERSION'], // leading zero: was accepted as v1 with a text the backend never issued
    ['ONEQ0000000000000001.AAAAAAAAAAAAAAAA3D', 'ONEQ1.AAAAAAAAAAAAAAAA3D', 'QR_UNSUPPORTED_VERSION'],
    ['ONEQ1.AAAAAAAAAAAAAſAA2L', 'ONEQ1.AAAAAAAAAAAAASAA2L', 'QR_NOT_TEXT'], // 'ſ'.toUpperCase() is 'S': non-ASCII passed the check made after upper-casing
    ['ONEQ1.AAﬂAAAAAAAAAAAAOO', 'ONEQ1.AAFLAAAAAAAAAAAAOO', 'QR_NOT_TEXT'], // ligature 'ﬂ' → 'FL'
    ['ONEQ1.YBDBBNNYNT4J7CPZGı', 'ONEQ1.YBDBBNNYNT4J7CPZGI', 'QR_NOT_TEXT'], // dotless 'ı' → 'I'
  ])('fuzz counterexample %j (looks like %s) → %s', (text, meant, code) => {
    expect(parseQrPayload(meant).ok).toBe(true);
    expect(parseQrPayload(text)).toEqual({ ok: false, code });
  });
  it('builds a token body from random bytes and masks tokens for the ledger', () => {
    expect(tokenBodyFromBytes(new Uint8Array(16).fill(255))).toBe('7777777777777777');
    expect(maskQrText(good)).not.toContain(body.slice(4, 12));
  });
});
