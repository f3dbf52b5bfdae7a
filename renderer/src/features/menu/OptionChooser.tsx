/**
 * Options of one product (HOT/ICE, 사이즈, 샷 추가): every choice is a numbered toggle (touch, or its digit
 * key), quantity with − / + (or the arrow keys), Enter adds, Esc closes. A required group left empty is
 * named, nothing is added.
 */
import { useState, type KeyboardEvent } from 'react';
import type { CartItem } from '../../../../shared/domain/cart';
import type { Product } from '../../../../shared/domain/catalog/catalog-model';
import { defaultSelection, priceLine } from '../../../../shared/domain/catalog/option-pricing';
import { formatKrw } from '../../../../shared/domain/money';
import { Dialog } from '../../components/Dialog';
import { useI18n } from '../../i18n/i18n';

const MAX_QTY = 999;

export function OptionChooser({ product, onAdd, onClose }: { product: Product; onAdd: (item: CartItem) => void; onClose: () => void }) {
  const { t, lang } = useI18n();
  const [sel, setSel] = useState<Record<number, number[]>>(() => defaultSelection(product));
  const [qty, setQty] = useState(1);
  const [missing, setMissing] = useState<number | null>(null);
  const priced = priceLine(product, sel, qty);

  // choices numbered across the groups: 1 HOT, 2 ICE, 3 톨, 4 그란데 …
  const numbered: { gi: number; oi: number }[] = product.optionGroups.flatMap((g, gi) => g.options.map((_, oi) => ({ gi, oi })));
  const toggle = (gi: number, oi: number) => {
    const g = product.optionGroups[gi]!;
    setMissing(null);
    setSel((s) => {
      const cur = s[gi] ?? [];
      if (g.max === 1) return { ...s, [gi]: cur.includes(oi) && g.min === 0 ? [] : [oi] };
      if (cur.includes(oi)) return { ...s, [gi]: cur.filter((x) => x !== oi) };
      return cur.length >= g.max ? s : { ...s, [gi]: [...cur, oi] };
    });
  };
  const confirm = () => {
    if (priced.ok) onAdd(priced.item);
    else setMissing(priced.group);
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.nativeEvent.isComposing) return;
    const n = /^[1-9]$/.test(e.key) ? numbered[Number(e.key) - 1] : undefined;
    if (n) {
      e.preventDefault();
      toggle(n.gi, n.oi);
    } else if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement)) {
      e.preventDefault();
      confirm();
    } else if (e.key === '+' || e.key === 'ArrowRight') {
      e.preventDefault();
      setQty((q) => Math.min(MAX_QTY, q + 1));
    } else if (e.key === '-' || e.key === 'ArrowLeft') {
      e.preventDefault();
      setQty((q) => Math.max(1, q - 1));
    }
  };

  let k = 0;
  return (
    <Dialog title={product.name} testId="option-chooser" onClose={onClose} className="chooser">
      <div onKeyDown={onKey}>
        {product.optionGroups.map((g, gi) => (
          <fieldset key={g.name} className={`chooser__group ${missing === gi ? 'is-missing' : ''}`} data-testid="option-group">
            <legend>
              {g.name}
              <small>{g.min > 0 ? t('menu.required', { n: g.min }) : t('menu.optional', { n: g.max })}</small>
            </legend>
            <div className="chooser__choices">
              {g.options.map((o, oi) => {
                k++;
                const on = (sel[gi] ?? []).includes(oi);
                return (
                  <button key={o.name} type="button" className={`chooser__choice ${on ? 'is-on' : ''}`} aria-pressed={on} data-testid="option-choice" data-name={o.name} onClick={() => toggle(gi, oi)}>
                    <span className="tile__key">{k <= 9 ? k : ''}</span>
                    <span>{o.name}</span>
                    {o.priceDelta !== 0 && <small>{`${o.priceDelta > 0 ? '+' : '−'}${formatKrw(Math.abs(o.priceDelta), lang)}`}</small>}
                  </button>
                );
              })}
            </div>
          </fieldset>
        ))}
        {missing !== null && (
          <p className="error-text" role="alert" data-testid="option-missing">
            {t('menu.chooseGroup', { group: product.optionGroups[missing]?.name ?? '' })}
          </p>
        )}
        <div className="chooser__foot">
          <div className="chooser__qty" role="group" aria-label={t('entry.qty')}>
            <button type="button" className="btn btn--secondary" data-testid="option-qty-minus" onClick={() => setQty((q) => Math.max(1, q - 1))}>
              −
            </button>
            <output data-testid="option-qty">{qty}</output>
            <button type="button" className="btn btn--secondary" data-testid="option-qty-plus" onClick={() => setQty((q) => Math.min(MAX_QTY, q + 1))}>
              +
            </button>
          </div>
          <button type="button" className="btn btn--secondary" onClick={onClose}>
            {t('menu.cancel')}
          </button>
          <button type="button" className="btn btn--primary" data-testid="option-add" data-autofocus onClick={confirm}>
            {t('menu.add')} · {priced.ok ? formatKrw(priced.item.unitPrice * qty, lang) : '—'}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
