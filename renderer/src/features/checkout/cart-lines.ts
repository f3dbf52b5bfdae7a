/** The cart on the checkout screen: pure functions over lines; money rules come from shared/domain. */
import { cartItemSchema, cartTotals, type CartItem } from '../../../../shared/domain/cart';
import type { ErrorCode } from '../../../../shared/domain/errors';
import { isValidPaymentAmount, MAX_PAYMENT_KRW } from '../../../../shared/domain/money';

/** Used when the cashier types only an amount. Sent to the backend and printed, so it stays Korean. */
export const DEFAULT_ITEM_NAME = '상품';
export const MAX_QUANTITY = 999;
export const MAX_NAME_LENGTH = 60;

export interface CartLine extends CartItem {
  id: number;
}

export interface EntryFields {
  name: string;
  price: string;
  qty: string;
  taxFree: boolean;
}
export const EMPTY_ENTRY: EntryFields = { name: '', price: '', qty: '', taxFree: false };

export type EntryField = 'price' | 'qty' | 'name';
/** What is wrong in the entry row, shown under that field. */
export interface EntryError {
  field: EntryField;
  code: ErrorCode;
}
export type EntryResult = { ok: true; item: CartItem } | ({ ok: false } & EntryError);

/** Digits of a typed price, allowing the thousands separators the field shows. */
function priceDigits(s: string): string {
  return s.replace(/[,\s]/g, '');
}

/** Formats a price as typed: "4500" → "4,500"; anything that is not digits is left as typed (and rejected on Enter). */
export function formatPriceInput(s: string): string {
  const d = priceDigits(s);
  return /^\d+$/.test(d) ? Number(d.slice(0, 12)).toLocaleString('en-US') : s;
}

/** Validates the entry row: price 1…MAX_PAYMENT_KRW in digits (a ₩0 line is refused), quantity 1–999, blank name → "상품". */
export function parseEntry(f: EntryFields): EntryResult {
  const p = priceDigits(f.price);
  if (!/^\d+$/.test(p)) return { ok: false, code: 'PRICE_NOT_NUMBER', field: 'price' };
  if (Number(p) === 0) return { ok: false, code: 'PRICE_ZERO', field: 'price' };
  if (Number(p) > MAX_PAYMENT_KRW) return { ok: false, code: 'PRICE_TOO_HIGH', field: 'price' };
  const q = f.qty.trim() === '' ? '1' : f.qty.trim();
  if (!/^\d+$/.test(q) || Number(q) < 1 || Number(q) > MAX_QUANTITY) return { ok: false, code: 'QTY_INVALID', field: 'qty' };
  const name = f.name.trim().slice(0, MAX_NAME_LENGTH) || DEFAULT_ITEM_NAME;
  const parsed = cartItemSchema.safeParse({ name, unitPrice: Number(p), quantity: Number(q), taxFree: f.taxFree });
  if (!parsed.success) return { ok: false, code: 'VALIDATION_FAILED', field: 'name' };
  return { ok: true, item: parsed.data };
}

export function addLine(lines: readonly CartLine[], item: CartItem, id: number): CartLine[] {
  // the same catalog product with the same options again: one more on its line (issue 12)
  if (item.productId !== undefined) {
    const key = sameLineKey(item);
    const hit = lines.find((l) => sameLineKey(l) === key);
    if (hit) return setQuantity(lines, hit.id, hit.quantity + item.quantity);
  }
  return [...lines, { ...item, id }];
}

export function removeLine(lines: readonly CartLine[], id: number): CartLine[] {
  return lines.filter((l) => l.id !== id);
}

export function setQuantity(lines: readonly CartLine[], id: number, quantity: number): CartLine[] {
  const q = Math.min(MAX_QUANTITY, Math.max(1, Math.trunc(quantity) || 1));
  return lines.map((l) => (l.id === id ? { ...l, quantity: q } : l));
}

/** What the API gets: the lines without their screen ids. */
export function toCartItems(lines: readonly CartLine[]): CartItem[] {
  return lines.map(({ id: _id, ...item }) => item);
}

/** Why this cart cannot be paid (nothing is sent then), or null. */
export function checkoutProblem(lines: readonly CartLine[]): ErrorCode | null {
  if (lines.length === 0) return 'CART_EMPTY';
  if (lines.some((l) => !cartItemSchema.safeParse(l).success)) return 'AMOUNT_INVALID';
  return isValidPaymentAmount(cartTotals(lines).total) ? null : cartOverLimit(lines) ? 'CART_OVER_LIMIT' : 'AMOUNT_INVALID';
}

/** The cart's total is more than one payment may be: flagged while the cart is built, not only at payment. */
export function cartOverLimit(lines: readonly CartLine[]): boolean {
  return cartTotals(lines).total > MAX_PAYMENT_KRW;
}

function sameLineKey(i: CartItem): string {
  return JSON.stringify([i.productId ?? null, i.unitPrice, (i.options ?? []).map((o) => [o.group, o.name])]);
}
