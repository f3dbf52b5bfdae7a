/**
 * The OneQ Pay dialect (seed 003) over HTTP: form-urlencoded requests, JSON responses.
 *   POST /pay/store/token   제휴 API (idempotent per business number; + EXTENSION cid_secret, admin_key)
 *   POST /pay               결제 준비 (+ EXTENSION qr_token, see oneqpay-schemas.ts)
 *   POST /pay/success       결제 승인 (+ EXTENSION tid)
 *   POST /pay/cancel        EXTENSION: full or partial cancel
 *   GET  /pay/status        EXTENSION: status by order_id or tid, to resolve unknown outcomes
 *   POST /pay/quit          EXTENSION: the merchant withdraws a readied, unapproved payment
 *   GET  /pay/showQRCode, /pay/oneq/transfer   the redirect pages named by the ready response
 *                           (oneqpay-phone-pages.ts; with phone_approval=Y the customer pays there)
 * Merchant calls take `Authorization: SECRET_KEY <cid_secret>` (or a cid_secret field); required
 * when the simulator runs with requireMerchantAuth. Errors: see sim-errors.ts.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formatKrw } from '../../shared/domain/money';
import { toOneqDateTime } from '../../shared/domain/time';
import type { Faults } from './faults';
import { escapeHtml, sendPage } from './html';
import { checkMerchant } from './merchant-auth';
import { approveSchema, cancelSchema, quitSchema, readySchema, registerStoreSchema, statusQuerySchema, type PaymentMethod } from './oneqpay-schemas';
import { isPhoneFlow, oneqStatus, type PaymentRow } from './payment-repo';
import type { PaymentRules } from './payment-rules';
import { oneqMethodOf } from './qr-tokens';
import { SimError, parseInput } from './sim-errors';
import { splitVat } from '../../shared/domain/vat';

const HOST_RE = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** The base URL the caller used (so a phone on the LAN gets reachable links); the bound URL otherwise. */
export function publicBase(req: FastifyRequest, fallback: string): string {
  const host = req.headers.host;
  return host && HOST_RE.test(host) ? `${req.protocol}://${host}` : fallback;
}

const STATUS_KO = { READY: '결제 대기', APPROVED: '결제 완료', FAILED: '결제 실패', CANCELLED: '결제 취소' } as const;
const oneq = (iso: string) => toOneqDateTime(new Date(iso));
/** '계좌' (also cards, which draw on a linked account) or 'MONEY'. */
export const allows = (filter: PaymentMethod | undefined) => (i: 'ACCOUNT' | 'CARD' | 'MONEY') => !filter || (filter === 'MONEY' ? i === 'MONEY' : i !== 'MONEY');

export interface OneqOptions {
  rules: PaymentRules;
  faults: Faults;
  fallbackBase: () => string;
  requireMerchantAuth: boolean;
}

function statusBody(p: PaymentRow) {
  const s = oneqStatus(p.status);
  const approved = s === 'APPROVED' || s === 'CANCELLED';
  return {
    tid: p.tid,
    cid: p.cid,
    order_id: p.order_id,
    status: s,
    amount: p.amount,
    payment_method_type: approved && p.instrument ? oneqMethodOf(p.instrument) : null,
    tran_dt: approved && p.approved_at ? oneq(p.approved_at) : null,
    // EXTENSION
    detail_status: p.status,
    failure_code: p.failure_code,
    canceled_amount: p.canceled_amount,
    cancel_available_amount: approved ? p.amount - p.canceled_amount : 0,
    canceled_at: p.canceled_at ? oneq(p.canceled_at) : null,
  };
}

export function registerOneqPayRoutes(app: FastifyInstance, o: OneqOptions): void {
  const { rules, faults } = o;
  const auth = (req: FastifyRequest, cid: string, secret: string | undefined) => checkMerchant(rules, req, cid, secret, o.requireMerchantAuth);

  app.post(
    '/pay/store/token',
    faults.wrap(async (req) => {
      const input = parseInput(registerStoreSchema, req.body);
      // Keys only with proof of being the merchant (or at the first registration): see PaymentRules.registerStore.
      const s = rules.registerStore(input, (cid) => checkMerchant(rules, req, cid, input.cid_secret, false));
      return { cid: s.cid, created_at: oneq(s.created_at), category_cd: s.category_cd, approved_at: oneq(s.approved_at), cid_secret: s.cidSecret, admin_key: s.adminKey, enrollment_code: s.enrollmentCode };
    }),
  );

  app.post(
    '/pay',
    faults.wrap(async (req) => {
      const input = parseInput(readySchema, req.body);
      auth(req, input.cid, input.cid_secret);
      const onPhone = input.phone_approval === 'Y';
      if (onPhone && (input.qr_token || input.bank_acct_num !== undefined)) throw new SimError(400, 'VALIDATION_FAILED', 'phone_approval=Y goes without qr_token and bank_acct_num', 'phone_approval');
      if (!input.qr_token && !onPhone) {
        if (input.bank_acct_num === undefined) throw new SimError(400, 'VALIDATION_FAILED', 'bank_acct_num is required (or qr_token)', 'bank_acct_num');
        if (input.balance === undefined) throw new SimError(400, 'VALIDATION_FAILED', 'balance is required (or qr_token)', 'balance');
      }
      let spec;
      if (!input.qr_token && !onPhone) {
        const a = rules.customers.accountByNumber(input.bank_acct_num!);
        if (!a) throw new SimError(400, 'VALIDATION_FAILED', 'bank_acct_num is not a registered OneQ Pay account', 'bank_acct_num');
        spec = input.payment_method_type === 'MONEY' ? { customerId: a.customer_id, instrument: 'MONEY' as const, accountId: null, cardId: null } : { customerId: a.customer_id, instrument: 'ACCOUNT' as const, accountId: a.id, cardId: null };
      }
      const taxFree = input.tax_free_amount ?? 0;
      if (Number.isSafeInteger(input.amount) && taxFree > input.amount) throw new SimError(400, 'VALIDATION_FAILED', 'tax_free_amount must not exceed amount', 'tax_free_amount');
      const vat = Number.isSafeInteger(input.amount) && input.amount > 0 ? splitVat(input.amount, taxFree).vat : 0;
      const p = rules.ready(
        'oneqpay',
        {
          cid: input.cid,
          order_id: input.order_id,
          category_cd: input.category_cd,
          opponent_name: input.opponent_name,
          item_name: input.item_name,
          item_code: input.item_code ?? null,
          member_id: input.member_id,
          quantity: input.quantity,
          amount: input.amount,
          tax_free_amount: taxFree,
          vat_amount: vat,
          method_filter: input.payment_method_type ?? null,
          install_month: 0,
          declared_balance: input.balance ?? null,
          approval_url: input.approval_url,
          cancel_url: input.cancel_url,
          fail_url: input.fail_url,
        },
        { qrToken: input.qr_token, spec, allow: allows(input.payment_method_type) },
      );
      const base = publicBase(req, o.fallbackBase());
      const tid = encodeURIComponent(p.tid);
      return { tid: p.tid, next_redirect_url: `${base}/pay/showQRCode?tid=${tid}`, android_app_scheme: `${base}/pay/oneq/transfer?tid=${tid}`, approved_at: oneq(p.created_at) };
    }),
  );

  app.post(
    '/pay/success',
    faults.wrap(async (req) => {
      const input = parseInput(approveSchema, req.body);
      auth(req, input.cid, input.cid_secret);
      const { p, repeated } = rules.approve(
        () => {
          const p = rules.payments.byOrder(input.cid, input.order_id);
          if (!p || p.dialect !== 'oneqpay') throw new SimError(404, 'PAYMENT_NOT_FOUND', 'no ready payment for this cid and order_id', 'order_id');
          if (input.tid !== undefined && input.tid !== p.tid) throw new SimError(400, 'PAYMENT_NOT_FOUND', 'tid does not match the order', 'tid');
          if (input.amount !== p.amount) throw new SimError(400, 'AMOUNT_MISMATCH', 'amount differs from the ready amount', 'amount');
          return p;
        },
        (p) => {
          // The customer's QR (or the spec's account fields) authorized it at ready; on the phone path, the password did.
          if (isPhoneFlow(p) && p.status !== 'AUTH_PASSWORD') throw new SimError(400, 'PAYMENT_NOT_AUTHORIZED', `the customer has not authorized the payment on the phone (${p.status})`);
        },
        { tranDt: input.tran_dt },
      );
      return {
        tid: p.tid,
        cid: p.cid,
        order_id: p.order_id,
        member_id: p.member_id,
        payment_method_type: oneqMethodOf(p.instrument!),
        item_name: p.item_name,
        amount: p.amount,
        tran_dt: oneq(p.approved_at!),
        rsp_code: repeated ? 'A0326' : 'A0000', // EXTENSION: a repeated approval is ignored; the first result stands
      };
    }),
  );

  app.post(
    '/pay/cancel',
    faults.wrap(async (req) => {
      const input = parseInput(cancelSchema, req.body);
      auth(req, input.cid, input.cid_secret);
      const { p, action, repeated } = rules.cancel(
        () => {
          const p = rules.payments.byTid(input.tid);
          if (!p || p.cid !== input.cid || p.dialect !== 'oneqpay' || (input.order_id !== undefined && p.order_id !== input.order_id)) throw new SimError(404, 'PAYMENT_NOT_FOUND', 'no payment with this tid for this cid', 'tid');
          return p;
        },
        { amount: input.cancel_amount, taxFree: input.cancel_tax_free_amount, vat: input.cancel_vat_amount, requestId: input.cancel_request_id },
      );
      return {
        ...statusBody(p),
        aid: action.aid,
        cancel_amount: action.amount,
        cancel_tax_free_amount: action.tax_free_amount,
        cancel_vat_amount: action.vat_amount,
        rsp_code: repeated ? 'A0326' : 'A0000',
      };
    }),
  );

  app.get(
    '/pay/status',
    faults.wrap(async (req) => {
      const q = parseInput(statusQuerySchema, req.query);
      auth(req, q.cid, q.cid_secret);
      const p = rules.lookup(q.cid, { tid: q.tid, orderId: q.order_id });
      if (!p || p.dialect !== 'oneqpay') throw new SimError(404, 'PAYMENT_NOT_FOUND', `no payment for this cid and ${q.tid ? 'tid' : 'order_id'}`, q.tid ? 'tid' : 'order_id');
      return statusBody(p);
    }),
  );

  app.post(
    '/pay/quit',
    faults.wrap(async (req) => {
      const q = parseInput(quitSchema, req.body);
      auth(req, q.cid, q.cid_secret);
      const p = rules.merchantQuit(() => {
        const p = rules.lookup(q.cid, { tid: q.tid, orderId: q.order_id });
        if (!p || p.dialect !== 'oneqpay') throw new SimError(404, 'PAYMENT_NOT_FOUND', `no payment for this cid and ${q.tid ? 'tid' : 'order_id'}`, q.tid ? 'tid' : 'order_id');
        return p;
      });
      return statusBody(p);
    }),
  );
}

/**
 * The read-only summary the redirect pages show for a payment the customer authorized at ready
 * (with the wallet QR or the spec's account fields); phone-path payments get oneqpay-phone-pages.ts.
 */
export function oneqPaymentSummary(reply: FastifyReply, p: PaymentRow | undefined): FastifyReply {
  if (!p) return sendPage(reply.status(404), { title: '원큐페이', body: '<h1>원큐페이</h1><p>결제 건을 찾을 수 없습니다.</p>' });
  const s = oneqStatus(p.status);
  return sendPage(reply, {
    title: '원큐페이 결제',
    refreshSeconds: s === 'READY' ? 3 : undefined,
    body: `<h1>원큐페이 결제</h1><dl>
      <dt>가맹점</dt><dd>${escapeHtml(p.opponent_name)}</dd>
      <dt>상품</dt><dd>${escapeHtml(p.item_name)}</dd>
      <dt>금액</dt><dd>${escapeHtml(formatKrw(p.amount))}</dd>
      <dt>거래번호</dt><dd>${escapeHtml(p.tid)}</dd>
      <dt>상태</dt><dd>${STATUS_KO[s]}${p.canceled_amount > 0 && s === 'APPROVED' ? ` (부분취소 ${escapeHtml(formatKrw(p.canceled_amount))})` : ''}</dd></dl>`,
  });
}
