/**
 * The Kakao Pay redirect flow's pages (seed 004):
 *   GET  /kakaopay/pc/:tid          next_redirect_pc_url: amount, a QR of the mobile URL for the
 *                                   customer's phone, and "send to the customer's wallet" (SEND_TMS).
 *                                   Reloads itself; once the customer has acted it redirects (302) to
 *                                   approval_url?pg_token=… | cancel_url | fail_url.
 *   POST /kakaopay/pc/:tid/send     form { customer }: a payment request shown on that customer's wallet page
 *   GET  /kakaopay/m/:tid[?as=id][&m=method_id]   next_redirect_mobile_url: the customer picks a method and enters the
 *                                   payment password (OPEN_PAYMENT → SELECT_METHOD); the customer is taken
 *                                   from ?as, else the wallet's cookie, else chosen from a list
 *   POST /kakaopay/m/:tid/approve   form { customer, method_id, pin } → AUTH_PASSWORD (or FAIL_AUTH_PASSWORD)
 *   POST /kakaopay/m/:tid/quit      → QUIT_PAYMENT
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { z } from 'zod';
import { formatKrw } from '../../shared/domain/money';
import { escapeHtml, sendPage } from './html';
import { kakaoAllows } from './kakaopay-routes';
import { publicBase } from './oneqpay-routes';
import { APPROVED, PENDING, type PaymentRow } from './payment-repo';
import type { PaymentRules } from './payment-rules';
import { SimError, parseInput } from './sim-errors';
import { CUSTOMER_COOKIE } from './wallet-routes';
import { methodsOf } from './wallet-view';

const tidParams = z.object({ tid: z.string().min(1).max(20) });
const customerField = z.string().min(1).max(64);

function withQuery(url: string, key: string, value: string): string {
  const hash = url.indexOf('#');
  const base = hash >= 0 ? url.slice(0, hash) : url;
  return `${base}${base.includes('?') ? '&' : '?'}${key}=${encodeURIComponent(value)}`;
}

/** Where the merchant's browser goes once the customer has acted; null while waiting. */
export function merchantRedirect(p: PaymentRow): string | null {
  if (p.status === 'AUTH_PASSWORD' && p.pg_token) return withQuery(p.approval_url, 'pg_token', p.pg_token);
  if (p.status === 'QUIT_PAYMENT') return p.cancel_url;
  if (PENDING.has(p.status) || APPROVED.has(p.status) || p.status === 'CANCEL_PAYMENT') return null;
  return p.fail_url;
}

function cookieCustomer(req: FastifyRequest): string | undefined {
  const m = new RegExp(`(?:^|;\\s*)${CUSTOMER_COOKIE}=([^;]{1,64})`).exec(req.headers.cookie ?? '');
  return m ? decodeURIComponent(m[1]!) : undefined;
}

const summary = (p: PaymentRow) =>
  `<dl><dt>가맹점</dt><dd>${escapeHtml(p.opponent_name)}</dd><dt>상품</dt><dd>${escapeHtml(p.item_name)}</dd><dt>금액</dt><dd><strong>${escapeHtml(formatKrw(p.amount))}</strong></dd></dl>`;

export function registerKakaoPayPages(app: FastifyInstance, rules: PaymentRules, fallbackBase: () => string): void {
  const load = (req: FastifyRequest): PaymentRow => {
    const { tid } = parseInput(tidParams, req.params);
    const p = rules.forCustomer(tid);
    if (!p || p.dialect !== 'kakaopay') throw new SimError(404, 'PAYMENT_NOT_FOUND', 'no payment with this tid', 'tid');
    return p;
  };
  const done = (reply: FastifyReply, title: string, text: string) => sendPage(reply, { title, body: `<h1>카카오페이</h1><p>${escapeHtml(text)}</p>` });

  app.get('/kakaopay/pc/:tid', async (req, reply) => {
    const p = load(req);
    const to = merchantRedirect(p);
    if (to) return reply.redirect(to, 302);
    if (!PENDING.has(p.status)) return done(reply, '카카오페이', '이미 처리된 결제입니다.');
    const mobile = `${publicBase(req, fallbackBase())}/kakaopay/m/${encodeURIComponent(p.tid)}`;
    const svg = await QRCode.toString(mobile, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    const options = rules.customers
      .list()
      .map((c) => `<option value="${escapeHtml(c.id)}">${escapeHtml(c.name)} (${escapeHtml(c.id)})</option>`)
      .join('');
    return sendPage(reply, {
      title: '카카오페이 결제',
      refreshSeconds: 2,
      body: `<h1>카카오페이 결제</h1>${summary(p)}
        <div class="qr">${svg}</div>
        <p class="muted">휴대폰 카메라로 QR을 스캔해 결제를 진행하세요.</p>
        <form method="post" action="/kakaopay/pc/${encodeURIComponent(p.tid)}/send"><select name="customer">${options}</select>
        <button class="secondary" type="submit">고객 지갑으로 결제 요청 보내기</button></form>`,
    });
  });

  app.post('/kakaopay/pc/:tid/send', async (req, reply) => {
    const p = load(req);
    const customer = parseInput(z.object({ customer: customerField }), req.body ?? {}).customer;
    rules.step(p.tid, 'SEND_TMS', customer);
    return reply.redirect(`/kakaopay/pc/${encodeURIComponent(p.tid)}`, 303);
  });

  app.get('/kakaopay/m/:tid', async (req, reply) => {
    const p = load(req);
    if (!PENDING.has(p.status)) return done(reply, '카카오페이', '이미 처리된 결제입니다.');
    if (p.status === 'AUTH_PASSWORD') return done(reply, '카카오페이', '결제 인증이 완료되었습니다. 가맹점 화면을 확인하세요.');
    const as = (req.query as Record<string, unknown> | undefined)?.as;
    const customerId = typeof as === 'string' && as ? as : cookieCustomer(req);
    const customer = customerId ? rules.customers.get(customerId) : undefined;
    if (!customer) {
      const list = rules.customers
        .list()
        .map((c) => `<a href="?as=${encodeURIComponent(c.id)}">${escapeHtml(c.name)} <span class="muted">(${escapeHtml(c.id)})</span></a>`)
        .join('');
      return sendPage(reply, { title: '카카오페이 결제', body: `<h1>카카오페이 결제</h1>${summary(p)}<p class="muted">고객을 선택하세요 (시뮬레이터)</p><div class="methods">${list}</div>` });
    }
    const picked = (req.query as Record<string, unknown> | undefined)?.m;
    rules.step(p.tid, typeof picked === 'string' && picked ? 'SELECT_METHOD' : 'OPEN_PAYMENT', customer.id);
    const allow = kakaoAllows(p.method_filter as 'CARD' | 'MONEY' | null);
    const methods = methodsOf(rules.customers, customer, rules.now())
      .filter((m) => allow(m.kind === 'CARD' ? 'CARD' : m.kind === 'MONEY' ? 'MONEY' : 'ACCOUNT'))
      .map(
        (m, i) =>
          `<label class="${m.usable ? '' : 'off'}"><input type="radio" name="method_id" value="${escapeHtml(m.method_id)}"${(picked ? m.method_id === picked : i === 0) ? ' checked' : ''}> ${escapeHtml(m.label)} ${escapeHtml(m.masked)}` +
          `<span style="float:right">${escapeHtml(formatKrw(m.available))}</span>${m.note ? `<br><span class="muted">${escapeHtml(m.note)}</span>` : ''}</label>`,
      )
      .join('');
    const tid = encodeURIComponent(p.tid);
    return sendPage(reply.header('set-cookie', `${CUSTOMER_COOKIE}=${encodeURIComponent(customer.id)}; Path=/; SameSite=Lax; Max-Age=86400`), {
      title: '카카오페이 결제',
      body: `<h1>카카오페이 · ${escapeHtml(customer.name)}님</h1>${summary(p)}
        <form method="post" action="/kakaopay/m/${tid}/approve">
          <input type="hidden" name="customer" value="${escapeHtml(customer.id)}">
          <div class="methods">${methods}</div>
          <input type="password" name="pin" inputmode="numeric" maxlength="6" placeholder="결제 비밀번호 6자리 (데모: 000000)" autocomplete="off">
          <button type="submit">${escapeHtml(formatKrw(p.amount))} 결제하기</button>
        </form>
        <form method="post" action="/kakaopay/m/${tid}/quit"><button class="secondary" type="submit">결제 취소</button></form>`,
    });
  });

  app.post('/kakaopay/m/:tid/approve', async (req, reply) => {
    const p = load(req);
    const f = parseInput(z.object({ customer: customerField, method_id: z.string().min(1).max(16), pin: z.string().max(12).default('') }), req.body ?? {});
    rules.step(p.tid, 'SELECT_METHOD', f.customer);
    const after = rules.authorize(p.tid, f.customer, { methodId: f.method_id }, f.pin, kakaoAllows(p.method_filter as 'CARD' | 'MONEY' | null));
    if (after.status === 'FAIL_AUTH_PASSWORD') return done(reply.status(403), '카카오페이', '결제 비밀번호가 맞지 않아 결제가 취소되었습니다.');
    return done(reply, '카카오페이', '결제 인증이 완료되었습니다. 가맹점 화면을 확인하세요.');
  });

  app.post('/kakaopay/m/:tid/quit', async (req, reply) => {
    const p = load(req);
    rules.quit(p.tid);
    return done(reply, '카카오페이', '결제를 취소했습니다.');
  });
}
