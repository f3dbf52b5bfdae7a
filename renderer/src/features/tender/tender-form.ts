/** Pure helpers of the tender screen: typed amounts, quick keys, change. */
import { MAX_PAYMENT_KRW } from '../../../../shared/domain/money';

export type AmountParse = { ok: true; value: number } | { ok: false; code: 'CASH_AMOUNT_INVALID' };

/** "12,000" / "12000" / "12000원" → 12000; empty, fractions, negatives, letters or > 1억 are refused. */
export function parseAmount(text: string): AmountParse {
  const s = text.replace(/[,\s원₩]/g, '');
  if (!/^\d{1,9}$/.test(s)) return { ok: false, code: 'CASH_AMOUNT_INVALID' };
  const n = Number(s);
  return n >= 1 && n <= MAX_PAYMENT_KRW ? { ok: true, value: n } : { ok: false, code: 'CASH_AMOUNT_INVALID' };
}

/** Quick keys: exact, the next 10,000 or 50,000 at or above the amount. */
export function quickAmount(kind: 'exact' | '10k' | '50k', due: number): number {
  if (kind === 'exact') return due;
  const unit = kind === '10k' ? 10_000 : 50_000;
  return Math.max(unit, Math.ceil(due / unit) * unit);
}

export function changeFor(received: number | null, amount: number): number | null {
  return received === null || received < amount ? null : received - amount;
}
