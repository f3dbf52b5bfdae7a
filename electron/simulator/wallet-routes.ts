/**
 * The customer's side of the simulator: a phone-friendly wallet page with the customer's methods,
 * a live one-time QR and recent payments, and a small JSON API (the terminal's "demo QR" button, tests).
 *   POST /wallet/api/customers                 JSON → a new customer (customers.ts newCustomerSchema)
 *   GET  /wallet/api/customers                 → { customers: [{ id, name }] }
 *   GET  /wallet/api/customers/:id             → customer with accounts, cards, methods (wallet-view.ts)
 *   POST /wallet/api/customers/:id/qr          → { qr_text, expires_at (UTC ISO), method, method_id }
 *                                                 body (optional): method '계좌' | 'MONEY' | 'CARD', or method_id
 *   GET  /wallet/api/customers/:id/payments    → { payments: [...] } (recent, newest first)
 *   GET  /wallet/:id[?m=<method_id>|?method=MONEY]   HTML (a fresh QR on every load, reloads before expiry)
 *   GET  /wallet                               HTML list of customers
 */
import type { FastifyInstance } from 'fastify';
import QRCode from 'qrcode';
import { z } from 'zod';
import { formatKrw } from '../../shared/domain/money';
import { formatSeoulDateTime } from '../../shared/domain/time';
import { escapeHtml, sendPage } from './html';
import type { PayStatus, PaymentRow } from './payment-repo';
import type { PaymentRules } from './payment-rules';
import { oneqMethodOf } from './qr-tokens';
import { parseInput } from './sim-errors';
import { customerJson, methodsOf } from './wallet-view';

const paramsSchema = z.object({ id: z.string().min(1).max(64) });
const choiceSchema = z.object({
  method: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['계좌', 'MONEY', 'CARD']).optional()),
  method_id: z.preprocess((v) => (v === '' ? undefined : v), z.string().max(16).optional()),
  m: z.preprocess((v) => (v === '' ? undefined : v), z.string().max(16).optional()),
});

export const STATUS_KO: Record<PayStatus, string> = {
  READY: '대기',
  SEND_TMS: '요청됨',
  OPEN_PAYMENT: '진행 중',
  SELECT_METHOD: '진행 중',
  AUTH_PASSWORD: '인증 완료',
  SUCCESS_PAYMENT: '완료',
  PART_CANCEL_PAYMENT: '부분취소',
  CANCEL_PAYMENT: '취소',
  FAIL_AUTH_PASSWORD: '인증 실패',
  QUIT_PAYMENT: '중단',
  FAIL_PAYMENT: '실패',
};

export const CUSTOMER_COOKIE = 'sim_customer';

function paymentJson(p: PaymentRow) {
  return {
    tid: p.tid,
    merchant: p.opponent_name,
    item_name: p.item_name,
    amount: p.amount,
    canceled_amount: p.canceled_amount,
    status: p.status,
    method: p.instrument ? oneqMethodOf(p.instrument) : null,
    created_at: p.created_at,
    approved_at: p.approved_at,
  };
}

export function registerWalletRoutes(app: FastifyInstance, rules: PaymentRules): void {
  const now = () => rules.now();

  app.post('/wallet/api/customers', async (req) => customerJson(rules.customers, rules.customers.create(req.body ?? {}, now().toISOString()), now()));
  app.get('/wallet/api/customers', async () => ({ customers: rules.customers.list().map((c) => ({ id: c.id, name: c.name })) }));
  app.get('/wallet/api/customers/:id', async (req) => customerJson(rules.customers, rules.customers.require(parseInput(paramsSchema, req.params).id), now()));
  app.get('/wallet/api/customers/:id/payments', async (req) => {
    const c = rules.customers.require(parseInput(paramsSchema, req.params).id);
    return { payments: rules.payments.recentForCustomer(c.id, 20).map(paymentJson) };
  });
  app.post('/wallet/api/customers/:id/qr', async (req) => {
    const { id } = parseInput(paramsSchema, req.params);
    const q = parseInput(choiceSchema, req.body ?? {});
    return rules.issueQr(id, { kind: q.method, methodId: q.method_id ?? q.m });
  });

  app.get('/wallet', async (_req, reply) => {
    const list = rules.customers
      .list()
      .map((c) => `<a href="/wallet/${encodeURIComponent(c.id)}">${escapeHtml(c.name)} <span class="muted">(${escapeHtml(c.id)})</span></a>`)
      .join('');
    return sendPage(reply, { title: '원큐페이 지갑', body: `<h1>원큐페이 지갑</h1><p class="muted">고객을 선택하세요 (시뮬레이터)</p><div class="methods">${list}</div>` });
  });

  app.get('/wallet/:id', async (req, reply) => {
    const { id } = parseInput(paramsSchema, req.params);
    const q = parseInput(choiceSchema, req.query ?? {});
    const c = rules.customers.require(id);
    const qr = rules.issueQr(id, { kind: q.method, methodId: q.m ?? q.method_id });
    const t = now();
    const svg = await QRCode.toString(qr.qr_text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    const ttlSeconds = Math.max(1, Math.round((Date.parse(qr.expires_at) - t.getTime()) / 1000));
    const refreshSeconds = ttlSeconds > 20 ? ttlSeconds - 10 : Math.max(1, Math.floor(ttlSeconds / 2));
    const view = customerJson(rules.customers, c, t);
    const methods = methodsOf(rules.customers, c, t)
      .map(
        (m) =>
          `<a class="${m.method_id === qr.method_id ? 'on' : ''} ${m.usable ? '' : 'off'}" href="?m=${encodeURIComponent(m.method_id)}">${escapeHtml(m.label)} ${escapeHtml(m.masked)}` +
          `<span style="float:right">${escapeHtml(formatKrw(m.available))}</span>${m.note ? `<br><span class="muted">${escapeHtml(m.note)}</span>` : ''}</a>`,
      )
      .join('');
    const consent =
      view.consent.info_expired || view.consent.withdraw_expired
        ? `<p class="warn">${view.consent.info_expired ? '금융정보 제3자 제공 동의 만료 (A0316). ' : ''}${view.consent.withdraw_expired ? '출금 동의 만료 (A0319). ' : ''}재동의가 필요합니다.</p>`
        : '';
    const requests = rules.payments
      .requestsFor(c.id, t.toISOString())
      .map((p) => `<a href="/kakaopay/m/${encodeURIComponent(p.tid)}?as=${encodeURIComponent(c.id)}">${escapeHtml(p.opponent_name)} · ${escapeHtml(p.item_name)}<span style="float:right">${escapeHtml(formatKrw(p.amount))}</span></a>`)
      .join('');
    const recent = rules.payments
      .recentForCustomer(c.id, 5)
      .map(
        (p) =>
          `<dt>${escapeHtml(formatSeoulDateTime(p.approved_at ?? p.created_at))} ${escapeHtml(p.opponent_name)}</dt><dd>${escapeHtml(formatKrw(p.amount))} ${STATUS_KO[p.status]}` +
          `${p.canceled_amount > 0 && p.status === 'PART_CANCEL_PAYMENT' ? ` (−${escapeHtml(formatKrw(p.canceled_amount))})` : ''}</dd>`,
      )
      .join('');
    return sendPage(reply.header('set-cookie', `${CUSTOMER_COOKIE}=${encodeURIComponent(c.id)}; Path=/; SameSite=Lax; Max-Age=86400`), {
      title: `원큐페이 지갑 - ${c.name}`,
      refreshSeconds,
      body: `<h1>원큐페이 · ${escapeHtml(c.name)}님</h1>${consent}
        ${requests ? `<h1>결제 요청</h1><div class="methods">${requests}</div>` : ''}
        <div class="methods">${methods}</div>
        <div class="qr">${svg}</div>
        <p class="qr-text">${escapeHtml(qr.qr_text)}</p>
        <p class="muted">한 번만 사용할 수 있는 QR입니다. 남은 시간 <span id="left">${ttlSeconds}</span>초</p>
        <nav><a href="?m=${encodeURIComponent(qr.method_id)}">QR 새로 발급</a><a href="/wallet">다른 고객</a></nav>
        ${recent ? `<h1>최근 결제</h1><dl>${recent}</dl>` : ''}`,
      script: `(function(){var n=${ttlSeconds},e=document.getElementById('left');setInterval(function(){n=Math.max(0,n-1);e.textContent=String(n);},1000);})();`,
    });
  });
}
