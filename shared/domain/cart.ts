import { z } from 'zod';
import { MAX_PAYMENT_KRW } from './money';
import { splitVat, type VatSplit } from './vat';

/** One chosen option as the sale line keeps it (issue 12): a snapshot, not a reference to the catalog. */
export const saleLineOptionSchema = z.object({ group: z.string().max(40), name: z.string().max(40), priceDelta: z.number().int().min(-1_000_000).max(1_000_000) });
export type SaleLineOption = z.infer<typeof saleLineOptionSchema>;

/**
 * A cart line and, once paid, the sale line's snapshot: name, unit price (options included), 면세, and for a
 * catalog product its id, category and chosen options. Later catalog edits never change it. A typed line
 * ("직접 입력") has no productId.
 */
export const cartItemSchema = z.object({
  name: z.string().trim().min(1).max(60),
  unitPrice: z.number().int().min(0).max(MAX_PAYMENT_KRW),
  quantity: z.number().int().min(1).max(999),
  taxFree: z.boolean().default(false),
  productId: z.number().int().positive().optional(),
  categoryId: z.number().int().positive().nullable().optional(),
  options: z.array(saleLineOptionSchema).max(30).optional(),
});
export type CartItem = z.infer<typeof cartItemSchema>;

export interface CartTotals extends VatSplit {
  /** "아메리카노 외 2건": the item_name sent to the backend (≤ 200 chars). */
  itemName: string;
  quantity: number;
}

export function cartTotals(items: readonly CartItem[]): CartTotals {
  let total = 0;
  let taxFree = 0;
  let quantity = 0;
  for (const it of items) {
    const line = it.unitPrice * it.quantity;
    total += line;
    if (it.taxFree) taxFree += line;
    quantity += it.quantity;
  }
  const first = items[0]?.name ?? '';
  const itemName = items.length > 1 ? `${first} 외 ${items.length - 1}건` : first;
  return { ...splitVat(total, taxFree), itemName: itemName.slice(0, 200), quantity };
}

/** What a line shows on receipts, the customer display and the history: "아메리카노 (ICE, 그란데)". */
export function itemLabel(item: { name: string; options?: readonly { name: string }[] | undefined }): string {
  const opts = item.options ?? [];
  return opts.length === 0 ? item.name : `${item.name} (${opts.map((o) => o.name).join(', ')})`;
}
