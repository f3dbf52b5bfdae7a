/**
 * 현금영수증 identity numbers: 소득공제 takes a 휴대전화번호 (010/011/016/017/018/019 + 7–8 digits) or a
 * 현금영수증 카드번호 (13–19 digits); 지출증빙 takes a 사업자등록번호 (10 digits with its check digit).
 * 자진발급: the 국세청's number 010-000-1234 (a cash sale of 100,000원 or more in a 의무발행업종, no number given).
 */
import { isValidBusinessNumber } from '../business-number';

export const CASH_RECEIPT_PURPOSES = ['소득공제', '지출증빙'] as const;
export type CashReceiptPurpose = (typeof CASH_RECEIPT_PURPOSES)[number];
export const SELF_ISSUE_NUMBER = '0100001234';
export const MANDATORY_ISSUE_MIN_KRW = 100_000;

export type IdentityKind = 'phone' | 'card' | 'business' | 'self';
export type IdentityCheck = { ok: true; digits: string; kind: IdentityKind } | { ok: false; reason: 'CASH_RECEIPT_ID_INVALID' | 'BUSINESS_NO_INVALID' };

export function checkIdentity(purpose: CashReceiptPurpose, raw: string): IdentityCheck {
  const digits = raw.replace(/[\s-]/g, '');
  if (!/^\d+$/.test(digits)) return { ok: false, reason: 'CASH_RECEIPT_ID_INVALID' };
  if (purpose === '지출증빙') {
    if (digits.length !== 10) return { ok: false, reason: 'CASH_RECEIPT_ID_INVALID' };
    return isValidBusinessNumber(digits) ? { ok: true, digits, kind: 'business' } : { ok: false, reason: 'BUSINESS_NO_INVALID' };
  }
  if (digits === SELF_ISSUE_NUMBER) return { ok: true, digits, kind: 'self' };
  if (/^01[016789]\d{7,8}$/.test(digits)) return { ok: true, digits, kind: 'phone' };
  if (/^\d{13,19}$/.test(digits)) return { ok: true, digits, kind: 'card' };
  return { ok: false, reason: 'CASH_RECEIPT_ID_INVALID' };
}

/** 010-****-5678, 123-45-*****, 1234-****-****-5678: what receipts and screens show. */
export function maskIdentity(digits: string): string {
  if (digits === SELF_ISSUE_NUMBER) return '010-000-1234';
  if (/^01\d{8,9}$/.test(digits)) return `${digits.slice(0, 3)}-****-${digits.slice(-4)}`;
  if (digits.length === 10) return `${digits.slice(0, 3)}-${digits.slice(3, 5)}-*****`;
  return `${digits.slice(0, 4)}-${'*'.repeat(Math.max(0, digits.length - 8))}-${digits.slice(-4)}`;
}
