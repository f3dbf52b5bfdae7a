/**
 * The Kakao Pay dialect (seed 004): Kakao's paths, field names, statuses and error shape.
 *   POST /v1/payment/ready     → tid + redirect URLs (PC page with a QR for the phone, mobile page)
 *   POST /v1/payment/approve   pg_token from the approval_url redirect (or the order look-up)
 *   POST /v1/payment/cancel    full or partial (cancel_amount, cancel_tax_free_amount, …)
 *   GET|POST /v1/payment/order status look-up by tid (EXTENSION: or partner_order_id)
 *   POST /v1/payment/quit      EXTENSION: the merchant withdraws an unapproved tid (answers like /order)
 * Every call needs `Authorization: KakaoAK <admin_key>` or `SECRET_KEY <cid_secret>` of the cid.
 * The same four calls are served as Kakao's current open API too (open-api.kakaopay.com):
 *   POST /online/v1/payment/{ready,approve,cancel,order}  JSON bodies, `Authorization: SECRET_KEY <key>` only.
 * The legacy paths take form bodies (a JSON body is -2, as on kapi.kakao.com), the open API JSON.
 * The tid can be approved for readyTtlMs (default 15 minutes) after ready.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { splitVat } from '../../shared/domain/vat';
import type { Faults } from './faults';
import { approveBody, cancelBody, kakaoTime, orderBody } from './kakaopay-format';
import { kakaoApproveSchema, kakaoCancelSchema, kakaoOrderSchema, kakaoQuitSchema, kakaoReadySchema } from './kakaopay-schemas';
import { checkMerchant } from './merchant-auth';
import { publicBase } from './oneqpay-routes';
import type { PaymentRow } from './payment-repo';
import type { PaymentRules } from './payment-rules';
import { SimError, parseInput } from './sim-errors';

export interface KakaoOptions {
  rules: PaymentRules;
  faults: Faults;
  fallbackBase: () => string;
}

/** CARD → cards; MONEY → Kakao Pay money, which the simulator backs with accounts and Hana Money. */
export const kakaoAllows = (filter: 'CARD' | 'MONEY' | null | undefined) => (i: 'ACCOUNT' | 'CARD' | 'MONEY') => !filter || (filter === 'CARD' ? i === 'CARD' : i !== 'CARD');

type Generation = 'legacy' | 'open';
/** A reused cancel_request_id with other amounts is a bad parameter here (-2), not Kakao's -702 (tid already approved). */
function kakaoCancel<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof SimError && e.code === 'DUPLICATE_TRANSACTION' && !e.injected) throw e.kakao(-2);
    throw e;
  }
}
const isJson = (req: FastifyRequest) => /^application\/json\b/i.test(req.headers['content-type'] ?? '');

export function registerKakaoPayRoutes(app: FastifyInstance, o: KakaoOptions): void {
  registerGeneration(app, o, 'legacy');
  registerGeneration(app, o, 'open');
}

function registerGeneration(app: FastifyInstance, o: KakaoOptions, gen: Generation): void {
  const { rules, faults } = o;
  const base = gen === 'open' ? '/online/v1/payment' : '/v1/payment';
  /** The body in this generation's encoding: form on kapi.kakao.com, JSON on the open API. */
  const bodyOf = (req: FastifyRequest): unknown => {
    if (req.method === 'GET') return req.query;
    if (gen === 'open' && !isJson(req)) throw new SimError(400, 'VALIDATION_FAILED', 'the open API takes Content-Type: application/json');
    if (gen === 'legacy' && isJson(req)) throw new SimError(400, 'VALIDATION_FAILED', 'this API takes Content-Type: application/x-www-form-urlencoded');
    return req.body;
  };
  const auth = (req: FastifyRequest, cid: string, secret: string | undefined) => {
    if (gen === 'open' && !/^\s*SECRET_KEY\s/.test(req.headers.authorization ?? '')) throw new SimError(401, 'MERCHANT_AUTH_FAILED', 'the open API needs Authorization: SECRET_KEY <key>');
    checkMerchant(rules, req, cid, secret, true);
  };
  const ownTid = (cid: string, tid: string): PaymentRow => {
    const p = rules.payments.byTid(tid);
    // Another merchant's tid is answered exactly like a tid that does not exist.
    if (!p || p.cid !== cid || p.dialect !== 'kakaopay') throw new SimError(404, 'PAYMENT_NOT_FOUND', 'no payment with this tid for this cid', 'tid');
    return p;
  };

  app.post(
    `${base}/ready`,
    faults.wrap(async (req) => {
      const r = parseInput(kakaoReadySchema, bodyOf(req));
      auth(req, r.cid, r.cid_secret);
      const green = r.green_deposit ?? 0;
      // Kakao computes VAT when it is not sent: (total - tax free) / 11; the cup deposit is no sale, so it is left out too.
      const vat = r.vat_amount ?? (r.total_amount > 0 && r.tax_free_amount + green <= r.total_amount ? splitVat(r.total_amount - green, r.tax_free_amount).vat : 0);
      const p = rules.ready(
        'kakaopay',
        {
          cid: r.cid,
          order_id: r.partner_order_id,
          category_cd: 0,
          opponent_name: rules.db.storeByCid(r.cid)?.name ?? r.cid,
          item_name: r.item_name,
          item_code: r.item_code ?? null,
          member_id: r.partner_user_id,
          quantity: r.quantity,
          amount: r.total_amount,
          tax_free_amount: r.tax_free_amount,
          vat_amount: vat,
          green_deposit: green,
          method_filter: r.payment_method_type ?? null,
          install_month: r.install_month ?? 0,
          approval_url: r.approval_url,
          cancel_url: r.cancel_url,
          fail_url: r.fail_url,
        },
        { qrToken: r.qr_token, allow: kakaoAllows(r.payment_method_type) },
      );
      const base = publicBase(req, o.fallbackBase());
      const mobile = `${base}/kakaopay/m/${p.tid}`;
      return {
        tid: p.tid,
        tms_result: false,
        created_at: kakaoTime(p.created_at),
        next_redirect_app_url: mobile,
        next_redirect_mobile_url: mobile,
        next_redirect_pc_url: `${base}/kakaopay/pc/${p.tid}`,
        android_app_scheme: `kakaotalk://kakaopay/pg?url=${encodeURIComponent(mobile)}`,
        ios_app_scheme: `kakaotalk://kakaopay/pg?url=${encodeURIComponent(mobile)}`,
        // EXTENSIONS: the end of the tid window; with qr_token the customer has authorized already.
        expires_at: kakaoTime(p.expires_at),
        pg_token: p.status === 'AUTH_PASSWORD' ? p.pg_token : undefined,
      };
    }),
  );

  app.post(
    `${base}/approve`,
    faults.wrap(async (req) => {
      const r = parseInput(kakaoApproveSchema, bodyOf(req));
      auth(req, r.cid, r.cid_secret);
      let outcome: ReturnType<PaymentRules['approve']>;
      try {
        outcome = rules.approve(
          () => {
            const p = ownTid(r.cid, r.tid);
            if (p.order_id !== r.partner_order_id) throw new SimError(400, 'VALIDATION_FAILED', 'partner_order_id differs from the ready request', 'partner_order_id').kakao(-706);
            if (p.member_id !== r.partner_user_id) throw new SimError(400, 'VALIDATION_FAILED', 'partner_user_id differs from the ready request', 'partner_user_id').kakao(-707);
            if (r.total_amount !== undefined && r.total_amount !== p.amount) throw new SimError(400, 'AMOUNT_MISMATCH', 'total_amount differs from the ready request', 'total_amount');
            if (p.pg_token !== null && p.status !== 'AUTH_PASSWORD' && p.pg_token !== r.pg_token) throw new SimError(400, 'PAYMENT_NOT_AUTHORIZED', 'pg_token does not match', 'pg_token').kakao(-708);
            return p;
          },
          (p) => {
            if (p.status !== 'AUTH_PASSWORD') throw new SimError(400, 'PAYMENT_NOT_AUTHORIZED', `the customer has not authorized the payment (${p.status})`, 'pg_token');
            if (p.pg_token !== r.pg_token) throw new SimError(400, 'PAYMENT_NOT_AUTHORIZED', 'pg_token does not match', 'pg_token').kakao(-708);
          },
          { payload: r.payload },
        );
      } catch (e) {
        // A tid that was approved and then cancelled is still "already approved" (-702); any other state -783.
        if (e instanceof SimError && e.code === 'PAYMENT_STATE' && e.kakaoCode === undefined) throw e.kakao(rules.payments.byTid(r.tid)?.approved_at ? -702 : -783);
        throw e;
      }
      // Kakao answers a repeated approve with -702 (tid already approved), not with the first result:
      // the merchant settles it with the order look-up.
      if (outcome.repeated) throw new SimError(400, 'DUPLICATE_TRANSACTION', 'the tid is already approved: look it up with /order', 'tid');
      const { p } = outcome;
      const aid = rules.payments.actions(p.id).find((a) => a.type === 'PAYMENT')!.aid;
      return approveBody(p, aid, rules.customers);
    }),
  );

  app.post(
    `${base}/cancel`,
    faults.wrap(async (req) => {
      const r = parseInput(kakaoCancelSchema, bodyOf(req));
      auth(req, r.cid, r.cid_secret);
      const { p, action } = kakaoCancel(() => rules.cancel(() => {
        const p = ownTid(r.cid, r.tid);
        // Kakao: 컵 보증금(green_deposit) 사용 시 부분 취소 불가.
        if (p.green_deposit > 0 && r.cancel_amount < p.amount - p.canceled_amount) throw new SimError(400, 'PAYMENT_STATE', 'a payment with green_deposit can only be cancelled in full', 'cancel_amount').kakao(-784);
        return p;
      }, {
        amount: r.cancel_amount,
        taxFree: r.cancel_tax_free_amount,
        vat: r.cancel_vat_amount,
        expectAvailable: r.cancel_available_amount,
        requestId: r.cancel_request_id,
        payload: r.payload,
      }));
      return cancelBody(p, action);
    }),
  );

  const order = faults.wrap(async (req) => {
    const r = parseInput(kakaoOrderSchema, bodyOf(req));
    auth(req, r.cid, r.cid_secret);
    const p = rules.lookup(r.cid, { tid: r.tid, orderId: r.partner_order_id });
    if (!p || p.dialect !== 'kakaopay') throw new SimError(404, 'PAYMENT_NOT_FOUND', 'no payment for this cid', r.tid ? 'tid' : 'partner_order_id');
    return orderBody(p, rules.payments.actions(p.id), rules.customers);
  });
  // The open API documents POST only; kapi.kakao.com took GET and POST.
  if (gen === 'legacy') app.get(`${base}/order`, order);
  app.post(`${base}/order`, order);

  app.post(
    `${base}/quit`,
    faults.wrap(async (req) => {
      const r = parseInput(kakaoQuitSchema, bodyOf(req));
      auth(req, r.cid, r.cid_secret);
      const p = rules.merchantQuit(() => ownTid(r.cid, r.tid));
      return orderBody(p, rules.payments.actions(p.id), rules.customers);
    }),
  );
}
