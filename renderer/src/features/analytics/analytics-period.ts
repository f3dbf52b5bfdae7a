/** The analytics periods: Seoul days, both ends included, from the presets or typed dates. Pure. */
import { seoulDay } from '../../../../shared/domain/time';

export const PRESETS = ['today', '7d', '30d', 'month'] as const;
export type Preset = (typeof PRESETS)[number];
export interface Period {
  from: string;
  to: string;
}

/** "YYYY-MM-DD" plus n calendar days (n may be negative). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** 오늘, 최근 7일, 최근 30일 (today included), 이번 달 (the 1st to today), on the Seoul calendar. */
export function presetPeriod(p: Preset, now: Date = new Date()): Period {
  const today = seoulDay(now);
  switch (p) {
    case 'today':
      return { from: today, to: today };
    case '7d':
      return { from: addDays(today, -6), to: today };
    case '30d':
      return { from: addDays(today, -29), to: today };
    case 'month':
      return { from: `${today.slice(0, 8)}01`, to: today };
  }
}

/** Which preset a period is (for the pressed button), or null for a typed one. */
export function presetOf(p: Period, now: Date = new Date()): Preset | null {
  return PRESETS.find((x) => {
    const q = presetPeriod(x, now);
    return q.from === p.from && q.to === p.to;
  }) ?? null;
}

/** Number of days in the period (1 for a single day). */
export function periodDays(p: Period): number {
  return Math.round((Date.parse(p.to) - Date.parse(p.from)) / 86_400_000) + 1;
}
