/** 공급가액, 부가세, 면세 and a big 합계, from cartTotals (shared/domain). */
import { cartTotals } from '../../../../shared/domain/cart';
import { ErrorText } from '../../components/ErrorText';
import { useI18n } from '../../i18n/i18n';
import { cartOverLimit, type CartLine } from './cart-lines';

export function TotalsPanel({ lines }: { lines: readonly CartLine[] }) {
  const { t, krw } = useI18n();
  const x = cartTotals(lines);
  return (
    <section className="totals" aria-label={t('totals.total')}>
      <dl className="totals__grid">
        <dt>{t('totals.supply')}</dt>
        <dd className="num" data-testid="total-supply">
          {krw(x.supply)}
        </dd>
        <dt>{t('totals.vat')}</dt>
        <dd className="num" data-testid="total-vat">
          {krw(x.vat)}
        </dd>
        <dt>{t('totals.taxFree')}</dt>
        <dd className="num" data-testid="total-tax-free">
          {krw(x.taxFree)}
        </dd>
      </dl>
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
