/**
 * The Kakao Pay dialect (seed 004): Kakao's paths, field names, statuses and error shape.
 *   POST /v1/payment/ready     → tid + redirect URLs (PC page with a QR for the phone, mobile page)
 *   POST /v1/payment/approve   pg_token from the approval_url redirect (or the order look-up)
 *   POST /v1/payment/cancel    full or partial (cancel_amount, cancel_tax_free_amount, …)
 *   GET|POST /v1/payment/order status look-up by tid (EXTENSION: or partner_order_id)
 *   POST /v1/payment/quit      EXTENSION: the merchant withdraws an unapproved tid (answers like /order)
 * Every call needs `Authorization: KakaoAK <admin_key>` or `SECRET_KEY <cid_secret>` of the cid.
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

export function registerKakaoPayRoutes(app: FastifyInstance, o: KakaoOptions): void {
  const { rules, faults } = o;
  const auth = (req: FastifyRequest, cid: string, secret: string | undefined) => checkMerchant(rules, req, cid, secret, true);
  const ownTid = (cid: string, tid: string): PaymentRow => {
    const p = rules.payments.byTid(tid);
    // Another merchant's tid is answered exactly like a tid that does not exist.
    if (!p || p.cid !== cid || p.dialect !== 'kakaopay') throw new SimError(404, 'PAYMENT_NOT_FOUND', 'no payment with this tid for this cid', 'tid');
    return p;
  };

  app.post(
    '/v1/payment/ready',
    faults.wrap(async (req) => {
      const r = parseInput(kakaoReadySchema, req.body);
      auth(req, r.cid, r.cid_secret);
      const vat = r.vat_amount ?? (r.total_amount > 0 && r.tax_free_amount <= r.total_amount ? splitVat(r.total_amount, r.tax_free_amount).vat : 0);
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
    '/v1/payment/approve',
    faults.wrap(async (req) => {
      const r = parseInput(kakaoApproveSchema, req.body);
      auth(req, r.cid, r.cid_secret);
      const { p } = rules.approve(
        () => {
          const p = ownTid(r.cid, r.tid);
          if (p.order_id !== r.partner_order_id) throw new SimError(400, 'VALIDATION_FAILED', 'partner_order_id differs from the ready request', 'partner_order_id');
          if (p.member_id !== r.partner_user_id) throw new SimError(400, 'VALIDATION_FAILED', 'partner_user_id differs from the ready request', 'partner_user_id');
          if (r.total_amount !== undefined && r.total_amount !== p.amount) throw new SimError(400, 'AMOUNT_MISMATCH', 'total_amount differs from the ready request', 'total_amount');
          if (p.pg_token !== null && p.status !== 'AUTH_PASSWORD' && p.pg_token !== r.pg_token) throw new SimError(400, 'PAYMENT_NOT_AUTHORIZED', 'pg_token does not match', 'pg_token');
          return p;
        },
        (p) => {
          if (p.status !== 'AUTH_PASSWORD') throw new SimError(400, 'PAYMENT_NOT_AUTHORIZED', `the customer has not authorized the payment (${p.status})`, 'pg_token');
          if (p.pg_token !== r.pg_token) throw new SimError(400, 'PAYMENT_NOT_AUTHORIZED', 'pg_token does not match', 'pg_token');
        },
        { payload: r.payload },
      );
      const aid = rules.payments.actions(p.id).find((a) => a.type === 'PAYMENT')!.aid;
      return approveBody(p, aid, rules.customers);
    }),
  );

  app.post(
    '/v1/payment/cancel',
    faults.wrap(async (req) => {
      const r = parseInput(kakaoCancelSchema, req.body);
      auth(req, r.cid, r.cid_secret);
      const { p, action } = rules.cancel(() => ownTid(r.cid, r.tid), {
        amount: r.cancel_amount,
        taxFree: r.cancel_tax_free_amount,
        vat: r.cancel_vat_amount,
        expectAvailable: r.cancel_available_amount,
        requestId: r.cancel_request_id,
        payload: r.payload,
      });
      return cancelBody(p, action);
    }),
  );

  const order = faults.wrap(async (req) => {
    const r = parseInput(kakaoOrderSchema, req.method === 'GET' ? req.query : req.body);
    auth(req, r.cid, r.cid_secret);
    const p = rules.lookup(r.cid, { tid: r.tid, orderId: r.partner_order_id });
    if (!p || p.dialect !== 'kakaopay') throw new SimError(404, 'PAYMENT_NOT_FOUND', 'no payment for this cid', r.tid ? 'tid' : 'partner_order_id');
    return orderBody(p, rules.payments.actions(p.id), rules.customers);
  });
  app.get('/v1/payment/order', order);
  app.post('/v1/payment/order', order);

  app.post(
    '/v1/payment/quit',
    faults.wrap(async (req) => {
      const r = parseInput(kakaoQuitSchema, req.body);
      auth(req, r.cid, r.cid_secret);
      const p = rules.merchantQuit(() => ownTid(r.cid, r.tid));
      return orderBody(p, rules.payments.actions(p.id), rules.customers);
    }),
  );
}
