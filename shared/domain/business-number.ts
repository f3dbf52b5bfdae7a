/** 사업자등록번호 (Korean business registration number): 10 digits, shown as XXX-XX-XXXXX. */
const WEIGHTS = [1, 3, 7, 1, 3, 7, 1, 3, 5] as const;

/** Strips dashes/spaces; returns the 10 digits or null when the shape is wrong. */
export function normalizeBusinessNumber(raw: string): string | null {
  const digits = raw.replace(/[\s-]/g, '');
  return /^\d{10}$/.test(digits) ? digits : null;
}

/** Check digit by the National Tax Service rule (weights 1,3,7,1,3,7,1,3,5 plus floor(d9*5/10)). */
export function businessNumberCheckDigit(firstNine: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(firstNine[i]) * WEIGHTS[i]!;
  sum += Math.floor((Number(firstNine[8]) * 5) / 10);
  return (10 - (sum % 10)) % 10;
}

export function isValidBusinessNumber(raw: string): boolean {
  const digits = normalizeBusinessNumber(raw);
  if (!digits) return false;
  return businessNumberCheckDigit(digits.slice(0, 9)) === Number(digits[9]);
}

/** Formats as the cashier types: "1234" → "123-4", "1234567890" → "123-45-67890". */
export function formatBusinessNumber(raw: string): string {
  const d = raw.replace(/\D/g, '').slice(0, 10);
  if (d.length <= 3) return d;
  if (d.length <= 5) return `${d.slice(0, 3)}-${d.slice(3)}`;
  return `${d.slice(0, 3)}-${d.slice(3, 5)}-${d.slice(5)}`;
}
