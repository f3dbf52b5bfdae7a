import { useId, type InputHTMLAttributes, type Ref } from 'react';
import { useI18n } from '../i18n/i18n';

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  testId: string;
  error?: string | null | undefined;
  optional?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

/** A labelled text input with its inline error. */
export function Field({ label, testId, error, optional, inputRef, className, ...input }: FieldProps) {
  const { t } = useI18n();
  const id = useId();
  const errId = `${id}-err`;
  return (
    <div className={`field ${error ? 'field--invalid' : ''} ${className ?? ''}`}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="field__optional"> ({t('field.optional')})</span>}
      </label>
      <input id={id} ref={inputRef} data-testid={testId} aria-invalid={error ? true : undefined} aria-describedby={error ? errId : undefined} {...input} />
      {error && (
        <p id={errId} className="field__error" data-testid={`${testId}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
