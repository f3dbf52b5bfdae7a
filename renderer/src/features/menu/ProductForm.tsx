/** Create or edit one product: name, category, price, 면세, 품절, barcodes, English search words, options. */
import { useState } from 'react';
import type { Category, Product } from '../../../../shared/domain/catalog/catalog-model';
import { formatOptionsCell, parseOptionsCell } from '../../../../shared/domain/catalog/catalog-csv';
import type { ErrorCode } from '../../../../shared/domain/errors';
import { pos } from '../../api/pos';
import { ErrorText } from '../../components/ErrorText';
import { Field } from '../../components/Field';
import { useI18n } from '../../i18n/i18n';
import { PosClientError } from '../../../../shared/client';
import { errorCodeOf } from '../../lib/errors';

export function ProductForm({ product, categories, onSaved, onCancel }: { product: Product | null; categories: readonly Category[]; onSaved: (p: Product) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [name, setName] = useState(product?.name ?? '');
  const [price, setPrice] = useState(product ? String(product.price) : '');
  const [categoryId, setCategoryId] = useState<number | null>(product?.categoryId ?? categories[0]?.id ?? null);
  const [taxFree, setTaxFree] = useState(product?.taxFree ?? false);
  const [soldOut, setSoldOut] = useState(product?.soldOut ?? false);
  const [barcodes, setBarcodes] = useState(product?.barcodes.join(' ') ?? '');
  const [alias, setAlias] = useState(product?.alias ?? '');
  const [options, setOptions] = useState(product ? formatOptionsCell(product.optionGroups) : '');
  const [error, setError] = useState<{ code: ErrorCode; detail: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const groups = parseOptionsCell(options);
    if (groups === null) {
      setError({ code: 'CATALOG_OPTION_INVALID', detail: t('catalog.optionsFormat') });
      return;
    }
    setBusy(true);
    try {
      const saved = await pos.saveProduct({
        ...(product ? { id: product.id, archived: product.archived, sortOrder: product.sortOrder } : {}),
        name,
        price: Number(price.replace(/[,\s]/g, '')),
        categoryId,
        taxFree,
        soldOut,
        barcodes: barcodes.split(/[\s,/]+/).filter((b) => b !== ''),
        alias,
        optionGroups: groups,
      });
      setError(null);
      onSaved(saved);
    } catch (e) {
      setError({ code: errorCodeOf(e), detail: e instanceof PosClientError ? (e.detail ?? '') : '' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="catalog-form"
      data-testid="product-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Field label={t('catalog.name')} testId="product-name" value={name} onChange={(e) => setName(e.target.value)} autoFocus />
      <Field label={t('catalog.price')} testId="product-price" inputMode="numeric" value={price} onChange={(e) => setPrice(e.target.value)} />
      <label className="field">
        <span>{t('catalog.category')}</span>
        <select data-testid="product-category" value={categoryId ?? ''} onChange={(e) => setCategoryId(e.target.value === '' ? null : Number(e.target.value))}>
          <option value="">{t('catalog.noCategory')}</option>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label className="catalog-form__check">
        <input type="checkbox" data-testid="product-taxfree" checked={taxFree} onChange={(e) => setTaxFree(e.target.checked)} /> {t('catalog.taxFree')}
      </label>
      <label className="catalog-form__check">
        <input type="checkbox" data-testid="product-soldout" checked={soldOut} onChange={(e) => setSoldOut(e.target.checked)} /> {t('catalog.soldOut')}
      </label>
      <Field label={t('catalog.barcodes')} testId="product-barcodes" className="catalog-form__wide" value={barcodes} onChange={(e) => setBarcodes(e.target.value)} />
      <Field label={t('catalog.alias')} testId="product-alias" value={alias} onChange={(e) => setAlias(e.target.value)} />
      <Field label={t('catalog.options')} testId="product-options" className="catalog-form__wide" value={options} onChange={(e) => setOptions(e.target.value)} />
      <div className="catalog-form__actions">
        {error && (
          <div>
            <ErrorText code={error.code} testId="product-error" />
            {error.detail && <small className="muted mono">{error.detail}</small>}
          </div>
        )}
        <button type="button" className="btn btn--secondary" onClick={onCancel}>
          {t('menu.cancel')}
        </button>
        <button type="submit" className="btn btn--primary" data-testid="product-save" disabled={busy}>
          {t('catalog.save')}
        </button>
      </div>
    </form>
  );
}
