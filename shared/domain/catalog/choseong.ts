/**
 * 초성 search (design.md §6): a syllable's choseong is (code − 0xAC00) / 588 into the 19 initial consonants.
 * Typed jamo match the name's choseong, typed syllables match the name itself, Latin letters match the
 * product's ASCII alias; all by substring (a prefix is a substring at 0, ranked first).
 *
 * Written here rather than taken from es-hangul (Toss, MIT, well kept): the part we need is the one formula
 * above plus the compatibility-jamo table, ~30 lines; es-hangul's getChoseong does the same and would add a
 * dependency to the renderer bundle for it.
 */
const CHOSEONG = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
const SYLLABLE_FIRST = 0xac00;
const SYLLABLE_LAST = 0xd7a3;

/** The initial consonant of one precomposed syllable, or null for anything else. */
export function choseongOf(ch: string): string | null {
  const c = ch.codePointAt(0) ?? 0;
  if (c < SYLLABLE_FIRST || c > SYLLABLE_LAST) return null;
  return CHOSEONG[Math.floor((c - SYLLABLE_FIRST) / 588)]!;
}

/** Each syllable → its choseong; everything else (Latin, digits, jamo, spaces) as it is. "아메리카노" → "ㅇㅁㄹㅋㄴ". */
export function choseong(s: string): string {
  let out = '';
  for (const ch of s) out += choseongOf(ch) ?? ch;
  return out;
}

/** A query made only of initial consonants (ㄱ…ㅎ, incl. ㄲㄸㅃㅆㅉ) and spaces. */
export function isChoseongQuery(q: string): boolean {
  return q.length > 0 && [...q].every((ch) => CHOSEONG.includes(ch) || ch === ' ');
}

/** NFC, lower case, no spaces: "Ice Americano" → "iceamericano". */
export function normalizeSearch(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/\s+/g, '');
}

/**
 * How well `query` matches a product (name + ASCII alias): 0 = no match, higher is better
 * (3: name prefix, 2: name substring or choseong prefix, 1: choseong substring or alias).
 * A mixed query ("아ㅁ", "ㅇ메") matches position by position: a typed syllable must equal the name's
 * syllable, a typed jamo its choseong — which is what an IME shows while a syllable is being composed.
 */
export function matchScore(query: string, name: string, alias = ''): number {
  const q = normalizeSearch(query);
  if (q === '') return 0;
  const n = normalizeSearch(name);
  const idx = n.indexOf(q);
  if (idx === 0) return 3;
  if (idx > 0) return 2;
  const at = mixedIndex(q, n);
  if (at === 0) return 2;
  if (at > 0) return 1;
  const a = normalizeSearch(alias);
  if (a !== '' && a.split(/[,;/|]/).some((part) => part !== '' && part.includes(q))) return 1;
  return 0;
}

/** Where the query matches the name position by position (syllable = syllable, jamo = choseong), or -1. */
function mixedIndex(q: string, n: string): number {
  const qs = [...q];
  const ns = [...n];
  for (let start = 0; start + qs.length <= ns.length; start++) {
    let ok = true;
    for (let i = 0; i < qs.length && ok; i++) {
      const typed = qs[i]!;
      const have = ns[start + i]!;
      ok = typed === have || (CHOSEONG.includes(typed) && choseongOf(have) === typed);
    }
    if (ok) return start;
  }
  return -1;
}

/** The items that match, best first (ties keep their order). */
export function searchByName<T>(items: readonly T[], query: string, key: (t: T) => { name: string; alias?: string }): T[] {
  const scored: { t: T; s: number; i: number }[] = [];
  items.forEach((t, i) => {
    const k = key(t);
    const s = matchScore(query, k.name, k.alias ?? '');
    if (s > 0) scored.push({ t, s, i });
  });
  return scored.sort((a, b) => b.s - a.s || a.i - b.i).map((x) => x.t);
}
