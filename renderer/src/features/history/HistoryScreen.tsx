/**
 * 내역: the transaction history. Filters (today by default), newest first, 50 a page (더 보기 loads the
 * next, keyset), a count asked apart, CSV export of the filter's days, and the detail view of a row
 * (Enter). Rows on screen follow payment.updated; a new sale appears on top while the list shows today.
 */
import { useEffect, useRef, useState } from 'react';
import { HISTORY_PAGE_SIZE, type HistoryFilter, type HistoryRow, type Payment } from '../../../../shared/contract';
import type { ErrorCode } from '../../../../shared/domain/errors';
import { seoulDay } from '../../../../shared/domain/time';
import { pos } from '../../api/pos';
import { ErrorText } from '../../components/ErrorText';
import { useI18n } from '../../i18n/i18n';
import { errorCodeOf } from '../../lib/errors';
import { usePaymentUpdates } from '../../lib/usePaymentUpdates';
import { isTextEntry } from '../scan/dom-keys';
import { CsvExportButton } from './CsvExportButton';
import { csvRange, isLiveView, todayForm, toFilter, type FilterErrors, type FilterForm } from './history-filter';
import { prependRow, updateRows } from './history-model';
import { HistoryFilters } from './HistoryFilters';
import { HistoryTable } from './HistoryTable';
import { useLiveFilter } from './useLiveFilter';
import { PaymentDetailView } from './PaymentDetailView';
import './ledger.css';

interface Listing {
  filter: HistoryFilter;
  rows: HistoryRow[];
  cursor: string | null;
  count: { total: number; capped: boolean } | null;
}

export function HistoryScreen() {
  const { t } = useI18n();
  const [form, setForm] = useState<FilterForm>(todayForm);
  const [errors, setErrors] = useState<FilterErrors>({});
  /** The filter asked for last (a new object for every 조회, so the same filter runs again). */
  const [request, setRequest] = useState<HistoryFilter>(() => {
    const parsed = toFilter(todayForm());
    return parsed.ok ? parsed.filter : {};
  });
  const [list, setList] = useState<Listing | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [methods, setMethods] = useState<string[]>([]);
  const [checking, setChecking] = useState<number | null>(null);
  const [detailId, setDetailId] = useState<number | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const loading = list?.filter !== request || loadingMore;

  useEffect(() => {
    let alive = true;
    pos.searchPayments({ ...request, limit: HISTORY_PAGE_SIZE }).then(
      (page) => {
        if (!alive) return;
        setError(null);
        setList({ filter: request, rows: page.rows, cursor: page.nextCursor, count: page.nextCursor ? null : { total: page.rows.length, capped: false } });
        if (!page.nextCursor) return;
        pos.countPayments(request).then(
          (count) => alive && setList((l) => (l && l.filter === request ? { ...l, count } : l)),
          () => undefined, // the list stands without its count
        );
      },
      (e: unknown) => alive && setError(errorCodeOf(e)),
    );
    return () => {
      alive = false;
    };
  }, [request]);

  useEffect(() => {
    let alive = true;
    pos.listPaymentMethods({}).then(
      (m) => alive && setMethods(m),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, []);

  const apply = (f: FilterForm) => {
    setForm(f);
    const parsed = toFilter(f);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    setRequest({ ...parsed.filter });
  };

  const liveChange = useLiveFilter(setForm, apply);

  const more = async () => {
    if (!list?.cursor || loading) return;
    const at = list;
    setLoadingMore(true);
    try {
      const page = await pos.searchPayments({ ...at.filter, cursor: at.cursor!, limit: HISTORY_PAGE_SIZE });
      setList((l) => (l && l.filter === at.filter ? { ...l, rows: [...l.rows, ...page.rows.filter((r) => !l.rows.some((x) => x.id === r.id))], cursor: page.nextCursor } : l));
    } catch (e) {
      setError(errorCodeOf(e));
    } finally {
      setLoadingMore(false);
    }
  };

  const onPayment = (p: Payment) =>
    setList((l) => {
      if (!l) return l;
      const known = l.rows.some((r) => r.id === p.id);
      if (!known && isLiveView(l.filter) && seoulDay(new Date(p.createdAt)) === seoulDay(new Date())) return { ...l, rows: prependRow(l.rows, p) };
      return known ? { ...l, rows: updateRows(l.rows, p) } : l;
    });
  usePaymentUpdates(onPayment);

  const recheck = async (id: number) => {
    setChecking(id);
    try {
      onPayment(await pos.recheckPayment({ id }));
    } catch (e) {
      setError(errorCodeOf(e));
    } finally {
      setChecking(null);
    }
  };

  // F2: the search field (a receipt's QR, scanned, finds its payment).
  useEffect(() => {
    if (detailId !== null) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F2') {
        e.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      } else if (e.key === 'ArrowDown' && !isTextEntry(e.target instanceof Element ? e.target : null) && !(e.target instanceof HTMLTableRowElement)) {
        const first = document.querySelector<HTMLElement>('[data-testid="history-row"]');
        if (first) {
          e.preventDefault();
          first.focus();
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [detailId]);

  const back = () => {
    const id = detailId;
    setDetailId(null);
    window.setTimeout(() => document.querySelector<HTMLElement>(`[data-testid="history-row"][data-id="${id}"]`)?.focus(), 0);
  };

  if (detailId !== null) {
    return (
      <main className="screen history">
        <PaymentDetailView id={detailId} onBack={back} onPayment={onPayment} />
      </main>
    );
  }

  const range = csvRange(form);
  const withDate = !list || list.filter.from === undefined || list.filter.from !== list.filter.to;
  return (
    <main className="screen history" data-testid="history-screen">
      <div className="history__head">
        <h1 className="screen-title">{t('history.title')}</h1>
        <p className="history__count" data-testid="history-count" aria-live="polite">
          {list?.count ? t(list.count.capped ? 'history.countCapped' : 'history.countTotal', { count: list.count.total.toLocaleString('en-US') }) : list ? t('history.counting') : ''}
        </p>
        <CsvExportButton from={range.from} to={range.to} />
      </div>
      <HistoryFilters form={form} errors={errors} methods={methods} busy={loading} searchRef={searchRef} onChange={liveChange} onApply={apply} onReset={() => apply(todayForm())} />
      <ErrorText code={error} testId="history-error" />
      {list === null ? (
        !error && <p className="muted">{t('app.loading')}</p>
      ) : list.rows.length === 0 ? (
        <p className="history__empty" data-testid="history-empty">
          {t(isLiveView(list.filter) ? 'history.empty' : 'history.emptyFiltered')}
        </p>
      ) : (
        <>
          <HistoryTable rows={list.rows} withDate={withDate} checking={checking} onOpen={setDetailId} onRecheck={(id) => void recheck(id)} />
          <div className="history__more">
            {list.cursor ? (
              <button type="button" className="btn btn--secondary" data-testid="history-more" disabled={loading} onClick={() => void more()}>
                {loading ? t('app.loading') : t('history.more', { count: HISTORY_PAGE_SIZE })}
              </button>
            ) : (
              <span className="muted" data-testid="history-end">
                {t('history.end', { count: list.rows.length })}
              </span>
            )}
          </div>
        </>
      )}
    </main>
  );
}
