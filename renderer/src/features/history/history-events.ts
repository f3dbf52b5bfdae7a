/** State-history entries as the cashier reads them. Pure (no i18n import: the caller passes the words). */
import { isErrorCode, type ErrorCode } from '../../../../shared/domain/errors';

/**
 * The detail of a state-history entry as the cashier reads it: an error code becomes its message,
 * "refund #3: 4000" becomes "취소 #3 · 4,000원"; look-up notes ("lookup: approved") stay as they are.
 */
export function eventDetailText(detail: string | null, err: (c: ErrorCode) => string, krw: (n: number) => string, refundLabel: string): string | null {
  if (!detail) return null;
  if (isErrorCode(detail)) return err(detail);
  const m = /^refund #(\d+)(?:: (.*))?$/.exec(detail);
  if (!m) return detail;
  const rest = m[2] ?? '';
  const tail = isErrorCode(rest) ? err(rest) : /^\d+$/.test(rest) ? krw(Number(rest)) : rest;
  return `${refundLabel} #${m[1]}${tail ? ` · ${tail}` : ''}`;
}
