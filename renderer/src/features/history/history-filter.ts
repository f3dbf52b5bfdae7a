/** The filter bar's form ↔ the contract's HistoryFilter, with the cashier's checks. Pure. */
import { HISTORY_STATES, type HistoryFilter, type HistoryState } from '../../../../shared/contract';
import { MAX_PAYMENT_KRW } from '../../../../shared/domain/money';
import { addSeoulDays, seoulDay } from '../../../../shared/domain/time';
import type { MessageKey } from '../../i18n/ko';

export interface FilterForm {
  from: string;
  to: string;
  /** '' = every state. */
  state: HistoryState | '';
  /** '' = every method. */
  method: string;
  minAmount: string;
  maxAmount: string;
  query: string;
}

export const today = () => seoulDay(new Date());

export function todayForm(): FilterForm {
  const d = today();
  return { from: d, to: d, state: '', method: '', minAmount: '', maxAmount: '', query: '' };
}

export type RangePreset = 'today' | 'yesterday' | 'week' | 'month';
export const RANGE_PRESETS: readonly { id: RangePreset; label: MessageKey }[] = [
  { id: 'today', label: 'history.range.today' },
  { id: 'yesterday', label: 'history.range.yesterday' },
  { id: 'week', label: 'history.range.week' },
  { id: 'month', label: 'history.range.month' },
];
export function presetRange(p: RangePreset, now = today()): { from: string; to: string } {
  switch (p) {
    case 'today':
      return { from: now, to: now };
    case 'yesterday': {
      const y = addSeoulDays(now, -1);
      return { from: y, to: y };
    }
    case 'week':
      return { from: addSeoulDays(now, -6), to: now };
    case 'month':
      return { from: addSeoulDays(now, -29), to: now };
  }
}

export type FilterErrors = Partial<Record<'range' | 'minAmount' | 'maxAmount' | 'query', MessageKey>>;

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const QUERY_RE = /^[A-Za-z0-9-]*$/;
function amount(s: string): number | null | 'bad' {
  const t = s.replaceAll(',', '').trim();
  if (t === '') return null;
  if (!/^\d+$/.test(t)) return 'bad';
  const n = Number(t);
  return n <= MAX_PAYMENT_KRW ? n : 'bad';
}

/** The filter for the core, or what the cashier must fix first. */
export function toFilter(f: FilterForm): { ok: true; filter: HistoryFilter } | { ok: false; errors: FilterErrors } {
  const errors: FilterErrors = {};
  if ((f.from && !DAY_RE.test(f.from)) || (f.to && !DAY_RE.test(f.to)) || (f.from && f.to && f.from > f.to)) errors.range = 'history.filter.rangeInvalid';
  const min = amount(f.minAmount);
  const max = amount(f.maxAmount);
  if (min === 'bad') errors.minAmount = 'history.filter.amountInvalid';
  if (max === 'bad') errors.maxAmount = 'history.filter.amountInvalid';
  if (typeof min === 'number' && typeof max === 'number' && min > max) errors.maxAmount = 'history.filter.amountOrder';
  const query = f.query.trim();
  if (!QUERY_RE.test(query) || query.length > 64) errors.query = 'history.filter.queryInvalid';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const filter: HistoryFilter = {
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
    ...(f.state && (HISTORY_STATES as readonly string[]).includes(f.state) ? { states: [f.state] } : {}),
    ...(f.method ? { methods: [f.method] } : {}),
    ...(typeof min === 'number' ? { minAmount: min } : {}),
    ...(typeof max === 'number' ? { maxAmount: max } : {}),
    ...(query ? { query } : {}),
  };
  return { ok: true, filter };
}

/** The list shows today's newest payments unfiltered: a new sale may be put on top as it happens. */
export function isLiveView(f: HistoryFilter): boolean {
  const d = today();
  return (f.to === undefined || f.to >= d) && (f.from === undefined || f.from <= d) && !f.states && !f.methods && f.minAmount === undefined && f.maxAmount === undefined && !f.query;
}

/** The days a CSV export covers: the filter's range, today by default, at most a year. */
export function csvRange(f: FilterForm): { from: string; to: string } {
  const to = f.to || today();
  const from = f.from || to;
  return { from, to };
}
