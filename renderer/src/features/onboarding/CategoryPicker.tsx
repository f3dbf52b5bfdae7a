/**
 * 업종 in the store form: the owner finds the trade by name (커피, ㅋㅍ, coffee) or code (5523…) and picks
 * it from the list (arrows + Enter, or a click); a code typed in full is taken as it is, named or not.
 * The field holds the code's digits; under it, the code's name (or "업종 552199 (이름 없음)").
 */
import { useId, useState, type KeyboardEvent, type Ref } from 'react';
import { searchStoreCategories, type StoreCategory } from '../../../../shared/domain/store-category';
import { useI18n } from '../../i18n/i18n';
import { categoryLabel } from './category-label';
import './category-picker.css';

/** Enough rows to choose from without covering the whole form at 1024×768. */
const MAX_SHOWN = 7;

interface CategoryPickerProps {
  value: string;
  onValue: (value: string) => void;
  error?: string | null;
  disabled?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  className?: string;
}

export function CategoryPicker({ value, onValue, error, disabled, inputRef, className }: CategoryPickerProps) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const id = useId();
  const listId = `${id}-list`;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const query = value.trim();
  const code = /^\d{5,6}$/.test(query) ? Number(query) : null;
  // a whole code typed: nothing left to find
  const matches = code !== null ? [] : searchStoreCategories(query).slice(0, MAX_SHOWN);
  const shown = open && matches.length > 0;

  const pick = (c: StoreCategory) => {
    onValue(String(c.code));
    setOpen(false);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) return setOpen(true);
      const n = matches.length;
      if (n > 0) setActive((a) => (e.key === 'ArrowDown' ? (a + 1) % n : (a - 1 + n) % n));
    } else if (e.key === 'Enter' && shown) {
      e.preventDefault(); // picks; the form is sent by the next Enter
      const c = matches[Math.min(active, matches.length - 1)];
      if (c) pick(c);
    } else if (e.key === 'Escape' && shown) {
      e.preventDefault();
      setOpen(false);
    }
  };

  const caption = code !== null ? categoryLabel(code, i18n) : query === '' ? t('store.category.serverAssigns') : !open || matches.length === 0 ? t('store.category.noMatch') : null;
  return (
    <div className={`field category-picker ${error ? 'field--invalid' : ''} ${className ?? ''}`}>
      <label htmlFor={id}>
        {t('store.category.field')}
        <span className="field__optional"> ({t('field.optional')})</span>
      </label>
      <div className="category-picker__box">
      <input
        id={id}
        ref={inputRef}
        data-testid="store-category"
        role="combobox"
        aria-expanded={shown}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown ? `${listId}-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-caption`}
        autoComplete="off"
        spellCheck={false}
        maxLength={40}
        placeholder={t('store.category.placeholder')}
        value={value}
        disabled={disabled}
        onChange={(e) => {
          onValue(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {shown && (
        <ul className="category-picker__list" id={listId} role="listbox" aria-label={t('store.category.list')} data-testid="store-category-list">
          {matches.map((c, i) => (
            <li
              key={c.code}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={`category-picker__option ${i === active ? 'category-picker__option--active' : ''}`}
              data-testid={`store-category-${c.code}`}
              // mousedown, not click: the input keeps focus (its blur would close the list first)
              onMouseDown={(e) => {
                e.preventDefault();
                pick(c);
              }}
            >
              <span className="category-picker__code">{c.code}</span>
              <span className="category-picker__name">{c[lang]}</span>
              <span className="category-picker__group">{t(`store.category.group.${c.group}`)}</span>
            </li>
          ))}
        </ul>
      )}
      </div>
      <p id={`${id}-caption`} className={`category-picker__caption ${code !== null ? 'category-picker__caption--named' : ''}`} data-testid="store-category-name">
        {caption}
      </p>
      {error && (
        <p className="field__error" data-testid="store-category-error">
          {error}
        </p>
      )}
    </div>
  );
}
