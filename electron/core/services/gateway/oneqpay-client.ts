/**
 * PaymentGateway over the OneQ Pay dialect (seed 003) with axios: form-urlencoded requests, JSON
 * responses validated with zod. Every failure becomes a GatewayError whose kind tells the payment
 * service what it may conclude (see gateway.ts, http-call.ts); nothing else is ever thrown.
 * Credentials (optional): `Authorization: SECRET_KEY <cidSecret>` on every merchant call.
 */
import { z } from 'zod';
import { parseOneqDateTime } from '../../../../shared/domain/time';
import { GatewayError, type PaymentGateway, type PhoneReadyRequest } from './gateway';
import { lookupExtras } from './lookup-extras';
import { FORM, call, createHttp, readCredentials, toForm, type CredentialsSource, type ErrorBodyParser, type Form } from './http-call';

export interface OneqPayGatewayOptions {
  baseUrl: string;
  timeoutMs: number;
  /** The merchant key from registration (or a getter, read on every call). Optional: see the simulator's requireMerchantAuth. */
  credentials?: CredentialsSource;
}

const tid = z.union([z.string().regex(/^\d{1,20}$/), z.number().int().nonnegative()]).transform(String);
const text = (max: number) => z.string().min(1).max(max);
const oneqStatus = z.enum(['READY', 'APPROVED', 'FAILED', 'CANCELLED']);
/** Integer KRW: a negative amount is a bad answer (unknown), never a result. */
const krw = z.number().int().nonnegative();

const registerSchema = z.object({
  cid: text(10),
  created_at: text(20),
  category_cd: z.number().int(),
  approved_at: text(20),
  cid_secret: z.string().max(64).optional(),
  admin_key: z.string().max(64).optional(),
  enrollment_code: z.string().max(32).optional(),
});
const readySchema = z.object({ tid, next_redirect_url: z.string().max(2048), android_app_scheme: z.string().max(2048), approved_at: text(20) });
const approveSchema = z.object({
  tid,
  cid: text(10),
  order_id: text(100),
  member_id: z.string().max(100),
  payment_method_type: text(10),
  item_name: z.string().max(200),
  amount: krw,
  tran_dt: text(20),
});
const statusSchema = z.object({
  tid,
  cid: text(10),
  order_id: text(100),
  status: oneqStatus,
  amount: krw,
  payment_method_type: z.string().max(10).nullable(),
  tran_dt: z.string().max(20).nullable(),
  canceled_amount: z.number().int().nonnegative().optional(),
  cancel_available_amount: z.number().int().nonnegative().optional(),
  detail_status: z.string().max(32).optional(),
  failure_code: z.string().max(64).nullable().optional(),
});
const cancelSchema = statusSchema.extend({
  aid: text(40),
  cancel_amount: z.number().int().positive(),
  cancel_tax_free_amount: z.number().int().nonnegative(),
  cancel_vat_amount: z.number().int().nonnegative(),
  canceled_amount: z.number().int().nonnegative(),
  cancel_available_amount: z.number().int().nonnegative(),
  canceled_at: z.string().max(20).nullable(),
});
const healthSchema = z.object({ ok: z.literal(true) });
const errorBodySchema = z.object({ code: z.string().max(64), message_en: z.string().optional(), detail: z.string().optional(), field: z.string().optional(), rsp_code: z.string().optional() });

/** The simulator's (and this dialect's) error body: { code, message, message_en, detail?, field?, rsp_code? }. */
export const oneqErrorBody: ErrorBodyParser = (body) => {
  const r = errorBodySchema.safeParse(body);
  if (!r.success) return null;
  return { code: r.data.code, rspCode: r.data.rsp_code, detail: [r.data.code, r.data.rsp_code, r.data.detail ?? r.data.message_en].filter(Boolean).join(': ') };
};

/** "2026.11.22 10:00:00" (Seoul) → UTC ISO; now when absent, not a real time (02.30) or not a 4-digit UTC year ("0000.01.01 00:00:00" is year -1). */
function isoFromOneq(s: string | null): string {
  const d = s ? parseOneqDateTime(s) : new Date(NaN);
  const iso = Number.isNaN(d.getTime()) ? '' : d.toISOString();
  return /^\d{4}-/.test(iso) ? iso : new Date().toISOString();
}

/** Waits ms, or less when the signal aborts. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** The seed-003 fields of POST /pay that both the QR and the phone flow send. */
function readyForm(req: PhoneReadyRequest): Form {
  return {
    cid: req.cid,
    category_cd: req.categoryCd,
    opponent_name: req.storeName,
    item_name: req.itemName,
    member_id: req.memberId,
    order_id: req.orderId,
    quantity: req.quantity,
    amount: req.amount,
    approval_url: req.approvalUrl,
    cancel_url: req.cancelUrl,
    fail_url: req.failUrl,
    tax_free_amount: req.taxFreeAmount, // extension; omitted when absent
  };
}

export function createOneqPayGateway(opts: OneqPayGatewayOptions): PaymentGateway {
  const http = createHttp(opts.baseUrl, opts.timeoutMs);
  const run = <S extends z.ZodType>(op: string, schema: S, send: Parameters<typeof call>[4], notFound?: 'PAYMENT_NOT_FOUND') => call(opts.timeoutMs, oneqErrorBody, op, schema, send, notFound);
  const authHeaders = (merchant: boolean): Record<string, string> => {
    const c = merchant ? readCredentials(opts.credentials) : null;
    return c?.cidSecret ? { Authorization: `SECRET_KEY ${c.cidSecret}` } : {};
  };
  const post = (path: string, form: Form, merchant = true) => (signal: AbortSignal) => http.post<unknown>(path, toForm(form), { signal, headers: { 'Content-Type': FORM, ...authHeaders(merchant) } });
  const get = (path: string, params?: Record<string, string>, merchant = true) => (signal: AbortSignal) => http.get<unknown>(path, { signal, params, headers: authHeaders(merchant) });
  const lookupFrom = (r: z.output<typeof statusSchema>) => ({
    tid: r.tid,
    cid: r.cid,
    orderId: r.order_id,
    status: r.status,
    amount: r.amount,
    paymentMethodType: r.payment_method_type,
    tranDt: r.tran_dt,
    ...lookupExtras(r.status, r.canceled_amount, r.cancel_available_amount, r.detail_status),
  });
  const lookupVia = async (op: string, params: Record<string, string>) => lookupFrom(await run(op, statusSchema, get('/pay/status', params), 'PAYMENT_NOT_FOUND'));

  return {
    dialect: 'oneqpay',

    async registerStore(req) {
      const r = await run(
        'registerStore',
        registerSchema,
        post(
          '/pay/store/token',
          {
            business_no: req.businessNo,
            opponent_name: req.name,
            store_phone: req.phone,
            store_address1: req.address1,
            store_address2: req.address2,
            post_no: req.postNo,
            enrollment_code: req.enrollmentCode,
            category_cd: req.categoryCd,
          },
          // Proof on re-registration: the key it holds (its own cid's), or else the enrollment code.
          req.enrollmentCode === undefined,
        ),
      );
      return {
        cid: r.cid,
        createdAt: r.created_at,
        categoryCd: r.category_cd,
        approvedAt: r.approved_at,
        ...(r.cid_secret ? { cidSecret: r.cid_secret } : {}),
        ...(r.admin_key ? { adminKey: r.admin_key } : {}),
        ...(r.enrollment_code ? { enrollmentCode: r.enrollment_code } : {}),
      };
    },

    async ready(req) {
      const r = await run(
        'ready',
        readySchema,
        post('/pay', {
          ...readyForm(req),
          qr_token: req.qrToken, // extension: the customer's QR stands for bank_acct_num and balance
        }),
      );
      return { tid: r.tid, nextRedirectUrl: r.next_redirect_url, androidAppScheme: r.android_app_scheme, approvedAt: r.approved_at };
    },

    async approve(req) {
      const r = await run(
        'approve',
        approveSchema,
        post('/pay/success', {
          cid: req.cid,
          order_id: req.orderId,
          category_cd: req.categoryCd,
          opponent_name: req.storeName,
          item_name: req.itemName,
          member_id: req.memberId,
          amount: req.amount,
          tran_dt: req.tranDt,
          tid: req.tid, // extension; omitted when empty
        }),
      );
      return { tid: r.tid, cid: r.cid, orderId: r.order_id, memberId: r.member_id, paymentMethodType: r.payment_method_type, itemName: r.item_name, amount: r.amount, tranDt: r.tran_dt };
    },

    async cancel(req) {
      const r = await run(
        'cancel',
        cancelSchema,
        post('/pay/cancel', {
          cid: req.cid,
          tid: req.tid,
          order_id: req.orderId,
          cancel_amount: req.cancelAmount,
          cancel_tax_free_amount: req.cancelTaxFreeAmount,
          cancel_vat_amount: req.cancelVatAmount,
          cancel_request_id: req.requestId,
        }),
      );
      return {
        tid: r.tid,
        cid: r.cid,
        orderId: r.order_id,
        status: r.status,
        aid: r.aid,
        cancelAmount: r.cancel_amount,
        cancelTaxFreeAmount: r.cancel_tax_free_amount,
        cancelVatAmount: r.cancel_vat_amount,
        canceledAmount: r.canceled_amount,
        cancelableAmount: r.cancel_available_amount,
        canceledAt: isoFromOneq(r.canceled_at),
        paymentMethodType: r.payment_method_type,
      };
    },

    // ── the redirect flow: the customer approves on the phone (extensions phone_approval, /pay/quit) ──
    async readyForPhone(req) {
      const r = await run(
        'readyForPhone',
        readySchema,
        post('/pay', {
          ...readyForm(req),
          phone_approval: 'Y',
        }),
      );
      return { tid: r.tid, pcUrl: r.next_redirect_url, mobileUrl: r.android_app_scheme, createdAt: isoFromOneq(r.approved_at) };
    },

    async waitForAuthorization(cid, tid, o = {}) {
      const deadline = Date.now() + (o.timeoutMs ?? 5 * 60_000);
      const interval = o.intervalMs ?? 1000;
      const stopped = () => new GatewayError('rejected', 'PAYMENT_NOT_AUTHORIZED', `waitForAuthorization: tid ${tid} ${o.signal?.aborted ? 'aborted' : 'not authorized in time'}`);
      // Bounded: one look-up per interval until the deadline or the signal.
      while (!o.signal?.aborted) {
        try {
          const r = await run('waitForAuthorization', statusSchema, get('/pay/status', { cid, tid }), 'PAYMENT_NOT_FOUND');
          if (r.status === 'APPROVED' || (r.status === 'READY' && r.detail_status === 'AUTH_PASSWORD')) return { pgToken: '' };
          if (r.status === 'CANCELLED') throw new GatewayError('rejected', 'PAYMENT_STATE', `tid ${tid}: CANCELLED`);
          if (r.status === 'FAILED') {
            const code = r.detail_status === 'QUIT_PAYMENT' ? 'CUSTOMER_QUIT' : r.detail_status === 'FAIL_AUTH_PASSWORD' ? 'CUSTOMER_AUTH_FAILED' : r.failure_code === 'PAYMENT_EXPIRED' || r.failure_code === 'PAYMENT_CANCELLED' ? r.failure_code : 'PAYMENT_STATE';
            throw new GatewayError('rejected', code, `tid ${tid}: ${r.detail_status ?? r.status} ${r.failure_code ?? ''}`.trim());
          }
        } catch (e) {
          if (e instanceof GatewayError && e.kind === 'rejected') throw e;
          // unknown / unreachable: keep looking until the deadline
        }
        if (Date.now() + interval > deadline) throw stopped();
        await sleep(interval, o.signal);
      }
      throw stopped();
    },

    async quitReady(cid, tid) {
      return lookupFrom(await run('quitReady', statusSchema, post('/pay/quit', { cid, tid })));
    },

    lookup(cid, orderId) {
      return lookupVia('lookup', { cid, order_id: orderId });
    },

    lookupByTid(cid, tid) {
      return lookupVia('lookupByTid', { cid, tid });
    },

    async ping() {
      const start = performance.now();
      await run('ping', healthSchema, get('/health', undefined, false));
      return Math.max(0, Math.round(performance.now() - start));
    },
  };
}
