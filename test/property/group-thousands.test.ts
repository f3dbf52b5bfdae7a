/**
 * groupThousands (issue 15: money formatting without ICU on the renderer's start path) agrees with ICU's
 * en-US grouping — the formatter it replaces — for every safe integer, and keeps ICU for fractions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatKrw, groupThousands } from '../../shared/domain/money';

describe('groupThousands', () => {
  it('equals toLocaleString("en-US") for any safe integer', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), fc.maxSafeInteger(), fc.constantFrom(0, 999, 1000, -1000, 100_000_000, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER)), (n) => {
        expect(groupThousands(n)).toBe(n.toLocaleString('en-US'));
      }),
      { numRuns: 20_000, seed: 20261204 },
    );
  });
  it('never writes "-0" (ICU does)', () => {
    expect(groupThousands(-0)).toBe('0');
  });
  it('falls back to ICU for a fraction', () => {
    expect(groupThousands(1234.5)).toBe('1,234.5');
  });
  it('formats won as before', () => {
    expect(formatKrw(23_500)).toBe('23,500원');
    expect(formatKrw(-1_000, 'en')).toBe('-₩1,000');
  });
});
