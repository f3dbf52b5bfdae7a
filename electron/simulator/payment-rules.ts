/**
 * The simulated backend's business rules, independent of HTTP: store registration, one-time QR
 * tokens, ready / approve / status. Every state change runs in one IMMEDIATE SQLite transaction,
 * so a retried or concurrent call can neither double a payment nor debit twice.
 */
import { createHash, randomBytes } from 'node:crypto';
import { isValidBusinessNumber, normalizeBusinessNumber } from '../../shared/domain/business-number';
import { isValidPaymentAmount } from '../../shared/domain/money';
import { encodeQrPayload, maskQrText, parseQrPayload, tokenBodyFromBytes } from '../../shared/domain/qr-payload';
import { toOneqDateTime } from '../../shared/domain/time';
import type { ApproveInput, ReadyInput, RegisterStoreInput } from './oneqpay-schemas';
import { SimError } from './sim-errors';
import type { CustomerRow, PaymentMethod, PaymentRow, SimDb, SimPaymentStatus, StoreRow } from './sim-db';

export const DEFAULT_QR_TTL_MS = 3 * 60_000;
/** 업종 분류 코드 given to every simulated store (the spec's example value). */
export const DEFAULT_CATEGORY_CD = 552101;
const CID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export interface RulesOptions {
  now: () => Date;
  qrTtlMs: number;
}

export interface RegisterResult {
  cid: string;
  created_at: string;
  category_cd: number;
  approved_at: string;
}
export interface ReadyResult {
  tid: string;
  next_redirect_url: string;
  android_app_scheme: string;
  approved_at: string;
}
export interface ApproveResult {
  tid: string;
  cid: string;
  order_id: string;
  member_id: string;
  payment_method_type: PaymentMethod;
  item_name: string;
  amount: number;
  tran_dt: string;
}
export interface StatusResult {
  tid: string;
  cid: string;
  order_id: string;
  status: SimPaymentStatus;
  amount: number;
  payment_method_type: PaymentMethod | null;
  tran_dt: string | null;
}
export interface IssuedQr {
  qr_text: string;
  expires_at: string;
  method: PaymentMethod;
}

const oneq = (iso: string) => toOneqDateTime(new Date(iso));
export const hashQrText = (text: string) => createHash('sha256').update(text).digest('hex');

function newCid(): string {
  const bytes = randomBytes(8);
  let s = 'OQ';
  for (const b of bytes) s += CID_ALPHABET[b % CID_ALPHABET.length];
  return s;
}

export class PaymentRules {
  constructor(
    private readonly db: SimDb,
    private readonly opts: RulesOptions,
  ) {}

  private nowIso(): string {
    return this.opts.now().toISOString();
  }

  /** 제휴 API. The same business number always gets the same cid (its profile is updated). */
  registerStore(input: RegisterStoreInput): RegisterResult {
    const businessNo = normalizeBusinessNumber(input.business_no);
    if (!businessNo || !isValidBusinessNumber(businessNo)) throw new SimError(400, 'BUSINESS_NO_INVALID', 'business_no fails the check digit', 'business_no');
    const profile = { name: input.opponent_name, phone: input.store_phone, address1: input.store_address1, address2: input.store_address2, post_no: input.post_no ?? '' };
    const store = this.db.tx(() => {
      const now = this.nowIso();
      const existing = this.db.storeByBusinessNo(businessNo);
      if (existing) {
        this.db.updateStoreProfile(existing.cid, profile, now);
        return existing;
      }
      let cid = newCid();
      while (this.db.storeByCid(cid)) cid = newCid();
      const row: StoreRow = { cid, business_no: businessNo, ...profile, category_cd: DEFAULT_CATEGORY_CD, created_at: now, approved_at: now };
      this.db.insertStore(row);
      return row;
    });
    return { cid: store.cid, created_at: oneq(store.created_at), category_cd: store.category_cd, approved_at: oneq(store.approved_at) };
  }

  /** A one-time QR for a customer (single use, valid qrTtlMs). */
  issueQr(customerId: string, method: PaymentMethod = '계좌'): IssuedQr {
    if (!this.db.customer(customerId)) throw new SimError(404, 'VALIDATION_FAILED', 'unknown customer', 'id');
    const text = encodeQrPayload(tokenBodyFromBytes(randomBytes(16)));
    const now = this.opts.now();
    const expiresAt = new Date(now.getTime() + this.opts.qrTtlMs).toISOString();
    this.db.insertQrToken({ token_hash: hashQrText(text), masked: maskQrText(text), customer_id: customerId, method, issued_at: now.toISOString(), expires_at: expiresAt });
    return { qr_text: text, expires_at: expiresAt, method };
  }

  customer(id: string): CustomerRow {
    const c = this.db.customer(id);
    if (!c) throw new SimError(404, 'VALIDATION_FAILED', 'unknown customer', 'id');
    return c;
  }

  /** 결제 준비. `base` is the public base URL for the redirect links. */
  ready(input: ReadyInput, base: string): ReadyResult {
    if (!isValidPaymentAmount(input.amount)) throw new SimError(400, 'AMOUNT_INVALID', 'amount must be 1..100000000', 'amount');
    if (!input.qr_token) {
      if (input.bank_acct_num === undefined) throw new SimError(400, 'VALIDATION_FAILED', 'bank_acct_num is required (or qr_token)', 'bank_acct_num');
      if (input.balance === undefined) throw new SimError(400, 'VALIDATION_FAILED', 'balance is required (or qr_token)', 'balance');
    }
    const qr = input.qr_token ? parseQrPayload(input.qr_token) : null;
    if (qr && !qr.ok) throw new SimError(400, qr.code, 'qr_token is not a valid payment QR', 'qr_token');

    const payment = this.db.tx(() => {
      if (!this.db.storeByCid(input.cid)) throw new SimError(404, 'STORE_NOT_FOUND', 'no store with this cid', 'cid');
      const existing = this.db.paymentByOrder(input.cid, input.order_id);
      if (existing) {
        // A retry after a lost response: same order, same amount, still READY → the same tid, no new token used.
        if (existing.status === 'READY' && existing.amount === input.amount) return existing;
        const why = existing.amount !== input.amount ? 'order_id was already used with another amount' : `order_id was already used (${existing.status})`;
        throw new SimError(409, 'DUPLICATE_ORDER', why, 'order_id');
      }
      const now = this.nowIso();
      let customer: CustomerRow;
      let method: PaymentMethod;
      let tokenHash: string | null = null;
      if (qr?.ok) {
        tokenHash = hashQrText(qr.payload.text);
        const token = this.db.qrToken(tokenHash);
        if (!token) throw new SimError(400, 'QR_UNKNOWN', 'qr_token was not issued here', 'qr_token');
        if (token.used_at) throw new SimError(400, 'QR_USED', 'qr_token was already used', 'qr_token');
        if (Date.parse(token.expires_at) <= Date.parse(now)) throw new SimError(400, 'QR_EXPIRED', 'qr_token has expired', 'qr_token');
        if (input.payment_method_type && input.payment_method_type !== token.method) {
          throw new SimError(400, 'VALIDATION_FAILED', `payment_method_type does not allow the customer's method (${token.method})`, 'payment_method_type');
        }
        customer = this.db.customer(token.customer_id)!;
        method = token.method;
      } else {
        const c = this.db.customerByAccount(input.bank_acct_num!);
        if (!c) throw new SimError(400, 'VALIDATION_FAILED', 'bank_acct_num is not a registered OneQ Pay account', 'bank_acct_num');
        customer = c;
        method = input.payment_method_type ?? '계좌';
      }
      const p = this.db.insertReadyPayment({
        cid: input.cid,
        order_id: input.order_id,
        category_cd: input.category_cd,
        opponent_name: input.opponent_name,
        item_name: input.item_name,
        item_code: input.item_code ?? null,
        member_id: input.member_id,
        quantity: input.quantity,
        amount: input.amount,
        method,
        customer_id: customer.id,
        qr_masked: qr?.ok ? maskQrText(qr.payload.text) : null,
        declared_balance: input.balance ?? null,
        approval_url: input.approval_url,
        cancel_url: input.cancel_url,
        fail_url: input.fail_url,
        created_at: now,
      });
      if (tokenHash && !this.db.useQrToken(tokenHash, p.tid, now)) throw new SimError(400, 'QR_USED', 'qr_token was already used', 'qr_token');
      return p;
    });
    const tid = encodeURIComponent(payment.tid);
    return {
      tid: payment.tid,
      next_redirect_url: `${base}/pay/showQRCode?tid=${tid}`,
      android_app_scheme: `${base}/pay/oneq/transfer?tid=${tid}`,
      approved_at: oneq(payment.created_at),
    };
  }

  /** 결제 승인: debits once; approving an approved order again returns the same result. */
  approve(input: ApproveInput): ApproveResult {
    const outcome = this.db.tx((): { ok: PaymentRow } | { failed: SimError } => {
      const p = this.db.paymentByOrder(input.cid, input.order_id);
      if (!p) throw new SimError(404, 'PAYMENT_NOT_FOUND', 'no ready payment for this cid and order_id', 'order_id');
      if (input.tid !== undefined && input.tid !== p.tid) throw new SimError(400, 'PAYMENT_NOT_FOUND', 'tid does not match the order', 'tid');
      if (input.amount !== p.amount) throw new SimError(400, 'AMOUNT_MISMATCH', `amount differs from the ready amount`, 'amount');
      switch (p.status) {
        case 'APPROVED':
          return { ok: p };
        case 'FAILED':
          return { failed: failureOf(p) };
        case 'CANCELLED':
          throw new SimError(409, 'PAYMENT_STATE', 'the payment was cancelled');
        case 'READY': {
          const now = this.nowIso();
          if (!this.db.debit(p.customer_id, p.method, p.amount)) {
            this.db.markFailed(p.id, 'INSUFFICIENT_BALANCE', input.tran_dt, now);
            return { failed: failureOf({ ...p, failure_code: 'INSUFFICIENT_BALANCE' }) };
          }
          this.db.markApproved(p.id, input.tran_dt, now);
          return { ok: this.db.paymentByTid(p.tid)! };
        }
      }
    });
    if ('failed' in outcome) throw outcome.failed; // thrown after the commit: the FAILED state is kept
    const p = outcome.ok;
    return {
      tid: p.tid,
      cid: p.cid,
      order_id: p.order_id,
      member_id: p.member_id,
      payment_method_type: p.method,
      item_name: p.item_name,
      amount: p.amount,
      tran_dt: oneq(p.approved_at!),
    };
  }

  status(cid: string, orderId: string): StatusResult {
    const p = this.db.paymentByOrder(cid, orderId);
    if (!p) throw new SimError(404, 'PAYMENT_NOT_FOUND', 'no payment for this cid and order_id', 'order_id');
    return this.statusOf(p);
  }

  statusByTid(tid: string): (StatusResult & { item_name: string; opponent_name: string }) | null {
    const p = this.db.paymentByTid(tid);
    return p ? { ...this.statusOf(p), item_name: p.item_name, opponent_name: p.opponent_name } : null;
  }

  private statusOf(p: PaymentRow): StatusResult {
    const approved = p.status === 'APPROVED';
    return {
      tid: p.tid,
      cid: p.cid,
      order_id: p.order_id,
      status: p.status,
      amount: p.amount,
      payment_method_type: approved ? p.method : null,
      tran_dt: approved && p.approved_at ? oneq(p.approved_at) : null,
    };
  }
}

function failureOf(p: PaymentRow): SimError {
  if (p.failure_code === 'INSUFFICIENT_BALANCE') return new SimError(402, 'INSUFFICIENT_BALANCE', `${p.method === 'MONEY' ? 'Hana Money' : 'account'} balance is below the amount`);
  return new SimError(409, 'PAYMENT_STATE', `the payment has failed (${p.failure_code ?? 'unknown reason'})`);
}
