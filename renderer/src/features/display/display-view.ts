/** What the customer display says in each phase, and a declined payment's reason in the customer's words. Pure. */
import type { DisplayPhase, DisplayState } from '../../../../shared/contract';
import type { ErrorCode } from '../../../../shared/domain/errors';
import type { MessageKey } from '../../i18n/ko';

/** Reasons a customer can act on, said to the customer (the cashier's messages say "ask for another method"). */
const REASONS: Partial<Record<ErrorCode, MessageKey>> = {
  INSUFFICIENT_BALANCE: 'display.reason.balance',
  CREDIT_LIMIT_EXCEEDED: 'display.reason.limit',
  BILLING_DAY_BALANCE: 'display.reason.billingDay',
  ACCOUNT_INACTIVE: 'display.reason.methodUnusable',
  CARD_INACTIVE: 'display.reason.methodUnusable',
  METHOD_NOT_ALLOWED: 'display.reason.methodNotAccepted',
  CARD_EXPIRED: 'display.reason.cardExpired',
  CONSENT_INFO_EXPIRED: 'display.reason.consent',
  CONSENT_WITHDRAWAL_EXPIRED: 'display.reason.consent',
  QR_EXPIRED: 'display.reason.refreshQr',
  QR_USED: 'display.reason.refreshQr',
  QR_UNKNOWN: 'display.reason.refreshQr',
  QR_TAMPERED: 'display.reason.qrRejected',
  CUSTOMER_QUIT: 'display.reason.quit',
  CUSTOMER_AUTH_FAILED: 'display.reason.password',
  PAYMENT_EXPIRED: 'display.reason.expired',
};

export function reasonKey(code: ErrorCode | null): MessageKey {
  return (code && REASONS[code]) || 'display.reason.other';
}

/** The headline of each phase (idle and thanks are full-screen greetings). */
export const HEADLINE: Record<DisplayPhase, MessageKey> = {
  idle: 'display.welcome',
  cart: 'display.yourOrder',
  awaiting_scan: 'display.scan',
  processing: 'display.processing',
  mpm_qr: 'display.mpmTitle',
  approved: 'display.approved',
  declined: 'display.declined',
  thanks: 'display.thanks',
};

/** "2:59" left until expiresAt (never negative). */
export function timeLeft(expiresAt: string | null, nowMs: number): string | null {
  if (!expiresAt) return null;
  const s = Math.max(0, Math.ceil((Date.parse(expiresAt) - nowMs) / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The newer of two states: pushed events win over an older fetch (seq increases with every change). */
export function newerState(cur: DisplayState | null, next: DisplayState): DisplayState {
  return !cur || next.seq >= cur.seq ? next : cur;
}
