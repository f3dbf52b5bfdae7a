/** "등록되지 않은 바코드": pick the product it belongs to (초성 search, ↑↓, Enter); the code is added to its barcodes. */
import { useState, type KeyboardEvent } from 'react';
import type { Product } from '../../../../shared/domain/catalog/catalog-model';
import { searchByName } from '../../../../shared/domain/catalog/choseong';
import { formatKrw } from '../../../../shared/domain/money';
import { Dialog } from '../../components/Dialog';
import { useI18n } from '../../i18n/i18n';

export function RegisterBarcodeDialog({ code, products, onPick, onClose }: { code: string; products: readonly Product[]; onPick: (p: Product) => void; onClose: () => void }) {
  const { t, lang } = useI18n();
  const [q, setQ] = useState('');
  const [at, setAt] = useState(0);
  const list = (q.trim() === '' ? [...products] : searchByName(products, q, (p) => p)).slice(0, 8);
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setAt((i) => Math.max(0, Math.min(list.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1))));
    } else if (e.key === 'Enter' && list[at]) {
      e.preventDefault();
      onPick(list[at]);
    }
  };
  return (
    <Dialog title={t('menu.registerTitle', { code })} testId="register-barcode" onClose={onClose} className="chooser">
      <input className="register__search" value={q} placeholder={t('menu.searchHint')} data-autofocus data-testid="register-search" onChange={(e) => (setQ(e.target.value), setAt(0))} onKeyDown={onKey} />
      <ul className="register__list">
        {list.map((p, i) => (
          <li key={p.id}>
            <button type="button" className={`register__item ${i === at ? 'is-on' : ''}`} data-testid="register-product" onClick={() => onPick(p)}>
              <span>{p.name}</span>
              <small>{formatKrw(p.price, lang)}</small>
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
