/**
 * What a Korean ESC/POS printer in double-byte mode can print: ASCII plus the 8,226 characters of
 * KS X 1001 (EUC-KR proper). Everything else is replaced here, before layout, so that widths, the
 * on-screen preview and the printed bytes all agree.
 *
 * Documented fallbacks (applied by `toPrintable`):
 * - Text is NFC-normalized first (decomposed Hangul from macOS/iOS input becomes syllables). Never NFKD.
 * - A Hangul syllable outside KS X 1001 (one of the 8,822 CP949-only syllables, e.g. 똠, 쀍, 햏)
 *   is spelled with its compatibility jamo, all of which are in KS X 1001: 똠 → ㄸㅗㅁ, 쀍 → ㅃㅞㄺ.
 *   It stays readable and visibly different; it takes 2 columns per jamo.
 * - '\' (0x5C) prints as ₩ once `ESC R 13` (Korea) is selected, so a real backslash becomes ＼ (A1AC).
 * - ₩ (U+20A9) is kept: the encoder sends 0x5C, which Korea's character set prints as ₩ (1 column).
 * - Tabs and line breaks inside a field become a space; other control characters are dropped.
 * - A Latin letter with diacritics outside KS X 1001 loses the diacritic (é → e).
 * - Variation selectors (U+FE00–FE0F, U+E0100–E01EF) are dropped: ☕️ (U+2615 U+FE0F) is one character.
 * - Every dash (‐ ‑ ‒ – — ― and the minus sign −) prints as ―, KS X 1001's dash (A1AA, 2 columns).
 * - Anything else (emoji, rare CJK) becomes REPLACEMENT_MARK '□' (U+25A1, KS X 1001 A1E0, 2 columns):
 *   one mark per user-perceived character (grapheme cluster), so an emoji with a skin tone or a ZWJ
 *   family is one mark too. A combining mark on a printable base is dropped (keycap 1️⃣ → 1).
 *   '□' is used rather than '?' so that a replaced character is never mistaken for a typed '?'.
 */
import { KSX1001_PAGES_HEX } from './ksx1001-table';

let pages: Map<number, Uint8Array> | null = null;

function table(): Map<number, Uint8Array> {
  if (pages) return pages;
  const m = new Map<number, Uint8Array>();
  for (let i = 0; i < KSX1001_PAGES_HEX.length; i += 66) {
    const page = parseInt(KSX1001_PAGES_HEX.slice(i, i + 2), 16);
    const bits = new Uint8Array(32);
    for (let j = 0; j < 32; j++) bits[j] = parseInt(KSX1001_PAGES_HEX.slice(i + 2 + j * 2, i + 4 + j * 2), 16);
    m.set(page, bits);
  }
  pages = m;
  return m;
}

/** True if the code point is a double-byte character of KS X 1001 (not ASCII). */
export function isKsx1001(cp: number): boolean {
  if (cp < 0x80 || cp > 0xffff) return false;
  const bits = table().get(cp >> 8);
  return bits !== undefined && (bits[(cp & 0xff) >> 3]! & (1 << (cp & 7))) !== 0;
}

export const WON_SIGN = '\u20a9';
/** What prints in place of a character the printer does not have (see the fallbacks above). */
export const REPLACEMENT_MARK = '\u25a1';
/** KS X 1001's dash (A1AA), for every dash outside it. */
export const KSX_DASH = '\u2015';
const DASHES = new Set([0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2212]);
const VARIATION_SELECTORS = /[\ufe00-\ufe0f\u{e0100}-\u{e01ef}]/gu;
const COMBINING_MARK = /^\p{M}$/u;

const L = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
const V = 'ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ';
const T = ['', ...'ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ'];

/** 똠 → ㄸㅗㅁ: a precomposed Hangul syllable as compatibility jamo. */
export function hangulToJamo(syllable: string): string {
  const s = syllable.codePointAt(0)! - 0xac00;
  if (s < 0 || s > 11171) return syllable;
  return L[Math.floor(s / 588)]! + V[Math.floor((s % 588) / 28)]! + T[s % 28]!;
}

export interface Substitution {
  from: string;
  to: string;
}

/** One code point → what prints, or null when the printer has nothing for it. */
function substitute(ch: string): string | null {
  const cp = ch.codePointAt(0)!;
  if (cp === 0x5c) return '＼';
  if (cp >= 0x20 && cp < 0x7f) return ch;
  if (cp === 0x09 || cp === 0x0a || cp === 0x0d) return ' ';
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return '';
  if (cp === 0x20a9 || isKsx1001(cp)) return ch;
  if (DASHES.has(cp)) return KSX_DASH;
  if (cp >= 0xac00 && cp <= 0xd7a3) return hangulToJamo(ch);
  const stripped = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (stripped.length > 0 && /^[\x20-\x7e]+$/.test(stripped)) return stripped;
  return null;
}

/** One grapheme cluster → what prints: at most one REPLACEMENT_MARK for the whole cluster. */
function substituteCluster(cluster: string): string {
  const chars = [...cluster.replace(VARIATION_SELECTORS, '')];
  const mapped = chars.map(substitute);
  if (mapped.every((m) => m !== null)) return mapped.join('');
  const base = mapped[0];
  if (base !== null && base !== undefined && chars.slice(1).every((c) => COMBINING_MARK.test(c))) return base;
  return REPLACEMENT_MARK;
}

let segmenter: Intl.Segmenter | null = null;
function graphemes(text: string): Iterable<string> {
  segmenter ??= new Intl.Segmenter('ko', { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

const cache = new Map<string, string>();

/** Replaces what the printer cannot print (see the fallbacks above), reporting each replacement. */
export function toPrintable(text: string, substitutions?: Substitution[]): string {
  const nfc = text.normalize('NFC');
  if (/^[\x20-\x5b\x5d-\x7e]*$/.test(nfc)) return nfc;
  let out = '';
  for (const ch of graphemes(nfc)) {
    let to = cache.get(ch);
    if (to === undefined) {
      to = substituteCluster(ch);
      cache.set(ch, to);
    }
    if (to !== ch) substitutions?.push({ from: ch, to });
    out += to;
  }
  return out;
}
