/** Money is integer KRW everywhere. */
export const MAX_PAYMENT_KRW = 100_000_000;

export function isValidPaymentAmount(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 1 && n <= MAX_PAYMENT_KRW;
}

/**
 * "1,234,567" for an integer, without ICU: `toLocaleString` builds a number formatter on each call, which
 * showed in the renderer's start-up profile (issue 15). A fraction (never money) keeps toLocaleString.
 */
export function groupThousands(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n));
  let out = '';
  for (let end = digits.length; end > 0; end -= 3) out = digits.slice(Math.max(0, end - 3), end) + (out ? `,${out}` : '');
  return n < 0 ? `-${out}` : out;
}

/** "12,345원" (ko) or "₩12,345" (en). */
export function formatKrw(n: number, lang: 'ko' | 'en' = 'ko'): string {
  const s = groupThousands(Math.abs(n));
  const sign = n < 0 ? '-' : '';
  return lang === 'ko' ? `${sign}${s}원` : `${sign}₩${s}`;
}
