/**
 * Product barcodes: EAN-13, EAN-8 and UPC-A (GS1 mod-10 check digit) and Code 128 (any printable ASCII;
 * its own check character is verified by the reader and not part of the text).
 */
export const BARCODE_FORMATS = ['EAN-13', 'EAN-8', 'UPC-A', 'Code128'] as const;
export type BarcodeFormat = (typeof BARCODE_FORMATS)[number];
export const MAX_BARCODE_LENGTH = 48;

/** GS1 check digit of the digits before it (weights 3,1,3,1… from the right). */
export function gs1CheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const d = body.charCodeAt(body.length - 1 - i) - 48;
    sum += d * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

export function hasValidGs1Check(code: string): boolean {
  if (!/^\d{8}$|^\d{12,13}$/.test(code)) return false;
  return gs1CheckDigit(code.slice(0, -1)) === Number(code.at(-1));
}

export type BarcodeParse = { ok: true; format: BarcodeFormat; code: string } | { ok: false; reason: 'empty' | 'check_digit' | 'not_printable' | 'too_long' };

/**
 * What kind of product code the text is. 8, 12 or 13 digits must carry a valid GS1 check digit (a misread
 * EAN is refused, not looked up); other printable ASCII up to 48 chars is taken as Code 128.
 */
export function parseBarcode(raw: string): BarcodeParse {
  const code = raw.trim();
  if (code === '') return { ok: false, reason: 'empty' };
  if (code.length > MAX_BARCODE_LENGTH) return { ok: false, reason: 'too_long' };
  if (!/^[\x21-\x7e]+$/.test(code)) return { ok: false, reason: 'not_printable' };
  if (/^\d{8}$|^\d{12,13}$/.test(code)) {
    if (!hasValidGs1Check(code)) return { ok: false, reason: 'check_digit' };
    return { ok: true, format: code.length === 13 ? 'EAN-13' : code.length === 12 ? 'UPC-A' : 'EAN-8', code };
  }
  return { ok: true, format: 'Code128', code };
}

/** The key a barcode is stored and looked up under: a UPC-A is the EAN-13 with a leading 0, so both find the product. */
export function barcodeKey(code: string): string {
  return /^\d{12}$/.test(code) ? `0${code}` : code;
}
