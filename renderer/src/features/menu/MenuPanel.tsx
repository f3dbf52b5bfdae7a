/**
 * The checkout's menu: category tabs, 초성 search (`/` or F7), a tile grid (touch ≥ 48 px; arrows move,
 * Enter adds, 1–9 add the numbered tile), 품절 관리 (tap toggles sold-out), and the option chooser and
 * barcode-registration dialogs. Typed lines stay in the 직접 입력 row below it.
 */
import { useEffect, useEffectEvent, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { searchByName } from '../../../../shared/domain/catalog/choseong';
import { formatKrw } from '../../../../shared/domain/money';
import type { Product } from '../../../../shared/domain/catalog/catalog-model';
import { Kbd } from '../../components/Kbd';
import { useI18n } from '../../i18n/i18n';
import { isTextEntry } from '../scan/dom-keys';
import { DemoCatalogOffer } from './DemoCatalogOffer';
import { OptionChooser } from './OptionChooser';
import { RegisterBarcodeDialog } from './RegisterBarcodeDialog';
import type { Menu } from './useMenu';
import './menu.css';

const ALL = 0;

export function MenuPanel({ menu, active, disabled }: { menu: Menu; active: boolean; disabled: boolean }) {
  const { t, lang } = useI18n();
  const [tab, setTab] = useState(ALL);
  const [query, setQuery] = useState('');
  const [soldOutMode, setSoldOutMode] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const { categories, products } = menu.catalog;

  const shown = useMemo(() => {
    if (query.trim() !== '') return searchByName(products, query, (p) => p);
    return tab === ALL ? products : products.filter((p) => p.categoryId === tab);
  }, [products, query, tab]);

  const tap = (p: Product) => {
    if (disabled) return;
    if (soldOutMode) void menu.toggleSoldOut(p);
    else {
      menu.pick(p);
      if (query !== '') setQuery('');
    }
  };

  const focusTile = (i: number) => gridRef.current?.querySelectorAll<HTMLButtonElement>('.tile')[Math.max(0, Math.min(i, shown.length - 1))]?.focus();
  const columns = () => {
    const tiles = gridRef.current?.querySelectorAll<HTMLElement>('.tile');
    if (!tiles || tiles.length < 2) return 1;
    const top = tiles[0]!.offsetTop;
    let n = 0;
    while (n < tiles.length && tiles[n]!.offsetTop === top) n++;
    return Math.max(1, n);
  };

  const onGridKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const tiles = [...(gridRef.current?.querySelectorAll<HTMLButtonElement>('.tile') ?? [])];
    const i = tiles.indexOf(document.activeElement as HTMLButtonElement);
    const move = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: columns(), ArrowUp: -columns() }[e.key];
    if (move !== undefined && i >= 0) {
      e.preventDefault();
      if (e.key === 'ArrowUp' && i - columns() < 0) searchRef.current?.focus();
      else focusTile(i + move);
    } else if (/^[1-9]$/.test(e.key) && !e.ctrlKey && !e.altKey && !e.metaKey) {
      const p = shown[Number(e.key) - 1];
      if (p) {
        e.preventDefault();
        tap(p);
      }
    }
  };

  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'Enter' && shown[0]) {
      e.preventDefault();
      tap(shown[0]);
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      focusTile(0);
    } else if (e.key === 'Escape' && query !== '') {
      e.preventDefault();
      e.stopPropagation();
      setQuery('');
    }
  };

  // `/` (outside a text field) or F7: search; F6: register the unknown barcode just scanned.
  const onKey = useEffectEvent((e: globalThis.KeyboardEvent) => {
    if (e.defaultPrevented || e.isComposing || disabled) return;
    if (e.key === 'F7' || (e.key === '/' && !isTextEntry(document.activeElement))) {
      e.preventDefault();
      searchRef.current?.focus();
      searchRef.current?.select();
    } else if (e.key === 'F6' && menu.unknownCode) {
      e.preventDefault();
      menu.startRegister();
    }
  });
  useEffect(() => {
    if (!active) return;
    const h = (e: globalThis.KeyboardEvent) => onKey(e);
    window.addEventListener('keydown', h);
    return () => window.removeEventListener('keydown', h);
  }, [active]);

  if (products.length === 0) return <DemoCatalogOffer />;
  return (
    <section className="menu" aria-label={t('menu.title')} data-testid="menu">
      <div className="menu__bar">
        <div className="menu__tabs" role="tablist">
          <button type="button" role="tab" aria-selected={tab === ALL && query === ''} className="menu__tab" data-testid="menu-tab-all" onClick={() => (setTab(ALL), setQuery(''))}>
            {t('menu.all')}
          </button>
          {categories.map((c) => (
            <button
              key={c.id}
              type="button"
              role="tab"
              aria-selected={tab === c.id && query === ''}
              className="menu__tab"
              style={{ borderColor: c.color }}
              data-testid="menu-tab"
              onClick={() => (setTab(c.id), setQuery(''))}
            >
              {c.name}
            </button>
          ))}
        </div>
        <label className="menu__search">
          <span className="sr-only">{t('menu.search')}</span>
          <input
            ref={searchRef}
            type="search"
            value={query}
            placeholder={t('menu.searchHint')}
            data-testid="menu-search"
            disabled={disabled}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={onSearchKey}
            autoComplete="off"
          />
          <Kbd>/</Kbd>
        </label>
        <button type="button" className={`menu__soldout-mode ${soldOutMode ? 'is-on' : ''}`} aria-pressed={soldOutMode} data-testid="menu-soldout-mode" onClick={() => setSoldOutMode((m) => !m)}>
          {t('menu.soldOutMode')}
        </button>
      </div>
      <div className="menu__grid" ref={gridRef} onKeyDown={onGridKey} data-testid="menu-grid">
        {shown.length === 0 && <p className="menu__empty">{t('menu.noMatch')}</p>}
        {shown.map((p, i) => {
          const cat = categories.find((c) => c.id === p.categoryId);
          return (
            <button
              key={p.id}
              type="button"
              className={`tile ${p.soldOut ? 'tile--soldout' : ''}`}
              style={cat ? { borderTopColor: cat.color } : undefined}
              data-testid="menu-tile"
              data-name={p.name}
              aria-disabled={p.soldOut && !soldOutMode}
              disabled={disabled}
              onClick={() => tap(p)}
            >
              {i < 9 && <span className="tile__key">{i + 1}</span>}
              <span className="tile__name">{p.name}</span>
              <span className="tile__price">{p.soldOut ? t('menu.soldOut') : formatKrw(p.price, lang)}</span>
              {p.optionGroups.length > 0 && <span className="tile__opts" aria-hidden="true">＋</span>}
            </button>
          );
        })}
      </div>
      {menu.unknownCode && (
        <div className="menu__unknown" data-testid="menu-unknown-code">
          <span className="mono">{menu.unknownCode}</span>
          <button type="button" className="btn btn--secondary" data-testid="menu-register-code" onClick={menu.startRegister}>
            <Kbd>F6</Kbd>&nbsp;{t('menu.registerCode')}
          </button>
        </div>
      )}
      {menu.choosing && <OptionChooser product={menu.choosing} onAdd={menu.addChosen} onClose={menu.closeChooser} />}
      {menu.registering && menu.unknownCode && <RegisterBarcodeDialog code={menu.unknownCode} products={products} onPick={(p) => void menu.register(p)} onClose={menu.closeRegister} />}
    </section>
  );
}
