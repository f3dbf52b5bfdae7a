/** What to look at before closing the day: payments and cancels not final, receipts that did not print. */
import type { SettlementReport } from '../../../../shared/contract';
import { useI18n } from '../../i18n/i18n';

export function warningCount(r: SettlementReport): number {
  const w = r.warnings;
  return w.unfinishedPayments.count + w.openRefunds.count + w.unprintedReceipts.count;
}

export function SettlementWarnings({ report, frozen }: { report: SettlementReport; frozen: boolean }) {
  const { t } = useI18n();
  const w = report.warnings;
  if (warningCount(report) === 0) {
    return frozen ? null : (
      <p className="settlement-ok" data-testid="settlement-no-warnings" role="status">
        ✓ {t('settlement.noWarnings')}
      </p>
    );
  }
  const ids = (items: readonly { orderId: string }[], count: number) => `${items.map((i) => i.orderId).join(', ')}${count > items.length ? ` …` : ''}`;
  return (
    <section className="settlement-warnings" data-testid="settlement-warnings" aria-labelledby="settlement-warnings-title">
      <h2 className="settlement-warnings__title" id="settlement-warnings-title">
        ⚠ {t(frozen ? 'settlement.warningsAtClose' : 'settlement.warnings')}
      </h2>
      <ul>
        {w.unfinishedPayments.count > 0 && (
          <li data-testid="warning-unfinished" data-count={w.unfinishedPayments.count}>
            <strong>{t('settlement.warn.unfinished', { count: w.unfinishedPayments.count })}</strong>
            <span className="mono muted">{ids(w.unfinishedPayments.items, w.unfinishedPayments.count)}</span>
          </li>
        )}
        {w.openRefunds.count > 0 && (
          <li data-testid="warning-open-refunds" data-count={w.openRefunds.count}>
            <strong>{t('settlement.warn.openRefunds', { count: w.openRefunds.count })}</strong>
            <span className="mono muted">{ids(w.openRefunds.items, w.openRefunds.count)}</span>
          </li>
        )}
        {w.unprintedReceipts.count > 0 && (
          <li data-testid="warning-unprinted" data-count={w.unprintedReceipts.count}>
            <strong>{t('settlement.warn.unprinted', { count: w.unprintedReceipts.count })}</strong>
            <span className="muted">{t('settlement.warn.unprintedHint')}</span>
          </li>
        )}
      </ul>
    </section>
  );
}
