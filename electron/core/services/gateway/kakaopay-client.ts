/**
 * PaymentGateway over the Kakao Pay dialect (seed 004): /v1/payment/{ready,approve,cancel,order},
 * form-urlencoded, `Authorization: KakaoAK <adminKey>` (or `SECRET_KEY <cidSecret>`) on every call.
 * Same failure classification as the OneQ client (http-call.ts); Kakao's error body
 * { code, msg, extras.method_result_code } gives the ErrorCode.
 *
 * The cashier flow is the same as OneQ Pay's: ready() with the customer's QR (extension qr_token)
 * is authorized at once and the backend returns the pg_token, which approve() uses. For the redirect
 * flow (the customer approves on their phone) use readyForPhone() + waitForAuthorization() + approve().
 * Times are converted to the OneQ format ("YYYY.MM.DD HH:mm:ss", Seoul) that the payment service reads.
 * Store registration uses the simulator's /pay/store/token (a real Kakao cid comes with the contract).
 */
import { z } from 'zod';
import { isErrorCode, type ErrorCode } from '../../../../shared/domain/errors';
import { isOneqDateTime } from '../../../../shared/domain/time';
import type { PaymentInstrument } from '../../../../shared/contract-instrument';
import { GatewayError, type ApproveRequest, type LookupResponse, type PaymentGateway, type RemoteStatus } from './gateway';
import { FORM, call, createHttp, readCredentials, toForm, type CredentialsSource, type ErrorBodyParser, type Form, type Send } from './http-call';
import { lookupExtras } from './lookup-extras';
import { createOneqPayGateway, oneqErrorBody } from './oneqpay-client';

/**
 * Which Kakao Pay API the client speaks: 'legacy' = kapi.kakao.com /v1/payment/… (form bodies,
 * KakaoAK <admin key>), 'open' = open-api.kakaopay.com /online/v1/payment/… (JSON, SECRET_KEY <key>).
 */
export type KakaoApiGeneration = 'legacy' | 'open';

export interface KakaoPayGatewayOptions {
  baseUrl: string;
  timeoutMs: number;
  /** Default 'legacy'. */
  generation?: KakaoApiGeneration;
  /** Required by this dialect: the merchant's adminKey (sent as KakaoAK) or cidSecret (sent as SECRET_KEY). */
  credentials?: CredentialsSource;
}

const text = (max: number) => z.string().min(1).max(max);
/** "2026-11-22T10:00:00" (Seoul) → "2026.11.22 10:00:00". */
const oneqTime = (k: string) => `${k.slice(0, 10).replaceAll('-', '.')} ${k.slice(11, 19)}`;
const isoTime = (k: string) => new Date(`${k.slice(0, 19)}+09:00`).toISOString();
/**
 * A real Seoul time with a 4-digit UTC year: "0000-00-00T…", "2026-02-30T…" (which Date rolls over)
 * or "0000-01-01T00:00:00" (year -1 in UTC) is a bad answer, not a RangeError or an odd ISO string later.
 */
const kTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/)
  .refine((k) => isOneqDateTime(oneqTime(k)) && /^\d{4}-/.test(isoTime(k)), 'not a real time');
const STATUSES = ['READY', 'SEND_TMS', 'OPEN_PAYMENT', 'SELECT_METHOD', 'AUTH_PASSWORD', 'SUCCESS_PAYMENT', 'PART_CANCEL_PAYMENT', 'CANCEL_PAYMENT', 'FAIL_AUTH_PASSWORD', 'QUIT_PAYMENT', 'FAIL_PAYMENT'] as const;
/** Integer KRW: a negative amount is a bad answer (unknown), never a result. */
const krw = z.number().int().nonnegative();
const amount = z.object({ total: krw, tax_free: krw, vat: krw });

const readySchema = z.object({
  tid: text(20),
  created_at: kTime,
  next_redirect_pc_url: z.string().max(2048),
  next_redirect_mobile_url: z.string().max(2048),
  android_app_scheme: z.string().max(2048),
  pg_token: z.string().max(40).optional(),
});
const approveSchema = z.object({
  aid: text(40),
  tid: text(20),
  cid: text(10),
  partner_order_id: text(100),
  partner_user_id: z.string().max(100),
  payment_method_type: z.enum(['CARD', 'MONEY']),
  item_name: z.string().max(100),
  amount,
  approved_at: kTime,
  /** Read apart (cardOf): a card_info the client cannot read never turns an approval into an error. */
  card_info: z.unknown().optional(),
});
const cancelSchema = z.object({
  aid: text(40),
  tid: text(20),
  cid: text(10),
  status: z.enum(STATUSES),
  partner_order_id: text(100),
  payment_method_type: z.enum(['CARD', 'MONEY']).nullable(),
  approved_cancel_amount: amount,
  canceled_amount: amount,
  cancel_available_amount: amount,
  canceled_at: kTime,
});
const orderSchema = z.object({
  tid: text(20),
  cid: text(10),
  status: z.enum(STATUSES),
  partner_order_id: text(100),
  partner_user_id: z.string().max(100),
  item_name: z.string().max(100),
  payment_method_type: z.enum(['CARD', 'MONEY']).nullable(),
  amount,
  canceled_amount: amount,
  cancel_available_amount: amount,
  approved_at: kTime.nullable(),
  pg_token: z.string().max(40).optional(),
  failure_code: z.string().max(64).optional(),
  selected_card_info: z.unknown().optional(),
});

const corp = z.string().trim().min(1).max(50).optional();
/** A BIN (6–8 digits) only: anything longer could be a card number and is not kept. */
const bin = z.string().regex(/^\d{6,8}$/).optional().catch(undefined);
const months = z.union([z.number().int(), z.string().regex(/^\d{1,2}$/).transform(Number)]).pipe(z.number().int().min(0).max(36)).optional().catch(undefined);
/** Kakao's approve card_info (documented fields); every field optional, a bad one dropped. */
const cardInfoSchema = z.object({
  kakaopay_issuer_corp: corp.catch(undefined),
  kakaopay_purchase_corp: corp.catch(undefined),
  bin,
  card_type: z.string().max(10).optional().catch(undefined),
  install_month: months,
  approved_id: z.string().regex(/^[0-9A-Za-z]{1,20}$/).optional().catch(undefined),
});
/** The order look-up's selected_card_info. */
const selectedCardSchema = z.object({ card_bin: bin, install_month: months, card_corp_name: corp.catch(undefined) });
const masked = (b: string | undefined) => (b ? b + '*'.repeat(16 - b.length) : null);

/** The instrument of Kakao's card_info (approve) or selected_card_info (order); undefined when there is none. */
export function cardOf(cardInfo: unknown, selected?: unknown): PaymentInstrument | undefined {
  const c = cardInfoSchema.safeParse(cardInfo);
  if (c.success) {
    const v = c.data;
    return { cardIssuer: v.kakaopay_issuer_corp ?? null, cardPurchaser: v.kakaopay_purchase_corp ?? null, cardMasked: masked(v.bin), cardType: v.card_type ?? null, installMonth: v.install_month ?? null, cardApprovalNo: v.approved_id ?? null, accountMasked: null };
  }
  const s = selectedCardSchema.safeParse(selected);
  if (s.success) return { cardIssuer: s.data.card_corp_name ?? null, cardPurchaser: null, cardMasked: masked(s.data.card_bin), cardType: null, installMonth: s.data.install_month ?? null, cardApprovalNo: null, accountMasked: null };
  return undefined;
}
const extrasSchema = z.object({ method_result_code: z.string().max(64).optional(), rsp_code: z.string().max(16).optional(), detail: z.string().optional() }).optional();
const errorSchema = z.union([
  z.object({ code: z.number().int(), msg: z.string().optional(), extras: extrasSchema }),
  // The same fields under the names some open-API answers use.
  z.object({ error_code: z.coerce.number().int(), error_message: z.string().optional(), extras: extrasSchema }).transform((e) => ({ code: e.error_code, msg: e.error_message, extras: e.extras })),
]);

/**
 * Kakao's response-code table (developers.kakaopay.com 응답 코드), read by its number: what the terminal
 * may conclude. -702 (tid already approved) is an open outcome: the approve is settled with the order look-up.
 */
const KAKAO_ERRORS: Readonly<Record<number, ErrorCode>> = {
  [-2]: 'VALIDATION_FAILED',
  [-401]: 'MERCHANT_AUTH_FAILED',
  [-701]: 'PAYMENT_NOT_AUTHORIZED',
  [-702]: 'DUPLICATE_TRANSACTION',
  [-704]: 'AMOUNT_MISMATCH',
  [-706]: 'VALIDATION_FAILED',
  [-707]: 'VALIDATION_FAILED',
  [-708]: 'PAYMENT_NOT_AUTHORIZED',
  [-710]: 'CANCEL_AMOUNT_EXCEEDED',
  [-721]: 'PAYMENT_NOT_FOUND',
  [-723]: 'PAYMENT_EXPIRED',
  [-780]: 'BACKEND_REJECTED',
  [-783]: 'PAYMENT_STATE',
  [-784]: 'PAYMENT_STATE',
};

/**
 * Kakao's error body (or the simulator's plain one, e.g. from a proxy in front of it). Kakao's number
 * decides; extras.method_result_code refines it only when it names one of the terminal's own codes
 * (the simulator puts its decline reason there) and the number does not settle the outcome itself.
 */
export const kakaoErrorBody: ErrorBodyParser = (body) => {
  const r = errorSchema.safeParse(body);
  if (!r.success) return oneqErrorBody(body);
  const n = r.data.code;
  const byNumber = KAKAO_ERRORS[n];
  const refined = r.data.extras?.method_result_code;
  const code = byNumber === 'DUPLICATE_TRANSACTION' || byNumber === 'MERCHANT_AUTH_FAILED' ? byNumber : refined && isErrorCode(refined) ? refined : (byNumber ?? 'BACKEND_REJECTED');
  return { code, detail: [String(n), code, r.data.extras?.rsp_code, r.data.extras?.detail ?? r.data.msg].filter(Boolean).join(': ') };
};

export function remoteStatus(s: (typeof STATUSES)[number]): RemoteStatus {
  if (s === 'SUCCESS_PAYMENT' || s === 'PART_CANCEL_PAYMENT') return 'APPROVED';
  if (s === 'CANCEL_PAYMENT') return 'CANCELLED';
  if (s === 'FAIL_AUTH_PASSWORD' || s === 'QUIT_PAYMENT' || s === 'FAIL_PAYMENT') return 'FAILED';
  return 'READY';
}

const withInstrument = (i: PaymentInstrument | undefined) => (i ? { instrument: i } : {});

const MAX_CACHED_TOKENS = 256;

export function createKakaoPayGateway(opts: KakaoPayGatewayOptions): PaymentGateway {
  const http = createHttp(opts.baseUrl, opts.timeoutMs);
  // Registration goes through the partnership API, proving the merchant with the key it holds.
  const registrar = createOneqPayGateway({ baseUrl: opts.baseUrl, timeoutMs: opts.timeoutMs, ...(opts.credentials !== undefined ? { credentials: opts.credentials } : {}) });
  /** pg_tokens of tids readied with a customer QR or seen authorized (bounded; the order look-up is the fallback). */
  const pgTokens = new Map<string, string>();
  const remember = (tid: string, token: string) => {
    pgTokens.set(tid, token);
    if (pgTokens.size > MAX_CACHED_TOKENS) pgTokens.delete(pgTokens.keys().next().value!);
  };
  const run = <S extends z.ZodType>(op: string, schema: S, send: Send, notFound?: 'PAYMENT_NOT_FOUND') => call(opts.timeoutMs, kakaoErrorBody, op, schema, send, notFound);
  const open = opts.generation === 'open';
  const base = open ? '/online/v1/payment' : '/v1/payment';
  const headers = (): Record<string, string> => {
    const c = readCredentials(opts.credentials);
    // The open API takes only SECRET_KEY; kapi.kakao.com documents KakaoAK <admin key>.
    if (c?.adminKey && !open) return { Authorization: `KakaoAK ${c.adminKey}` };
    if (c?.cidSecret) return { Authorization: `SECRET_KEY ${c.cidSecret}` };
    return {};
  };
  const json = (f: Form) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== ''));
  const post =
    (op: string, form: Form): Send =>
    (signal) =>
      open
        ? http.post<unknown>(`${base}/${op}`, JSON.stringify(json(form)), { signal, headers: { 'Content-Type': 'application/json', ...headers() } })
        : http.post<unknown>(`${base}/${op}`, toForm(form), { signal, headers: { 'Content-Type': FORM, ...headers() } });

  async function order(op: string, cid: string, key: { tid?: string; partner_order_id?: string }) {
    const send: Send = open ? post('order', { cid, ...key }) : (signal) => http.get<unknown>(`${base}/order`, { signal, params: { cid, ...key }, headers: headers() });
    const r = await run(op, orderSchema, send, 'PAYMENT_NOT_FOUND');
    if (r.pg_token && r.status === 'AUTH_PASSWORD') remember(r.tid, r.pg_token);
    return r;
  }
  const toLookup = (r: z.output<typeof orderSchema>): LookupResponse => {
    const status = remoteStatus(r.status);
    return {
      tid: r.tid,
      cid: r.cid,
      orderId: r.partner_order_id,
      status,
      amount: r.amount.total,
      paymentMethodType: status === 'APPROVED' || status === 'CANCELLED' ? r.payment_method_type : null,
      tranDt: r.approved_at && (status === 'APPROVED' || status === 'CANCELLED') ? oneqTime(r.approved_at) : null,
      ...lookupExtras(status, r.canceled_amount.total, r.cancel_available_amount.total, r.status),
      ...withInstrument(status === 'APPROVED' || status === 'CANCELLED' ? cardOf(undefined, r.selected_card_info) : undefined),
    };
  };
  const readyForm = (req: Omit<ApproveRequest, 'tranDt' | 'tid'> & { quantity: number; approvalUrl: string; cancelUrl: string; failUrl: string; taxFreeAmount?: number }, qrToken?: string): Form => ({
    cid: req.cid,
    partner_order_id: req.orderId,
    partner_user_id: req.memberId,
    item_name: [...req.itemName].slice(0, 100).join(''),
    quantity: req.quantity,
    total_amount: req.amount,
    tax_free_amount: req.taxFreeAmount ?? 0,
    approval_url: req.approvalUrl,
    cancel_url: req.cancelUrl,
    fail_url: req.failUrl,
    qr_token: qrToken, // extension: the customer's QR authorizes the payment now
  });

  return {
    dialect: 'kakaopay',

    registerStore: (req) => registrar.registerStore(req),

    async ready(req) {
      const r = await run('ready', readySchema, post('ready', readyForm(req, req.qrToken)));
      if (r.pg_token) remember(r.tid, r.pg_token);
      return { tid: r.tid, nextRedirectUrl: r.next_redirect_pc_url, androidAppScheme: r.android_app_scheme, approvedAt: oneqTime(r.created_at) };
    },

    async readyForPhone(req) {
      const r = await run('readyForPhone', readySchema, post('ready', readyForm(req)));
      return { tid: r.tid, pcUrl: r.next_redirect_pc_url, mobileUrl: r.next_redirect_mobile_url, createdAt: isoTime(r.created_at) };
    },

    async waitForAuthorization(cid, tid, o = {}) {
      const deadline = Date.now() + (o.timeoutMs ?? 5 * 60_000);
      const interval = o.intervalMs ?? 1000;
      for (;;) {
        if (o.signal?.aborted) throw new GatewayError('rejected', 'PAYMENT_NOT_AUTHORIZED', 'waitForAuthorization: aborted');
        try {
          const r = await order('waitForAuthorization', cid, { tid });
          if (r.status === 'AUTH_PASSWORD' && r.pg_token) return { pgToken: r.pg_token };
          if (r.status === 'QUIT_PAYMENT') throw new GatewayError('rejected', 'CUSTOMER_QUIT', `tid ${tid}: QUIT_PAYMENT`);
          if (r.status === 'FAIL_AUTH_PASSWORD') throw new GatewayError('rejected', 'CUSTOMER_AUTH_FAILED', `tid ${tid}: FAIL_AUTH_PASSWORD`);
          if (r.status === 'FAIL_PAYMENT') throw new GatewayError('rejected', r.failure_code === 'PAYMENT_EXPIRED' || r.failure_code === 'PAYMENT_CANCELLED' ? r.failure_code : 'PAYMENT_STATE', `tid ${tid}: FAIL_PAYMENT ${r.failure_code ?? ''}`.trim());
          if (r.status !== 'READY' && r.status !== 'SEND_TMS' && r.status !== 'OPEN_PAYMENT' && r.status !== 'SELECT_METHOD') throw new GatewayError('rejected', 'PAYMENT_STATE', `tid ${tid}: ${r.status}`);
        } catch (e) {
          if (e instanceof GatewayError && e.kind === 'rejected') throw e;
          // unknown / unreachable: keep polling until the deadline
        }
        if (Date.now() + interval > deadline) throw new GatewayError('rejected', 'PAYMENT_NOT_AUTHORIZED', `waitForAuthorization: tid ${tid} not authorized in time`);
        await new Promise((r) => setTimeout(r, interval));
      }
    },

    async approve(req) {
      let tid = req.tid;
      let pgToken = req.pgToken ?? (tid ? pgTokens.get(tid) : undefined);
      if (!tid || !pgToken) {
        const o = await order('approve', req.cid, tid ? { tid } : { partner_order_id: req.orderId });
        tid = o.tid;
        if ((o.status === 'SUCCESS_PAYMENT' || o.status === 'PART_CANCEL_PAYMENT') && o.approved_at && o.payment_method_type) {
          // Approved already (a retry whose token we no longer hold): the first result stands.
          return { tid: o.tid, cid: o.cid, orderId: o.partner_order_id, memberId: o.partner_user_id, paymentMethodType: o.payment_method_type, itemName: o.item_name, amount: o.amount.total, tranDt: oneqTime(o.approved_at), ...withInstrument(cardOf(undefined, o.selected_card_info)) };
        }
        pgToken = pgToken ?? o.pg_token;
        if (!pgToken) throw new GatewayError('rejected', o.status === 'FAIL_PAYMENT' && o.failure_code === 'PAYMENT_EXPIRED' ? 'PAYMENT_EXPIRED' : 'PAYMENT_NOT_AUTHORIZED', `approve: tid ${tid} is ${o.status}`);
      }
      let r: z.output<typeof approveSchema>;
      try {
        r = await run('approve', approveSchema, post('approve', { cid: req.cid, tid, partner_order_id: req.orderId, partner_user_id: req.memberId, pg_token: pgToken, total_amount: req.amount }));
      } catch (e) {
        if (!(e instanceof GatewayError) || e.code !== 'DUPLICATE_TRANSACTION') throw e;
        // Kakao answers a repeated approve with -702 (tid already approved): the order look-up settles it.
        const o = await order('approve', req.cid, { tid });
        if ((o.status === 'SUCCESS_PAYMENT' || o.status === 'PART_CANCEL_PAYMENT') && o.approved_at && o.payment_method_type && o.partner_order_id === req.orderId) {
          return { tid: o.tid, cid: o.cid, orderId: o.partner_order_id, memberId: o.partner_user_id, paymentMethodType: o.payment_method_type, itemName: o.item_name, amount: o.amount.total, tranDt: oneqTime(o.approved_at), ...withInstrument(cardOf(undefined, o.selected_card_info)) };
        }
        throw e; // still open: the payment service looks it up
      }
      return { tid: r.tid, cid: r.cid, orderId: r.partner_order_id, memberId: r.partner_user_id, paymentMethodType: r.payment_method_type, itemName: r.item_name, amount: r.amount.total, tranDt: oneqTime(r.approved_at), ...withInstrument(cardOf(r.card_info)) };
    },

    async cancel(req) {
      const r = await run(
        'cancel',
        cancelSchema,
        post('cancel', {
          cid: req.cid,
          tid: req.tid,
          cancel_amount: req.cancelAmount,
          cancel_tax_free_amount: req.cancelTaxFreeAmount,
          cancel_vat_amount: req.cancelVatAmount,
          cancel_request_id: req.requestId,
        }),
      );
      return {
        tid: r.tid,
        cid: r.cid,
        orderId: r.partner_order_id,
        status: remoteStatus(r.status),
        aid: r.aid,
        cancelAmount: r.approved_cancel_amount.total,
        cancelTaxFreeAmount: r.approved_cancel_amount.tax_free,
        cancelVatAmount: r.approved_cancel_amount.vat,
        canceledAmount: r.canceled_amount.total,
        cancelableAmount: r.cancel_available_amount.total,
        canceledAt: isoTime(r.canceled_at),
        paymentMethodType: r.payment_method_type,
      };
    },

    async lookup(cid, orderId) {
      return toLookup(await order('lookup', cid, { partner_order_id: orderId }));
    },

    async lookupByTid(cid, tid) {
      return toLookup(await order('lookupByTid', cid, { tid }));
    },

    // Extension of the simulator (see gateway.ts): the merchant withdraws an unapproved tid.
    async quitReady(cid, tid) {
      return toLookup(await run('quitReady', orderSchema, post('quit', { cid, tid })));
    },

    ping: () => registrar.ping(),
  };
}
