import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { hangulToJamo, isKsx1001, REPLACEMENT_MARK, toPrintable, type Substitution } from '../../shared/domain/receipt/ksx1001';
import { KSX1001_COUNT } from '../../shared/domain/receipt/ksx1001-table';
import { textWidth } from '../../shared/domain/receipt/display-width';
import { encodeKsx1001 } from '../../electron/core/services/printer/escpos-encoder';

const strict = (b: Buffer) => b.length === 2 && b[0]! >= 0xa1 && b[0]! <= 0xfe && b[1]! >= 0xa1 && b[1]! <= 0xfe;

describe('KS X 1001 (strict EUC-KR)', () => {
  it('the shared table is exactly what iconv-lite maps into 0xA1–0xFE × 0xA1–0xFE, over the whole BMP', () => {
    let n = 0;
    for (let cp = 0x80; cp < 0x10000; cp++) {
      if (cp >= 0xd800 && cp < 0xe000) continue;
      const inTable = isKsx1001(cp);
      const enc = strict(iconv.encode(String.fromCharCode(cp), 'euc-kr'));
      if (inTable !== enc) throw new Error(`U+${cp.toString(16)}: table ${inTable}, iconv ${enc}`);
      if (inTable) n++;
    }
    expect(n).toBe(KSX1001_COUNT);
    expect(n).toBe(8226); // 8,224 of KS X 1001:1987 + € and ® (1998)
  });

  it("iconv-lite's 'euc-kr' is CP949: it lets CP949-only syllables through (why we check)", () => {
    expect(iconv.encode('똠', 'euc-kr').toString('hex')).toBe('8c63');
    expect(iconv.encode('쀍', 'euc-kr').toString('hex')).toBe('97cd');
    expect(isKsx1001('똠'.codePointAt(0)!)).toBe(false);
    expect(isKsx1001('한'.codePointAt(0)!)).toBe(true);
  });

  it('substitutes a CP949-only syllable by its jamo, visibly, and reports it', () => {
    const subs: Substitution[] = [];
    expect(toPrintable('똠양꿍', subs)).toBe('ㄸㅗㅁ양꿍');
    expect(toPrintable('쀍')).toBe('ㅃㅞㄺ');
    expect(subs).toEqual([{ from: '똠', to: 'ㄸㅗㅁ' }]);
    expect(hangulToJamo('햏')).toBe('ㅎㅐㅎ');
    // every jamo used by the fallback is itself in KS X 1001
    for (const ch of 'ㄱㄲㄳㄴㄵㄶㄷㄸㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅃㅄㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ') expect(isKsx1001(ch.codePointAt(0)!)).toBe(true);
  });

  it('handles ₩, backslash, decomposed Hangul, diacritics, emoji and controls', () => {
    expect(toPrintable('\u20a91,000')).toBe('\u20a91,000');
    expect(toPrintable('C:\\pos')).toBe('C:＼pos'); // 0x5C would print as ₩ under ESC R 13
    expect(toPrintable('한글'.normalize('NFD'))).toBe('한글'); // NFC, never NFKD
    expect(toPrintable('Café')).toBe('Cafe');
    expect(toPrintable('커피☕')).toBe('커피□');
    expect(toPrintable('a\tb\nc\u0007')).toBe('a b c');
  });

  it('encodes strictly: every non-ASCII byte pair in 0xA1–0xFE, ₩ as 0x5C, width = bytes', () => {
    const text = toPrintable('똠양꿍 쀍 \u20a95,000 가격·수량');
    const bytes = encodeKsx1001(text);
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i]! < 0x80) continue;
      expect(bytes[i]).toBeGreaterThanOrEqual(0xa1);
      expect(bytes[i + 1]).toBeGreaterThanOrEqual(0xa1);
      i++;
    }
    expect(bytes.length).toBe(textWidth(text));
    expect(encodeKsx1001('\u20a9').toString('hex')).toBe('5c');
    expect(encodeKsx1001('똠').toString('hex')).toBe(iconv.encode('ㄸㅗㅁ', 'euc-kr').toString('hex'));
  });

  it('issue 10: one replacement mark per character the printer lacks; variation selectors and ZWJ sequences are one mark', () => {
    expect(REPLACEMENT_MARK).toBe('□'); // U+25A1, KS X 1001 A1E0: visible, never confused with a typed '?'
    expect(isKsx1001(REPLACEMENT_MARK.codePointAt(0)!)).toBe(true);
    expect(toPrintable('\u2615\ufe0f')).toBe('□'); // ☕️ = U+2615 + VS16: one mark, not two
    expect(toPrintable('커피\u2615\ufe0f 2잔')).toBe('커피□ 2잔');
    expect(toPrintable('\u{1F468}\u200d\u{1F469}\u200d\u{1F467}')).toBe('□'); // a family emoji (ZWJ sequence)
    expect(toPrintable('\u{1F44D}\u{1F3FD}')).toBe('□'); // skin tone modifier belongs to its emoji
    expect(toPrintable('\u2665\ufe0e')).toBe('\u2665'); // ♥ is in KS X 1001; its text-style selector is dropped
    expect(toPrintable('葛\u{E0100}')).toBe('葛'); // an ideographic variation selector is dropped
    expect(toPrintable('A\ufe0fB')).toBe('AB');
  });

  it('issue 10: every dash maps to the KS X 1001 dash ― (A1AA)', () => {
    for (const d of ['\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212']) expect(toPrintable(`1${d}2`)).toBe('1―2');
    expect(isKsx1001('―'.codePointAt(0)!)).toBe(true);
    expect(encodeKsx1001(toPrintable('\u2013')).toString('hex')).toBe('a1aa');
  });
});
