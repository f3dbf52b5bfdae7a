/**
 * One tender of an order (cash or QR) with its status, cash received / change, what was refunded, and —
 * once the order is finished — a partial refund within what this tender has left: cash from the drawer
 * (its 현금영수증 cancelled by as much), QR through the cancel API. Used by the tender screen and by 내역.
 */
import { useState } from 'react';
import type { CashReceipt, Order, Tender } from '../../../../shared/contract-cash';
import type { ErrorCode } from '../../../../shared/domain/errors';
import { pos } from '../../api/pos';
import { ErrorText } from '../../components/ErrorText';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { errorCodeOf } from '../../lib/errors';
import { parseAmount } from './tender-form';

export function TenderLine({ tender: x, finished, onChanged }: { tender: Tender; finished: boolean; onChanged: (o: Order) => void }) {
  const { t, krw } = useI18n();
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<ErrorCode | null>(null);
  const refund = async () => {
    const a = parseAmount(amount);
    if (!a.ok) return setError(a.code);
    if (a.value > x.refundable) return setError('REFUND_EXCEEDS_TENDER');
    try {
      onChanged(await pos.refundTender({ tenderId: x.id, amount: a.value }));
      setAmount('');
      setError(null);
    } catch (e) {
      setError(errorCodeOf(e));
    }
  };
  return (
    <li className={`tender__line tender__line--${x.status}`} data-testid={`tender-${x.kind}`} data-status={x.status}>
      <span>
        {t(x.kind === 'cash' ? 'tender.cash' : 'tender.qr')} · {t(`tender.status.${x.status}` as MessageKey)}
      </span>
      <strong className="num">{krw(x.amount)}</strong>
      {x.kind === 'cash' && (
        <small className="muted">
          {t('tender.received')} {krw(x.received)} · {t('tender.change')} {krw(x.change)}
        </small>
      )}
      {x.refunded > 0 && <small>{`${t('tender.refund')} −${krw(x.refunded)}`}</small>}
      {finished && x.refundable > 0 && (
        <span className="tender__refund">
          <input data-testid={`refund-amount-${x.kind}`} inputMode="numeric" placeholder={t('tender.refundable', { amount: krw(x.refundable) })} value={amount} onChange={(e) => setAmount(e.target.value)} />
          <button type="button" className="btn btn--secondary btn--small" data-testid={`refund-submit-${x.kind}`} onClick={() => void refund()}>
            {t('tender.refund')}
          </button>
        </span>
      )}
      {error && <ErrorText code={error} testId="tender-refund-error" />}
      {x.error && (x.status === 'failed' || x.status === 'unknown') && <ErrorText code={x.error.code} testId="tender-line-error" />}
    </li>
  );
}

/** A 현금영수증 of the order: masked identity, status, 승인번호, what was cancelled; 다시 확인 while unknown. */
export function CashReceiptLine({ receipt: r }: { receipt: CashReceipt }) {
  const { t, krw } = useI18n();
  return (
    <p className="tender__cr" data-testid="cash-receipt" data-status={r.status} data-cancelled={r.cancelledAmount}>
      {t('cr.title')} · {r.identityMasked} · {t(`cr.status.${r.status}` as MessageKey)}
      {r.issueNumber && ` · ${t('cr.issueNo', { no: r.issueNumber })}`}
      {r.cancelledAmount > 0 && ` · ${t('tender.refund')} −${krw(r.cancelledAmount)}`}
      {(r.status === 'unknown' || r.status === 'cancel_unknown') && (
        <button type="button" className="btn btn--secondary btn--small" onClick={() => void pos.recheckCashReceipt({ id: r.id })}>
          {t('cr.recheck')}
        </button>
      )}
    </p>
  );
}
