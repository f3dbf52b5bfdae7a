/**
 * Rows of amounts (label … amount), the one component for 공급가액/부가세/면세/합계 and the like on the
 * checkout totals, the payment detail and the settlement: same alignment, same won formatting everywhere.
 */
import { Fragment } from 'react';
import { useI18n, type MessageKey } from '../i18n/i18n';
import './money-rows.css';

export interface MoneyRow {
  label: string;
  /** The amount in won; or `text`, an already-formatted figure in the same column (a time, a count, an order id). */
  amount?: number;
  text?: string;
  testId?: string;
  /** mono: an identifier (order id) in the fixed-width face */
  mono?: boolean;
  /** total: a rule above, bold; minus: a cancelled amount (shown negative, in red) */
  tone?: 'total' | 'minus';
}

export function MoneyRows({ rows, className, testId }: { rows: readonly MoneyRow[]; className?: string; testId?: string }) {
  const { krw } = useI18n();
  return (
    <dl className={`money-rows ${className ?? ''}`} data-testid={testId}>
      {rows.map((r) => (
        <Fragment key={r.label}>
          <dt className={r.tone ? `money-rows__${r.tone}` : undefined}>{r.label}</dt>
          <dd className={`${r.mono ? 'mono' : 'num'} ${r.tone ? `money-rows__${r.tone}` : ''}`} data-testid={r.testId}>
            {r.text ?? krw(r.tone === 'minus' ? -(r.amount ?? 0) : (r.amount ?? 0))}
          </dd>
        </Fragment>
      ))}
    </dl>
  );
}

/** 공급가액, 부가세, 면세: the VAT split every money summary starts with; `ids` name their test ids. */
export function vatRows(t: (k: MessageKey) => string, x: { supply: number; vat: number; taxFree: number }, ids: { supply: string; vat: string; taxFree: string }): MoneyRow[] {
  return [
    { label: t('totals.supply'), amount: x.supply, testId: ids.supply },
    { label: t('totals.vat'), amount: x.vat, testId: ids.vat },
    { label: t('totals.taxFree'), amount: x.taxFree, testId: ids.taxFree },
  ];
}
