import { describe, expect, it } from 'vitest';
import { splitVat } from '../../shared/domain/vat';
import { cartTotals } from '../../shared/domain/cart';

describe('VAT split (VAT-inclusive prices)', () => {
  it('splits 11,000 into 10,000 + 1,000', () => {
    expect(splitVat(11_000)).toEqual({ total: 11_000, taxFree: 0, taxable: 11_000, vat: 1_000, supply: 10_000 });
  });
  it('rounds the VAT and keeps supply + vat + taxFree = total', () => {
    for (const [total, taxFree] of [[4_500, 0], [1, 0], [10, 0], [16_000, 3_000], [99_999_999, 1], [100_000_000, 100_000_000]] as const) {
      const s = splitVat(total, taxFree);
      expect(s.supply + s.vat + s.taxFree).toBe(total);
      expect(s.vat).toBe(Math.round((total - taxFree) / 11));
    }
    expect(splitVat(4_500).vat).toBe(409); // 409.09
    expect(splitVat(16).vat).toBe(1); // 1.45
    expect(splitVat(17).vat).toBe(2); // 1.545
  });
  it('rejects non-integer and impossible tax-free amounts', () => {
    expect(() => splitVat(10.5)).toThrow(RangeError);
    expect(() => splitVat(100, 101)).toThrow(RangeError);
    expect(() => splitVat(100, -1)).toThrow(RangeError);
  });
  it('totals a cart with a tax-free line', () => {
    const t = cartTotals([
      { name: '아메리카노', unitPrice: 4_500, quantity: 2, taxFree: false },
      { name: '생수', unitPrice: 1_000, quantity: 1, taxFree: true },
    ]);
    expect(t).toMatchObject({ total: 10_000, taxFree: 1_000, taxable: 9_000, vat: 818, supply: 8_182, quantity: 3, itemName: '아메리카노 외 1건' });
  });
});
