/** 공급가액, 부가세, 면세 and a big 합계, from cartTotals (shared/domain). */
import { cartTotals } from '../../../../shared/domain/cart';
import { MoneyRows, vatRows } from '../../components/MoneyRows';
import { ErrorText } from '../../components/ErrorText';
import { useI18n } from '../../i18n/i18n';
import { cartOverLimit, type CartLine } from './cart-lines';

export function TotalsPanel({ lines }: { lines: readonly CartLine[] }) {
  const { t, krw } = useI18n();
  const x = cartTotals(lines);
  return (
    <section className="totals" aria-label={t('totals.total')}>
      <MoneyRows className="totals__grid" rows={vatRows(t, x, { supply: 'total-supply', vat: 'total-vat', taxFree: 'total-tax-free' })} />
      <div className="totals__total">
        <span>{t('totals.total')}</span>
        <output className="num" data-testid="total-amount" data-value={x.total} aria-live="polite">
          {krw(x.total)}
        </output>
      </div>
      <ErrorText code={cartOverLimit(lines) ? 'CART_OVER_LIMIT' : null} testId="cart-over-limit" />
    </section>
  );
}
