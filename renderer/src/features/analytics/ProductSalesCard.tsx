/**
 * Sales by product and by category (issue 12): quantity and net of refunds over the period, from the sale
 * lines' snapshots; it takes the place of the 업종-code chart. Used by 분석 and 정산.
 */
import { useEffect, useState } from 'react';
import type { ProductSales } from '../../../../shared/contract-catalog';
import { pos } from '../../api/pos';
import { useI18n } from '../../i18n/i18n';
import './product-sales.css';

const TOP = 10;

export function useProductSales(from: string, to: string, rev: string | number): ProductSales | null {
  const [answer, setAnswer] = useState<{ key: string; data: ProductSales } | null>(null);
  const key = `${from}|${to}|${rev}`;
  useEffect(() => {
    let alive = true;
    pos.getProductSales({ from, to }).then(
      (d) => alive && setAnswer({ key, data: d }),
      () => undefined, // the period's other figures show their own error
    );
    return () => {
      alive = false;
    };
  }, [from, to, key]);
  return answer?.data ?? null;
}

export function ProductSalesCard({ sales }: { sales: ProductSales | null }) {
  const { t, krw } = useI18n();
  const top = sales?.byProduct.slice(0, TOP) ?? [];
  const max = Math.max(1, ...top.map((p) => p.net));
  return (
    <section className="analytics__card psales" aria-label={t('sales.byProduct')}>
      <h3 className="analytics__card-title">{t('sales.byProduct')}</h3>
      {sales && sales.byProduct.length === 0 && <p className="muted">{t('sales.none')}</p>}
      <table className="psales__table" data-testid="sales-by-product">
        <thead>
          <tr>
            <th>{t('sales.product')}</th>
            <th className="num">{t('sales.quantity')}</th>
            <th className="num">{t('sales.net')}</th>
          </tr>
        </thead>
        <tbody>
          {top.map((p) => (
            <tr key={`${p.productId ?? 'n'}:${p.name}`} data-testid="sales-product-row" data-net={p.net}>
              <td>
                <span className="psales__bar" style={{ width: `${Math.round((p.net / max) * 100)}%` }} aria-hidden="true" />
                <span className="psales__name">{p.productId === null ? `${p.name} ${t('sales.typed')}` : p.name}</span>
              </td>
              <td className="num">{p.quantity}</td>
              <td className="num">{krw(p.net)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="analytics__card-title">{t('sales.byCategory')}</h3>
      <table className="psales__table" data-testid="sales-by-category">
        <tbody>
          {(sales?.byCategory ?? []).map((c) => (
            <tr key={c.categoryId ?? 'none'} data-testid="sales-category-row" data-net={c.net}>
              <td>{c.categoryId === null ? t('catalog.noCategory') : c.name}</td>
              <td className="num">{c.quantity}</td>
              <td className="num">{krw(c.net)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
