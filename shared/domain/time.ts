/** Times are stored as UTC ISO-8601 and shown in Asia/Seoul (UTC+9, no daylight saving). */
const SEOUL_OFFSET_MS = 9 * 3600_000;

function seoulParts(d: Date) {
  const s = new Date(d.getTime() + SEOUL_OFFSET_MS).toISOString(); // shifted wall clock
  return { date: s.slice(0, 10), time: s.slice(11, 19) };
}

/** "2016.11.15 21:18:22": the date-time format of the OneQ Pay API (Seoul wall clock). */
export function toOneqDateTime(d: Date): string {
  const { date, time } = seoulParts(d);
  return `${date.replaceAll('-', '.')} ${time}`;
}

const ONEQ_RE = /^(\d{4})\.(\d{2})\.(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
export function isOneqDateTime(s: string): boolean {
  return ONEQ_RE.test(s) && !Number.isNaN(parseOneqDateTime(s).getTime());
}
/** Parses the OneQ Pay format as Seoul time; an impossible value gives an invalid Date. */
export function parseOneqDateTime(s: string): Date {
  const m = ONEQ_RE.exec(s);
  // a transaction time before 1970 (e.g. "0000.01.01 00:00:00") is not one: its ISO form is not even YYYY-…
  if (!m || Number(m[1]) < 1970) return new Date(NaN);
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+09:00`);
  if (Number.isNaN(d.getTime())) return d;
  return toOneqDateTime(d) === s ? d : new Date(NaN); // rejects 02.30 and the like, which Date would roll over
}

/** The Seoul calendar day ("YYYY-MM-DD") an instant falls on. */
export function seoulDay(d: Date): string {
  return seoulParts(d).date;
}

/** UTC ISO bounds [start, end) of a Seoul calendar day. */
export function seoulDayRangeUtc(day: string): { start: string; end: string } {
  const start = new Date(`${day}T00:00:00+09:00`);
  const end = new Date(start.getTime() + 86_400_000);
  return { start: start.toISOString(), end: end.toISOString() };
}

/** "2026-11-22 21:18:22" in Seoul: for screens and receipts. */
export function formatSeoulDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const { date, time } = seoulParts(d);
  return `${date} ${time}`;
}

/** "2026-11-22T21:18:22+09:00": Seoul wall clock with its offset written out (CSV, exports). */
export function formatSeoulIsoOffset(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const { date, time } = seoulParts(d);
  return `${date}T${time}+09:00`;
}

/** The Seoul day `n` days after `day` (n may be negative). */
export function addSeoulDays(day: string, n: number): string {
  return seoulDay(new Date(Date.parse(seoulDayRangeUtc(day).start) + n * 86_400_000));
}
