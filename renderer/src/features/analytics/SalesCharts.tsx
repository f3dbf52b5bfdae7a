/**
 * The analytics charts (Chart.js through react-chartjs-2). Only what they use is registered: category and
 * linear scales, bars, arcs, the tooltip (Bar and Doughnut register their own controllers). No animation:
 * a counter PC, and screenshots that show the final figures. Chart.js styles its canvas through the CSSOM
 * (element.style), which the app's CSP allows; it injects no stylesheet.
 */
import { ArcElement, BarElement, CategoryScale, Chart as ChartJS, LinearScale, Tooltip, type ChartOptions, type TooltipItem } from 'chart.js';
import { Bar, Doughnut } from 'react-chartjs-2';
import type { SalesBucket } from '../../../../shared/contract';
import { useI18n } from '../../i18n/i18n';

ChartJS.register(CategoryScale, LinearScale, BarElement, ArcElement, Tooltip);
ChartJS.defaults.font.family = "'Noto Sans CJK KR', 'Noto Sans KR', 'Apple SD Gothic Neo', 'Malgun Gothic', sans-serif";
ChartJS.defaults.font.size = 13;
ChartJS.defaults.color = '#4a5868';

const PRIMARY = '#00796b';
const PALETTE = ['#00796b', '#1565c0', '#ef6c00', '#6a1b9a', '#c62828', '#2e7d32', '#5d4037', '#455a64'];

export interface ChartBucket extends SalesBucket {
  label: string;
}

/** "₩12,000" style amounts for axes and tooltips, in the screen's language. */
function useAmounts() {
  const { t, krw, lang } = useI18n();
  const tip = (b: ChartBucket) => [
    t('analytics.tip.net', { amount: krw(b.net) }),
    t('analytics.tip.count', { count: b.count }),
    ...(b.refunded > 0 ? [t('analytics.tip.refunded', { amount: krw(b.refunded) })] : []),
  ];
  /** Axis ticks: 12,000 → 1.2만 (ko) / 12k (en). */
  const tick = (v: number | string) => {
    const n = Number(v);
    if (lang === 'ko') return n >= 10_000 ? `${(n / 10_000).toLocaleString('ko-KR', { maximumFractionDigits: 1 })}만` : n.toLocaleString('ko-KR');
    return n >= 1000 ? `${(n / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 })}k` : n.toLocaleString('en-US');
  };
  return { tip, tick };
}

export function BarChart({ buckets, testId, horizontal = false, label }: { buckets: readonly ChartBucket[]; testId: string; horizontal?: boolean; label: string }) {
  const { tip, tick } = useAmounts();
  const valueAxis = { beginAtZero: true, ticks: { callback: tick, maxTicksLimit: 6 }, grid: { color: '#e3e8ee' } };
  const options: ChartOptions<'bar'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    indexAxis: horizontal ? 'y' : 'x',
    plugins: {
      tooltip: { callbacks: { title: (items: TooltipItem<'bar'>[]) => buckets[items[0]?.dataIndex ?? 0]?.label ?? '', label: (item: TooltipItem<'bar'>) => tip(buckets[item.dataIndex]!) } },
    },
    scales: horizontal
      ? { x: valueAxis, y: { grid: { display: false } } }
      : { y: valueAxis, x: { grid: { display: false }, ticks: { autoSkip: true, maxRotation: 0 } } },
  };
  const data = { labels: buckets.map((b) => b.label), datasets: [{ label, data: buckets.map((b) => b.net), backgroundColor: PRIMARY, borderRadius: 3, maxBarThickness: 44 }] };
  return (
    <div className="analytics__canvas" data-testid={testId}>
      <Bar options={options} data={data} aria-label={label} role="img" />
    </div>
  );
}

export function DoughnutChart({ buckets, testId, label }: { buckets: readonly ChartBucket[]; testId: string; label: string }) {
  const { tip } = useAmounts();
  const options: ChartOptions<'doughnut'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    cutout: '58%',
    plugins: { tooltip: { callbacks: { title: (items: TooltipItem<'doughnut'>[]) => buckets[items[0]?.dataIndex ?? 0]?.label ?? '', label: (item: TooltipItem<'doughnut'>) => tip(buckets[item.dataIndex]!) } } },
  };
  const data = { labels: buckets.map((b) => b.label), datasets: [{ label, data: buckets.map((b) => b.net), backgroundColor: buckets.map((_, i) => PALETTE[i % PALETTE.length]!), borderWidth: 2, borderColor: '#fff' }] };
  return (
    <div className="analytics__canvas analytics__canvas--round" data-testid={testId}>
      <Doughnut options={options} data={data} aria-label={label} role="img" />
    </div>
  );
}

export const paletteColor = (i: number) => PALETTE[i % PALETTE.length]!;
