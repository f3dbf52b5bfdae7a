/** The history rows: ↑/↓ move between rows, Enter (or a click) opens the detail; unknown rows have 확인. */
import { useRef, type KeyboardEvent } from 'react';
import type { HistoryRow } from '../../../../shared/contract';
import { useI18n } from '../../i18n/i18n';
import { methodText, seoulShortDateTime, seoulTime, STATE_BADGE, STATE_LABEL } from './history-model';

interface HistoryTableProps {
  rows: readonly HistoryRow[];
  /** Show the date with the time (the range spans more than one day). */
  withDate: boolean;
  checking: number | null;
  onOpen: (id: number) => void;
  onRecheck: (id: number) => void;
}

export function HistoryTable({ rows, withDate, checking, onOpen, onRecheck }: HistoryTableProps) {
  const { t, krw, err } = useI18n();
  const body = useRef<HTMLTableSectionElement>(null);
  const onKey = (e: KeyboardEvent<HTMLTableRowElement>, id: number) => {
    if (e.target !== e.currentTarget) return; // a button in the row
    if (e.key === 'Enter') {
      e.preventDefault();
      onOpen(id);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = (e.key === 'ArrowDown' ? e.currentTarget.nextElementSibling : e.currentTarget.previousElementSibling) as HTMLElement | null;
      next?.focus();
    }
  };
  return (
    <div className="table-wrap">
      <table className="history__table">
        <thead>
          <tr>
            <th scope="col">{t('history.time')}</th>
            <th scope="col" className="history__order">{t('history.orderId')}</th>
            <th scope="col">{t('history.item')}</th>
            <th scope="col" className="num">
              {t('history.amount')}
            </th>
            <th scope="col" className="num">
              {t('history.refunded')}
            </th>
            <th scope="col">{t('history.status')}</th>
            <th scope="col">{t('result.method')}</th>
            <th scope="col">{t('history.tid')}</th>
          </tr>
        </thead>
        <tbody ref={body}>
          {rows.map((r) => {
            const charged = r.status === 'approved';
            return (
              <tr key={r.id} tabIndex={0} className="history__row" data-testid="history-row" data-status={r.status} data-state={r.state} data-id={r.id} onClick={() => onOpen(r.id)} onKeyDown={(e) => onKey(e, r.id)}>
                <td className="num history__time">{withDate ? seoulShortDateTime(r.createdAt) : seoulTime(r.createdAt)}</td>
                <td className="mono history__order">{r.orderId}</td>
                <td className="history__item" title={r.itemName}>
                  {r.itemName}
                </td>
                <td className="num history__amount">{krw(r.amount)}</td>
                <td className="num history__refunded">{r.refundedAmount > 0 ? krw(-r.refundedAmount) : ''}</td>
                <td className="history__state">
                  <span className={`badge badge--${STATE_BADGE[r.state]}`} title={r.errorCode ? err(r.errorCode) : undefined}>
                    {t(STATE_LABEL[r.state])}
                  </span>
                  {r.state === 'unknown' && (
                    <button
                      type="button"
                      className="btn btn--small"
                      data-testid="history-recheck"
                      disabled={checking === r.id}
                      onClick={(e) => {
                        e.stopPropagation();
                        onRecheck(r.id);
                      }}
                    >
                      {t('history.recheck')}
                    </button>
                  )}
                </td>
                <td className="history__method">{charged ? methodText(r.methodType, t) : '-'}</td>
                <td className="mono">{r.tid && charged ? r.tid : '-'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
