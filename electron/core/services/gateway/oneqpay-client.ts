/**
 * PaymentGateway over the OneQ Pay dialect (seed 003) with axios: form-urlencoded requests, JSON
 * responses validated with zod. Every failure becomes a GatewayError whose kind tells the payment
 * service what it may conclude (see gateway.ts); nothing else is ever thrown.
 */
import axios, { AxiosError, type AxiosResponse } from 'axios';
import { z } from 'zod';
import { isErrorCode } from '../../../../shared/domain/errors';
import { GatewayError, type PaymentGateway } from './gateway';

export interface OneqPayGatewayOptions {
  baseUrl: string;
  timeoutMs: number;
}

const FORM = 'application/x-www-form-urlencoded;charset=utf-8';
/** Never reached the backend: nothing can have happened. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ERR_INVALID_URL']);

const tid = z.union([z.string().regex(/^\d{1,20}$/), z.number().int().nonnegative()]).transform(String);
const text = (max: number) => z.string().min(1).max(max);

const registerSchema = z.object({ cid: text(10), created_at: text(20), category_cd: z.number().int(), approved_at: text(20) });
const readySchema = z.object({ tid, next_redirect_url: z.string().max(2048), android_app_scheme: z.string().max(2048), approved_at: text(20) });
const approveSchema = z.object({
  tid,
  cid: text(10),
  order_id: text(100),
  member_id: z.string().max(100),
  payment_method_type: text(10),
  item_name: z.string().max(200),
  amount: z.number().int(),
  tran_dt: text(20),
});
const statusSchema = z.object({
  tid,
  cid: text(10),
  order_id: text(100),
  status: z.enum(['READY', 'APPROVED', 'FAILED', 'CANCELLED']),
  amount: z.number().int(),
  payment_method_type: z.string().max(10).nullable(),
  tran_dt: z.string().max(20).nullable(),
});
const healthSchema = z.object({ ok: z.literal(true) });
const errorBodySchema = z.object({ code: z.string().max(64), message_en: z.string().optional(), detail: z.string().optional(), field: z.string().optional() });

type Form = Record<string, string | number | undefined>;

function toForm(f: Form): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== '') p.append(k, String(v));
  return p.toString();
}

function parseJson(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** Classifies a transport error (no usable response) — see GatewayFailureKind. */
function transportError(op: string, e: unknown): GatewayError {
  if (e instanceof GatewayError) return e;
  const code = e instanceof AxiosError || (e instanceof Error && 'code' in e) ? String((e as { code?: unknown }).code ?? '') : '';
  const msg = e instanceof Error ? e.message : String(e);
  if (UNREACHABLE.has(code)) return new GatewayError('unreachable', 'BACKEND_UNREACHABLE', `${op}: ${code}`);
  if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || code === 'ERR_CANCELED') return new GatewayError('unknown', 'BACKEND_UNKNOWN', `${op}: timed out (${code})`);
  if (code === 'ERR_FR_MAX_CONTENT_LENGTH_EXCEEDED' || code === 'ERR_BAD_RESPONSE') return new GatewayError('unknown', 'BACKEND_BAD_RESPONSE', `${op}: ${code}`);
  // ECONNRESET, EPIPE, socket hang up, anything else after the request may have left: outcome unknown.
  return new GatewayError('unknown', 'BACKEND_UNKNOWN', `${op}: ${code || msg}`.slice(0, 300));
}

export function createOneqPayGateway(opts: OneqPayGatewayOptions): PaymentGateway {
  const http = axios.create({
    baseURL: opts.baseUrl.replace(/\/+$/, ''),
    timeout: opts.timeoutMs,
    validateStatus: () => true,
    responseType: 'text',
    transformResponse: [(d: unknown) => d], // parse ourselves: a garbage body must not throw inside axios
    maxRedirects: 0,
    maxContentLength: 1024 * 1024,
    proxy: false, // the backend is called directly (loopback simulator or the configured URL)
    headers: { Accept: 'application/json' },
  });

  /** Sends one request and returns the schema-checked body of a 2xx answer. */
  async function call<S extends z.ZodType>(op: string, schema: S, send: (signal: AbortSignal) => Promise<AxiosResponse<unknown>>, notFound?: 'PAYMENT_NOT_FOUND'): Promise<z.output<S>> {
    let res: AxiosResponse<unknown>;
    try {
      // axios' timeout is per socket inactivity; the signal bounds the whole exchange (a trickling server).
      res = await send(AbortSignal.timeout(opts.timeoutMs + 50));
    } catch (e) {
      throw transportError(op, e);
    }
    const status = res.status;
    const body = parseJson(res.data);
    if (status >= 200 && status < 300) {
      const r = schema.safeParse(body);
      if (!r.success) {
        const where = r.error.issues[0]?.path.join('.') ?? '';
        throw new GatewayError('unknown', 'BACKEND_BAD_RESPONSE', `${op}: HTTP ${status} with an unexpected body${body === undefined ? ' (not JSON)' : where ? ` (${where})` : ''}`, status);
      }
      return r.data;
    }
    if (status >= 400 && status < 500) {
      const err = errorBodySchema.safeParse(body);
      if (err.success) {
        const code = isErrorCode(err.data.code) ? err.data.code : 'BACKEND_REJECTED';
        const detail = [err.data.code, err.data.detail ?? err.data.message_en].filter(Boolean).join(': ');
        throw new GatewayError('rejected', code, `${op}: HTTP ${status} ${detail}`.slice(0, 300), status);
      }
      // A 404 without the backend's error body (wrong URL, a proxy page) does not prove the order
      // was never seen: a look-up must not conclude "not found" from it.
      if (status === 404 && notFound) throw new GatewayError('unknown', 'BACKEND_BAD_RESPONSE', `${op}: HTTP 404 without an error body`, status);
      throw new GatewayError('rejected', 'BACKEND_REJECTED', `${op}: HTTP ${status}`, status);
    }
    throw new GatewayError('unknown', 'BACKEND_UNKNOWN', `${op}: HTTP ${status}`, status);
  }

  const post = (path: string, form: Form) => (signal: AbortSignal) => http.post<unknown>(path, toForm(form), { signal, headers: { 'Content-Type': FORM } });
  const get = (path: string, params?: Record<string, string>) => (signal: AbortSignal) => http.get<unknown>(path, { signal, params });

  return {
    async registerStore(req) {
      const r = await call(
        'registerStore',
        registerSchema,
        post('/pay/store/token', {
          business_no: req.businessNo,
          opponent_name: req.name,
          store_phone: req.phone,
          store_address1: req.address1,
          store_address2: req.address2,
          post_no: req.postNo,
        }),
      );
      return { cid: r.cid, createdAt: r.created_at, categoryCd: r.category_cd, approvedAt: r.approved_at };
    },

    async ready(req) {
      const r = await call(
        'ready',
        readySchema,
        post('/pay', {
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
          qr_token: req.qrToken, // extension: the customer's QR stands for bank_acct_num and balance
        }),
      );
      return { tid: r.tid, nextRedirectUrl: r.next_redirect_url, androidAppScheme: r.android_app_scheme, approvedAt: r.approved_at };
    },

    async approve(req) {
      const r = await call(
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

    async lookup(cid, orderId) {
      const r = await call('lookup', statusSchema, get('/pay/status', { cid, order_id: orderId }), 'PAYMENT_NOT_FOUND');
      return { tid: r.tid, cid: r.cid, orderId: r.order_id, status: r.status, amount: r.amount, paymentMethodType: r.payment_method_type, tranDt: r.tran_dt };
    },

    async ping() {
      const start = performance.now();
      await call('ping', healthSchema, get('/health'));
      return Math.max(0, Math.round(performance.now() - start));
    },
  };
}
