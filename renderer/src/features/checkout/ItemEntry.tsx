/** The entry row: 상품명, 단가, 수량, 면세. Enter adds the line; Enter on an empty price goes to the scan field. */
import type { KeyboardEvent, Ref } from 'react';
import { Field } from '../../components/Field';
import { useI18n } from '../../i18n/i18n';
import { useFieldScan } from '../scan/useFieldScan';
import { formatPriceInput, MAX_NAME_LENGTH, type EntryError, type EntryField, type EntryFields } from './cart-lines';

interface ItemEntryProps {
  fields: EntryFields;
  /** What is wrong, said under its field. */
  invalid: EntryError | null;
  disabled: boolean;
  priceRef: Ref<HTMLInputElement>;
  onChange: (f: EntryFields) => void;
  onAdd: () => void;
  /** Enter with nothing typed in the price field. */
  onEmptyEnter: () => void;
  /** A payment QR scanned while the caret was in one of these fields. */
  onScan: (text: string) => void;
}

export function ItemEntry({ fields, invalid, disabled, priceRef, onChange, onAdd, onEmptyEnter, onScan }: ItemEntryProps) {
  const { t, err } = useI18n();
  const errorOf = (f: EntryField) => (invalid?.field === f ? err(invalid.code) : null);
  const restoreAfterScan = (key: 'name' | 'price' | 'qty') => (text: string, before: string) => {
    onChange({ ...fields, [key]: before });
    onScan(text);
  };
  const nameScan = useFieldScan(restoreAfterScan('name'));
  const priceScan = useFieldScan(restoreAfterScan('price'));
  const qtyScan = useFieldScan(restoreAfterScan('qty'));

  const keyDown = (scan: ReturnType<typeof useFieldScan>) => (e: KeyboardEvent<HTMLInputElement>) => {
    if (scan.keyDown(e)) return;
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    e.preventDefault();
    if (fields.price.trim() === '' && fields.name.trim() === '') onEmptyEnter();
    else onAdd();
  };

  return (
    <div className="entry" role="group" aria-label={t('entry.add')}>
      <Field
        className="entry__name"
        label={t('entry.name')}
        testId="item-name-input"
        placeholder={t('entry.namePlaceholder')}
        maxLength={MAX_NAME_LENGTH}
        autoComplete="off"
        value={fields.name}
        disabled={disabled}
        error={errorOf('name')}
        onChange={(e) => onChange({ ...fields, name: e.target.value })}
        onKeyDown={keyDown(nameScan)}
        onKeyUp={nameScan.keyUp}
      />
      <Field
        className="entry__price"
        label={t('entry.price')}
        testId="price-input"
        inputRef={priceRef}
        inputMode="numeric"
        autoComplete="off"
        placeholder="0"
        value={fields.price}
        disabled={disabled}
        error={errorOf('price')}
        onChange={(e) => onChange({ ...fields, price: formatPriceInput(e.target.value) })}
        onKeyDown={keyDown(priceScan)}
        onKeyUp={priceScan.keyUp}
      />
      <Field
        className="entry__qty"
        label={t('entry.qty')}
        testId="qty-input"
        inputMode="numeric"
        autoComplete="off"
        placeholder="1"
        maxLength={3}
        value={fields.qty}
        disabled={disabled}
        error={errorOf('qty')}
        onChange={(e) => onChange({ ...fields, qty: e.target.value })}
        onKeyDown={keyDown(qtyScan)}
        onKeyUp={qtyScan.keyUp}
      />
      <label className="entry__taxfree">
        <input type="checkbox" data-testid="tax-free-input" checked={fields.taxFree} disabled={disabled} onChange={(e) => onChange({ ...fields, taxFree: e.target.checked })} />
        {t('entry.taxFree')}
      </label>
      <button type="button" className="btn btn--secondary entry__add" data-testid="add-line" disabled={disabled} onClick={onAdd}>
        {t('entry.add')}
      </button>
    </div>
  );
}
