/**
 * The OneQ Pay dialect (seed 003) over HTTP: form-urlencoded requests, JSON responses.
 *   POST /pay/store/token   제휴 API (idempotent per business number)
 *   POST /pay               결제 준비 (+ EXTENSION qr_token, see oneqpay-schemas.ts)
 *   POST /pay/success       결제 승인 (+ EXTENSION tid)
 *   GET  /pay/status        EXTENSION: status of an order, to resolve unknown outcomes
 *   GET  /pay/showQRCode, /pay/oneq/transfer   the redirect pages named by the ready response
 * Errors: see sim-errors.ts.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { formatKrw } from '../../shared/domain/money';
import { escapeHtml, sendPage } from './html';
import { approveSchema, readySchema, registerStoreSchema, statusQuerySchema } from './oneqpay-schemas';
import type { PaymentRules } from './payment-rules';
import { parseInput } from './sim-errors';

const HOST_RE = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** The base URL the caller used (so a phone on the LAN gets reachable links); the bound URL otherwise. */
export function publicBase(req: FastifyRequest, fallback: string): string {
  const host = req.headers.host;
  return host && HOST_RE.test(host) ? `${req.protocol}://${host}` : fallback;
}

const STATUS_KO = { READY: '결제 대기', APPROVED: '결제 완료', FAILED: '결제 실패', CANCELLED: '결제 취소' } as const;

export function registerOneqPayRoutes(app: FastifyInstance, rules: PaymentRules, fallbackBase: () => string): void {
  app.post('/pay/store/token', async (req) => rules.registerStore(parseInput(registerStoreSchema, req.body)));

  app.post('/pay', async (req) => rules.ready(parseInput(readySchema, req.body), publicBase(req, fallbackBase())));

  app.post('/pay/success', async (req) => rules.approve(parseInput(approveSchema, req.body)));

  app.get('/pay/status', async (req) => {
    const q = parseInput(statusQuerySchema, req.query);
    return rules.status(q.cid, q.order_id);
  });

  // The pages the ready response points at: a read-only summary of the payment (the simulator has
  // no separate PC/mobile checkout; the customer's wallet QR is the authorization).
  const paymentPage = async (req: FastifyRequest, reply: Parameters<typeof sendPage>[0]) => {
    const tid = String((req.query as Record<string, unknown> | undefined)?.tid ?? '').slice(0, 20);
    const p = rules.statusByTid(tid);
    if (!p) return sendPage(reply.status(404), { title: '원큐페이', body: '<h1>원큐페이</h1><p>결제 건을 찾을 수 없습니다.</p>' });
    return sendPage(reply, {
      title: '원큐페이 결제',
      refreshSeconds: p.status === 'READY' ? 3 : undefined,
      body: `<h1>원큐페이 결제</h1><dl>
        <dt>가맹점</dt><dd>${escapeHtml(p.opponent_name)}</dd>
        <dt>상품</dt><dd>${escapeHtml(p.item_name)}</dd>
        <dt>금액</dt><dd>${escapeHtml(formatKrw(p.amount))}</dd>
        <dt>거래번호</dt><dd>${escapeHtml(p.tid)}</dd>
        <dt>상태</dt><dd>${STATUS_KO[p.status]}</dd></dl>`,
    });
  };
  app.get('/pay/showQRCode', paymentPage);
  app.get('/pay/oneq/transfer', paymentPage);
}
