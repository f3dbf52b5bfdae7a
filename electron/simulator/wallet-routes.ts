/**
 * The customer's side of the simulator: a phone-friendly wallet page showing a live one-time QR,
 * and a small JSON API used by the terminal's "demo QR" button and by tests.
 *   POST /wallet/api/customers/:id/qr   → { qr_text, expires_at (UTC ISO), method }   (optional body field method: '계좌' | 'MONEY')
 *   GET  /wallet/api/customers/:id      → { id, name, account_masked, account_alias, account_balance, money_balance }
 *   GET  /wallet/:id[?method=MONEY]     → HTML page (issues a fresh QR on every load, reloads itself before expiry)
 */
import type { FastifyInstance } from 'fastify';
import QRCode from 'qrcode';
import { z } from 'zod';
import { formatKrw } from '../../shared/domain/money';
import { formatSeoulDateTime } from '../../shared/domain/time';
import { escapeHtml, sendPage } from './html';
import type { PaymentRules } from './payment-rules';
import type { CustomerRow, SimDb } from './sim-db';
import { parseInput } from './sim-errors';

const paramsSchema = z.object({ id: z.string().min(1).max(64) });
const methodSchema = z.object({
  method: z.preprocess((v) => (v === undefined || v === '' ? '계좌' : v), z.enum(['계좌', 'MONEY'])),
});

/** "********9012": never the full account number. */
export function maskAccount(num: string): string {
  return `${'*'.repeat(Math.max(0, num.length - 4))}${num.slice(-4)}`;
}

function customerJson(c: CustomerRow) {
  return { id: c.id, name: c.name, account_masked: maskAccount(c.bank_acct_num), account_alias: c.bank_acct_alias, account_balance: c.account_balance, money_balance: c.money_balance };
}

const STATUS_KO = { READY: '대기', APPROVED: '완료', FAILED: '실패', CANCELLED: '취소' } as const;

export function registerWalletRoutes(app: FastifyInstance, rules: PaymentRules, db: SimDb, now: () => Date): void {
  app.post('/wallet/api/customers/:id/qr', async (req) => {
    const { id } = parseInput(paramsSchema, req.params);
    const { method } = parseInput(methodSchema, req.body ?? {});
    return rules.issueQr(id, method);
  });

  app.get('/wallet/api/customers/:id', async (req) => customerJson(rules.customer(parseInput(paramsSchema, req.params).id)));

  app.get('/wallet/:id', async (req, reply) => {
    const { id } = parseInput(paramsSchema, req.params);
    const { method } = parseInput(methodSchema, req.query ?? {});
    const c = rules.customer(id);
    const qr = rules.issueQr(id, method);
    const svg = await QRCode.toString(qr.qr_text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    const ttlSeconds = Math.max(1, Math.round((Date.parse(qr.expires_at) - now().getTime()) / 1000));
    const refreshSeconds = ttlSeconds > 20 ? ttlSeconds - 10 : Math.max(1, Math.floor(ttlSeconds / 2));
    const other = method === 'MONEY' ? '계좌' : 'MONEY';
    const recent = db
      .recentPayments(c.id, 5)
      .map((p) => `<dt>${escapeHtml(formatSeoulDateTime(p.approved_at ?? p.created_at))} ${escapeHtml(p.opponent_name)}</dt><dd>${escapeHtml(formatKrw(p.amount))} ${STATUS_KO[p.status]}</dd>`)
      .join('');
    return sendPage(reply, {
      title: `원큐페이 지갑 - ${c.name}`,
      refreshSeconds,
      body: `<h1>원큐페이 · ${escapeHtml(c.name)}님</h1>
        <dl>
          <dt>${escapeHtml(c.bank_acct_alias || '하나은행')}</dt><dd>하나은행 ${escapeHtml(maskAccount(c.bank_acct_num))}</dd>
          <dt>계좌 잔액</dt><dd>${escapeHtml(formatKrw(c.account_balance))}</dd>
          <dt>하나머니</dt><dd>${escapeHtml(formatKrw(c.money_balance))}</dd>
          <dt>결제수단</dt><dd><strong>${method === 'MONEY' ? '하나머니' : '계좌'}</strong></dd>
        </dl>
        <div class="qr">${svg}</div>
        <p class="qr-text">${escapeHtml(qr.qr_text)}</p>
        <p class="muted">한 번만 사용할 수 있는 QR입니다. 남은 시간 <span id="left">${ttlSeconds}</span>초</p>
        <nav><a href="?method=${encodeURIComponent(other)}">${other === 'MONEY' ? '하나머니로 결제' : '계좌로 결제'}</a><a href="?method=${encodeURIComponent(method)}">QR 새로 발급</a></nav>
        ${recent ? `<h1>최근 결제</h1><dl>${recent}</dl>` : ''}`,
      script: `(function(){var n=${ttlSeconds},e=document.getElementById('left');setInterval(function(){n=Math.max(0,n-1);e.textContent=String(n);},1000);})();`,
    });
  });
}
