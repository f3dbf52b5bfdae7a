/**
 * The terminal's client of the backend's 현금영수증 API (Toss Payments-style /v1/cash-receipts; see
 * electron/simulator/cash-receipt-routes.ts), over the same axios exchange and failure classes as the
 * payment gateways (http-call.ts): unreachable = nothing happened; unknown = look it up; rejected = refused.
 */
import { z } from 'zod';
import { createHttp, call, type ErrorBodyParser } from '../gateway/http-call';

export const remoteCashReceiptSchema = z.object({
  receiptKey: z.string().min(1),
  issueNumber: z.string().min(1),
  issueStatus: z.string(),
  transactionType: z.enum(['CONFIRM', 'CANCEL']),
  orderId: z.string(),
  amount: z.number().int(),
  taxFreeAmount: z.number().int(),
  cancelledAmount: z.number().int(),
  requestedAt: z.string(),
});
export type RemoteCashReceipt = z.infer<typeof remoteCashReceiptSchema>;
const listSchema = z.object({ data: z.array(remoteCashReceiptSchema) });

export interface IssueRequest {
  amount: number;
  taxFreeAmount: number;
  orderId: string;
  orderName: string;
  customerIdentityNumber: string;
  type: '소득공제' | '지출증빙';
}

export interface CashReceiptApi {
  issue(r: IssueRequest): Promise<RemoteCashReceipt>;
  /** null: the backend has no receipt for this order id. */
  lookup(orderId: string): Promise<RemoteCashReceipt | null>;
  cancel(receiptKey: string, amount: number, idempotencyKey: string): Promise<RemoteCashReceipt>;
}

const parseError: ErrorBodyParser = (body) => {
  if (body && typeof body === 'object' && typeof (body as { code?: unknown }).code === 'string') {
    const b = body as { code: string; detail?: unknown; message?: unknown };
    return { code: b.code, detail: String(b.detail ?? b.message ?? '') };
  }
  return null;
};

export function createCashReceiptClient(baseUrl: string, timeoutMs: number): CashReceiptApi {
  const http = createHttp(baseUrl, timeoutMs);
  const json = { 'Content-Type': 'application/json' };
  return {
    issue: (r) => call(timeoutMs, parseError, 'cash-receipt issue', remoteCashReceiptSchema, (signal) => http.post('/v1/cash-receipts', JSON.stringify(r), { headers: json, signal })),
    async lookup(orderId) {
      const list = await call(timeoutMs, parseError, 'cash-receipt lookup', listSchema, (signal) => http.get('/v1/cash-receipts', { params: { orderId }, signal }));
      return list.data.find((x) => x.orderId === orderId) ?? null;
    },
    cancel: (key, amount, idem) =>
      call(timeoutMs, parseError, 'cash-receipt cancel', remoteCashReceiptSchema, (signal) =>
        http.post(`/v1/cash-receipts/${encodeURIComponent(key)}/cancel`, JSON.stringify({ amount }), { headers: { ...json, 'Idempotency-Key': idem }, signal }),
      ),
  };
}
