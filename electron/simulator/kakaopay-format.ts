/**
 * Kakao Pay's response shapes (seed 004): amounts as { total, tax_free, vat, point, discount, green_deposit },
 * times as "YYYY-MM-DDTHH:mm:ss" (Seoul), errors as { code: <negative number>, msg, extras }.
 * The negative codes approximate Kakao's; extras.method_result_code carries the simulator's ErrorCode
 * (with its ko/en messages), which is what the terminal's Kakao adapter reads.
 */
import type { ErrorCode } from '../../shared/domain/errors';
import type { Customers } from './customers';
import { APPROVED, type ActionRow, type PaymentRow } from './payment-repo';
import type { SimError } from './sim-errors';

export const kakaoTime = (iso: string | null) => (iso ? new Date(Date.parse(iso) + 9 * 3600_000).toISOString().slice(0, 19) : null);

/**
 * Kakao's response-code table (developers.kakaopay.com, "응답 코드"; README.md quotes it) for each
 * simulator error; a context-dependent number is set on the error itself (SimError.kakao()).
 */
const KAKAO_CODE: Partial<Record<ErrorCode, number>> = {
  VALIDATION_FAILED: -2,
  AMOUNT_INVALID: -2,
  METHOD_NOT_ALLOWED: -2,
  STORE_NOT_FOUND: -2,
  DUPLICATE_ORDER: -2,
  MERCHANT_AUTH_FAILED: -401,
  PAYMENT_NOT_AUTHORIZED: -701, // 결제 인증이 완료되지 않음 (a wrong pg_token is -708, set where it is found)
  DUPLICATE_TRANSACTION: -702, // 이미 결제 완료된 tid (a repeated approve)
  AMOUNT_MISMATCH: -704,
  CANCEL_AMOUNT_EXCEEDED: -710,
  PAYMENT_NOT_FOUND: -721,
  PAYMENT_EXPIRED: -723,
  PAYMENT_STATE: -784, // cannot cancel in this state; approve sets -783 / -702
  INTERNAL: -1,
};
/** The legacy API (kapi.kakao.com /v1/payment/…) and the current open API (open-api.kakaopay.com /online/v1/payment/…). */
export const isKakaoPath = (url: string) => url.startsWith('/v1/') || url.startsWith('/online/v1/');

/** Kakao answers every payment error with HTTP 400, a bad key with 401 (README.md). */
function kakaoStatus(e: SimError): number {
  if (e.injected || e.status >= 500 || e.code === 'UNKNOWN_METHOD' || e.code === 'FORBIDDEN') return e.status;
  return e.code === 'MERCHANT_AUTH_FAILED' ? 401 : 400;
}

/** The Kakao dialect's error answer: { code, msg, extras: { method_result_code, method_result_message } } and its status. */
export function kakaoError(e: SimError): { status: number; body: unknown } {
  const b = e.body();
  return {
    status: kakaoStatus(e),
    body: {
      code: e.kakaoCode ?? KAKAO_CODE[e.code] ?? -780, // -780: approval failure (declines, QR and customer outcomes)
      msg: b.message_en,
      // method_result_code: the simulator's ErrorCode (Kakao puts the payment method's own result code there).
      extras: { method_result_code: b.code, method_result_message: b.message, message_en: b.message_en, detail: b.detail, field: b.field, rsp_code: b.rsp_code },
    },
  };
}

export const kakaoMethod = (p: PaymentRow) => (p.instrument === 'CARD' ? 'CARD' : p.instrument ? 'MONEY' : null);

const money = (total: number, taxFree: number, vat: number, green = 0) => ({ total, tax_free: taxFree, vat, point: 0, discount: 0, green_deposit: green });

export function amountOf(p: PaymentRow) {
  return money(p.amount, p.tax_free_amount, p.vat_amount, p.green_deposit);
}
/** A payment with a green_deposit is cancelled only in full, so its deposit goes back with that cancel. */
const greenBack = (p: PaymentRow, cancelled: number) => (cancelled > 0 && cancelled === p.amount ? p.green_deposit : 0);
function canceledOf(p: PaymentRow) {
  return money(p.canceled_amount, p.canceled_tax_free_amount, p.canceled_vat_amount, greenBack(p, p.canceled_amount));
}
function availableOf(p: PaymentRow) {
  if (!APPROVED.has(p.status)) return money(0, 0, 0);
  return money(p.amount - p.canceled_amount, p.tax_free_amount - p.canceled_tax_free_amount, p.vat_amount - p.canceled_vat_amount, p.canceled_amount === 0 ? p.green_deposit : 0);
}

export function cardInfo(p: PaymentRow, customers: Customers) {
  if (p.instrument !== 'CARD' || p.card_id === null) return undefined;
  const c = customers.card(p.card_id);
  if (!c) return undefined;
  return {
    kakaopay_purchase_corp: '하나카드',
    kakaopay_purchase_corp_code: '08',
    kakaopay_issuer_corp: '하나카드',
    kakaopay_issuer_corp_code: '08',
    bin: c.card_number.slice(0, 6),
    card_type: c.card_type_code === 1 ? '신용' : '체크',
    install_month: String(p.install_month).padStart(2, '0'),
    approved_id: p.tid.slice(-8),
    card_mid: p.cid,
    interest_free_install: 'N',
    installment_type: '',
    card_item_code: '',
  };
}

export function approveBody(p: PaymentRow, aid: string, customers: Customers) {
  return {
    aid,
    tid: p.tid,
    cid: p.cid,
    partner_order_id: p.order_id,
    partner_user_id: p.member_id,
    payment_method_type: kakaoMethod(p),
    item_name: p.item_name,
    item_code: p.item_code ?? undefined,
    quantity: p.quantity,
    amount: amountOf(p),
    card_info: cardInfo(p, customers),
    created_at: kakaoTime(p.created_at),
    approved_at: kakaoTime(p.approved_at),
    payload: p.payload ?? undefined,
  };
}

export function cancelBody(p: PaymentRow, a: ActionRow) {
  return {
    aid: a.aid,
    tid: p.tid,
    cid: p.cid,
    status: p.status,
    partner_order_id: p.order_id,
    partner_user_id: p.member_id,
    payment_method_type: kakaoMethod(p),
    item_name: p.item_name,
    item_code: p.item_code ?? undefined,
    quantity: p.quantity,
    amount: amountOf(p),
    approved_cancel_amount: money(a.amount, a.tax_free_amount, a.vat_amount, greenBack(p, a.amount)),
    canceled_amount: canceledOf(p),
    cancel_available_amount: availableOf(p),
    created_at: kakaoTime(p.created_at),
    approved_at: kakaoTime(p.approved_at),
    canceled_at: kakaoTime(a.created_at),
    payload: a.payload ?? undefined,
  };
}

export function orderBody(p: PaymentRow, actions: ActionRow[], customers: Customers) {
  const card = cardInfo(p, customers);
  return {
    tid: p.tid,
    cid: p.cid,
    status: p.status,
    partner_order_id: p.order_id,
    partner_user_id: p.member_id,
    payment_method_type: kakaoMethod(p),
    item_name: p.item_name,
    item_code: p.item_code ?? undefined,
    quantity: p.quantity,
    amount: amountOf(p),
    canceled_amount: canceledOf(p),
    cancel_available_amount: availableOf(p),
    created_at: kakaoTime(p.created_at),
    approved_at: kakaoTime(p.approved_at),
    canceled_at: kakaoTime(p.canceled_at),
    selected_card_info: card ? { card_bin: card.bin, install_month: p.install_month, card_corp_name: card.kakaopay_issuer_corp, interest_free_install: 'N' } : undefined,
    // Kakao's documented fields of each action: aid, approved_at, amount, point_amount, discount_amount,
    // green_deposit, payment_action_type (PAYMENT / CANCEL / ISSUED_SID), payment_method_type, payload.
    payment_action_details: actions.map((a) => {
      const green = a.type === 'PAYMENT' ? p.green_deposit : greenBack(p, a.amount);
      return {
        aid: a.aid,
        approved_at: kakaoTime(a.created_at),
        amount: a.type === 'PAYMENT' ? a.amount : -a.amount,
        point_amount: 0,
        discount_amount: 0,
        green_deposit: a.type === 'PAYMENT' ? green : -green,
        payment_action_type: a.type,
        payment_method_type: kakaoMethod(p),
        payload: a.payload ?? undefined,
      };
    }),
    // EXTENSIONS: the pg_token once the customer has authorized (for a merchant that has no browser
    // redirect to receive it), the end of the tid validity window, and why a payment failed.
    pg_token: p.status === 'AUTH_PASSWORD' ? p.pg_token : undefined,
    expires_at: kakaoTime(p.expires_at),
    failure_code: p.failure_code ?? undefined,
  };
}
