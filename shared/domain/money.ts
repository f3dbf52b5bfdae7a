/** Money is integer KRW everywhere. */
export const MAX_PAYMENT_KRW = 100_000_000;

export function isValidPaymentAmount(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 1 && n <= MAX_PAYMENT_KRW;
}

/** "12,345원" (ko) or "₩12,345" (en). */
export function formatKrw(n: number, lang: 'ko' | 'en' = 'ko'): string {
  const s = Math.abs(n).toLocaleString('en-US');
  const sign = n < 0 ? '-' : '';
  return lang === 'ko' ? `${sign}${s}원` : `${sign}₩${s}`;
}
