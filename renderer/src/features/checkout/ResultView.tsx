/**
 * The outcome of a checkout: approved (green), failed (red, keeps the cart), or unknown (amber: do not
 * charge again; updates by itself when the payment resolves). Enter = the main action. Approved: the
 * receipt panel beside it (preview, print state, R = reprint).
 */
import { useEffect, useEffectEvent, useRef } from 'react';
import type { Payment } from '../../../../shared/contract';
import { formatSeoulDateTime } from '../../../../shared/domain/time';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { ReceiptPanel } from '../receipt/ReceiptPanel';
import { inBurst, installKeyTiming } from './key-timing';
import { methodLabelKey, outcomeOf, type Outcome } from './payment-view';

/**
 * An Enter this soon after the result appears that is also part of a key burst (a scanner's CR+LF) is not
 * the cashier's; the cashier's own Enter, however quick, starts the next sale.
 */
const ENTER_GUARD_MS = 400;
installKeyTiming();

const STATUS_KEY: Record<Outcome, MessageKey> = {
  approved: 'result.approved',
  failed: 'result.failed',
  unknown: 'result.unknown',
  pending: 'result.unknown',
};

interface ResultViewProps {
  payment: Payment;
  rechecking: boolean;
  onNewSale: () => void;
  /** A digit typed on the approved result: the next sale starts with it in the price field (no keystroke lost). */
  onNewSaleWith: (firstDigit: string) => void;
  onRetry: () => void;
  onRecheck: () => void;
}

export function ResultView({ payment, rechecking, onNewSale, onNewSaleWith, onRetry, onRecheck }: ResultViewProps) {
  const { t, err, krw } = useI18n();
  const outcome = outcomeOf(payment);
  const shownAt = useRef(0);
  const primary = outcome === 'approved' ? onNewSale : outcome === 'failed' ? onRetry : onRecheck;
  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (e.repeat || e.isComposing) return;
    if (e.target instanceof HTMLButtonElement && (e.key === 'Enter' || e.key === ' ')) return; // the button handles it
    if (e.key === 'Enter' || e.key === 'NumpadEnter') {
      if (performance.now() - shownAt.current < ENTER_GUARD_MS && inBurst(e)) return;
      e.preventDefault();
      if (!(outcome !== 'approved' && outcome !== 'failed' && rechecking)) primary();
    } else if (outcome === 'approved' && /^[0-9]$/.test(e.key) && !e.ctrlKey && !e.altKey && !e.metaKey && !(e.target instanceof HTMLInputElement)) {
      e.preventDefault();
      onNewSaleWith(e.key);
    } else if (e.key === 'Escape' && outcome !== 'unknown' && outcome !== 'pending') {
      e.preventDefault();
      onNewSale();
    }
  });
  useEffect(() => {
    shownAt.current = performance.now();
    const h = (e: KeyboardEvent) => onKey(e);
    window.addEventListener('keydown', h);
    return () => {
      window.removeEventListener('keydown', h);
    };
  }, []);

  const method = methodLabelKey(payment.methodType);
  const statusKey = STATUS_KEY[outcome];
  return (
    <section className={`result result--${outcome}`} data-testid="result" data-status={payment.status} data-enter-armed="true" aria-live="assertive">
      <h2 className="result__status" data-testid="result-status">
        <span className="result__icon" aria-hidden="true">
          {outcome === 'approved' ? '✓' : outcome === 'failed' ? '✕' : '…'}
        </span>
        <span className="result__primary">{t(statusKey)}</span>
      </h2>

      {outcome === 'failed' && (
        <p className="result__message" data-testid="result-message" data-code={payment.error?.code ?? 'INTERNAL'}>
          {err(payment.error?.code ?? 'INTERNAL')}
        </p>
      )}
      {(outcome === 'unknown' || outcome === 'pending') && (
        <>
          <p className="result__message" data-testid="result-message" data-code="BACKEND_UNKNOWN">
            {err('BACKEND_UNKNOWN')}
          </p>
          <p className="result__warn">{t('result.doNotCharge')}</p>
        </>
      )}

      <dl className="result__details">
        <dt>{t('result.amount')}</dt>
        <dd className="result__amount num" data-testid="result-amount">
          {krw(payment.amount)}
        </dd>
        {payment.tid && outcome === 'approved' && (
          <>
            <dt>{t('result.tid')}</dt>
            <dd className="mono" data-testid="result-tid">
              {payment.tid}
            </dd>
          </>
        )}
        <dt>{t('result.orderId')}</dt>
        <dd className="mono" data-testid="result-order-id">
          {payment.orderId}
        </dd>
        <dt>{t('result.items')}</dt>
        <dd>{payment.itemName}</dd>
        {outcome === 'approved' && (
          <>
            <dt>{t('result.method')}</dt>
            <dd data-testid="result-method">{method ? t(method) : (payment.methodType ?? '-')}</dd>
            <dt>{t('result.approvedAt')}</dt>
            <dd className="num" data-testid="result-approved-at">
              {payment.approvedAt ? formatSeoulDateTime(payment.approvedAt) : '-'}
            </dd>
          </>
        )}
      </dl>

      {outcome === 'approved' && <ReceiptPanel paymentId={payment.id} />}

      <div className="result__actions">
        {outcome === 'approved' && (
          <button type="button" className="btn btn--primary btn--big" data-testid="new-sale" onClick={onNewSale}>
            {t('result.newSale')}
          </button>
        )}
        {outcome === 'failed' && (
          <>
            <button type="button" className="btn btn--primary btn--big" data-testid="retry" onClick={onRetry}>
              {t('result.retry')}
            </button>
            <button type="button" className="btn btn--secondary btn--big" data-testid="new-sale" onClick={onNewSale}>
              {t('result.newSaleEsc')}
            </button>
          </>
        )}
        {(outcome === 'unknown' || outcome === 'pending') && (
          <>
            <button type="button" className="btn btn--warn btn--big" data-testid="recheck" disabled={rechecking} onClick={onRecheck}>
              {rechecking ? t('result.rechecking') : t('result.recheck')}
            </button>
            <p className="result__hint" data-testid="result-blocked">
              {t('result.blockedUntilKnown')}
            </p>
          </>
        )}
      </div>
    </section>
  );
}
