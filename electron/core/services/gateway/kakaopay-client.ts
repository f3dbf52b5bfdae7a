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
import { isOneqDateTime } from '../../../../shared/domain/time';
import { GatewayError, type ApproveRequest, type LookupResponse, type PaymentGateway, type RemoteStatus } from './gateway';
import { FORM, call, createHttp, readCredentials, toForm, type CredentialsSource, type ErrorBodyParser, type Form, type Send } from './http-call';
import { lookupExtras } from './lookup-extras';
import { createOneqPayGateway, oneqErrorBody } from './oneqpay-client';

export interface KakaoPayGatewayOptions {
  baseUrl: string;
  timeoutMs: number;
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
});
const errorSchema = z.object({
  code: z.number().int(),
  msg: z.string().optional(),
  extras: z.object({ method_result_code: z.string().max(64).optional(), rsp_code: z.string().max(16).optional(), detail: z.string().optional() }).optional(),
});

/** Kakao's error body (or the simulator's plain one, e.g. from a proxy in front of it). */
export const kakaoErrorBody: ErrorBodyParser = (body) => {
  const r = errorSchema.safeParse(body);
  if (!r.success) return oneqErrorBody(body);
  const code = r.data.extras?.method_result_code ?? String(r.data.code);
  return { code, detail: [String(r.data.code), code, r.data.extras?.rsp_code, r.data.extras?.detail ?? r.data.msg].filter(Boolean).join(': ') };
};

export function remoteStatus(s: (typeof STATUSES)[number]): RemoteStatus {
  if (s === 'SUCCESS_PAYMENT' || s === 'PART_CANCEL_PAYMENT') return 'APPROVED';
  if (s === 'CANCEL_PAYMENT') return 'CANCELLED';
  if (s === 'FAIL_AUTH_PASSWORD' || s === 'QUIT_PAYMENT' || s === 'FAIL_PAYMENT') return 'FAILED';
  return 'READY';
}

const MAX_CACHED_TOKENS = 256;

export function createKakaoPayGateway(opts: KakaoPayGatewayOptions): PaymentGateway {
  const http = createHttp(opts.baseUrl, opts.timeoutMs);
  const registrar = createOneqPayGateway({ baseUrl: opts.baseUrl, timeoutMs: opts.timeoutMs });
  /** pg_tokens of tids readied with a customer QR or seen authorized (bounded; the order look-up is the fallback). */
  const pgTokens = new Map<string, string>();
  const remember = (tid: string, token: string) => {
    pgTokens.set(tid, token);
    if (pgTokens.size > MAX_CACHED_TOKENS) pgTokens.delete(pgTokens.keys().next().value!);
  };
  const run = <S extends z.ZodType>(op: string, schema: S, send: Send, notFound?: 'PAYMENT_NOT_FOUND') => call(opts.timeoutMs, kakaoErrorBody, op, schema, send, notFound);
  const headers = (): Record<string, string> => {
    const c = readCredentials(opts.credentials);
    if (c?.adminKey) return { Authorization: `KakaoAK ${c.adminKey}` };
    if (c?.cidSecret) return { Authorization: `SECRET_KEY ${c.cidSecret}` };
    return {};
  };
  const post = (path: string, form: Form): Send => (signal) => http.post<unknown>(path, toForm(form), { signal, headers: { 'Content-Type': FORM, ...headers() } });

  async function order(op: string, cid: string, key: { tid?: string; partner_order_id?: string }) {
    const r = await run(op, orderSchema, (signal) => http.get<unknown>('/v1/payment/order', { signal, params: { cid, ...key }, headers: headers() }), 'PAYMENT_NOT_FOUND');
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
      const r = await run('ready', readySchema, post('/v1/payment/ready', readyForm(req, req.qrToken)));
      if (r.pg_token) remember(r.tid, r.pg_token);
      return { tid: r.tid, nextRedirectUrl: r.next_redirect_pc_url, androidAppScheme: r.android_app_scheme, approvedAt: oneqTime(r.created_at) };
    },

    async readyForPhone(req) {
      const r = await run('readyForPhone', readySchema, post('/v1/payment/ready', readyForm(req)));
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
          return { tid: o.tid, cid: o.cid, orderId: o.partner_order_id, memberId: o.partner_user_id, paymentMethodType: o.payment_method_type, itemName: o.item_name, amount: o.amount.total, tranDt: oneqTime(o.approved_at) };
        }
        pgToken = pgToken ?? o.pg_token;
        if (!pgToken) throw new GatewayError('rejected', o.status === 'FAIL_PAYMENT' && o.failure_code === 'PAYMENT_EXPIRED' ? 'PAYMENT_EXPIRED' : 'PAYMENT_NOT_AUTHORIZED', `approve: tid ${tid} is ${o.status}`);
      }
      const r = await run(
        'approve',
        approveSchema,
        post('/v1/payment/approve', { cid: req.cid, tid, partner_order_id: req.orderId, partner_user_id: req.memberId, pg_token: pgToken, total_amount: req.amount }),
      );
      return { tid: r.tid, cid: r.cid, orderId: r.partner_order_id, memberId: r.partner_user_id, paymentMethodType: r.payment_method_type, itemName: r.item_name, amount: r.amount.total, tranDt: oneqTime(r.approved_at) };
    },

    async cancel(req) {
      const r = await run(
        'cancel',
        cancelSchema,
        post('/v1/payment/cancel', {
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
      return toLookup(await run('quitReady', orderSchema, post('/v1/payment/quit', { cid, tid })));
    },

    ping: () => registrar.ping(),
  };
}
