/** A day's figures: net, sales and cancels, by method, VAT split, the day's counts and first/last time. */
import type { Settlement } from '../../../../shared/contract';
import { MoneyRows, vatRows } from '../../components/MoneyRows';
import { useI18n } from '../../i18n/i18n';
import { methodText, seoulTime } from '../history/history-model';

export function SettlementFigures({ settlement }: { settlement: Settlement }) {
  const { t, krw } = useI18n();
  const r = settlement.report;
  const minus = (n: number) => krw(n === 0 ? 0 : -n);
  return (
    <div className="settlement-figures" data-testid="settlement-figures">
      <div className="settlement-tiles">
        <div className="settlement-tile settlement-tile--net">
          <span className="settlement-tile__label">{t('settlement.net')}</span>
          <strong className="num" data-testid="settlement-net">
            {krw(r.net.amount)}
          </strong>
        </div>
        <div className="settlement-tile">
          <span className="settlement-tile__label">{t('settlement.sales')}</span>
          <strong className="num" data-testid="settlement-sales-amount">
            {krw(r.sales.amount)}
          </strong>
          <span className="num muted" data-testid="settlement-sales-count">
            {t('settlement.countValue', { count: r.sales.count })}
          </span>
        </div>
        <div className="settlement-tile settlement-tile--cancel">
          <span className="settlement-tile__label">{t('settlement.cancels')}</span>
          <strong className="num" data-testid="settlement-cancel-amount">
            {minus(r.cancels.amount)}
          </strong>
          <span className="num muted" data-testid="settlement-cancel-count">
            {t('settlement.cancelCounts', { count: r.cancels.count, full: r.cancels.fullCount, partial: r.cancels.count - r.cancels.fullCount })}
          </span>
        </div>
      </div>

      <section className="detail-card" aria-labelledby="settlement-methods">
        <h2 className="detail-card__title" id="settlement-methods">
          {t('settlement.byMethod')}
        </h2>
        <table className="settlement-methods" data-testid="settlement-methods">
          <thead>
            <tr>
              <th scope="col">{t('result.method')}</th>
              <th scope="col" className="num">
                {t('settlement.salesCount')}
              </th>
              <th scope="col" className="num">
                {t('settlement.salesAmount')}
              </th>
              <th scope="col" className="num">
                {t('settlement.cancelCount')}
              </th>
              <th scope="col" className="num">
                {t('settlement.cancelAmount')}
              </th>
              <th scope="col" className="num">
                {t('settlement.net')}
              </th>
            </tr>
          </thead>
          <tbody>
            {r.byMethod.length === 0 && (
              <tr>
                <td colSpan={6} className="muted settlement-methods__empty" data-testid="settlement-no-sales">
                  {t('settlement.noSales')}
                </td>
              </tr>
            )}
            {r.byMethod.map((m) => (
              <tr key={m.methodType ?? '-'} data-testid="settlement-method" data-method={m.methodType ?? ''}>
                <td>{methodText(m.methodType, t)}</td>
                <td className="num">{m.salesCount}</td>
                <td className="num">{krw(m.salesAmount)}</td>
                <td className="num">{m.cancelCount}</td>
                <td className="num">{minus(m.cancelAmount)}</td>
                <td className="num settlement-methods__net">{krw(m.net)}</td>
              </tr>
            ))}
          </tbody>
          {r.byMethod.length > 1 && (
            <tfoot>
              <tr>
                <th scope="row">{t('totals.total')}</th>
                <td className="num">{r.sales.count}</td>
                <td className="num">{krw(r.sales.amount)}</td>
                <td className="num">{r.cancels.count}</td>
                <td className="num">{minus(r.cancels.amount)}</td>
                <td className="num settlement-methods__net">{krw(r.net.amount)}</td>
              </tr>
            </tfoot>
          )}
        </table>
      </section>

      <div className="settlement-pair">
        <section className="detail-card" aria-labelledby="settlement-vat">
          <h2 className="detail-card__title" id="settlement-vat">
            {t('settlement.vatTitle')}
          </h2>
          <MoneyRows
            className="detail-totals"
            testId="settlement-vat"
            rows={[...vatRows(t, r.net, { supply: 'settlement-supply', vat: 'settlement-vat-amount', taxFree: 'settlement-tax-free' }), { label: t('settlement.net'), amount: r.net.amount, tone: 'total' }]}
          />
        </section>
        <section className="detail-card" aria-labelledby="settlement-day">
          <h2 className="detail-card__title" id="settlement-day">
            {t('settlement.dayTitle')}
          </h2>
          <MoneyRows
            className="detail-totals"
            testId="settlement-counts"
            rows={[
              { label: t('settlement.firstAt'), text: r.firstAt ? seoulTime(r.firstAt) : '-' },
              { label: t('settlement.lastAt'), text: r.lastAt ? seoulTime(r.lastAt) : '-' },
              { label: t('settlement.failed'), text: t('settlement.countValue', { count: r.payments.failed }), testId: 'settlement-failed' },
              { label: t('settlement.unfinished'), text: t('settlement.countValue', { count: r.payments.unknown + r.payments.inProgress }) },
            ]}
          />
        </section>
      </div>
    </div>
  );
}
