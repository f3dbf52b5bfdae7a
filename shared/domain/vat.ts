/** VAT split of a VAT-inclusive total (Korean 10% VAT): computed here, once, for the whole app. */
export interface VatSplit {
  total: number;
  taxFree: number;
  taxable: number;
  vat: number;
  supply: number;
}

export function splitVat(total: number, taxFree = 0): VatSplit {
  if (!Number.isSafeInteger(total) || !Number.isSafeInteger(taxFree)) throw new RangeError('amounts must be integer KRW');
  if (taxFree < 0 || taxFree > total) throw new RangeError('tax-free amount must be between 0 and the total');
  const taxable = total - taxFree;
  const vat = Math.round(taxable / 11);
  return { total, taxFree, taxable, vat, supply: taxable - vat };
}
