import { describe, expect, it } from 'vitest';
import { formatSeoulDateTime, isOneqDateTime, parseOneqDateTime, seoulDay, seoulDayRangeUtc, toOneqDateTime } from '../../shared/domain/time';

describe('Seoul time helpers', () => {
  it('formats a UTC instant as the OneQ Pay Seoul wall clock and back', () => {
    const d = new Date('2016-11-15T12:18:22Z');
    expect(toOneqDateTime(d)).toBe('2016.11.15 21:18:22');
    expect(parseOneqDateTime('2016.11.15 21:18:22').toISOString()).toBe('2016-11-15T12:18:22.000Z');
  });
  it.each(['2026.13.40 25:00:00', '2026.02.30 10:00:00', '0000.01.01 00:00:00', '1969.12.31 23:59:59', '2026-11-22 10:00:00', '', '2026.11.22 10:00'])('rejects %j without throwing', (s) => {
    expect(isOneqDateTime(s)).toBe(false);
  });
  it('puts late-evening UTC on the next Seoul day', () => {
    expect(seoulDay(new Date('2026-11-22T15:30:00Z'))).toBe('2026-11-23');
    expect(seoulDayRangeUtc('2026-11-23')).toEqual({ start: '2026-11-22T15:00:00.000Z', end: '2026-11-23T15:00:00.000Z' });
    expect(formatSeoulDateTime('2026-11-22T15:30:00.000Z')).toBe('2026-11-23 00:30:00');
    expect(formatSeoulDateTime('nonsense')).toBe('');
  });
});
