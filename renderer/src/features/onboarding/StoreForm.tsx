/** 매장 등록 form. Validates on blur/submit with the contract's schema before calling pos.registerStore. */
import { Fragment, useRef, useState, type FormEvent } from 'react';
import type { StoreProfile } from '../../../../shared/contract';
import { formatBusinessNumber } from '../../../../shared/domain/business-number';
import type { ErrorCode } from '../../../../shared/domain/errors';
import { pos } from '../../api/pos';
import { ErrorText } from '../../components/ErrorText';
import { Field } from '../../components/Field';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { errorCodeOf } from '../../lib/errors';
import { CategoryPicker } from './CategoryPicker';
import { businessNoError, EMPTY_FORM, FORM_FIELDS, validateStoreForm, type FieldError, type FieldErrors, type FormField, type StoreForm as Form } from './store-form-model';

interface FieldSpec {
  field: FormField;
  label: MessageKey;
  testId: string;
  placeholder?: MessageKey;
  optional?: boolean;
  inputMode?: 'numeric' | 'tel' | 'text';
  maxLength: number;
  autoComplete?: string;
}

const SPECS: readonly FieldSpec[] = [
  { field: 'businessNo', label: 'field.bizNo', testId: 'biz-no', placeholder: 'field.bizNo.placeholder', inputMode: 'numeric', maxLength: 12 },
  { field: 'name', label: 'field.name', testId: 'store-name', maxLength: 100, autoComplete: 'organization' },
  { field: 'representative', label: 'field.representative', testId: 'representative', optional: true, maxLength: 30, autoComplete: 'name' },
  { field: 'phone', label: 'field.phone', testId: 'phone', placeholder: 'field.phone.placeholder', inputMode: 'tel', maxLength: 20, autoComplete: 'tel' },
  { field: 'address1', label: 'field.address1', testId: 'address1', placeholder: 'field.address1.placeholder', maxLength: 200, autoComplete: 'address-level2' },
  { field: 'address2', label: 'field.address2', testId: 'address2', placeholder: 'field.address2.placeholder', maxLength: 200, autoComplete: 'address-line1' },
  { field: 'postNo', label: 'field.postNo', testId: 'post-no', placeholder: 'field.postNo.placeholder', optional: true, inputMode: 'numeric', maxLength: 5, autoComplete: 'postal-code' },
  // issue 10: proof when this business is registered already and this terminal has no merchant key.
  { field: 'enrollmentCode', label: 'field.enrollmentCode', testId: 'enrollment-code', placeholder: 'field.enrollmentCode.placeholder', optional: true, maxLength: 20 },
];

interface StoreFormProps {
  onRegistered: (store: StoreProfile) => void;
  /** Filled in already (re-registering from 설정: the current profile). */
  initial?: Form;
  submitLabel?: string;
}

export function StoreForm({ onRegistered, initial, submitLabel }: StoreFormProps) {
  const { t, err } = useI18n();
  const [form, setForm] = useState<Form>(initial ?? EMPTY_FORM);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const refs = useRef<Partial<Record<FormField, HTMLInputElement | null>>>({});

  const message = (e: FieldError | undefined) => (e ? (e.kind === 'code' ? err(e.code) : t(e.key)) : null);

  const set = (field: FormField, raw: string) => {
    const value = field === 'businessNo' ? formatBusinessNumber(raw) : raw;
    setForm((f) => ({ ...f, [field]: value }));
    if (errors[field]) setErrors(({ [field]: _gone, ...rest }) => rest);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const v = validateStoreForm(form);
    if (!v.ok) {
      setErrors(v.errors);
      setFormError(v.errors.businessNo ? 'BUSINESS_NO_INVALID' : 'VALIDATION_FAILED');
      const first = FORM_FIELDS.find((f) => v.errors[f]);
      if (first) refs.current[first]?.focus();
      return;
    }
    setBusy(true);
    setFormError(null);
    try {
      onRegistered(await pos.registerStore(v.value));
    } catch (ex) {
      const code = errorCodeOf(ex);
      setFormError(code);
      if (code === 'BUSINESS_NO_INVALID') setErrors((x) => ({ ...x, businessNo: { kind: 'code', code } }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="store-form" noValidate onSubmit={(e) => void submit(e)} aria-busy={busy}>
      <div className="store-form__grid">
        {SPECS.map((s, i) => (
          <Fragment key={s.field}>
          {s.field === 'enrollmentCode' && (
            <CategoryPicker
              className="store-form__categoryCd"
              value={form.categoryCd}
              onValue={(v) => set('categoryCd', v)}
              error={message(errors.categoryCd)}
              disabled={busy}
              inputRef={(el) => {
                refs.current.categoryCd = el;
              }}
            />
          )}
          <Field
            className={`store-form__${s.field}`}
            label={t(s.label)}
            testId={s.testId}
            optional={s.optional ?? false}
            inputRef={(el) => {
              refs.current[s.field] = el;
            }}
            value={form[s.field]}
            placeholder={s.placeholder ? t(s.placeholder) : undefined}
            inputMode={s.inputMode}
            maxLength={s.maxLength}
            autoComplete={s.autoComplete ?? 'off'}
            autoFocus={i === 0}
            disabled={busy}
            error={message(errors[s.field])}
            onChange={(e) => set(s.field, e.target.value)}
            onBlur={s.field === 'businessNo' ? () => setErrors((x) => ({ ...x, businessNo: businessNoError(form.businessNo) })) : undefined}
          />
          </Fragment>
        ))}
      </div>
      <ErrorText code={formError} testId="form-error" className="error-text--big" />
      <button type="submit" className="btn btn--primary btn--big" data-testid="register-submit" disabled={busy}>
        {busy ? t('onboarding.submitting') : (submitLabel ?? t('onboarding.submit'))}
      </button>
    </form>
  );
}
