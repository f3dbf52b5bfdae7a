/**
 * 분석 (Alt+6): the owner's view of sales over a period of Seoul days (오늘 / 최근 7일 / 최근 30일 / 이번 달,
 * or typed dates): totals, and net sales by hour of day, by weekday, by payment method and by category code,
 * each with its own total beside it (they add up to the period's net). Figures come from the core's SQL
 * (pos.getAnalytics); the screen follows new payments and cancels as they happen.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { analyticsInputSchema, type Analytics, type SalesBucket } from '../../../../shared/contract';
import type { ErrorCode } from '../../../../shared/domain/errors';
import { pos } from '../../api/pos';
import { ErrorText } from '../../components/ErrorText';
import { useI18n } from '../../i18n/i18n';
import { categoryLabel } from '../onboarding/category-label';
import { errorCodeOf } from '../../lib/errors';
import { usePaymentUpdates } from '../../lib/usePaymentUpdates';
import { methodKey, WEEK_ORDER, WEEKDAY_KEY } from './analytics-labels';
import { periodDays, presetOf, presetPeriod, PRESETS, type Period, type Preset } from './analytics-period';
import { ProductSalesCard, useProductSales } from './ProductSalesCard';
import { BarChart, DoughnutChart, paletteColor, type ChartBucket } from './SalesCharts';
import './analytics.css';

const PRESET_KEY: Record<Preset, 'analytics.preset.today' | 'analytics.preset.7d' | 'analytics.preset.30d' | 'analytics.preset.month'> = {
  today: 'analytics.preset.today',
  '7d': 'analytics.preset.7d',
  '30d': 'analytics.preset.30d',
  month: 'analytics.preset.month',
};

export function AnalyticsScreen() {
  const i18n = useI18n();
  const { t, krw } = i18n;
  const [period, setPeriod] = useState<Period>(() => presetPeriod('7d'));
  const [rev, setRev] = useState(0);
  /** The figures and which request (period + refresh count) they answer. */
  const [answer, setAnswer] = useState<{ key: string; data: Analytics | null; error: ErrorCode | null } | null>(null);
  const parsed = analyticsInputSchema.safeParse(period);
  const key = `${period.from}|${period.to}|${rev}`;

  useEffect(() => {
    if (!parsed.success) return;
    let alive = true;
    pos.getAnalytics(parsed.data).then(
      (a) => alive && setAnswer({ key, data: a, error: null }),
      (e: unknown) => alive && setAnswer((prev) => ({ key, data: prev?.data ?? null, error: errorCodeOf(e) })),
    );
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the period and the refresh count
  }, [key]);
  // A sale or a cancel finished while the screen is open: the figures follow.
  usePaymentUpdates((p) => {
    if (p.status === 'approved') setRev((n) => n + 1);
  });
  const productSales = useProductSales(period.from, period.to, key);
  const loading = parsed.success && answer?.key !== key;
  const data = answer?.data ?? null;
  const error: ErrorCode | null = parsed.success ? (answer?.key === key ? answer.error : null) : 'VALIDATION_FAILED';

  const active = presetOf(period);
  const label = (b: SalesBucket & { hour?: number; weekday?: number; method?: string | null; categoryCd?: number | null }): string => {
    if (b.hour !== undefined) return t('analytics.hour', { hour: b.hour });
    if (b.weekday !== undefined) return t(WEEKDAY_KEY[b.weekday]!);
    if (b.method !== undefined) {
      const k = methodKey(b.method);
      return k ? t(k) : (b.method ?? '');
    }
    return b.categoryCd === null || b.categoryCd === undefined ? t('analytics.category.none') : categoryLabel(b.categoryCd, i18n);
  };
  const withLabels = <B extends SalesBucket>(xs: readonly B[]): (B & ChartBucket)[] => xs.map((b) => ({ ...b, label: label(b) }));

  const totals = data?.totals;
  const empty = data !== null && data.totals.count === 0;
  return (
    <main className="screen analytics" data-testid="analytics-screen" aria-busy={loading}>
      <div className="analytics__head">
        <h1 className="screen-title">{t('analytics.title')}</h1>
        <div className="analytics__presets" role="group" aria-label={t('analytics.period')}>
          {PRESETS.map((p) => (
            <button key={p} type="button" className={`btn btn--small analytics__preset${active === p ? ' is-active' : ''}`} aria-pressed={active === p} data-testid={`analytics-preset-${p}`} onClick={() => setPeriod(presetPeriod(p))}>
              {t(PRESET_KEY[p])}
            </button>
          ))}
        </div>
        <div className="analytics__dates">
          <label>
            <span className="sr-only">{t('analytics.from')}</span>
            <input type="date" data-testid="analytics-from" value={period.from} max={period.to} onChange={(e) => e.target.value && setPeriod((p) => ({ ...p, from: e.target.value }))} />
          </label>
          <span aria-hidden="true">–</span>
          <label>
            <span className="sr-only">{t('analytics.to')}</span>
            <input type="date" data-testid="analytics-to" value={period.to} min={period.from} onChange={(e) => e.target.value && setPeriod((p) => ({ ...p, to: e.target.value }))} />
          </label>
        </div>
        <button type="button" className="btn btn--small" data-testid="analytics-refresh" disabled={loading} onClick={() => setRev((n) => n + 1)}>
          {t('analytics.refresh')}
        </button>
      </div>
      <p className="muted analytics__note">
        {t('analytics.note', { days: periodDays(period) })}
      </p>
      <ErrorText code={error} testId="analytics-error" />

      {totals && (
        <dl className="analytics__totals" data-testid="analytics-totals" data-net={totals.net} data-gross={totals.gross} data-refunded={totals.refunded} data-count={totals.count}>
          <div className="analytics__total analytics__total--main">
            <dt>{t('analytics.net')}</dt>
            <dd data-testid="analytics-net">{krw(totals.net)}</dd>
          </div>
          <div className="analytics__total">
            <dt>{t('analytics.count')}</dt>
            <dd data-testid="analytics-count">{t('history.countValue', { count: totals.count.toLocaleString('en-US') })}</dd>
          </div>
          <div className="analytics__total">
            <dt>{t('analytics.gross')}</dt>
            <dd data-testid="analytics-gross">{krw(totals.gross)}</dd>
          </div>
          <div className="analytics__total">
            <dt>{t('analytics.refunded')}</dt>
            <dd data-testid="analytics-refunded">
              {krw(totals.refunded)}
              {totals.refundCount > 0 && <small> ({t('history.countValue', { count: totals.refundCount })})</small>}
            </dd>
          </div>
          <div className="analytics__total">
            <dt>{t('analytics.average')}</dt>
            <dd data-testid="analytics-average">{totals.count > 0 ? krw(Math.round(totals.net / totals.count)) : '—'}</dd>
          </div>
        </dl>
      )}

      {empty && (
        <div className="analytics__empty" data-testid="analytics-empty" role="status">
          <strong>{t('analytics.empty')}</strong>
          <span className="muted">{t('analytics.emptyHint')}</span>
        </div>
      )}

      {data && !empty && (
        <div className="analytics__grid">
          <ChartCard title={t('analytics.byHour')} id="hour" buckets={withLabels(data.byHour)} peakLabel={t('analytics.peakHour')}>
            <BarChart buckets={withLabels(data.byHour)} testId="analytics-chart-hour" label={t('analytics.byHour')} />
          </ChartCard>
          <ChartCard title={t('analytics.byWeekday')} id="weekday" buckets={withLabels(WEEK_ORDER.map((w) => data.byWeekday[w]!))} peakLabel={t('analytics.peakWeekday')}>
            <BarChart buckets={withLabels(WEEK_ORDER.map((w) => data.byWeekday[w]!))} testId="analytics-chart-weekday" label={t('analytics.byWeekday')} />
          </ChartCard>
          <ChartCard title={t('analytics.byMethod')} id="method" buckets={withLabels(data.byMethod)} legend>
            <DoughnutChart buckets={withLabels(data.byMethod)} testId="analytics-chart-method" label={t('analytics.byMethod')} />
          </ChartCard>
          {/* issue 12: sales by product and category take the place of the 업종-code chart */}
          <ProductSalesCard sales={productSales} />
        </div>
      )}
    </main>
  );
}

interface ChartCardProps {
  title: string;
  id: string;
  buckets: readonly ChartBucket[];
  children: ReactNode;
  /** "가장 많은 시간대": the bucket with the most net sales. */
  peakLabel?: string;
  /** A list of every bucket with its share (methods, categories). */
  legend?: boolean;
}

/** One chart with its figures beside it: the total of its buckets (= the period's net), the peak or the shares. */
function ChartCard({ title, id, buckets, children, peakLabel, legend = false }: ChartCardProps) {
  const { t, krw } = useI18n();
  const net = buckets.reduce((s, b) => s + b.net, 0);
  const count = buckets.reduce((s, b) => s + b.count, 0);
  const peak = buckets.reduce<ChartBucket | null>((best, b) => (b.net > (best?.net ?? 0) ? b : best), null);
  return (
    <section className="analytics__card" data-testid={`analytics-${id}`} aria-label={title}>
      <div className="analytics__card-head">
        <h2 className="panel-title">{title}</h2>
        <span className="analytics__card-total" data-testid={`analytics-${id}-total`} data-net={net} data-count={count}>
          {krw(net)} · {t('history.countValue', { count })}
        </span>
      </div>
      <div className={`analytics__card-body${legend ? ' analytics__card-body--legend' : ''}`}>
        {children}
        {legend && (
          <table className="analytics__legend" data-testid={`analytics-${id}-table`}>
            <tbody>
              {buckets.map((b, i) => (
                <tr key={b.label} data-net={b.net}>
                  <th scope="row">
                    <span className="analytics__swatch" style={{ background: id === 'method' ? paletteColor(i) : paletteColor(0) }} aria-hidden="true" />
                    {b.label}
                  </th>
                  <td className="num">{krw(b.net)}</td>
                  <td className="num muted">{net > 0 ? `${Math.round((b.net / net) * 100)}%` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {peakLabel && peak && (
        <p className="analytics__peak" data-testid={`analytics-${id}-peak`}>
          {peakLabel}: <strong>{peak.label}</strong> ({krw(peak.net)})
        </p>
      )}
    </section>
  );
}
