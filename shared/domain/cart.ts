import { z } from 'zod';
import { MAX_PAYMENT_KRW } from './money';
import { splitVat, type VatSplit } from './vat';

export const cartItemSchema = z.object({
  name: z.string().trim().min(1).max(60),
  unitPrice: z.number().int().min(0).max(MAX_PAYMENT_KRW),
  quantity: z.number().int().min(1).max(999),
  taxFree: z.boolean().default(false),
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
