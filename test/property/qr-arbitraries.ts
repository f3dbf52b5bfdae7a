/**
 * Generators for the QR payload fuzz: valid payloads built from the format, near-valid mutations of
 * them, and hostile text. `canonicalQr` is the reference reading of the format: what parseQrPayload
 * must accept, and as which text.
 */
import fc from 'fast-check';
import { encodeQrPayload, QR_MAX_INPUT } from '../../shared/domain/qr-payload';

export const QR_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const PRINTABLE = /^[\x20-\x7e]+$/;

/** The canonical payload text `raw` stands for, or null: trimmed, printable ASCII, upper-cased, equal to the encoding of its body. */
export function canonicalQr(raw: string): string | null {
  if (raw.length > QR_MAX_INPUT) return null;
  const t = raw.trim();
  if (!PRINTABLE.test(t)) return null;
  const u = t.toUpperCase();
  const m = /^ONEQ1\.([A-Z2-7]{16})[A-Z2-7]{2}$/.exec(u);
  return m && encodeQrPayload(m[1]!) === u ? u : null;
}

/** Non-ASCII characters whose toUpperCase() is printable ASCII (ſ → S, ı → I, ﬀ → FF …): derived, not listed. */
export const ASCII_UPPERCASING = (() => {
  const out: string[] = [];
  for (let cp = 0x80; cp <= 0xffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const c = String.fromCharCode(cp);
    if (PRINTABLE.test(c.toUpperCase())) out.push(c);
  }
  return out;
})();

export const WHITESPACE = [' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];
const CONTROL = ['\0', '\x01', '\x07', '\b', '\x1b', '\x7f', '\x80', '\x9f', '\u200b', '\u200e', '\ud800', '\udfff', '\ufffd', '\uffff'];

export const tokenBody = fc.string({ unit: fc.constantFrom(...QR_ALPHABET), minLength: 16, maxLength: 16 });
export const validPayload = tokenBody.map(encodeQrPayload);

const anyChar = fc.oneof(fc.constantFrom(...QR_ALPHABET), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), fc.constantFrom(...WHITESPACE, ...CONTROL, '.', '1', '0'));
const garbage = fc.oneof(fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 8 }), fc.constantFrom('ONEQ1.', 'https://', '\r\n', '\u0000', 'ㅁㅠㅊ'));

export type Mutation =
  | { op: 'flip'; at: number; c: string }
  | { op: 'swap'; at: number }
  | { op: 'delete'; at: number }
  | { op: 'insert'; at: number; c: string }
  | { op: 'truncate'; at: number }
  | { op: 'case'; mask: number[] }
  | { op: 'asciiUppercasing'; at: number; c: string }
  | { op: 'space'; at: number; c: string }
  | { op: 'prefix'; s: string }
  | { op: 'suffix'; s: string }
  | { op: 'version'; v: string };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), c: anyChar }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), c: anyChar }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('case' as const), mask: fc.array(fc.nat(), { maxLength: 6 }) }),
  fc.record({ op: fc.constant('asciiUppercasing' as const), at: fc.nat(), c: fc.constantFrom(...ASCII_UPPERCASING) }),
  fc.record({ op: fc.constant('space' as const), at: fc.nat(), c: fc.constantFrom(...WHITESPACE) }),
  fc.record({ op: fc.constant('prefix' as const), s: garbage }),
  fc.record({ op: fc.constant('suffix' as const), s: garbage }),
  fc.record({ op: fc.constant('version' as const), v: fc.constantFrom('0', '01', '001', '2', '10', '1.0', '+1', ' 1', '١', '') }),
);

export function applyMutation(s: string, m: Mutation): string {
  const at = s.length === 0 ? 0 : ('at' in m ? m.at : 0) % (s.length + 1);
  const i = Math.min(at, Math.max(0, s.length - 1));
  switch (m.op) {
    case 'flip':
      return s.slice(0, i) + m.c + s.slice(i + 1);
    case 'swap': {
      const j = Math.min(i, s.length - 2);
      return j < 0 ? s : s.slice(0, j) + s.charAt(j + 1) + s.charAt(j) + s.slice(j + 2);
    }
    case 'delete':
      return s.slice(0, i) + s.slice(i + 1);
    case 'insert':
      return s.slice(0, at) + m.c + s.slice(at);
    case 'truncate':
      return s.slice(0, at);
    case 'case': {
      if (m.mask.length === 0) return s.toLowerCase();
      const flip = new Set(m.mask.map((k) => k % Math.max(1, s.length)));
      return [...s].map((c, k) => (flip.has(k) ? (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()) : c)).join('');
    }
    case 'asciiUppercasing': {
      // Replace an occurrence of what m.c upper-cases to (so ſ lands where S was), else put it at `at`.
      const target = m.c.toUpperCase();
      const after = s.indexOf(target, at);
      const k = after >= 0 ? after : s.indexOf(target);
      return k >= 0 ? s.slice(0, k) + m.c + s.slice(k + target.length) : s.slice(0, at) + m.c + s.slice(at);
    }
    case 'space':
      return s.slice(0, at) + m.c + s.slice(at);
    case 'prefix':
      return m.s + s;
    case 'suffix':
      return s + m.s;
    case 'version':
      return s.replace(/^(ONEQ)1\./i, `$1${m.v}.`);
  }
}

/** Hostile text: any code units, graphemes, control and space characters, bytes as Latin-1, near-format shapes, huge lengths. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc.string({ unit: 'binary-ascii', maxLength: 300 }),
  fc.string({ unit: fc.constantFrom(...WHITESPACE, ...CONTROL, 'A', '.'), maxLength: 40 }),
  fc.uint8Array({ maxLength: 300 }).map((b) => String.fromCharCode(...b)),
  fc.stringMatching(/^(ONEQ|oneq|0NEQ|ONE0)\d{0,3}\.?[A-Za-z2-7.]{0,24}$/),
  fc.tuple(fc.integer({ min: QR_MAX_INPUT - 3, max: 20_000 }), fc.constantFrom('A', ' ', '\u3000', 'ONEQ1.')).map(([n, c]) => c.repeat(Math.ceil(n / c.length)).slice(0, n)),
);
