/**
 * 메뉴 관리 (on the 매장 screen): categories (add, rename, colour, order, archive), products (add, edit, order,
 * sold-out, archive; barcodes and options in the form), the demo menu and the CSV import/export.
 */
import { useEffect, useState } from 'react';
import { CATEGORY_COLORS, type Catalog, type Category, type Product } from '../../../../shared/domain/catalog/catalog-model';
import type { ErrorCode } from '../../../../shared/domain/errors';
import { pos } from '../../api/pos';
import { ErrorText } from '../../components/ErrorText';
import { useI18n } from '../../i18n/i18n';
import { errorCodeOf } from '../../lib/errors';
import { CatalogCsvPanel } from './CatalogCsvPanel';
import { catalogChanged, useCatalog } from './catalog-store';
import { DemoCatalogOffer } from './DemoCatalogOffer';
import { ProductForm } from './ProductForm';
import './menu.css';

const swap = <T,>(xs: readonly T[], i: number, j: number): T[] => {
  const out = [...xs];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
};

export function CatalogManager() {
  const { t, krw } = useI18n();
  const active = useCatalog();
  const [all, setAll] = useState<Catalog | null>(null);
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<Product | 'new' | null>(null);
  const [newCategory, setNewCategory] = useState('');
  const [error, setError] = useState<ErrorCode | null>(null);

  // the full list (archived too) follows every change of the shared catalog
  useEffect(() => {
    let alive = true;
    pos.getCatalog({ includeArchived: true }).then((c) => alive && setAll(c), (e: unknown) => alive && setError(errorCodeOf(e)));
    return () => {
      alive = false;
    };
  }, [active]);
  const catalog = all ?? active;
  const categories = catalog.categories.filter((c) => showArchived || !c.archived);
  const products = catalog.products.filter((p) => showArchived || !p.archived);

  const act = async (f: () => Promise<unknown>) => {
    try {
      await f();
      setError(null);
      await catalogChanged();
    } catch (e) {
      setError(errorCodeOf(e));
    }
  };
  const saveCategory = (c: Category, patch: Partial<Category>) => act(() => pos.saveCategory({ id: c.id, name: c.name, color: c.color, sortOrder: c.sortOrder, archived: c.archived, ...patch }));
  const moveCategory = (i: number, d: -1 | 1) => act(() => pos.reorderCatalog({ kind: 'category', ids: swap(catalog.categories, i, i + d).map((c) => c.id) }));
  const moveProduct = (p: Product, d: -1 | 1) => {
    const ids = catalog.products.map((x) => x.id);
    const i = ids.indexOf(p.id);
    if (i + d < 0 || i + d >= ids.length) return;
    void act(() => pos.reorderCatalog({ kind: 'product', ids: swap(ids, i, i + d) }));
  };
  const toggleArchived = (p: Product) =>
    act(() => pos.saveProduct({ id: p.id, categoryId: p.categoryId, name: p.name, alias: p.alias, price: p.price, taxFree: p.taxFree, barcodes: p.barcodes, soldOut: p.soldOut, archived: !p.archived, sortOrder: p.sortOrder, optionGroups: p.optionGroups }));

  return (
    <section className="catalog" data-testid="catalog-manager">
      <h2 className="screen-title">{t('nav.catalog')}</h2>
      <DemoCatalogOffer />
      <ErrorText code={error} testId="catalog-error" />
      <label className="catalog-form__check">
        <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} /> {t('catalog.showArchived')}
      </label>
      <div className="catalog-grid">
        <section className="catalog-card">
          <h3>{t('catalog.categories')}</h3>
          <ul className="catalog-list" data-testid="catalog-categories">
            {categories.map((c, i) => (
              <li key={c.id} className={c.archived ? 'is-archived' : ''}>
                <input type="color" aria-label={t('catalog.color')} value={c.color} onChange={(e) => void saveCategory(c, { color: e.target.value })} />
                <input aria-label={t('catalog.name')} defaultValue={c.name} onBlur={(e) => e.target.value !== c.name && void saveCategory(c, { name: e.target.value })} />
                <button type="button" className="btn btn--small" aria-label={t('catalog.up')} disabled={i === 0} onClick={() => void moveCategory(i, -1)}>
                  ↑
                </button>
                <button type="button" className="btn btn--small" aria-label={t('catalog.down')} disabled={i === categories.length - 1} onClick={() => void moveCategory(i, 1)}>
                  ↓
                </button>
                <button type="button" className="btn btn--small" onClick={() => void saveCategory(c, { archived: !c.archived })}>
                  {c.archived ? t('catalog.unarchive') : t('catalog.archive')}
                </button>
              </li>
            ))}
          </ul>
          <form
            className="catalog-row"
            onSubmit={(e) => {
              e.preventDefault();
              if (newCategory.trim() === '') return;
              void act(() => pos.saveCategory({ name: newCategory, color: CATEGORY_COLORS[catalog.categories.length % CATEGORY_COLORS.length], sortOrder: (catalog.categories.length + 1) * 10 })).then(() => setNewCategory(''));
            }}
          >
            <input value={newCategory} placeholder={t('catalog.newCategory')} data-testid="category-new-name" onChange={(e) => setNewCategory(e.target.value)} />
            <button type="submit" className="btn btn--secondary" data-testid="category-add">
              + {t('catalog.newCategory')}
            </button>
          </form>
        </section>
        <section className="catalog-card">
          <div className="catalog-row">
            <h3>{t('catalog.products')}</h3>
            <button type="button" className="btn btn--secondary" data-testid="product-new" onClick={() => setEditing('new')}>
              + {t('catalog.newProduct')}
            </button>
          </div>
          {editing && (
            <ProductForm
              key={editing === 'new' ? 'new' : editing.id}
              product={editing === 'new' ? null : editing}
              categories={catalog.categories.filter((c) => !c.archived)}
              onCancel={() => setEditing(null)}
              onSaved={() => {
                setEditing(null);
                void catalogChanged();
              }}
            />
          )}
          <table className="psales__table catalog-products" data-testid="catalog-products">
            <tbody>
              {products.map((p) => (
                <tr key={p.id} className={p.archived ? 'is-archived' : ''} data-testid="catalog-product" data-name={p.name}>
                  <td>
                    <button type="button" className="linklike" onClick={() => setEditing(p)}>
                      {p.name}
                    </button>
                    {p.taxFree && <small> · {t('catalog.taxFree')}</small>}
                    {p.soldOut && <small className="error-text"> · {t('catalog.soldOut')}</small>}
                    {p.archived && <small> · {t('catalog.archived')}</small>}
                  </td>
                  <td className="muted">{catalog.categories.find((c) => c.id === p.categoryId)?.name ?? ''}</td>
                  <td className="num">{krw(p.price)}</td>
                  <td className="num">
                    <button type="button" className="btn btn--small" aria-label={t('catalog.up')} onClick={() => moveProduct(p, -1)}>
                      ↑
                    </button>
                    <button type="button" className="btn btn--small" aria-label={t('catalog.down')} onClick={() => moveProduct(p, 1)}>
                      ↓
                    </button>
                    <button type="button" className="btn btn--small" data-testid="product-soldout-toggle" onClick={() => void act(() => pos.setProductSoldOut({ id: p.id, soldOut: !p.soldOut }))}>
                      {t('catalog.soldOut')}
                    </button>
                    <button type="button" className="btn btn--small" data-testid="product-archive" onClick={() => void toggleArchived(p)}>
                      {p.archived ? t('catalog.unarchive') : t('catalog.archive')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      <CatalogCsvPanel />
    </section>
  );
}
