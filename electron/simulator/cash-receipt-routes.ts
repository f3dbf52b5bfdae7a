/**
 * 현금영수증 issue / look-up / cancel, modelled on Toss Payments' cash receipt API
 * (https://docs.tosspayments.com/reference#현금영수증: POST /v1/cash-receipts, GET /v1/cash-receipts,
 * POST /v1/cash-receipts/{receiptKey}/cancel; the Toss Pay 가맹점 API docs-pay.toss.im/reference/cache-receipt
 * describes the same issue → 국세청 flow). JSON in and out:
 *   POST /v1/cash-receipts  { amount, orderId, orderName, customerIdentityNumber, type: 소득공제|지출증빙, taxFreeAmount? }
 *        → the CashReceipt { receiptKey, issueNumber, issueStatus: COMPLETED, transactionType: CONFIRM, orderId,
 *          orderName, type, amount, taxFreeAmount, customerIdentityNumber (masked), requestedAt }
 *        An orderId is issued once: a second request answers 409 DUPLICATE_ORDER (look it up).
 *   GET  /v1/cash-receipts?requestDate=YYYY-MM-DD[&orderId=…]  → { hasNext: false, lastCursor: null, data: [CashReceipt] }
 *        (orderId is an extension: the terminal looks one request up)
 *   POST /v1/cash-receipts/{receiptKey}/cancel  { amount? } (Idempotency-Key header, as Toss' POST APIs take)
 *        → the CashReceipt with transactionType CANCEL and cancelledAmount; a repeated key replays the first answer.
 * Errors: { code, message } with a 4xx. Fault injection wraps every route (faults.ts).
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { checkIdentity, maskIdentity } from '../../shared/domain/cash/cash-receipt-identity';
import type { Faults } from './faults';
import type { SimDb } from './sim-db';
import { parseInput, SimError } from './sim-errors';

export const CASH_RECEIPT_PATHS = { issue: '/v1/cash-receipts', cancel: '/v1/cash-receipts/:receiptKey/cancel' } as const;

interface Row {
  receipt_key: string;
  order_id: string;
  order_name: string;
  type: '소득공제' | '지출증빙';
  identity_masked: string;
  amount: number;
  tax_free_amount: number;
  cancelled_amount: number;
  issue_number: string;
  requested_at: string;
}

const issueSchema = z
  .object({
    amount: z.number().int().min(1).max(100_000_000),
    orderId: z.string().min(6).max(64).regex(/^[A-Za-z0-9_-]+$/),
    orderName: z.string().min(1).max(100),
    customerIdentityNumber: z.string().min(1).max(30),
    type: z.enum(['소득공제', '지출증빙']),
    taxFreeAmount: z.number().int().min(0).default(0),
  })
  .strict();
const cancelSchema = z.object({ amount: z.number().int().min(1).optional() }).strict();
const lookupSchema = z.object({ requestDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(), orderId: z.string().max(64).optional() });

function view(r: Row, transactionType: 'CONFIRM' | 'CANCEL') {
  const left = r.amount - r.cancelled_amount;
  return {
    receiptKey: r.receipt_key,
    issueNumber: r.issue_number,
    issueStatus: 'COMPLETED',
    transactionType,
    orderId: r.order_id,
    orderName: r.order_name,
    type: r.type,
    amount: r.amount,
    taxFreeAmount: r.tax_free_amount,
    cancelledAmount: r.cancelled_amount,
    remainingAmount: left,
    customerIdentityNumber: r.identity_masked,
    requestedAt: r.requested_at,
  };
}

export function registerCashReceiptRoutes(app: FastifyInstance, d: { db: SimDb; faults: Faults; now: () => Date }): void {
  const db = d.db;
  const byKey = (k: string) => db.db.prepare('SELECT * FROM cash_receipts WHERE receipt_key = ?').get(k) as Row | undefined;
  const byOrder = (o: string) => db.db.prepare('SELECT * FROM cash_receipts WHERE order_id = ?').get(o) as Row | undefined;

  app.post(
    CASH_RECEIPT_PATHS.issue,
    d.faults.wrap(async (req) => {
      const b = parseInput(issueSchema, req.body);
      if (b.taxFreeAmount > b.amount) throw new SimError(400, 'VALIDATION_FAILED', 'taxFreeAmount must be at most amount', 'taxFreeAmount');
      const id = checkIdentity(b.type, b.customerIdentityNumber);
      if (!id.ok) throw new SimError(400, id.reason, 'customerIdentityNumber is not valid for this type', 'customerIdentityNumber');
      const at = d.now().toISOString();
      return db.tx(() => {
        if (byOrder(b.orderId)) throw new SimError(409, 'DUPLICATE_ORDER', `orderId ${b.orderId} already has a cash receipt`, 'orderId');
        const key = `CR${randomBytes(9).toString('hex')}`;
        const issueNumber = String(100_000_000 + (db.db.prepare('SELECT COUNT(*) AS n FROM cash_receipts').get() as { n: number }).n + 1);
        db.db
          .prepare('INSERT INTO cash_receipts (receipt_key, order_id, order_name, type, identity_masked, amount, tax_free_amount, issue_number, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
          .run(key, b.orderId, b.orderName, b.type, maskIdentity(id.digits), b.amount, b.taxFreeAmount, issueNumber, at);
        const out = view(byKey(key)!, 'CONFIRM');
        db.db.prepare('INSERT INTO cash_receipt_actions (receipt_key, transaction_type, amount, response_json, at) VALUES (?, ?, ?, ?, ?)').run(key, 'CONFIRM', b.amount, JSON.stringify(out), at);
        return out;
      });
    }),
  );

  app.get(
    CASH_RECEIPT_PATHS.issue,
    d.faults.wrap(async (req) => {
      const q = parseInput(lookupSchema, req.query);
      if (!q.requestDate && !q.orderId) throw new SimError(400, 'VALIDATION_FAILED', 'requestDate or orderId is required', 'requestDate');
      const rows = q.orderId
        ? [byOrder(q.orderId)].filter((r): r is Row => r !== undefined)
        : (db.db.prepare('SELECT * FROM cash_receipts WHERE substr(requested_at, 1, 10) = ? ORDER BY requested_at').all(q.requestDate) as Row[]);
      return { hasNext: false, lastCursor: null, data: rows.map((r) => view(r, r.cancelled_amount > 0 ? 'CANCEL' : 'CONFIRM')) };
    }),
  );

  app.post(
    CASH_RECEIPT_PATHS.cancel,
    d.faults.wrap(async (req) => {
      const { receiptKey } = req.params as { receiptKey: string };
      const b = parseInput(cancelSchema, req.body ?? {});
      const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'].slice(0, 100) : null;
      const at = d.now().toISOString();
      return db.tx(() => {
        if (key) {
          const prior = db.db.prepare('SELECT response_json FROM cash_receipt_actions WHERE idempotency_key = ?').get(key) as { response_json: string } | undefined;
          if (prior) return JSON.parse(prior.response_json) as unknown;
        }
        const r = byKey(receiptKey);
        if (!r) throw new SimError(404, 'PAYMENT_NOT_FOUND', `no cash receipt ${receiptKey}`);
        const left = r.amount - r.cancelled_amount;
        const amount = b.amount ?? left;
        if (amount > left) throw new SimError(400, 'CANCEL_AMOUNT_EXCEEDED', `cancel ${amount} > remaining ${left}`, 'amount');
        db.db.prepare('UPDATE cash_receipts SET cancelled_amount = cancelled_amount + ? WHERE receipt_key = ?').run(amount, receiptKey);
        const out = view(byKey(receiptKey)!, 'CANCEL');
        db.db.prepare('INSERT INTO cash_receipt_actions (receipt_key, transaction_type, amount, idempotency_key, response_json, at) VALUES (?, ?, ?, ?, ?, ?)').run(receiptKey, 'CANCEL', amount, key, JSON.stringify(out), at);
        return out;
      });
    }),
  );
}
