/** Today as a Seoul calendar day (YYYY-MM-DD), for period queries in tests. */
export function todaySeoul(now = new Date()): string {
  return new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}
