import { describe, expect, it } from 'vitest';
import { centerWidth, charWidth, fitWidth, padEndWidth, padStartWidth, textWidth, wrapWidth } from '../../shared/domain/receipt/display-width';

describe('display width (printer columns)', () => {
  it('counts Hangul, CJK, fullwidth and KS X 1001 symbols as 2 and ASCII as 1', () => {
    expect(textWidth('ABC 123')).toBe(7);
    expect(textWidth('가나다')).toBe(6);
    expect(textWidth('아메리카노 (ICE)')).toBe(16);
    expect(textWidth('漢字')).toBe(4);
    expect(textWidth('ＡＢ')).toBe(4);
    expect(textWidth('ㄸㅗㅁ')).toBe(6);
    // KS X 1001 symbols are printed full width in double-byte mode, though Unicode calls them ambiguous
    expect(textWidth('·×①')).toBe(6);
    expect(textWidth('\u20a91,000')).toBe(6); // ₩ goes out as 0x5C under ESC R 13: 1 column
    expect(charWidth(0x0301)).toBe(0);
    expect(charWidth(0x0a)).toBe(0);
  });

  it('pads, centers and fits by width, never splitting a wide character', () => {
    expect(padEndWidth('합계', 6)).toBe('합계  ');
    expect(padStartWidth('합계', 6)).toBe('  합계');
    expect(centerWidth('가', 7)).toBe('  가   ');
    expect(fitWidth('가나다', 5)).toEqual({ head: '가나', rest: '다' });
    expect(fitWidth('A가', 2)).toEqual({ head: 'A', rest: '가' });
  });

  it('wraps mixed Korean/ASCII at spaces, inside words only when it must', () => {
    const lines = wrapWidth('서울특별시 강남구 테헤란로 123 4층', 16);
    expect(lines).toEqual(['서울특별시', '강남구 테헤란로', '123 4층']);
    for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(16);
    expect(wrapWidth('가나다라마바사아자차', 7)).toEqual(['가나다', '라마바', '사아자', '차']);
    expect(wrapWidth('', 10)).toEqual(['']);
  });
});
