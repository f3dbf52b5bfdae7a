/**
 * Request schemas of the OneQ Pay dialect (seed 003), one per endpoint, with the spec's maximum
 * lengths. Bodies arrive as application/x-www-form-urlencoded, so every value is a string:
 * integers are accepted as strings of digits (or JSON numbers). A blank optional value counts
 * as absent; a blank required value counts as missing.
 */
import { z } from 'zod';
import { isOneqDateTime } from '../../shared/domain/time';

export type PaymentMethod = '계좌' | 'MONEY';
export const PAYMENT_METHODS: readonly PaymentMethod[] = ['계좌', 'MONEY'];

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const digitsToNumber = (v: unknown) => (typeof v === 'string' && /^\s*-?\d{1,15}\s*$/.test(v) ? Number(v) : v);

/** isOneqDateTime throws (RangeError from toISOString) on an impossible date such as 2026.13.40: treat as invalid. */
const oneqDateTime = (s: string) => {
  try {
    return isOneqDateTime(s);
  } catch {
    return false;
  }
};

const str = (max: number) => z.string().trim().min(1).max(max);
const optStr = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());
const int = (min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) => z.preprocess(digitsToNumber, z.number().int().min(min).max(max));
const optInt = (min: number, max: number) => z.preprocess((v) => digitsToNumber(blankToUndefined(v)), z.number().int().min(min).max(max).optional());
const method = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .max(10)
    .refine((v) => (PAYMENT_METHODS as readonly string[]).includes(v), "must be '계좌' or 'MONEY'")
    .transform((v) => v as PaymentMethod)
    .optional(),
);

/** POST /pay/store/token (제휴 API). */
export const registerStoreSchema = z.object({
  business_no: str(15),
  opponent_name: str(100),
  store_phone: str(20),
  store_address1: str(200),
  store_address2: str(200),
  post_no: optStr(5),
  /** EXTENSION: proof on re-registration (or Authorization: SECRET_KEY / KakaoAK of the cid). */
  cid_secret: optStr(64),
  /** EXTENSION: the one-time enrollment code given at the first registration, instead of a key. */
  enrollment_code: optStr(32),
  /**
   * EXTENSION (issue 11): the 업종 the merchant asks for (국세청 업종코드, six digits). The spec lets the
   * server assign category_cd; this simulator assigns the one asked for, else 552101. The answer is what counts.
   */
  category_cd: optInt(10_000, 999_999),
});
export type RegisterStoreInput = z.output<typeof registerStoreSchema>;

/**
 * POST /pay (결제 준비). EXTENSION to the spec: `qr_token` (≤ 64) is the customer-presented QR text
 * ("ONEQ1.…", shared/domain/qr-payload.ts). When present it identifies the customer and the payment
 * method, so bank_acct_num and balance become optional (the terminal does not know the customer's
 * account); when absent they are required, as the spec says (checked in payment-rules.ts).
 */
export const readySchema = z.object({
  cid: str(10),
  category_cd: int(0),
  opponent_name: str(100),
  item_name: str(200),
  item_code: optStr(100),
  member_id: str(100),
  order_id: str(100),
  quantity: int(1, 1_000_000),
  /** Range (1..100,000,000) is checked by the rules as AMOUNT_INVALID. */
  amount: int(),
  payment_method_type: method,
  bank_acct_num: optStr(12),
  bank_acct_alias: optStr(50),
  balance: optInt(0, Number.MAX_SAFE_INTEGER),
  approval_url: str(255),
  cancel_url: str(255),
  fail_url: str(255),
  qr_token: optStr(64),
  /** EXTENSION: the merchant key, when not sent as `Authorization: SECRET_KEY <cid_secret>`. */
  cid_secret: optStr(64),
  /** EXTENSION: the tax-free part of amount (default 0), so that cancels can split it (Kakao's field name). */
  tax_free_amount: optInt(0, 100_000_000),
  /**
   * EXTENSION: 'Y' = the customer will pick the method and enter the password on the payment page
   * (next_redirect_url shows a QR of it; android_app_scheme is the page itself), the seed's
   * "QR 코드를 통해 결제 진행" path. Then neither qr_token nor bank_acct_num / balance is sent.
   */
  phone_approval: z.preprocess(blankToUndefined, z.enum(['Y', 'N']).optional()),
});

/** POST /pay/success (결제 승인). EXTENSION: optional `tid`, which must match the order's tid. */
export const approveSchema = z.object({
  cid: str(10),
  order_id: str(100),
  category_cd: int(0),
  opponent_name: optStr(100),
  item_name: str(200),
  member_id: str(100),
  amount: int(),
  tran_dt: str(20).refine(oneqDateTime, "must be 'YYYY.MM.DD HH:mm:ss' (Seoul time)"),
  tid: optStr(20),
  cid_secret: optStr(64),
});

/** GET /pay/status (EXTENSION, to resolve unknown outcomes): by order_id or by tid (or both, which must agree). */
export const statusQuerySchema = z
  .object({
    cid: str(10),
    order_id: optStr(100),
    tid: optStr(20),
    cid_secret: optStr(64),
  })
  .refine((q) => q.order_id !== undefined || q.tid !== undefined, { message: 'order_id or tid is required', path: ['order_id'] });

/**
 * POST /pay/cancel (EXTENSION: the OneQ Pay spec has no cancel). Full or partial; Kakao's field names
 * for the amounts. `cancel_request_id` (optional) makes a retry safe: the same id returns the first result.
 */
export const cancelSchema = z.object({
  cid: str(10),
  tid: str(20),
  order_id: optStr(100),
  cancel_amount: int(1, 100_000_000),
  cancel_tax_free_amount: z.preprocess((v) => (v === undefined || v === '' ? 0 : v), int(0, 100_000_000)),
  cancel_vat_amount: optInt(0, 100_000_000),
  cancel_request_id: optStr(64),
  cid_secret: optStr(64),
});
export type CancelInput = z.output<typeof cancelSchema>;

/** POST /pay/quit (EXTENSION): the merchant withdraws a readied, unapproved payment (by tid or order_id). */
export const quitSchema = statusQuerySchema;
