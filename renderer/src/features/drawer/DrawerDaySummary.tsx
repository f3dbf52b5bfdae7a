/**
 * 정산: 일마감 by tender (issue 13), the business day's drawer sessions summed by the core
 * (report.tenders): cash and QR sales and refunds, the drawer (float, paid-in/out, expected, counted,
 * over/short) and 현금영수증. The QR figures by method stay in SettlementFigures.
 */
import type { SettlementReport } from '../../../../shared/contract';
import { MoneyRows } from '../../components/MoneyRows';
import { useI18n } from '../../i18n/i18n';

export function DrawerDaySummary({ report }: { report: SettlementReport }) {
  const { t } = useI18n();
  const d = report.tenders;
  if (!d) return null;
  return (
    <div className="settlement-pair" data-testid="drawer-day-summary" data-cash={d.byTender.cash.amount} data-qr={d.byTender.qr.amount} data-over-short={d.cash.overShort} data-net={d.net}>
      <section className="detail-card" aria-labelledby="day-tenders">
        <h2 className="detail-card__title" id="day-tenders">
          {t('day.byTender', { count: d.sessions.count, closed: d.sessions.closed })}
        </h2>
        <MoneyRows
          className="detail-totals"
          testId="day-tenders"
          rows={[
            { label: t('day.cashSales', { count: d.byTender.cash.count }), amount: d.byTender.cash.amount, testId: 'day-cash-sales' },
            { label: t('day.cashRefunds'), amount: d.refunds.cash, tone: 'minus', testId: 'day-cash-refunds' },
            { label: t('day.qrSales', { count: d.byTender.qr.count }), amount: d.byTender.qr.amount, testId: 'day-qr-sales' },
            { label: t('day.qrRefunds'), amount: d.refunds.qr, tone: 'minus', testId: 'day-qr-refunds' },
            { label: t('day.cashReceipts', { count: d.cashReceipts.count }), amount: d.cashReceipts.amount - d.cashReceipts.cancelledAmount, testId: 'day-cash-receipts' },
            { label: t('day.net'), amount: d.net, tone: 'total', testId: 'day-net' },
          ]}
        />
        {d.sessions.open > 0 && (
          <p className="muted" data-testid="day-open-sessions">
            ⚠ {t('day.openSessions', { count: d.sessions.open })}
          </p>
        )}
      </section>
      <section className="detail-card" aria-labelledby="day-drawer">
        <h2 className="detail-card__title" id="day-drawer">
          {t('day.drawer')}
        </h2>
        <MoneyRows
          className="detail-totals"
          testId="day-drawer"
          rows={[
            { label: t('drawer.float'), amount: d.cash.float },
            { label: t('drawer.paidIn'), amount: d.cash.paidIn, testId: 'day-paid-in' },
            { label: t('drawer.paidOut'), amount: d.cash.paidOut, tone: 'minus', testId: 'day-paid-out' },
            { label: t('drawer.expected'), amount: d.cash.expected, testId: 'day-expected' },
            { label: t('drawer.counted'), amount: d.cash.counted, testId: 'day-counted' },
            { label: t('drawer.overShort'), amount: d.cash.overShort, tone: 'total', testId: 'day-over-short' },
          ]}
        />
      </section>
    </div>
  );
}
