import { describe, expect, it } from 'vitest';
import { ImeDuplicateFilter, ScanBurst } from '../../renderer/src/features/scan/scan-burst';
import { SCAN_MAX_GAP_MS, SCAN_MIN_LENGTH } from '../../renderer/src/features/scan/wedge-config';

function typeInto(b: ScanBurst, text: string, gapMs: number, start = 1000): number {
  let t = start;
  for (const ch of text) {
    b.char(ch, t);
    t += gapMs;
  }
  return t - gapMs;
}

describe('ScanBurst', () => {
  const qr = 'ONEQ1.ABCDEFGHJKMNPQRSAA';
  it('takes a fast burst ending in a suffix as a scan', () => {
    const b = new ScanBurst();
    const last = typeInto(b, qr, 8);
    expect(b.suffix(last + 8)).toBe(qr);
  });
  it('ignores human typing (gaps above the threshold)', () => {
    const b = new ScanBurst();
    const last = typeInto(b, qr, SCAN_MAX_GAP_MS + 60);
    expect(b.suffix(last + 20)).toBeNull();
  });
  it('needs the minimum length', () => {
    const b = new ScanBurst();
    const short = 'A'.repeat(SCAN_MIN_LENGTH - 1);
    expect(b.suffix(typeInto(b, short, 5) + 5)).toBeNull();
    expect(b.suffix(typeInto(b, `${short}B`, 5, 5000) + 5)).toBe(`${short}B`);
  });
  it('keeps only the burst after a pause (slow keys before a scan are not part of it)', () => {
    const b = new ScanBurst();
    b.char('x', 0);
    b.char('y', 300);
    const last = typeInto(b, qr, 10, 1000);
    expect(b.suffix(last + 10)).toBe(qr);
  });
  it('a suffix long after the burst is not a scan', () => {
    const b = new ScanBurst();
    const last = typeInto(b, qr, 5);
    expect(b.suffix(last + 500)).toBeNull();
  });
  it('reports whether a key continues a burst, and its length', () => {
    const b = new ScanBurst();
    expect(b.char('a', 0)).toBe(false);
    expect(b.char('b', 10)).toBe(true);
    expect(b.length).toBe(2);
    expect(b.char('c', 200)).toBe(false);
    expect(b.length).toBe(1);
  });
});

describe('ImeDuplicateFilter', () => {
  it('drops the IME duplicate of one key press, in either order', () => {
    const f = new ImeDuplicateFilter();
    expect(f.accept({ code: 'KeyO', key: 'ㅐ' }, 100)).toBe(true);
    expect(f.accept({ code: 'KeyO', key: 'Process', keyCode: 229 }, 101)).toBe(false);
    const g = new ImeDuplicateFilter();
    expect(g.accept({ code: 'KeyO', key: 'Process', keyCode: 229 }, 100)).toBe(true);
    expect(g.accept({ code: 'KeyO', key: 'o' }, 102)).toBe(false);
  });
  it('keeps a repeated character when the key was released in between', () => {
    const f = new ImeDuplicateFilter();
    expect(f.accept({ code: 'KeyO', keyCode: 229 }, 100)).toBe(true);
    f.keyUp('KeyO');
    expect(f.accept({ code: 'KeyO', keyCode: 229 }, 105)).toBe(true);
  });
  it('keeps ordinary keys and distinct keys', () => {
    const f = new ImeDuplicateFilter();
    expect(f.accept({ code: 'KeyA', key: 'a' }, 0)).toBe(true);
    expect(f.accept({ code: 'KeyB', key: 'b', keyCode: 229 }, 1)).toBe(true);
    expect(f.accept({ code: 'KeyA', key: 'a' }, 2)).toBe(true);
  });
});
