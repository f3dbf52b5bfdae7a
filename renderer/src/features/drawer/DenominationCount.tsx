/**
 * Cash counted by denomination (50,000 … 10), one component for 개점 (the float) and 마감 (the close
 * count): a small number field per note and coin, the total beside, and — given the expected cash of the
 * session — the live over/short. A count that is not a whole number ≥ 0 shows no total.
 */
import { countTotal, DENOMINATIONS, type DenominationCounts } from '../../../../shared/domain/cash/drawer-cash';
import { useI18n } from '../../i18n/i18n';

export interface DenominationCountProps {
  counts: Record<string, string>;
  onChange: (c: Record<string, string>) => void;
  invalid: boolean;
  /** Test id prefix of the figures: `float` (개점) or `close` (마감). */
  testPrefix: 'float' | 'close';
  /** 마감: the session's expected cash, for 예상 현금 and 과부족. */
  expected?: number;
}

export function DenominationCount({ counts, onChange, invalid, testPrefix, expected }: DenominationCountProps) {
  const { t, krw } = useI18n();
  const parsed = parseCounts(counts);
  const counted = parsed ? countTotal(parsed) : null;
  const diff = counted === null || expected === undefined ? null : counted - expected;
  return (
    <>
      <div className="count-grid" data-testid="count-grid">
        {DENOMINATIONS.map((d, i) => (
          <label key={d} className="count-grid__cell">
            <span>{krw(d)}</span>
            <input
              inputMode="numeric"
              data-testid={`count-${d}`}
              {...(i === 0 ? { 'data-autofocus': true } : {})}
              aria-invalid={invalid && !/^\d*$/.test(counts[d] ?? '') ? true : undefined}
              value={counts[d] ?? ''}
              onChange={(e) => onChange({ ...counts, [d]: e.target.value.trim() })}
            />
          </label>
        ))}
      </div>
      <dl className="drawer-figures">
        {expected !== undefined && (
          <>
            <dt>{t('drawer.expected')}</dt>
            <dd className="num" data-testid={`${testPrefix}-expected`}>
              {krw(expected)}
            </dd>
          </>
        )}
        <dt>{t(expected === undefined ? 'drawer.float' : 'drawer.counted')}</dt>
        <dd className="num" data-testid={`${testPrefix}-counted`}>
          {counted === null ? '—' : krw(counted)}
        </dd>
        {expected !== undefined && (
          <>
            <dt>{t('drawer.overShort')}</dt>
            <dd className={`num ${diff !== null && diff < 0 ? 'is-bad' : ''}`} data-testid={`${testPrefix}-over-short`}>
              {diff === null ? '—' : `${diff > 0 ? '+' : ''}${krw(diff)}`}
            </dd>
          </>
        )}
      </dl>
    </>
  );
}

/** Typed counts → numbers; null when one is not a whole number ≥ 0 (a negative count is refused here too). */
export function parseCounts(counts: Record<string, string>): DenominationCounts | null {
  const out: DenominationCounts = {};
  for (const d of DENOMINATIONS) {
    const s = (counts[d] ?? '').trim();
    if (s === '') continue;
    if (!/^\d{1,6}$/.test(s)) return null;
    out[`${d}`] = Number(s);
  }
  return out;
}
