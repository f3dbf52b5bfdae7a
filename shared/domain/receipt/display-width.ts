/**
 * Column widths as a Korean receipt printer counts them, and East Asian width for the rest.
 * In double-byte mode every KS X 1001 character is printed full width (2 columns), including
 * symbols that Unicode calls "ambiguous" (·, ×, ①); ASCII is 1 column; ₩ is sent as 0x5C (1 column).
 * Text that went through `toPrintable` therefore has width = its EUC-KR byte count.
 */
import { isKsx1001, WON_SIGN } from './ksx1001';

function isWideEastAsian(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xa960 && cp <= 0xa97f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** Width of one code point: 0 (control, combining), 1 or 2 columns. */
export function charWidth(cp: number): 0 | 1 | 2 {
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (cp < 0x7f) return 1;
  if (cp === WON_SIGN.codePointAt(0)) return 1;
  if ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0x1160 && cp <= 0x11ff) || cp === 0x200b || (cp >= 0xfe00 && cp <= 0xfe0f)) return 0;
  if (isKsx1001(cp) || isWideEastAsian(cp)) return 2;
  return 1;
}

/** Display width of a string in printer columns. */
export function textWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) {
      w++;
      continue;
    }
    const cp = s.codePointAt(i)!;
    if (cp > 0xffff) i++;
    w += charWidth(cp);
  }
  return w;
}

/** The longest prefix of `s` that fits in `width` columns (a wide character never straddles the edge). */
export function fitWidth(s: string, width: number): { head: string; rest: string } {
  let w = 0;
  let i = 0;
  for (const ch of s) {
    const cw = charWidth(ch.codePointAt(0)!);
    if (w + cw > width) break;
    w += cw;
    i += ch.length;
  }
  return { head: s.slice(0, i), rest: s.slice(i) };
}

export function padEndWidth(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - textWidth(s)));
}

export function padStartWidth(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - textWidth(s))) + s;
}

export function centerWidth(s: string, width: number): string {
  const free = Math.max(0, width - textWidth(s));
  const left = Math.floor(free / 2);
  return ' '.repeat(left) + s + ' '.repeat(free - left);
}

/**
 * Wraps `s` to lines of at most `width` columns: breaks at spaces where it can, inside a word
 * (Korean has no hyphenation) where it must. Never returns an empty array.
 */
export function wrapWidth(s: string, width: number): string[] {
  if (width < 2) throw new RangeError('width must be at least 2 columns');
  const out: string[] = [];
  let rest = s.trim();
  while (textWidth(rest) > width) {
    const { head } = fitWidth(rest, width);
    const cut = head.lastIndexOf(' ');
    if (cut > 0 && rest[head.length] !== ' ') {
      out.push(head.slice(0, cut).trimEnd());
      rest = rest.slice(cut + 1).trimStart();
    } else {
      out.push(head.trimEnd());
      rest = rest.slice(head.length).trimStart();
    }
  }
  out.push(rest);
  return out;
}
