/** Analytics periods on the Seoul calendar: presets around Seoul midnight, month starts, day counts. */
import { describe, expect, it } from 'vitest';
import { analyticsInputSchema } from '../../shared/contract';
import { addDays, periodDays, presetOf, presetPeriod } from '../../renderer/src/features/analytics/analytics-period';

describe('analytics periods', () => {
  it('uses the Seoul day: 23:59 UTC on the 31st is already the 1st in Seoul', () => {
    const now = new Date('2024-01-31T15:30:00Z'); // 2024-02-01 00:30 in Seoul
    expect(presetPeriod('today', now)).toEqual({ from: '2024-02-01', to: '2024-02-01' });
    expect(presetPeriod('month', now)).toEqual({ from: '2024-02-01', to: '2024-02-01' });
    expect(presetPeriod('7d', now)).toEqual({ from: '2024-01-26', to: '2024-02-01' });
    expect(presetPeriod('30d', now)).toEqual({ from: '2024-01-03', to: '2024-02-01' });
    expect(presetPeriod('today', new Date('2024-01-31T14:59:59Z'))).toEqual({ from: '2024-01-31', to: '2024-01-31' });
  });

  it('adds days across months and leap days; counts both ends', () => {
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(periodDays({ from: '2024-02-01', to: '2024-02-01' })).toBe(1);
    expect(periodDays(presetPeriod('30d', new Date('2024-03-10T03:00:00Z')))).toBe(30);
  });

  it('knows which preset a period is, and every preset passes the contract', () => {
    const now = new Date('2024-05-20T03:00:00Z');
    for (const p of ['today', '7d', '30d', 'month'] as const) {
      expect(presetOf(presetPeriod(p, now), now)).toBe(p);
      expect(analyticsInputSchema.safeParse(presetPeriod(p, now)).success).toBe(true);
    }
    expect(presetOf({ from: '2024-05-02', to: '2024-05-03' }, now)).toBeNull();
  });
});
