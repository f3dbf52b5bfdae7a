/**
 * Masking of payment instruments on receipts: never the full number, never an expiry date.
 * Cards: the first 6 (BIN) and last 4 digits at most (PCI DSS; the Korean card receipt rule masks
 * digits 7–12), grouped by 4. Accounts: the first 3 and last 3 digits, separators kept.
 * Input that is already masked stays masked ('*' is never turned back into a digit).
 */

/** The PAN part of what a reader or a gateway gave: drops track separators and what follows (expiry, service code). */
function panPart(raw: string): string {
  const beforeTrack = raw.split(/[=^]/)[0] ?? '';
  // "1234 5678 9012 3456 12/27": an expiry written after the number is dropped too.
  const noExpiry = beforeTrack.replace(/\s+(0[1-9]|1[0-2])\s*\/\s*\d{2,4}\s*$/, '');
  return noExpiry.replace(/[^0-9*]/g, '');
}

export function maskCardNumber(raw: string | null | undefined): string {
  if (!raw) return '';
  const pan = panPart(raw);
  if (pan.length === 0) return '';
  const n = pan.length;
  const showHead = n >= 13 ? 6 : 0;
  const showTail = n >= 8 ? 4 : 0;
  let masked = '';
  for (let i = 0; i < n; i++) masked += i < showHead || i >= n - showTail ? pan[i] : '*';
  return masked.match(/.{1,4}/g)!.join('-');
}

export function maskAccountNumber(raw: string | null | undefined): string {
  if (!raw) return '';
  const digits = raw.replace(/[^0-9*]/g, '').length;
  if (digits === 0) return '';
  const head = digits >= 10 ? 3 : 0;
  const tail = digits >= 6 ? 3 : Math.min(2, digits - 1);
  let i = 0;
  let out = '';
  for (const ch of raw.trim()) {
    if (/[0-9*]/.test(ch)) {
      out += i < head || i >= digits - tail ? ch : '*';
      i++;
    } else if (/[-\s]/.test(ch)) {
      out += ch === '-' ? '-' : ' ';
    }
  }
  return out;
}

/** 할부: 0 or 1 month is 일시불 (lump sum). */
export function installmentLabel(months: number | null | undefined): string {
  return !months || months <= 1 ? '일시불' : `${months}개월`;
}
