/** Counts by denomination (50,000 … 10): one small number field each, the total beside. */
import { DENOMINATIONS, type DenominationCounts } from '../../../../shared/domain/cash/drawer-cash';
import { useI18n } from '../../i18n/i18n';

export function CountGrid({ counts, onChange, invalid }: { counts: Record<string, string>; onChange: (c: Record<string, string>) => void; invalid: boolean }) {
  const { krw } = useI18n();
  return (
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
