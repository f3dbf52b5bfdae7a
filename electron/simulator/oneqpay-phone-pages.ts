/**
 * The OneQ Pay redirect pages (seed 003: next_redirect_url "QR 코드를 통해 결제 진행 … 결제 수단을 선택하고
 * 비밀번호를 입력하여 결제를 진행"). For a payment readied with phone_approval=Y:
 *   GET  /pay/showQRCode?tid=          next_redirect_url (PC): amount and a QR of the phone page; reloads itself
 *   GET  /pay/oneq/transfer?tid=[&as=id][&m=method_id]   android_app_scheme (mobile web): the customer
 *                                      (?as, else the wallet's cookie, else picked from a list) chooses a
 *                                      method and enters the payment password (demo 000000)
 *   POST /pay/oneq/transfer/approve    form { tid, customer, method_id, pin } → AUTH_PASSWORD (or FAIL_AUTH_PASSWORD)
 *   POST /pay/oneq/transfer/quit       form { tid } → QUIT_PAYMENT
 * The terminal sees AUTH_PASSWORD as /pay/status detail_status and then approves (/pay/success):
 * no money moves before that call. Other payments get the read-only summary.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { z } from 'zod';
import { ERROR_MESSAGES } from '../../shared/domain/errors';
import { formatKrw } from '../../shared/domain/money';
import { escapeHtml, sendPage } from './html';
import type { PaymentMethod } from './oneqpay-schemas';
import { allows, oneqPaymentSummary, publicBase } from './oneqpay-routes';
import { PENDING, isPhoneFlow, type PaymentRow } from './payment-repo';
import type { PaymentRules } from './payment-rules';
import { SimError, parseInput } from './sim-errors';
import { CUSTOMER_COOKIE } from './wallet-routes';
import { methodsOf } from './wallet-view';

const TITLE = '원큐페이 결제';
const tidField = z.string().min(1).max(20);
const customerField = z.string().min(1).max(64);

function query(req: FastifyRequest): Record<string, unknown> {
  return (req.query as Record<string, unknown> | undefined) ?? {};
}
const str = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');

function cookieCustomer(req: FastifyRequest): string | undefined {
  const m = new RegExp(`(?:^|;\\s*)${CUSTOMER_COOKIE}=([^;]{1,64})`).exec(req.headers.cookie ?? '');
  return m ? decodeURIComponent(m[1]!) : undefined;
}

const summary = (p: PaymentRow) =>
  `<dl><dt>가맹점</dt><dd>${escapeHtml(p.opponent_name)}</dd><dt>상품</dt><dd>${escapeHtml(p.item_name)}</dd><dt>금액</dt><dd><strong>${escapeHtml(formatKrw(p.amount))}</strong></dd></dl>`;

/** What a phone-path payment that can no longer be authorized says to the customer. */
function closedText(p: PaymentRow): string {
  if (p.status === 'AUTH_PASSWORD') return '결제 인증이 완료되었습니다. 가맹점 화면을 확인하세요.';
  if (p.status === 'SUCCESS_PAYMENT' || p.status === 'PART_CANCEL_PAYMENT') return '결제가 완료되었습니다.';
  if (p.status === 'QUIT_PAYMENT') return '결제를 취소했습니다.';
  if (p.status === 'FAIL_AUTH_PASSWORD') return '결제 비밀번호가 맞지 않아 결제가 취소되었습니다.';
  if (p.failure_code === 'PAYMENT_CANCELLED') return '가맹점이 결제 요청을 취소했습니다. 청구되지 않았습니다.';
  if (p.failure_code === 'PAYMENT_EXPIRED') return '결제 유효시간이 지났습니다. 가맹점에 다시 요청해 주세요.';
  return '이미 처리된 결제입니다.';
}

export function registerOneqPhonePages(app: FastifyInstance, rules: PaymentRules, fallbackBase: () => string): void {
  const load = (tid: string): PaymentRow | undefined => {
    const p = tid ? rules.forCustomer(tid) : undefined;
    return p && p.dialect === 'oneqpay' ? p : undefined;
  };
  const done = (reply: FastifyReply, text: string) => sendPage(reply, { title: TITLE, body: `<h1>원큐페이</h1><p>${escapeHtml(text)}</p>` });
  const phoneUrl = (req: FastifyRequest, tid: string) => `${publicBase(req, fallbackBase())}/pay/oneq/transfer?tid=${encodeURIComponent(tid)}`;

  app.get('/pay/showQRCode', async (req, reply) => {
    const p = load(str(query(req).tid, 20));
    if (!p || !isPhoneFlow(p)) return oneqPaymentSummary(reply, p);
    if (!PENDING.has(p.status) || p.status === 'AUTH_PASSWORD') return sendPage(reply, { title: TITLE, refreshSeconds: PENDING.has(p.status) ? 2 : undefined, body: `<h1>${TITLE}</h1>${summary(p)}<p>${escapeHtml(closedText(p))}</p>` });
    const url = phoneUrl(req, p.tid);
    const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return sendPage(reply, {
      title: TITLE,
      refreshSeconds: 2,
      body: `<h1>${TITLE}</h1>${summary(p)}<div class="qr">${svg}</div>
        <p class="muted">휴대폰 카메라로 QR을 스캔해 결제를 진행하세요.</p>
        <nav><a href="${escapeHtml(url)}">이 기기에서 결제하기</a></nav>`,
    });
  });

  app.get('/pay/oneq/transfer', async (req, reply) => {
    const q = query(req);
    const p = load(str(q.tid, 20));
    if (!p || !isPhoneFlow(p)) return oneqPaymentSummary(reply, p);
    if (!PENDING.has(p.status) || p.status === 'AUTH_PASSWORD') return done(reply, closedText(p));
    const tid = encodeURIComponent(p.tid);
    const as = str(q.as, 64);
    const customer = rules.customers.get(as || (cookieCustomer(req) ?? ''));
    if (!customer) {
      const list = rules.customers
        .list()
        .map((c) => `<a href="?tid=${tid}&amp;as=${encodeURIComponent(c.id)}">${escapeHtml(c.name)} <span class="muted">(${escapeHtml(c.id)})</span></a>`)
        .join('');
      return sendPage(reply, { title: TITLE, body: `<h1>${TITLE}</h1>${summary(p)}<p class="muted">고객을 선택하세요 (시뮬레이터)</p><div class="methods">${list}</div>` });
    }
    const picked = str(q.m, 16);
    rules.step(p.tid, picked ? 'SELECT_METHOD' : 'OPEN_PAYMENT', customer.id);
    const allow = allows((p.method_filter as PaymentMethod | null) ?? undefined);
    const methods = methodsOf(rules.customers, customer, rules.now())
      .filter((m) => allow(m.kind === 'CARD' ? 'CARD' : m.kind === 'MONEY' ? 'MONEY' : 'ACCOUNT'))
      .map(
        (m, i) =>
          `<label class="${m.usable ? '' : 'off'}"><input type="radio" name="method_id" value="${escapeHtml(m.method_id)}"${(picked ? m.method_id === picked : i === 0) ? ' checked' : ''}> ${escapeHtml(m.label)} ${escapeHtml(m.masked)}` +
          `<span style="float:right">${escapeHtml(formatKrw(m.available))}</span>${m.note ? `<br><span class="muted">${escapeHtml(m.note)}</span>` : ''}</label>`,
      )
      .join('');
    return sendPage(reply.header('set-cookie', `${CUSTOMER_COOKIE}=${encodeURIComponent(customer.id)}; Path=/; SameSite=Lax; Max-Age=86400`), {
      title: TITLE,
      body: `<h1>원큐페이 · ${escapeHtml(customer.name)}님</h1>${summary(p)}
        <form method="post" action="/pay/oneq/transfer/approve">
          <input type="hidden" name="tid" value="${escapeHtml(p.tid)}">
          <input type="hidden" name="customer" value="${escapeHtml(customer.id)}">
          <div class="methods">${methods}</div>
          <input type="password" name="pin" inputmode="numeric" maxlength="6" placeholder="결제 비밀번호 6자리 (데모: 000000)" autocomplete="off">
          <button type="submit">${escapeHtml(formatKrw(p.amount))} 결제하기</button>
        </form>
        <form method="post" action="/pay/oneq/transfer/quit"><input type="hidden" name="tid" value="${escapeHtml(p.tid)}"><button class="secondary" type="submit">결제 취소</button></form>`,
    });
  });

  /** The customer's action on a phone-path payment; a payment that closed meanwhile answers a page, not JSON. */
  const act = async (req: FastifyRequest, reply: FastifyReply, run: (p: PaymentRow) => FastifyReply) => {
    const tid = parseInput(z.object({ tid: tidField }), req.body ?? {}).tid;
    const p = load(tid);
    if (!p || !isPhoneFlow(p)) throw new SimError(404, 'PAYMENT_NOT_FOUND', 'no phone-path payment with this tid', 'tid');
    try {
      return run(p);
    } catch (e) {
      if (!(e instanceof SimError)) throw e;
      return done(reply.status(e.status), ERROR_MESSAGES[e.code].ko);
    }
  };

  app.post('/pay/oneq/transfer/approve', (req, reply) =>
    act(req, reply, (p) => {
      const f = parseInput(z.object({ customer: customerField, method_id: z.string().min(1).max(16), pin: z.string().max(12).default('') }), req.body ?? {});
      rules.step(p.tid, 'SELECT_METHOD', f.customer);
      const after = rules.authorize(p.tid, f.customer, { methodId: f.method_id }, f.pin, allows((p.method_filter as PaymentMethod | null) ?? undefined));
      if (after.status === 'FAIL_AUTH_PASSWORD') return done(reply.status(403), closedText(after));
      return done(reply, closedText(after));
    }),
  );

  app.post('/pay/oneq/transfer/quit', (req, reply) => act(req, reply, (p) => done(reply, closedText(rules.quit(p.tid)))));
}
