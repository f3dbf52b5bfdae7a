/** Form controls of the settings screen, shaped like components/Field (label, control, inline error). */
import { useId, type ReactNode, type Ref, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { useI18n } from '../../i18n/i18n';

interface SelectFieldProps<V extends string> extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'value' | 'onChange'> {
  label: string;
  testId: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onValue: (value: V) => void;
}

export function SelectField<V extends string>({ label, testId, value, options, onValue, className, ...select }: SelectFieldProps<V>) {
  const id = useId();
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <select id={id} data-testid={testId} value={value} onChange={(e) => onValue(e.target.value as V)} {...select}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  label: string;
  testId: string;
  error?: string | null | undefined;
  hint?: ReactNode;
  inputRef?: Ref<HTMLTextAreaElement>;
}

export function TextAreaField({ label, testId, error, hint, inputRef, className, ...area }: TextAreaFieldProps) {
  const id = useId();
  const errId = `${id}-err`;
  return (
    <div className={`field ${error ? 'field--invalid' : ''} ${className ?? ''}`}>
      <label htmlFor={id}>
        {label}
        {hint && <span className="field__optional"> {hint}</span>}
      </label>
      <textarea id={id} ref={inputRef} data-testid={testId} aria-invalid={error ? true : undefined} aria-describedby={error ? errId : undefined} {...area} />
      {error && (
        <p id={errId} className="field__error" data-testid={`${testId}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

export function CheckField({ label, testId, checked, onChecked, disabled }: { label: string; testId: string; checked: boolean; onChecked: (v: boolean) => void; disabled?: boolean }) {
  return (
    <label className="check-field">
      <input type="checkbox" data-testid={testId} checked={checked} disabled={disabled} onChange={(e) => onChecked(e.target.checked)} />
      {label}
    </label>
  );
}

/** A titled block of the settings screen. */
export function SettingsSection({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="settings__section" data-testid={testId} aria-labelledby={id}>
      <h2 className="panel-title" id={id}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** "저장했습니다" / "저장하지 않은 변경이 있습니다" next to a save button. */
export function SaveState({ state, testId }: { state: 'clean' | 'dirty' | 'saved'; testId: string }) {
  const { t } = useI18n();
  if (state === 'clean') return null;
  return (
    <span className={`settings__state settings__state--${state}`} data-testid={testId} data-state={state} role="status">
      {state === 'saved' ? `✓ ${t('settings.saved')}` : t('settings.unsaved')}
    </span>
  );
}

/**
 * Enter in a section's fields saves (the whole screen, like the 저장 bar): a form submits on Enter only
 * when it has a submit button, so each section keeps this one out of sight (the bar is the visible one).
 */
export function EnterSaves() {
  return <button type="submit" className="sr-only" tabIndex={-1} aria-hidden="true" />;
}
