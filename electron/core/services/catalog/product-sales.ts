/**
 * Sales by product and by category over Seoul days, from the sale lines' snapshots (payments.items_json):
 * a sale counts at its approval time, like the analytics; a confirmed cancel is shared out over the sale's
 * lines in proportion to their amount (largest remainder, so the lines add up to the cancel exactly).
 */
import type Database from 'better-sqlite3';
import type { ProductSales } from '../../../../shared/contract-catalog';
import type { CartItem } from '../../../../shared/domain/cart';
import { seoulDayRangeUtc } from '../../../../shared/domain/time';

/** Splits `amount` over `weights` proportionally; the parts add up to `amount` exactly. */
export function shareOut(amount: number, weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  if (total <= 0 || amount === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (amount * w) / total);
  const parts = exact.map(Math.floor);
  let rest = amount - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; rest > 0 && k < order.length; k++, rest--) parts[order[k]!.i]! += 1;
  return parts;
}

type Acc = { quantity: number; gross: number; refunded: number };

export class ProductSalesQuery {
  private readonly sales: Database.Statement;
  private readonly categories: Database.Statement;

  constructor(db: Database.Database) {
    this.sales = db.prepare(`
      SELECT p.items_json AS items, p.amount AS amount, p.refunded_amount AS refunded
      FROM payments p
      WHERE p.status = 'approved' AND COALESCE(p.approved_at, p.created_at) >= @start AND COALESCE(p.approved_at, p.created_at) < @end`);
    this.categories = db.prepare('SELECT id, name FROM catalog_categories');
  }

  get(from: string, to: string): ProductSales {
    const range = { start: seoulDayRangeUtc(from).start, end: seoulDayRangeUtc(to).end };
    const products = new Map<string, Acc & { productId: number | null; name: string; categoryId: number | null }>();
    for (const s of this.sales.iterate(range) as Iterable<{ items: string; amount: number; refunded: number }>) {
      const items = JSON.parse(s.items) as CartItem[];
      const lines = items.map((it) => it.unitPrice * it.quantity);
      const refunds = shareOut(Math.min(s.refunded, s.amount), lines);
      items.forEach((it, i) => {
        const key = it.productId !== undefined ? `p${it.productId}` : `n${it.name}`;
        const acc = products.get(key) ?? { productId: it.productId ?? null, name: it.name, categoryId: it.categoryId ?? null, quantity: 0, gross: 0, refunded: 0 };
        acc.quantity += it.quantity;
        acc.gross += lines[i]!;
        acc.refunded += refunds[i]!;
        products.set(key, acc);
      });
    }
    const catNames = new Map((this.categories.all() as { id: number; name: string }[]).map((c) => [c.id, c.name]));
    const cats = new Map<number | null, Acc>();
    for (const p of products.values()) {
      const c = cats.get(p.categoryId) ?? { quantity: 0, gross: 0, refunded: 0 };
      c.quantity += p.quantity;
      c.gross += p.gross;
      c.refunded += p.refunded;
      cats.set(p.categoryId, c);
    }
    const byNet = (a: { net: number; quantity: number }, b: { net: number; quantity: number }) => b.net - a.net || b.quantity - a.quantity;
    return {
      from,
      to,
      byProduct: [...products.values()].map((p) => ({ ...p, net: p.gross - p.refunded })).sort(byNet),
      byCategory: [...cats].map(([categoryId, c]) => ({ categoryId, name: categoryId === null ? '' : (catNames.get(categoryId) ?? ''), ...c, net: c.gross - c.refunded })).sort(byNet),
    };
  }
}
