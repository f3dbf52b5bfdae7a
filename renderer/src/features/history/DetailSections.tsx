/** The parts of a payment's detail view: items and totals, cancels, the state history, the receipts. */
import type { Payment, PaymentDetail, PrintJobView, Refund } from '../../../../shared/contract';
import { splitVat } from '../../../../shared/domain/vat';
import { MoneyRows, vatRows } from '../../components/MoneyRows';
import { itemLabel } from '../../../../shared/domain/cart';
import { useI18n } from '../../i18n/i18n';
import { STATE_KEY } from '../receipt/print-jobs';
import { eventDetailText } from './history-events';
import { eventLabelKey, REFUND_LABEL, seoulShortDateTime } from './history-model';
import { formatSeoulDateTime } from '../../../../shared/domain/time';

export function DetailItems({ payment: p }: { payment: Payment }) {
  const { t, krw } = useI18n();
  const v = splitVat(p.amount, p.taxFree);
  return (
    <section className="detail-card" aria-labelledby="detail-items">
      <h3 className="detail-card__title" id="detail-items">
        {t('history.detail.items')}
      </h3>
      <table className="detail-items" data-testid="detail-items">
        <thead>
          <tr>
            <th scope="col">{t('history.detail.itemName')}</th>
            <th scope="col" className="num">
              {t('history.detail.unitPrice')}
            </th>
            <th scope="col" className="num">
              {t('history.detail.qty')}
            </th>
            <th scope="col" className="num">
              {t('history.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {p.items.map((it, i) => (
            <tr key={i}>
              <td>
                {itemLabel(it)}
                {it.taxFree && <span className="tag">{t('totals.taxFree')}</span>}
              </td>
              <td className="num">{krw(it.unitPrice)}</td>
              <td className="num">{it.quantity}</td>
              <td className="num">{krw(it.unitPrice * it.quantity)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <MoneyRows
        className="detail-totals"
        testId="detail-totals"
        rows={[
          ...vatRows(t, v, { supply: 'detail-supply', vat: 'detail-vat', taxFree: 'detail-tax-free' }),
          { label: t('totals.total'), amount: v.total, testId: 'detail-total', tone: 'total' },
          ...(p.refundedAmount > 0
            ? [
                { label: t('history.detail.refunded'), amount: p.refundedAmount, testId: 'detail-refunded', tone: 'minus' as const },
                { label: t('history.detail.remaining'), amount: p.amount - p.refundedAmount, testId: 'detail-remaining' },
              ]
            : []),
        ]}
      />
    </section>
  );
}

interface RefundsProps {
  refunds: readonly Refund[];
  jobs: readonly PrintJobView[];
  printing: number | null;
  noPrinter: boolean;
  onReprint: (refundId: number) => void;
}

export function DetailRefunds({ refunds, jobs, printing, noPrinter, onReprint }: RefundsProps) {
  const { t, krw, err } = useI18n();
  if (refunds.length === 0) return null;
  return (
    <section className="detail-card" aria-labelledby="detail-refunds">
      <h3 className="detail-card__title" id="detail-refunds">
        {t('history.detail.refunds')}
      </h3>
      <ul className="detail-refunds" data-testid="detail-refunds">
        {refunds.map((r, i) => {
          const receipt = jobs.find((j) => j.refundId === r.id);
          return (
            <li key={r.id} className="detail-refund" data-testid="detail-refund" data-status={r.status} data-id={r.id}>
              <span className="detail-refund__no">{t('history.detail.refundNo', { n: i + 1 })}</span>
              <span className={`badge badge--refund-${r.status}`}>{t(REFUND_LABEL[r.status])}</span>
              <span className="num detail-refund__amount">{krw(-r.amount)}</span>
              <span className="muted detail-refund__meta">
                {r.taxFree > 0 ? `${t('totals.taxFree')} ${krw(r.taxFree)} · ` : ''}
                {r.status === 'cancelled' ? `${t('totals.vat')} ${krw(r.vat)} · ` : ''}
                {formatSeoulDateTime(r.cancelledAt ?? r.createdAt)}
              </span>
              {r.status === 'cancelled' && (
                <button type="button" className="btn btn--small" data-testid="reprint-cancel-receipt" disabled={noPrinter || printing === r.id} onClick={() => onReprint(r.id)}>
                  {receipt ? t('history.detail.reprintCancel') : t('history.detail.printCancel')}
                </button>
              )}
              {r.error && r.status !== 'cancelled' && <span className="detail-refund__error">{err(r.error.code)}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function DetailTimeline({ events }: { events: PaymentDetail['events'] }) {
  const { t, err, krw } = useI18n();
  return (
    <section className="detail-card" aria-labelledby="detail-events">
      <h3 className="detail-card__title" id="detail-events">
        {t('history.detail.events')}
      </h3>
      <ol className="detail-events" data-testid="detail-events">
        {events.map((e, i) => {
          const key = eventLabelKey(e.status);
          const detail = eventDetailText(e.detail, err, krw, t('history.event.refund'));
          return (
            <li key={i} className={`detail-event ${e.status.startsWith('refund.') ? 'detail-event--refund' : ''}`} data-status={e.status}>
              <time className="num detail-event__at" dateTime={e.at}>
                {seoulShortDateTime(e.at)}
              </time>
              <span className="detail-event__status">{key ? t(key) : e.status}</span>
              {detail && <span className="detail-event__detail">{detail}</span>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

export function DetailPrintJobs({ jobs }: { jobs: readonly PrintJobView[] }) {
  const { t } = useI18n();
  return (
    <section className="detail-card" aria-labelledby="detail-jobs">
      <h3 className="detail-card__title" id="detail-jobs">
        {t('history.detail.jobs')}
      </h3>
      {jobs.length === 0 ? (
        <p className="muted" data-testid="detail-jobs-empty">
          {t('history.detail.noJobs')}
        </p>
      ) : (
        <ul className="detail-jobs" data-testid="detail-jobs">
          {jobs.map((j) => (
            <li key={j.id} className="detail-job" data-testid="detail-job" data-kind={j.kind} data-status={j.status} data-copy={j.copy}>
              <span>{t(j.kind === 'cancel' ? 'history.detail.job.cancel' : 'history.detail.job.sale')}</span>
              <span className="muted">{t(j.copy === 'reprint' ? 'receipt.copy.reprint' : 'receipt.copy.original')}</span>
              <span className={`detail-job__status detail-job__status--${j.status}`}>{t(STATE_KEY[j.status])}</span>
              {j.status === 'failed' && j.mayHavePrinted && (
                <span className="muted" data-testid="detail-job-unsure">
                  {t('receipt.mayHavePrinted')}
                </span>
              )}
              <span className="num muted">{seoulShortDateTime(j.printedAt ?? j.updatedAt)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
