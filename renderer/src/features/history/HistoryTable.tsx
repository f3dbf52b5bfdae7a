import type { Payment } from '../../../../shared/contract';
import { useI18n } from '../../i18n/i18n';
import { outcomeOf } from '../checkout/payment-view';
import { seoulTime, statusLabelKey } from './history-model';

interface HistoryTableProps {
  list: readonly Payment[];
  checking: number | null;
  onRecheck: (id: number) => void;
}

export function HistoryTable({ list, checking, onRecheck }: HistoryTableProps) {
  const { t, krw } = useI18n();
  return (
    <div className="table-wrap">
      <table className="history__table">
        <thead>
          <tr>
            <th scope="col">{t('history.time')}</th>
            <th scope="col">{t('history.orderId')}</th>
            <th scope="col">{t('history.item')}</th>
            <th scope="col" className="num">
              {t('history.amount')}
            </th>
            <th scope="col">{t('history.status')}</th>
            <th scope="col">{t('history.tid')}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((p) => {
            const outcome = outcomeOf(p);
            return (
              <tr key={p.id} data-testid="history-row" data-status={p.status} data-id={p.id}>
                <td className="num history__time">{seoulTime(p.createdAt)}</td>
                <td className="mono">{p.orderId}</td>
                <td className="history__item">{p.itemName}</td>
                <td className="num history__amount">{krw(p.amount)}</td>
                <td>
                  <span className={`badge badge--${outcome}`} title={p.error ? p.error.code : undefined}>
                    {t(statusLabelKey(p))}
                  </span>
                  {outcome === 'unknown' && (
                    <button type="button" className="btn btn--small" disabled={checking === p.id} onClick={() => onRecheck(p.id)}>
                      {t('history.recheck')}
                    </button>
                  )}
                </td>
                <td className="mono">{p.tid && outcome === 'approved' ? p.tid : '-'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
