/** The filter bar: Seoul days, state, method, amount range, tid / order id (F2; a scanned receipt QR lands here). Changes apply as they are made; Enter applies at once. */
import { useId, type FormEvent, type Ref } from 'react';
import { HISTORY_STATES, type HistoryState } from '../../../../shared/contract';
import { Kbd } from '../../components/Kbd';
import { useI18n } from '../../i18n/i18n';
import { presetRange, RANGE_PRESETS, type FilterErrors, type FilterForm } from './history-filter';
import { methodText, STATE_LABEL } from './history-model';

interface HistoryFiltersProps {
  form: FilterForm;
  errors: FilterErrors;
  methods: readonly string[];
  busy: boolean;
  searchRef: Ref<HTMLInputElement>;
  /** `typed`: from a text field (applied once typing settles); otherwise applied at once. */
  onChange: (f: FilterForm, typed: boolean) => void;
  onApply: (f: FilterForm) => void;
  onReset: () => void;
}

export function HistoryFilters({ form, errors, methods, busy, searchRef, onChange, onApply, onReset }: HistoryFiltersProps) {
  const { t } = useI18n();
  const id = useId();
  const set = (patch: Partial<FilterForm>, typed = false) => onChange({ ...form, ...patch }, typed);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(form);
  };
  const err = (k: keyof FilterErrors) =>
    errors[k] ? (
      <p className="field__error" data-testid={`filter-${k}-error`}>
        {t(errors[k])}
      </p>
    ) : null;
  return (
    <form className="filters" data-testid="history-filters" onSubmit={submit} noValidate aria-label={t('history.filter.label')}>
      <div className="filters__group filters__range">
        <label htmlFor={`${id}-from`}>{t('history.filter.range')}</label>
        <div className="filters__row">
          <input id={`${id}-from`} type="date" data-testid="filter-from" value={form.from} aria-invalid={errors.range ? true : undefined} onChange={(e) => set({ from: e.target.value }, true)} />
          <span aria-hidden="true">~</span>
          <input type="date" data-testid="filter-to" aria-label={t('history.filter.to')} value={form.to} aria-invalid={errors.range ? true : undefined} onChange={(e) => set({ to: e.target.value }, true)} />
        </div>
        <div className="filters__presets">
          {RANGE_PRESETS.map((p) => (
            <button key={p.id} type="button" className="btn btn--small" data-testid={`filter-preset-${p.id}`} onClick={() => onApply({ ...form, ...presetRange(p.id) })}>
              {t(p.label)}
            </button>
          ))}
          <button type="button" className="btn btn--small" data-testid="filter-preset-all" onClick={() => onApply({ ...form, from: '', to: '' })}>
            {t('history.range.all')}
          </button>
        </div>
        {err('range')}
      </div>
      <div className="filters__group">
        <label htmlFor={`${id}-state`}>{t('history.status')}</label>
        <select id={`${id}-state`} data-testid="filter-state" value={form.state} onChange={(e) => set({ state: e.target.value as HistoryState | '' })}>
          <option value="">{t('history.filter.all')}</option>
          {HISTORY_STATES.map((s) => (
            <option key={s} value={s}>
              {t(STATE_LABEL[s])}
            </option>
          ))}
        </select>
      </div>
      <div className="filters__group">
        <label htmlFor={`${id}-method`}>{t('result.method')}</label>
        <select id={`${id}-method`} data-testid="filter-method" value={form.method} onChange={(e) => set({ method: e.target.value })}>
          <option value="">{t('history.filter.all')}</option>
          {methods.map((m) => (
            <option key={m} value={m}>
              {methodText(m, t)}
            </option>
          ))}
        </select>
      </div>
      <div className="filters__group filters__amounts">
        <label htmlFor={`${id}-min`}>{t('history.filter.amount')}</label>
        <div className="filters__row">
          <input id={`${id}-min`} inputMode="numeric" data-testid="filter-min" placeholder={t('history.filter.min')} value={form.minAmount} aria-invalid={errors.minAmount ? true : undefined} onChange={(e) => set({ minAmount: e.target.value }, true)} />
          <span aria-hidden="true">~</span>
          <input inputMode="numeric" data-testid="filter-max" aria-label={t('history.filter.max')} placeholder={t('history.filter.max')} value={form.maxAmount} aria-invalid={errors.maxAmount ? true : undefined} onChange={(e) => set({ maxAmount: e.target.value }, true)} />
        </div>
        {err('minAmount')}
        {err('maxAmount')}
      </div>
      <div className="filters__group filters__search">
        <label htmlFor={`${id}-q`}>
          {t('history.filter.search')} <Kbd>F2</Kbd>
        </label>
        <input id={`${id}-q`} ref={searchRef} data-testid="filter-query" autoComplete="off" spellCheck={false} placeholder={t('history.filter.searchPlaceholder')} value={form.query} aria-invalid={errors.query ? true : undefined} onChange={(e) => set({ query: e.target.value }, true)} />
        {err('query')}
      </div>
      <div className="filters__buttons">
        <button type="submit" className="btn btn--primary" data-testid="filter-apply" disabled={busy}>
          {t('history.filter.apply')} <Kbd>Enter</Kbd>
        </button>
        <button type="button" className="btn btn--secondary" data-testid="filter-reset" onClick={onReset}>
          {t('history.filter.reset')}
        </button>
      </div>
    </form>
  );
}
