/**
 * A product + the cashier's option choices → the sale line's snapshot (name, unit price, options, 면세).
 * The core runs the same function on every catalog line of a checkout, so a stale or forged price is refused.
 */
import type { CartItem, SaleLineOption } from '../cart';
import type { Product } from './catalog-model';

/** Chosen option indexes per group index (groups without a pick may be left out). */
export type OptionSelection = Readonly<Record<number, readonly number[]>>;

export type PricedLine = { ok: true; item: CartItem } | { ok: false; group: number; reason: 'too_few' | 'too_many' | 'unknown_choice' };

export function priceLine(product: Product, selection: OptionSelection, quantity = 1): PricedLine {
  const options: SaleLineOption[] = [];
  let unitPrice = product.price;
  for (const [gi, g] of product.optionGroups.entries()) {
    const picks = [...new Set(selection[gi] ?? [])];
    if (picks.length < g.min) return { ok: false, group: gi, reason: 'too_few' };
    if (picks.length > g.max) return { ok: false, group: gi, reason: 'too_many' };
    for (const oi of picks.sort((a, b) => a - b)) {
      const o = g.options[oi];
      if (!o) return { ok: false, group: gi, reason: 'unknown_choice' };
      unitPrice += o.priceDelta;
      options.push({ group: g.name, name: o.name, priceDelta: o.priceDelta });
    }
  }
  const item: CartItem = { name: product.name, unitPrice, quantity, taxFree: product.taxFree, productId: product.id, categoryId: product.categoryId, options };
  return { ok: true, item };
}

/** The default choice: each group's first `min` options (HOT, 톨). */
export function defaultSelection(product: Product): Record<number, number[]> {
  const sel: Record<number, number[]> = {};
  product.optionGroups.forEach((g, gi) => {
    sel[gi] = Array.from({ length: g.min }, (_, i) => i);
  });
  return sel;
}

/** Unit price a snapshot should have: the product's price now plus the snapshot's options as named in the catalog now; null if an option is gone. */
export function expectedUnitPrice(product: Product, options: readonly SaleLineOption[]): number | null {
  let price = product.price;
  for (const o of options) {
    const g = product.optionGroups.find((x) => x.name === o.group);
    const c = g?.options.find((x) => x.name === o.name);
    if (!c || c.priceDelta !== o.priceDelta) return null;
    price += c.priceDelta;
  }
  return price;
}
