/**
 * One payment: what was sold and its totals, its cancels, its state history (Seoul time, with the
 * refund.* entries), its receipts; actions 결제 취소 (C), 재발행 (R, the receipt panel), 다시 확인 (Enter,
 * when its outcome or a cancel's is being checked), 목록 (Esc). Kept current by pushed events.
 */
import { useEffect, useEffectEvent, useState } from 'react';
import type { Payment, PaymentDetail, PrintJobView } from '../../../../shared/contract';
import type { ErrorCode } from '../../../../shared/domain/errors';
import { formatSeoulDateTime } from '../../../../shared/domain/time';
import { historyRowOf } from '../../../../shared/domain/ledger/history-state';
import { pos } from '../../api/pos';
import { ErrorText } from '../../components/ErrorText';
import { Kbd } from '../../components/Kbd';
import { useI18n } from '../../i18n/i18n';
import { errorCodeOf } from '../../lib/errors';
import { usePaymentUpdates } from '../../lib/usePaymentUpdates';
import { newerPayment } from '../checkout/payment-view';
import { upsertJob } from '../receipt/print-jobs';
import { ReceiptPanel } from '../receipt/ReceiptPanel';
import { isTextEntry } from '../scan/dom-keys';
import { usePrinter } from '../settings/printer-store';
import { DetailInstrument } from './DetailInstrument';
import { DetailItems, DetailPrintJobs, DetailRefunds, DetailTimeline } from './DetailSections';
import { methodText, needsRecheck, STATE_BADGE, STATE_LABEL } from './history-model';
import { OrderTenders, useOrderOfPayment } from './OrderTenders';
import { RefundDialog } from './RefundDialog';

interface PaymentDetailViewProps {
  id: number;
  onBack: () => void;
  /** The list updates its row. */
  onPayment: (p: Payment) => void;
}

export function PaymentDetailView({ id, onBack, onPayment }: PaymentDetailViewProps) {
  const { t, krw } = useI18n();
  const printer = usePrinter();
  const noPrinter = printer.settings?.transport.kind === 'none';
  const [detail, setDetail] = useState<PaymentDetail | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [refunding, setRefunding] = useState(false);
  const [checking, setChecking] = useState(false);
  const [printing, setPrinting] = useState<number | null>(null);

  const [rev, setRev] = useState(0);
  const reload = () => setRev((n) => n + 1);
  useEffect(() => {
    let alive = true;
    pos.getPaymentDetail({ id }).then(
      (d) => {
        if (!alive) return;
        setDetail(d);
        setError(null);
      },
      (e: unknown) => alive && setError(errorCodeOf(e)),
    );
    return () => {
      alive = false;
    };
  }, [id, rev]);

  const applyPayment = (p: Payment) => {
    setDetail((d) => (d && d.payment.id === p.id ? { ...d, payment: newerPayment(d.payment, p) } : d));
    onPayment(p);
  };
  usePaymentUpdates((p) => {
    if (p.id !== id) return;
    applyPayment(p);
    reload(); // the state history grew
  });
  useEffect(
    () =>
      pos.on('print.job', (j) => {
        if (j.paymentId === id) setDetail((d) => (d ? { ...d, printJobs: upsertJob(d.printJobs, j) } : d));
      }),
    [id],
  );

  // issue 13: a QR tender of an order paid several ways is refunded per tender (the order's panel)
  const [order, setOrder] = useOrderOfPayment(id, rev);
  const split = order !== null && order.tenders.length > 1;
  const startRefund = () => {
    if (!split) return setRefunding(true);
    document.querySelector<HTMLInputElement>('[data-testid="order-tenders"] input')?.focus();
  };
  const p = detail?.payment ?? null;
  const canRefund = !!p && p.status === 'approved' && p.refundableAmount > 0 && !p.refunds.some((r) => r.status === 'created' || r.status === 'cancel_requested' || r.status === 'unknown');
  const recheckable = !!p && needsRecheck(p);

  const recheck = async () => {
    if (!p || checking) return;
    setChecking(true);
    setError(null);
    try {
      applyPayment(await pos.recheckPayment({ id: p.id }));
      reload();
    } catch (e) {
      setError(errorCodeOf(e));
    } finally {
      setChecking(false);
    }
  };

  const printCancel = async (refundId: number) => {
    if (!detail) return;
    setPrinting(refundId);
    setError(null);
    try {
      const had = detail.printJobs.some((j) => j.refundId === refundId && j.copy === 'original');
      const job: PrintJobView = had ? await pos.reprintReceipt({ paymentId: id, refundId }) : await pos.printReceipt({ paymentId: id, refundId });
      setDetail((d) => (d ? { ...d, printJobs: upsertJob(d.printJobs, job) } : d));
    } catch (e) {
      setError(errorCodeOf(e));
    } finally {
      setPrinting(null);
    }
  };

  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (refunding || e.defaultPrevented || e.ctrlKey || e.altKey || e.metaKey || e.repeat || e.isComposing) return;
    if (isTextEntry(e.target instanceof Element ? e.target : null)) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      onBack();
    } else if (e.code === 'KeyC' && canRefund) {
      e.preventDefault();
      startRefund();
    } else if ((e.key === 'Enter' || e.key === 'NumpadEnter') && recheckable && !(e.target instanceof HTMLButtonElement)) {
      e.preventDefault();
      void recheck();
    }
  });
  useEffect(() => {
    const h = (e: KeyboardEvent) => onKey(e);
    window.addEventListener('keydown', h);
    return () => window.removeEventListener('keydown', h);
  }, []);

  if (!detail || !p) {
    return (
      <section className="detail" data-testid="payment-detail" data-loading={error ? undefined : true}>
        <button type="button" className="btn btn--secondary" data-testid="detail-back" onClick={onBack}>
          ← {t('history.detail.back')} <Kbd>Esc</Kbd>
        </button>
        {error ? <ErrorText code={error} testId="detail-error" /> : <p className="muted">{t('app.loading')}</p>}
      </section>
    );
  }

  const row = historyRowOf(p);
  return (
    <section className="detail" data-testid="payment-detail" data-id={p.id} data-state={row.state}>
      <header className="detail__head">
        <button type="button" className="btn btn--secondary" data-testid="detail-back" onClick={onBack}>
          ← {t('history.detail.back')} <Kbd>Esc</Kbd>
        </button>
        <span className={`badge badge--${STATE_BADGE[row.state]} badge--big`} data-testid="detail-state">
          {t(STATE_LABEL[row.state])}
        </span>
        <strong className="detail__amount num" data-testid="detail-amount">
          {krw(p.amount)}
        </strong>
        <div className="detail__actions">
          {recheckable && (
            <button type="button" className="btn btn--warn" data-testid="detail-recheck" disabled={checking} onClick={() => void recheck()}>
              {checking ? t('result.rechecking') : t('history.detail.recheck')} <Kbd>Enter</Kbd>
            </button>
          )}
          {p.status === 'approved' && (
            <button type="button" className="btn btn--danger-solid" data-testid="detail-refund-button" disabled={!canRefund} onClick={startRefund}>
              {t('history.detail.refund')} <Kbd>C</Kbd>
            </button>
          )}
        </div>
      </header>
      {recheckable && (
        <p className="detail__warn" data-testid="detail-unknown" role="status">
          {t(p.status === 'approved' ? 'history.detail.refundChecking' : 'history.detail.paymentChecking')}
        </p>
      )}
      <ErrorText code={error} testId="detail-error" />

      <div className="detail__body">
        <div className="detail__main">
          <dl className="detail-facts" data-testid="detail-facts">
            <dt>{t('history.detail.orderId')}</dt>
            <dd className="mono">{p.orderId}</dd>
            <dt>{t('history.tid')}</dt>
            <dd className="mono" data-testid="detail-tid">
              {p.tid ?? '-'}
            </dd>
            <dt>{t('result.method')}</dt>
            <dd>{methodText(p.methodType, t)}</dd>
            <DetailInstrument id={p.id} approved={p.approvedAt !== null} />
            <dt>{t('history.detail.createdAt')}</dt>
            <dd className="num">{formatSeoulDateTime(p.createdAt)}</dd>
            <dt>{t('result.approvedAt')}</dt>
            <dd className="num">{p.approvedAt ? formatSeoulDateTime(p.approvedAt) : '-'}</dd>
            {p.error && p.status !== 'approved' && (
              <>
                <dt>{t('history.detail.reason')}</dt>
                <dd>
                  <ErrorText code={p.error.code} testId="detail-reason" className="error-text--inline" />
                </dd>
              </>
            )}
          </dl>
          {split && <OrderTenders order={order} onChanged={(o) => (setOrder(o), reload())} />}
          <DetailItems payment={p} />
          <DetailRefunds refunds={p.refunds} jobs={detail.printJobs} printing={printing} noPrinter={noPrinter} onReprint={(r) => void printCancel(r)} />
          <DetailTimeline events={detail.events} />
          <DetailPrintJobs jobs={detail.printJobs} />
        </div>
        {p.status === 'approved' && (
          <div className="detail__side">
            <ReceiptPanel paymentId={p.id} />
          </div>
        )}
      </div>

      {refunding && <RefundDialog payment={p} onDone={applyPayment} onClose={() => setRefunding(false)} />}
    </section>
  );
}
