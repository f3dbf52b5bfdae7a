/** The lines of the sale. A focused line: Delete removes it, +/− change its quantity, ↑/↓ move. */
import type { KeyboardEvent } from 'react';
import { itemLabel } from '../../../../shared/domain/cart';
import { useI18n } from '../../i18n/i18n';
import type { CartLine } from './cart-lines';

interface CartLinesProps {
  lines: readonly CartLine[];
  disabled: boolean;
  onRemove: (id: number) => void;
  onQuantity: (id: number, quantity: number) => void;
  /** Where focus goes when the last line is removed from the keyboard. */
  onFocusOut: () => void;
}

export function CartLines({ lines, disabled, onRemove, onQuantity, onFocusOut }: CartLinesProps) {
  const { t, krw } = useI18n();

  const onKeyDown = (line: CartLine) => (e: KeyboardEvent<HTMLLIElement>) => {
    if (disabled || e.target !== e.currentTarget || e.ctrlKey || e.altKey || e.metaKey) return;
    const li = e.currentTarget;
    if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      const next = (li.nextElementSibling ?? li.previousElementSibling) as HTMLElement | null;
      if (next) next.focus();
      else onFocusOut();
      onRemove(line.id);
    } else if (e.key === '+' || e.code === 'NumpadAdd' || e.code === 'Equal') {
      e.preventDefault();
      onQuantity(line.id, line.quantity + 1);
    } else if (e.key === '-' || e.code === 'NumpadSubtract' || e.code === 'Minus') {
      e.preventDefault();
      onQuantity(line.id, line.quantity - 1);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const to = (e.key === 'ArrowDown' ? li.nextElementSibling : li.previousElementSibling) as HTMLElement | null;
      to?.focus();
    }
  };

  return (
    <section className="lines" aria-labelledby="lines-title">
      <h2 id="lines-title" className="panel-title">
        {t('lines.title')} <span className="lines__count">{lines.length > 0 && t('lines.count', { count: lines.length })}</span>
      </h2>
      {lines.length === 0 && <p className="lines__empty">{t('lines.empty')}</p>}
      <ul className="lines__list" data-testid="cart-lines" data-count={lines.length}>
        {lines.map((l) => (
          <li key={l.id} className="line" data-testid="cart-line" tabIndex={0} onKeyDown={onKeyDown(l)} aria-label={`${itemLabel(l)} ${krw(l.unitPrice)} × ${l.quantity}`}>
            <span className="line__name">
              {itemLabel(l)}
              {l.taxFree && <span className="tag">{t('lines.taxFree')}</span>}
            </span>
            <span className="line__unit num">{krw(l.unitPrice)}</span>
            <span className="line__qty">
              <button type="button" className="btn btn--icon" tabIndex={-1} aria-label={t('lines.qtyMinus')} disabled={disabled || l.quantity <= 1} onClick={() => onQuantity(l.id, l.quantity - 1)}>
                −
              </button>
              <span className="num" data-testid="line-qty">
                {l.quantity}
              </span>
              <button type="button" className="btn btn--icon" tabIndex={-1} aria-label={t('lines.qtyPlus')} disabled={disabled} onClick={() => onQuantity(l.id, l.quantity + 1)}>
                +
              </button>
            </span>
            <span className="line__total num" data-testid="line-total">
              {krw(l.unitPrice * l.quantity)}
            </span>
            <button type="button" className="btn btn--icon btn--danger" tabIndex={-1} data-testid="remove-line" aria-label={t('lines.remove')} title={`${t('lines.remove')} (Del)`} disabled={disabled} onClick={() => onRemove(l.id)}>
              ×
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
