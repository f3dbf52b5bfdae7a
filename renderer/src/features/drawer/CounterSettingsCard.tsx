/** 매장 screen: 과세 유형 (일반/간이/면세) and 현금영수증 의무발행업종, saved at once (issue 13). */
import { useEffect, useState } from 'react';
import { TAX_TYPES, type CounterSettings } from '../../../../shared/contract-cash';
import type { ErrorCode } from '../../../../shared/domain/errors';
import { pos } from '../../api/pos';
import { ErrorText } from '../../components/ErrorText';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { errorCodeOf } from '../../lib/errors';

export function CounterSettingsCard() {
  const { t } = useI18n();
  const [s, setS] = useState<CounterSettings | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  useEffect(() => {
    void pos.getCounterSettings({}).then(setS, (e: unknown) => setError(errorCodeOf(e)));
  }, []);
  const save = (patch: Partial<CounterSettings>) => {
    setS((cur) => (cur ? { ...cur, ...patch } : cur)); // shown at once; the saved value replaces it
    void pos.updateCounterSettings(patch).then(setS, (e: unknown) => setError(errorCodeOf(e)));
  };
  if (!s) return <ErrorText code={error} testId="counter-settings-error" />;
  return (
    <section className="card counter-settings" data-testid="counter-settings">
      <label className="field">
        {t('store.taxType')}
        <select data-testid="tax-type" value={s.taxType} onChange={(e) => save({ taxType: e.target.value as CounterSettings['taxType'] })}>
          {TAX_TYPES.map((x) => (
            <option key={x} value={x}>
              {t(`store.taxType.${x}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input type="checkbox" data-testid="cr-mandatory" checked={s.cashReceiptMandatory} onChange={(e) => save({ cashReceiptMandatory: e.target.checked })} /> {t('cr.mandatory')}
      </label>
      <p className="muted">{t('cr.mandatoryHint')}</p>
      <ErrorText code={error} testId="counter-settings-error" />
    </section>
  );
}
