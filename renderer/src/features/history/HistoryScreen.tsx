/** 오늘의 거래: today's payments from the ledger, kept current by payment.updated. */
import { useEffect, useState } from 'react';
import type { Payment } from '../../../../shared/contract';
import type { ErrorCode } from '../../../../shared/domain/errors';
import { seoulDay } from '../../../../shared/domain/time';
import { pos } from '../../api/pos';
import { ErrorText } from '../../components/ErrorText';
import { useI18n } from '../../i18n/i18n';
import { errorCodeOf } from '../../lib/errors';
import { usePaymentUpdates } from '../../lib/usePaymentUpdates';
import { HistoryTable } from './HistoryTable';
import { approvedSummary, sortPayments, upsertPayment } from './history-model';

export function HistoryScreen() {
  const { t, krw } = useI18n();
  const [list, setList] = useState<Payment[] | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [reload, setReload] = useState(0);
  const [checking, setChecking] = useState<number | null>(null);

  useEffect(() => {
    let alive = true;
    pos.listPayments({}).then(
      (ps) => {
        if (!alive) return;
        setList(sortPayments(ps));
        setError(null);
      },
      (e: unknown) => alive && setError(errorCodeOf(e)),
    );
    return () => {
      alive = false;
    };
  }, [reload]);

  usePaymentUpdates((p) => setList((l) => (l ? upsertPayment(l, p, seoulDay(new Date())) : l)));

  const recheck = async (id: number) => {
    setChecking(id);
    try {
      const p = await pos.recheckPayment({ id });
      setList((l) => (l ? upsertPayment(l, p, seoulDay(new Date())) : l));
    } catch (e) {
      setError(errorCodeOf(e));
    } finally {
      setChecking(null);
    }
  };

  const summary = approvedSummary(list ?? []);
  return (
    <main className="screen history">
      <div className="history__head">
        <h1 className="screen-title">{t('history.title')}</h1>
        <dl className="history__summary" data-testid="history-summary">
          <dt>{t('history.approvedCount')}</dt>
          <dd className="num" data-testid="history-approved-count">
            {t('history.countValue', { count: summary.count })}
          </dd>
          <dt>{t('history.approvedSum')}</dt>
          <dd className="num" data-testid="history-approved-sum">
            {krw(summary.sum)}
          </dd>
        </dl>
        <button type="button" className="btn btn--secondary" data-testid="history-refresh" onClick={() => setReload((n) => n + 1)}>
          {t('history.refresh')}
        </button>
      </div>
      <ErrorText code={error} testId="history-error" />
      {list === null ? (
        !error && <p className="muted">{t('app.loading')}</p>
      ) : list.length === 0 ? (
        <p className="history__empty" data-testid="history-empty">
          {t('history.empty')}
        </p>
      ) : (
        <HistoryTable list={list} checking={checking} onRecheck={(id) => void recheck(id)} />
      )}
    </main>
  );
}
