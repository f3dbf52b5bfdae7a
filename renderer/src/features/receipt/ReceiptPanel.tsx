/**
 * The receipt of an approved payment on the result screen: the preview (what prints), then the print
 * state of its newest job, live from `print.job` events (인쇄 대기 / 인쇄 중 / 인쇄 완료 / 인쇄 실패 and why),
 * with 재발행 (R) and, after a failure, 다시 인쇄. R prints the original when none was queued yet.
 */
import { useEffect, useEffectEvent, useRef, useState, type MouseEvent } from 'react';
import type { PrintJobView, ReceiptPreviewView } from '../../../../shared/contract';
import type { ErrorCode } from '../../../../shared/domain/errors';
import { pos } from '../../api/pos';
import { ErrorText } from '../../components/ErrorText';
import { useI18n } from '../../i18n/i18n';
import { errorCodeOf } from '../../lib/errors';
import { seoulTime } from '../history/history-model';
import { isTextEntry } from '../scan/dom-keys';
import { SCAN_MAX_GAP_MS } from '../scan/wedge-config';
import { usePrinter } from '../settings/printer-store';
import { hasOriginal, mergeJobs, printStateOf, REASON_KEY, retryPlan, STATE_KEY, upsertJob } from './print-jobs';
import { ReceiptPaper } from './ReceiptPaper';

/** An R with another key this close before or after it is part of a scanner burst, not the cashier's. */
const LONE_KEY_MS = 2 * SCAN_MAX_GAP_MS;
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock', 'HangulMode', 'Hangul', 'Process']);

export function ReceiptPanel({ paymentId }: { paymentId: number }) {
  const { t } = useI18n();
  const printer = usePrinter();
  const columns = printer.settings?.columns ?? null;
  const noPrinter = printer.settings?.transport.kind === 'none';
  const [preview, setPreview] = useState<ReceiptPreviewView | null>(null);
  const [previewError, setPreviewError] = useState<ErrorCode | null>(null);
  const [jobs, setJobs] = useState<PrintJobView[]>([]);
  const [actionError, setActionError] = useState<ErrorCode | null>(null);
  const [requesting, setRequesting] = useState(false);
  const [retrying, setRetrying] = useState<number | null>(null);
  /** The failed job whose retry waits for the cashier's confirmation (its bytes reached the printer). */
  const [confirming, setConfirming] = useState<number | null>(null);

  // The preview follows the paper width in the settings.
  useEffect(() => {
    let alive = true;
    pos.getReceiptPreview({ paymentId }).then(
      (p) => {
        if (!alive) return;
        setPreview(p);
        setPreviewError(null);
      },
      (e: unknown) => alive && setPreviewError(errorCodeOf(e)),
    );
    return () => {
      alive = false;
    };
  }, [paymentId, columns]);

  useEffect(() => {
    let alive = true;
    const off = pos.on('print.job', (j) => {
      if (j.paymentId === paymentId && j.kind === 'sale') setJobs((l) => upsertJob(l, j)); // cancel receipts are the history's
    });
    pos.listPrintJobs({ paymentId }).then(
      (list) =>
        alive &&
        setJobs((l) =>
          mergeJobs(
            l,
            list.filter((j) => j.kind === 'sale'),
          ),
        ),
      (e: unknown) => alive && setActionError(errorCodeOf(e)),
    );
    return () => {
      alive = false;
      off();
    };
  }, [paymentId]);

  const original = hasOriginal(jobs);
  const state = printStateOf(jobs, printer.status);

  const print = async () => {
    if (requesting || noPrinter) return;
    setRequesting(true);
    setActionError(null);
    try {
      const job = original ? await pos.reprintReceipt({ paymentId }) : await pos.printReceipt({ paymentId });
      setJobs((l) => upsertJob(l, job));
    } catch (e) {
      setActionError(errorCodeOf(e));
    } finally {
      setRequesting(false);
    }
  };

  const retry = async (id: number, confirmed = false) => {
    setConfirming(null);
    setRetrying(id);
    setActionError(null);
    try {
      const job = await pos.retryPrintJob({ id, ...(confirmed ? { confirmed: true } : {}) });
      setJobs((l) => upsertJob(l, job));
    } catch (e) {
      setActionError(errorCodeOf(e));
    } finally {
      setRetrying(null);
    }
  };

  // R: print / reprint, unless it is one key of a scanner burst (a QR scanned on the result screen).
  const lastKeyAt = useRef(0);
  const pendingR = useRef<number | null>(null);
  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (MODIFIERS.has(e.key)) return;
    const now = performance.now();
    const gap = now - lastKeyAt.current;
    lastKeyAt.current = now;
    if (pendingR.current !== null) {
      window.clearTimeout(pendingR.current); // another key right after R: a burst
      pendingR.current = null;
    }
    if (e.code !== 'KeyR' || e.repeat || e.ctrlKey || e.altKey || e.metaKey || e.defaultPrevented) return;
    if (isTextEntry(e.target instanceof Element ? e.target : null) || gap < LONE_KEY_MS) return;
    e.preventDefault();
    pendingR.current = window.setTimeout(() => {
      pendingR.current = null;
      void print();
    }, LONE_KEY_MS);
  });
  useEffect(() => {
    const h = (e: KeyboardEvent) => onKey(e);
    window.addEventListener('keydown', h);
    return () => {
      window.removeEventListener('keydown', h);
      if (pendingR.current !== null) window.clearTimeout(pendingR.current);
    };
  }, []);

  /** A clicked button gives focus back, so Enter keeps meaning the result's main action. */
  const blurAfter = (fn: () => void) => (e: MouseEvent<HTMLButtonElement>) => {
    e.currentTarget.blur();
    fn();
  };

  const job = state.kind === 'none' ? null : state.job;
  const plan = state.kind === 'failed' ? retryPlan(state.job) : null;
  const askRetry = (id: number) => (plan === 'direct' ? void retry(id) : setConfirming(id));
  const reason = state.kind === 'failed' || state.kind === 'sending' ? state.reason : null;
  return (
    <aside className="receipt-panel" data-testid="receipt-panel" aria-label={t('receipt.title')}>
      {preview ? (
        <>
          <ReceiptPaper columns={preview.columns} lines={preview.text} codes={preview.codes} label={t('receipt.preview', { columns: preview.columns })} />
          {preview.substitutions.length > 0 && (
            <p className="receipt-panel__note muted" data-testid="receipt-substitutions">
              {t('receipt.substituted', { list: preview.substitutions.map((s) => `${s.from}→${s.to}`).join(', ') })}
            </p>
          )}
        </>
      ) : previewError ? (
        <ErrorText code={previewError} testId="receipt-preview-error" />
      ) : (
        <div className="receipt-paper receipt-paper--loading muted">{t('app.loading')}</div>
      )}

      {noPrinter ? (
        <p className="receipt-panel__noprinter" data-testid="printer-not-configured" role="status">
          {t('receipt.noPrinter')}
        </p>
      ) : (
        <div className={`print-state print-state--${state.kind}${state.kind === 'sending' && reason ? ' print-state--stopped' : ''}`} data-testid="print-state" data-status={state.kind} data-reason={reason ?? ''} data-copy={job?.copy ?? ''} role="status" aria-live="polite">
          <span className={`dot dot--print-${state.kind}${reason ? ' dot--print-problem' : ''}`} aria-hidden="true" />
          <strong>{t(STATE_KEY[state.kind])}</strong>
          {reason && reason !== 'ok' && (
            <span className="print-state__reason" data-testid="print-reason">
              {t(REASON_KEY[reason])}
            </span>
          )}
          {job && (
            <span className="print-state__meta">
              {t(job.copy === 'reprint' ? 'receipt.copy.reprint' : 'receipt.copy.original')}
              {job.printedAt ? ` · ${seoulTime(job.printedAt)}` : ''}
              {job.attempts > 1 ? ` · ${t('receipt.attempts', { count: job.attempts })}` : ''}
            </span>
          )}
          {state.kind === 'sending' && reason && <p className="print-state__hint">{t('receipt.hint.resume')}</p>}
          {state.kind === 'failed' && <p className="print-state__hint">{t(state.unsure ? 'receipt.hint.unsure' : 'receipt.hint.failed')}</p>}
          {state.kind === 'none' && printer.settings && !printer.settings.autoPrint && <p className="print-state__hint">{t('receipt.autoPrintOff')}</p>}
        </div>
      )}

      <div className="receipt-panel__actions">
        <button type="button" className="btn btn--secondary" data-testid="reprint-receipt" data-action={original ? 'reprint' : 'print'} disabled={noPrinter || requesting} onClick={blurAfter(() => void print())}>
          {t(original ? 'receipt.reprint' : 'receipt.print')}
        </button>
        {state.kind === 'failed' && confirming !== state.job.id && (
          <button type="button" className="btn btn--warn" data-testid="retry-print" data-plan={plan ?? ''} disabled={retrying !== null || noPrinter} onClick={blurAfter(() => askRetry(state.job.id))}>
            {retrying === state.job.id ? t('receipt.retrying') : t('receipt.retry')}
          </button>
        )}
      </div>
      {state.kind === 'failed' && confirming === state.job.id && plan !== 'direct' && (
        <div className="print-confirm" role="alertdialog" aria-labelledby="print-confirm-text" data-testid="print-confirm" data-plan={plan ?? ''} ref={(el) => el?.scrollIntoView({ block: 'nearest' })}>
          <p id="print-confirm-text">{t(plan === 'confirm-reprint' ? 'receipt.confirm.reprint' : 'receipt.confirm.resend')}</p>
          <div className="receipt-panel__actions">
            <button type="button" className="btn btn--warn" data-testid="print-confirm-yes" disabled={noPrinter} onClick={blurAfter(() => void retry(state.job.id, true))}>
              {t(plan === 'confirm-reprint' ? 'receipt.confirm.printReprint' : 'receipt.confirm.printAgain')}
            </button>
            <button type="button" className="btn btn--secondary" data-testid="print-confirm-no" onClick={blurAfter(() => setConfirming(null))}>
              {t('receipt.confirm.cancel')}
            </button>
          </div>
        </div>
      )}
      <ErrorText code={actionError} testId="print-error" />
    </aside>
  );
}
