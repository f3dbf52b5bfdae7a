/**
 * Request schemas of the Kakao Pay dialect (seed 004), form-urlencoded like kapi.kakao.com:
 * every value arrives as a string; integers as digits. EXTENSIONS are marked.
 */
import { z } from 'zod';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const digits = (v: unknown) => (typeof v === 'string' && /^\s*-?\d{1,15}\s*$/.test(v) ? Number(v) : v);
const str = (max: number) => z.string().trim().min(1).max(max);
const optStr = (max: number) => z.preprocess(blank, z.string().trim().max(max).optional());
const int = (min: number, max: number) => z.preprocess(digits, z.number().int().min(min).max(max));
const optInt = (min: number, max: number) => z.preprocess((v) => digits(blank(v)), z.number().int().min(min).max(max).optional());
const BLOCKED_SCHEMES = new Set(['javascript:', 'data:', 'vbscript:', 'file:', 'blob:']);
/** A redirect target: a parseable absolute URL whose scheme cannot run script (custom app schemes are fine). */
const redirectUrl = str(255).refine((s) => {
  try {
    return !BLOCKED_SCHEMES.has(new URL(s).protocol);
  } catch {
    return false;
  }
}, 'must be an absolute URL (not javascript:, data:, file:)');
const jsonOf = <S extends z.ZodType>(schema: S) =>
  z.preprocess((v) => {
    if (typeof v !== 'string') return v;
    try {
      return JSON.parse(v);
    } catch {
      return Symbol('bad json');
    }
  }, schema);

export const KAKAO_CARD_CORPS = ['SHINHAN', 'KB', 'HYUNDAI', 'LOTTE', 'SAMSUNG', 'NH', 'BC', 'HANA', 'CITI', 'KAKAOBANK', 'KAKAOPAY'] as const;

/** POST /v1/payment/ready */
export const kakaoReadySchema = z
  .object({
    cid: str(10),
    cid_secret: optStr(64),
    partner_order_id: str(100),
    partner_user_id: str(100),
    item_name: str(100),
    item_code: optStr(100),
    quantity: int(1, 1_000_000),
    total_amount: int(-1e15, 1e15),
    tax_free_amount: int(0, 100_000_000),
    vat_amount: optInt(0, 100_000_000),
    /** 컵 보증금, part of total_amount (not taxable; such a payment cannot be part-cancelled). */
    green_deposit: optInt(0, 100_000_000),
    approval_url: redirectUrl,
    cancel_url: redirectUrl,
    fail_url: redirectUrl,
    available_cards: z.preprocess(blank, jsonOf(z.array(z.enum(KAKAO_CARD_CORPS)).max(11)).optional()),
    payment_method_type: z.preprocess(blank, z.enum(['CARD', 'MONEY']).optional()),
    install_month: optInt(0, 12),
    custom_json: z.preprocess(blank, jsonOf(z.record(z.string().max(50), z.string().max(200))).optional()),
    /** EXTENSION: a customer-presented QR ("ONEQ1.…"): the customer authorizes now; the response carries pg_token. */
    qr_token: optStr(64),
  })
  .refine((r) => r.tax_free_amount <= r.total_amount, { message: 'must not exceed total_amount', path: ['tax_free_amount'] })
  .refine((r) => r.tax_free_amount + (r.green_deposit ?? 0) <= r.total_amount, { message: 'with tax_free_amount must not exceed total_amount', path: ['green_deposit'] });

/** POST /v1/payment/approve */
export const kakaoApproveSchema = z.object({
  cid: str(10),
  cid_secret: optStr(64),
  tid: str(20),
  partner_order_id: str(100),
  partner_user_id: str(100),
  pg_token: str(40),
  payload: optStr(200),
  total_amount: optInt(0, 100_000_000),
});

/** POST /v1/payment/cancel. EXTENSION: cancel_request_id makes a retry return the first result. */
export const kakaoCancelSchema = z.object({
  cid: str(10),
  cid_secret: optStr(64),
  tid: str(20),
  cancel_amount: int(1, 100_000_000),
  cancel_tax_free_amount: int(0, 100_000_000),
  cancel_vat_amount: optInt(0, 100_000_000),
  cancel_available_amount: optInt(0, 100_000_000),
  payload: optStr(200),
  cancel_request_id: optStr(64),
});

/** GET or POST /v1/payment/order. EXTENSION: by partner_order_id instead of (or with) tid. */
export const kakaoOrderSchema = z
  .object({
    cid: str(10),
    cid_secret: optStr(64),
    tid: optStr(20),
    partner_order_id: optStr(100),
  })
  .refine((q) => q.tid !== undefined || q.partner_order_id !== undefined, { message: 'tid or partner_order_id is required', path: ['tid'] });

/** POST /v1/payment/quit — EXTENSION (Kakao Pay has no such call; a real tid just expires): the merchant withdraws a readied, unapproved tid. */
export const kakaoQuitSchema = z.object({
  cid: str(10),
  cid_secret: optStr(64),
  tid: str(20),
});
