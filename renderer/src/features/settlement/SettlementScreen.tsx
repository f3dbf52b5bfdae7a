/**
 * 정산: a Seoul day's settlement (today by default; ← / → the day before / after, T today). The figures,
 * the warnings to look at before closing, the report as it prints (the same layout as the receipts),
 * 일마감 (F9: freezes the report once; it prints by itself when a printer is set) and 인쇄 (P).
 */
import { useEffect, useEffectEvent, useState } from 'react';
import type { PrintJobView, ReceiptPreviewView, Settlement } from '../../../../shared/contract';
import type { ErrorCode } from '../../../../shared/domain/errors';
import { addSeoulDays, formatSeoulDateTime, seoulDay } from '../../../../shared/domain/time';
import { pos } from '../../api/pos';
import { ErrorText } from '../../components/ErrorText';
import { Kbd } from '../../components/Kbd';
import { useI18n } from '../../i18n/i18n';
import { errorCodeOf } from '../../lib/errors';
import { usePaymentUpdates } from '../../lib/usePaymentUpdates';
import { mergeJobs, printStateOf, REASON_KEY, STATE_KEY, upsertJob } from '../receipt/print-jobs';
import { ReceiptPaper } from '../receipt/ReceiptPaper';
import { isTextEntry } from '../scan/dom-keys';
import { usePrinter } from '../settings/printer-store';
import { CloseDayDialog } from './CloseDayDialog';
import { SettlementFigures } from './SettlementFigures';
import { ProductSalesCard, useProductSales } from '../analytics/ProductSalesCard';
import { SettlementWarnings } from './SettlementWarnings';
import '../history/ledger.css';
import { DrawerDaySummary } from '../drawer/DrawerDaySummary';

export function SettlementScreen() {
  const { t, krw } = useI18n();
  const printer = usePrinter();
  const noPrinter = printer.settings?.transport.kind === 'none';
  const today = seoulDay(new Date());
  const [day, setDay] = useState(today);
  /** What the screen shows, for the day it was loaded for (a slower answer for another day is dropped). */
  const [data, setData] = useState<{ day: string; settlement: Settlement; preview: ReceiptPreviewView } | null>(null);
  const [jobsOf, setJobsOf] = useState<{ day: string; jobs: PrintJobView[] }>({ day, jobs: [] });
  const [rev, setRev] = useState(0);
  const productSales = useProductSales(day, day, rev); // issue 12: sales by product / category
  const [error, setError] = useState<ErrorCode | null>(null);
  const [closing, setClosing] = useState(false);
  const [printing, setPrinting] = useState(false);
  const settlement = data?.day === day ? data.settlement : null;
  const preview = data?.day === day ? data.preview : null;
  const jobs = jobsOf.day === day ? jobsOf.jobs : [];
  const setJobs = (f: (l: PrintJobView[]) => PrintJobView[]) => setJobsOf((cur) => ({ day, jobs: f(cur.day === day ? cur.jobs : []) }));

  useEffect(() => {
    let alive = true;
    Promise.all([pos.getSettlement({ day }), pos.getSettlementPreview({ day }), pos.listPrintJobs({ settlementDay: day })]).then(
      ([s, p, j]) => {
        if (!alive) return;
        setData({ day, settlement: s, preview: p });
        setJobsOf((cur) => ({ day, jobs: mergeJobs(cur.day === day ? cur.jobs : [], j) }));
        setError(null);
      },
      (e: unknown) => alive && setError(errorCodeOf(e)),
    );
    return () => {
      alive = false;
    };
  }, [day, rev, printer.settings?.columns]);
  // A sale or cancel of the day changes the live figures (a closed day's report does not change).
  usePaymentUpdates(() => {
    if (settlement && !settlement.closedAt) setRev((n) => n + 1);
  });
  useEffect(
    () =>
      pos.on('print.job', (j) => {
        if (j.settlementDay === day) setJobsOf((cur) => ({ day, jobs: upsertJob(cur.day === day ? cur.jobs : [], j) }));
      }),
    [day],
  );

  const print = async () => {
    if (printing || noPrinter || !settlement) return;
    setPrinting(true);
    setError(null);
    try {
      const job = await pos.printSettlement({ day });
      setJobs((l) => mergeJobs(l, [job]));
    } catch (e) {
      setError(errorCodeOf(e));
    } finally {
      setPrinting(false);
    }
  };

  const onClosed = (s: Settlement) => {
    setClosing(false);
    setData((d) => (d && d.day === s.report.day ? { ...d, settlement: s } : d));
    setRev((n) => n + 1); // the frozen report's preview
    if (!noPrinter) void print(); // the closed report prints by itself
  };

  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (closing || e.defaultPrevented || e.ctrlKey || e.altKey || e.metaKey || e.repeat || e.isComposing) return;
    if (isTextEntry(e.target instanceof Element ? e.target : null)) return;
    if (e.key === 'ArrowLeft') {
      e.preventDefault();
      setDay((d) => addSeoulDays(d, -1));
    } else if (e.key === 'ArrowRight') {
      e.preventDefault();
      setDay((d) => (d < today ? addSeoulDays(d, 1) : d));
    } else if (e.code === 'KeyT') {
      e.preventDefault();
      setDay(today);
    } else if (e.key === 'F9' && settlement && !settlement.closedAt) {
      e.preventDefault();
      setClosing(true);
    } else if (e.code === 'KeyP') {
      e.preventDefault();
      void print();
    }
  });
  useEffect(() => {
    const h = (e: KeyboardEvent) => onKey(e);
    window.addEventListener('keydown', h);
    return () => window.removeEventListener('keydown', h);
  }, []);

  const closed = settlement?.closedAt ?? null;
  const state = printStateOf(jobs, printer.status);
  const reason = state.kind === 'failed' || state.kind === 'sending' ? state.reason : null;
  return (
    <main className="screen settlement" data-testid="settlement-screen" data-day={day} data-closed={closed ? 'true' : 'false'}>
      <div className="settlement__head">
        <h1 className="screen-title">{t('settlement.title')}</h1>
        <div className="day-picker" role="group" aria-label={t('settlement.day')}>
          <button type="button" className="btn btn--small" data-testid="settlement-prev" onClick={() => setDay(addSeoulDays(day, -1))}>
            ◀ <Kbd>←</Kbd>
          </button>
          <input type="date" data-testid="settlement-day" aria-label={t('settlement.day')} value={day} max={today} onChange={(e) => e.target.value && setDay(e.target.value > today ? today : e.target.value)} />
          <button type="button" className="btn btn--small" data-testid="settlement-next" disabled={day >= today} onClick={() => setDay(addSeoulDays(day, 1))}>
            <Kbd>→</Kbd> ▶
          </button>
          <button type="button" className="btn btn--small" data-testid="settlement-today" disabled={day === today} onClick={() => setDay(today)}>
            {t('history.range.today')} <Kbd>T</Kbd>
          </button>
        </div>
        {settlement && (
          <span className={`badge badge--big ${closed ? 'badge--approved' : 'badge--pending'}`} data-testid="settlement-status">
            {closed ? t('settlement.closedAt', { at: formatSeoulDateTime(closed).slice(5, 16) }) : t('settlement.open')}
          </span>
        )}
      </div>
      <ErrorText code={error} testId="settlement-error" />
      {!settlement ? (
        !error && <p className="muted">{t('app.loading')}</p>
      ) : (
        <div className="settlement__body">
          <div className="settlement__main">
            {closed && settlement.drift && (settlement.drift.net !== 0 || settlement.drift.salesCount !== 0) && (
              <p className="settlement-drift" data-testid="settlement-drift" role="status">
                {t('settlement.drift', { count: settlement.drift.salesCount, net: krw(settlement.drift.net) })}
              </p>
            )}
            {/* issue 13: cash and QR by tender (the day's sessions summed) first, then QR by method */}
            <DrawerDaySummary report={settlement.report} />
            <SettlementFigures settlement={settlement} />
            <ProductSalesCard sales={productSales} />
            <SettlementWarnings report={settlement.report} frozen={!!closed} />
            {settlement.report.headOfficeUnsent ? <p className="error-text" data-testid="settlement-unsent">{t('settlement.unsent', { n: settlement.report.headOfficeUnsent })}</p> : null}
          </div>
          <aside className="settlement__side" aria-label={t('settlement.receipt')}>
            {preview ? <ReceiptPaper columns={preview.columns} lines={preview.text} codes={preview.codes} label={t('settlement.preview', { columns: preview.columns })} /> : <div className="receipt-paper receipt-paper--loading muted">{t('app.loading')}</div>}
            {noPrinter ? (
              <p className="receipt-panel__noprinter" data-testid="printer-not-configured" role="status">
                {t('receipt.noPrinter')}
              </p>
            ) : (
              state.kind !== 'none' && (
                <div className={`print-state print-state--${state.kind}`} data-testid="settlement-print-state" data-status={state.kind} data-copy={state.job.copy} role="status" aria-live="polite">
                  <span className={`dot dot--print-${state.kind}${reason ? ' dot--print-problem' : ''}`} aria-hidden="true" />
                  <strong>{t(STATE_KEY[state.kind])}</strong>
                  {reason && reason !== 'ok' && <span className="print-state__reason">{t(REASON_KEY[reason])}</span>}
                  <span className="print-state__meta">{t(state.job.copy === 'reprint' ? 'receipt.copy.reprint' : 'receipt.copy.original')}</span>
                </div>
              )
            )}
            <div className="settlement__actions">
              {!closed && (
                <button type="button" className="btn btn--primary btn--big" data-testid="settlement-close" onClick={() => setClosing(true)}>
                  {t('settlement.closeDay')} <Kbd>F9</Kbd>
                </button>
              )}
              <button type="button" className="btn btn--secondary" data-testid="settlement-print" disabled={noPrinter || printing} onClick={() => void print()}>
                {t(closed ? 'settlement.print' : 'settlement.printInterim')} <Kbd>P</Kbd>
              </button>
            </div>
          </aside>
        </div>
      )}
      {closing && settlement && <CloseDayDialog settlement={settlement} onClosed={onClosed} onCancel={() => setClosing(false)} />}
    </main>
  );
}
