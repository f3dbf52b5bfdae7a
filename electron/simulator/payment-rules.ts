/**
 * The simulated backend's payment engine, shared by both dialects and independent of HTTP:
 * ready (with a customer QR, the spec's account fields, or for the customer's phone), the customer's
 * steps on the phone, approve, cancel (full and partial) and status. Every state change runs in one
 * IMMEDIATE SQLite transaction, so a retried or concurrent call can neither approve twice, debit
 * twice, nor refund more than was paid. Declines are committed (FAIL_PAYMENT) before they are thrown.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { isValidBusinessNumber, normalizeBusinessNumber } from '../../shared/domain/business-number';
import type { ErrorCode } from '../../shared/domain/errors';
import { isValidPaymentAmount } from '../../shared/domain/money';
import { Customers, type Instrument } from './customers';
import { DECLINE_STATUS, Funding, type FundingRef } from './funding';
import type { RegisterStoreInput } from './oneqpay-schemas';
import { APPROVED, PENDING, PaymentRepo, fundingOf, type ActionRow, type Dialect, type NewPayment, type PaymentRow } from './payment-repo';
import { QrTokens, type MethodChoice } from './qr-tokens';
import { SimError } from './sim-errors';
import type { SimDb, StoreRow } from './sim-db';

export const DEFAULT_QR_TTL_MS = 3 * 60_000;
/** How long a tid can be approved after ready (Kakao Pay: 15 minutes). */
export const DEFAULT_READY_TTL_MS = 15 * 60_000;
/** 업종 분류 코드 given to every simulated store (the spec's example value). */
export const DEFAULT_CATEGORY_CD = 552101;
const CID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export interface RulesOptions {
  now: () => Date;
  qrTtlMs: number;
  readyTtlMs: number;
  /** Master secret: QR MACs and merchant keys are derived from it. */
  secret: Buffer;
}

export interface MerchantKeys {
  /** 24 chars of digits and lower-case letters (Kakao's cid_secret form). */
  cidSecret: string;
  /** 32 hex chars (the Kakao dialect's admin key). */
  adminKey: string;
}

/** Fields of a ready request common to both dialects, already validated by the dialect's schema. */
export type ReadyFields = Omit<NewPayment, 'dialect' | 'status' | 'pg_token' | 'created_at' | 'expires_at' | 'funding' | 'qr_masked' | 'declared_balance'> & {
  declared_balance?: number | null;
};
export type MethodFilter = (i: Instrument) => boolean;

export interface CancelInput {
  amount: number;
  taxFree: number;
  vat?: number | undefined;
  /** Kakao's cancel_available_amount: when sent, must equal what is still cancelable. */
  expectAvailable?: number | undefined;
  requestId?: string | undefined;
  payload?: string | undefined;
}

function newCid(): string {
  let s = 'OQ';
  for (const b of randomBytes(8)) s += CID_ALPHABET[b % CID_ALPHABET.length];
  return s;
}
const RSP_OF: Partial<Record<ErrorCode, string>> = { CONSENT_INFO_EXPIRED: 'A0316', CONSENT_WITHDRAWAL_EXPIRED: 'A0319' };

/** The error a failed payment answers with, on the first approve and every retry. */
export function failureOf(p: PaymentRow): SimError {
  const code = (p.failure_code ?? 'PAYMENT_STATE') as ErrorCode;
  if (p.status === 'QUIT_PAYMENT') return new SimError(409, 'CUSTOMER_QUIT', 'the customer quit the payment');
  if (p.status === 'FAIL_AUTH_PASSWORD') return new SimError(409, 'CUSTOMER_AUTH_FAILED', 'the customer failed the password check');
  if (code === 'PAYMENT_EXPIRED') return new SimError(409, 'PAYMENT_EXPIRED', 'the tid validity window has passed');
  if (code === 'PAYMENT_CANCELLED') return new SimError(409, 'PAYMENT_CANCELLED', 'the merchant withdrew the payment request');
  const status = DECLINE_STATUS[code];
  if (status) return new SimError(status, code, `declined: ${code}`, undefined, RSP_OF[code]);
  return new SimError(409, 'PAYMENT_STATE', `the payment has failed (${p.failure_code ?? 'unknown reason'})`);
}

export class PaymentRules {
  readonly customers: Customers;
  readonly tokens: QrTokens;
  readonly payments: PaymentRepo;
  private readonly funding: Funding;
  private readonly merchantKey: Buffer;

  constructor(
    readonly db: SimDb,
    private readonly opts: RulesOptions,
  ) {
    this.customers = new Customers(db);
    this.payments = new PaymentRepo(db);
    this.funding = new Funding(this.customers);
    this.tokens = new QrTokens(db, this.customers, createHmac('sha256', opts.secret).update('qr-mac').digest(), opts.now, opts.qrTtlMs);
    this.merchantKey = createHmac('sha256', opts.secret).update('merchant').digest();
  }

  now(): Date {
    return this.opts.now();
  }
  private nowIso(): string {
    return this.opts.now().toISOString();
  }

  // ── stores ─────────────────────────────────────────────────────────────────────────────────────
  /**
   * 제휴 API. The same business number always gets the same cid (seed 003: idempotent). The keys and a
   * one-time enrollment code go out at the first registration; a re-registration gets the keys and
   * changes the profile only with proof (`proof(cid)`: the route's check of a presented key, or the
   * enrollment code, which is then used up and replaced). Without proof it answers the cid alone.
   */
  registerStore(input: RegisterStoreInput, keyPresented: (cid: string) => boolean): StoreRow & Partial<MerchantKeys> & { enrollmentCode?: string } {
    const businessNo = normalizeBusinessNumber(input.business_no);
    if (!businessNo || !isValidBusinessNumber(businessNo)) throw new SimError(400, 'BUSINESS_NO_INVALID', 'business_no fails the check digit', 'business_no');
    const profile = { name: input.opponent_name, phone: input.store_phone, address1: input.store_address1, address2: input.store_address2, post_no: input.post_no ?? '' };
    const out = this.db.tx(() => {
      const now = this.nowIso();
      const existing = this.db.storeByBusinessNo(businessNo);
      if (existing) {
        const byKey = keyPresented(existing.cid); // throws MERCHANT_AUTH_FAILED on a wrong key
        const byCode = !byKey && input.enrollment_code !== undefined && this.enrollmentMatches(existing, input.enrollment_code);
        if (input.enrollment_code !== undefined && !byKey && !byCode) throw new SimError(401, 'MERCHANT_AUTH_FAILED', 'enrollment_code is not the one of this store', 'enrollment_code');
        if (!byKey && !byCode) return { store: existing, proven: false, code: undefined };
        const category = input.category_cd ?? existing.category_cd;
        this.db.updateStoreProfile(existing.cid, { ...profile, category_cd: category }, now);
        return { store: { ...existing, ...profile, category_cd: category }, proven: true, code: byCode ? this.newEnrollmentCode(existing.cid) : undefined };
      }
      let cid = newCid();
      while (this.db.storeByCid(cid)) cid = newCid();
      const row: StoreRow = { cid, business_no: businessNo, ...profile, category_cd: input.category_cd ?? DEFAULT_CATEGORY_CD, created_at: now, approved_at: now };
      this.db.insertStore(row);
      return { store: row, proven: true, code: this.newEnrollmentCode(cid) };
    });
    const { enrollment_hash: _hash, ...store } = out.store;
    return { ...store, ...(out.proven ? this.merchantKeys(store.cid) : {}), ...(out.code ? { enrollmentCode: out.code } : {}) };
  }

  private newEnrollmentCode(cid: string): string {
    const a32 = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
    let code = '';
    for (const b of randomBytes(12)) code += a32[b % a32.length];
    this.db.setEnrollmentHash(cid, enrollmentHash(code));
    return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
  }

  private enrollmentMatches(store: StoreRow, code: string): boolean {
    if (!store.enrollment_hash) return false;
    const a = Buffer.from(enrollmentHash(code), 'hex');
    const b = Buffer.from(store.enrollment_hash, 'hex');
    return a.length === b.length && timingSafeEqual(a, b);
  }

  /** Derived from the master secret: stable across restarts and re-registrations, never stored. */
  merchantKeys(cid: string): MerchantKeys {
    const mac = createHmac('sha256', this.merchantKey).update(`cid:${cid}`).digest();
    const a36 = '0123456789abcdefghijklmnopqrstuvwxyz';
    let cidSecret = '';
    for (let i = 0; i < 24; i++) cidSecret += a36[mac[i]! % 36];
    return { cidSecret, adminKey: createHmac('sha256', this.merchantKey).update(`admin:${cid}`).digest('hex').slice(0, 32) };
  }

  // ── customer side ──────────────────────────────────────────────────────────────────────────────
  issueQr(customerId: string, choice: MethodChoice) {
    return this.tokens.issue(customerId, choice);
  }

  // ── ready ──────────────────────────────────────────────────────────────────────────────────────
  /**
   * Creates a payment. With a QR token the customer and method are known now (status `qrStatus`);
   * with `spec` (the OneQ spec's account fields) likewise; with neither the customer picks on the phone.
   * A retry with the same order id and amount, still pending, returns the same payment.
   */
  ready(dialect: Dialect, f: ReadyFields, src: { qrToken?: string | undefined; spec?: FundingRef | undefined; allow: MethodFilter }): PaymentRow {
    if (!isValidPaymentAmount(f.amount)) throw new SimError(400, 'AMOUNT_INVALID', 'amount must be 1..100000000', dialect === 'oneqpay' ? 'amount' : 'total_amount');
    return this.db.tx(() => {
      if (!this.db.storeByCid(f.cid)) throw new SimError(404, 'STORE_NOT_FOUND', 'no store with this cid', 'cid');
      const existing = this.payments.byOrder(f.cid, f.order_id);
      if (existing) {
        // A retry after a lost response: same order, same amount, still pending → the same tid, no new token used.
        if (PENDING.has(existing.status) && existing.amount === f.amount && existing.dialect === dialect && !this.expired(existing)) return existing;
        const why = existing.amount !== f.amount ? 'order_id was already used with another amount' : `order_id was already used (${existing.status})`;
        throw new SimError(409, 'DUPLICATE_ORDER', why, dialect === 'oneqpay' ? 'order_id' : 'partner_order_id');
      }
      const now = this.opts.now();
      let funding: FundingRef | null = src.spec ?? null;
      let token: ReturnType<QrTokens['check']> | null = null;
      if (src.qrToken) {
        token = this.tokens.check(src.qrToken);
        funding = { customerId: token.row.customer_id, instrument: token.row.instrument, accountId: token.row.account_id, cardId: token.row.card_id };
      }
      if (funding && !src.allow(funding.instrument)) throw new SimError(400, 'METHOD_NOT_ALLOWED', `payment_method_type does not allow the customer's method (${funding.instrument})`, 'payment_method_type');
      const authorized = dialect === 'kakaopay' && funding !== null;
      const p = this.payments.insert({
        ...f,
        dialect,
        declared_balance: f.declared_balance ?? null,
        qr_masked: token?.masked ?? null,
        status: authorized ? 'AUTH_PASSWORD' : 'READY',
        pg_token: authorized ? newPgToken() : null,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + this.opts.readyTtlMs).toISOString(),
        funding,
      });
      if (token && !this.tokens.consume(token.hash, p.tid)) throw new SimError(400, 'QR_USED', 'qr_token was already used', 'qr_token');
      return p;
    });
  }

  // ── the customer's phone (Kakao redirect flow) ─────────────────────────────────────────────────
  /** Loads a payment for a customer page, expiring it when its window has passed. */
  forCustomer(tid: string): PaymentRow | undefined {
    return this.db.tx(() => {
      const p = this.payments.byTid(tid);
      return p && this.expireIfDue(p);
    });
  }

  /** Customer-side steps: open the page, pick the method (SEND_TMS → OPEN_PAYMENT → SELECT_METHOD). */
  step(tid: string, to: 'SEND_TMS' | 'OPEN_PAYMENT' | 'SELECT_METHOD', customerId?: string): PaymentRow {
    return this.db.tx(() => {
      const p = this.pendingForCustomer(tid);
      const order = ['READY', 'SEND_TMS', 'OPEN_PAYMENT', 'SELECT_METHOD'];
      if (customerId) this.customers.require(customerId);
      if (order.indexOf(p.status) >= order.indexOf(to)) return p;
      return this.payments.update(p.id, { status: to, ...(to === 'SEND_TMS' && customerId ? { target_customer_id: customerId } : {}) }, this.nowIso());
    });
  }

  /** The customer approves with a method and the payment password: AUTH_PASSWORD and a pg_token, or FAIL_AUTH_PASSWORD. */
  authorize(tid: string, customerId: string, choice: MethodChoice, pin: string, allow: MethodFilter): PaymentRow {
    return this.db.tx(() => {
      const p = this.pendingForCustomer(tid);
      if (p.status === 'AUTH_PASSWORD') return p;
      const c = this.customers.require(customerId);
      const ref = this.tokens.resolveMethod(c.id, choice);
      if (!allow(ref.instrument)) throw new SimError(400, 'METHOD_NOT_ALLOWED', 'the merchant does not accept this method', 'method_id');
      const now = this.nowIso();
      this.payments.setFunding(p.id, ref, now);
      if (pin !== c.pin) return this.payments.update(p.id, { status: 'FAIL_AUTH_PASSWORD', failure_code: 'CUSTOMER_AUTH_FAILED' }, now);
      return this.payments.update(p.id, { status: 'AUTH_PASSWORD', pg_token: newPgToken() }, now);
    });
  }

  quit(tid: string): PaymentRow {
    return this.db.tx(() => {
      const p = this.pendingForCustomer(tid);
      return this.payments.update(p.id, { status: 'QUIT_PAYMENT', failure_code: 'CUSTOMER_QUIT' }, this.nowIso());
    });
  }

  /**
   * EXTENSION (both dialects): the merchant withdraws a readied, not yet approved payment (the cashier
   * cancelled, or gave up waiting for the customer's phone). Nothing was charged (money moves only at
   * approve), and from now on neither the phone nor an approve can complete it: FAIL_PAYMENT with
   * PAYMENT_CANCELLED. Repeating it, or withdrawing a payment that already failed, changes nothing;
   * an approved or cancelled payment answers PAYMENT_STATE (refund it instead).
   */
  merchantQuit(find: () => PaymentRow): PaymentRow {
    return this.db.tx(() => {
      const p = this.expireIfDue(find());
      if (APPROVED.has(p.status) || p.status === 'CANCEL_PAYMENT') throw new SimError(409, 'PAYMENT_STATE', `the payment is already ${p.status}: refund it instead`);
      if (!PENDING.has(p.status)) return p;
      return this.payments.update(p.id, { status: 'FAIL_PAYMENT', failure_code: 'PAYMENT_CANCELLED' }, this.nowIso());
    });
  }

  private pendingForCustomer(tid: string): PaymentRow {
    const found = this.payments.byTid(tid);
    if (!found) throw new SimError(404, 'PAYMENT_NOT_FOUND', 'no payment with this tid', 'tid');
    const p = this.expireIfDue(found);
    if (!PENDING.has(p.status)) throw failureOrState(p);
    return p;
  }

  // ── approve ────────────────────────────────────────────────────────────────────────────────────
  /**
   * Approves once. `find` locates the payment and checks the dialect's matching fields (inside the
   * transaction); `authorized` says whether the customer has authorized it (QR or pg_token).
   * Approving an approved payment again returns it with repeated = true (Open Banking A0326: the
   * duplicate is ignored and the first result stands).
   */
  approve(find: () => PaymentRow, authorized: (p: PaymentRow) => void, extra: { tranDt?: string; payload?: string } = {}): { p: PaymentRow; repeated: boolean } {
    const outcome = this.db.tx((): { ok: PaymentRow; repeated: boolean } | { failed: SimError } => {
      const p = this.expireIfDue(find());
      if (APPROVED.has(p.status) || p.status === 'CANCEL_PAYMENT') {
        if (p.status === 'CANCEL_PAYMENT') throw new SimError(409, 'PAYMENT_STATE', 'the payment was cancelled');
        return { ok: p, repeated: true };
      }
      if (!PENDING.has(p.status)) return { failed: failureOf(p) };
      authorized(p);
      const ref = fundingOf(p);
      if (!ref) throw new SimError(400, 'PAYMENT_NOT_AUTHORIZED', 'the customer has not chosen a payment method yet');
      const nowDate = this.opts.now();
      const now = nowDate.toISOString();
      const decline = this.funding.charge(ref, p.amount, nowDate);
      if (decline) {
        const failed = this.payments.update(p.id, { status: 'FAIL_PAYMENT', failure_code: decline.code, merchant_tran_dt: extra.tranDt ?? null }, now);
        return { failed: failureOf(failed) };
      }
      this.payments.insertAction({ payment_id: p.id, type: 'PAYMENT', amount: p.amount, tax_free_amount: p.tax_free_amount, vat_amount: p.vat_amount, request_id: null, payload: extra.payload ?? null, created_at: now });
      const done = this.payments.update(p.id, { status: 'SUCCESS_PAYMENT', approved_at: now, merchant_tran_dt: extra.tranDt ?? null, payload: extra.payload ?? null }, now);
      return { ok: done, repeated: false };
    });
    if ('failed' in outcome) throw outcome.failed; // thrown after the commit: the failed state is kept
    return { p: outcome.ok, repeated: outcome.repeated };
  }

  // ── cancel ─────────────────────────────────────────────────────────────────────────────────────
  /**
   * Full or partial cancel of an approved payment; restores the customer's balance or limit.
   * The cumulative cancel never exceeds the approved amount (also a CHECK in the table).
   * A retry with the same request id returns the first cancel (repeated = true) and moves nothing.
   */
  cancel(find: () => PaymentRow, c: CancelInput): { p: PaymentRow; action: ActionRow; repeated: boolean } {
    return this.db.tx(() => {
      const p = find();
      if (c.requestId) {
        const prior = this.payments.actionByRequest(p.id, c.requestId);
        if (prior) {
          if (prior.amount !== c.amount || prior.tax_free_amount !== c.taxFree) throw new SimError(409, 'DUPLICATE_TRANSACTION', 'cancel_request_id was used with other amounts', 'cancel_request_id', 'A0326');
          return { p, action: prior, repeated: true };
        }
      }
      if (!APPROVED.has(p.status)) throw new SimError(409, 'PAYMENT_STATE', p.status === 'CANCEL_PAYMENT' ? 'the payment is already fully cancelled' : `a ${p.status} payment cannot be cancelled`);
      const remaining = p.amount - p.canceled_amount;
      const remainingTaxFree = p.tax_free_amount - p.canceled_tax_free_amount;
      const remainingVat = p.vat_amount - p.canceled_vat_amount;
      if (c.expectAvailable !== undefined && c.expectAvailable !== remaining) throw new SimError(409, 'PAYMENT_STATE', `cancel_available_amount is ${remaining}`, 'cancel_available_amount');
      if (!Number.isSafeInteger(c.amount) || c.amount < 1) throw new SimError(400, 'VALIDATION_FAILED', 'cancel_amount must be at least 1', 'cancel_amount');
      if (c.amount > remaining) throw new SimError(400, 'CANCEL_AMOUNT_EXCEEDED', `cancel_amount exceeds the cancelable ${remaining}`, 'cancel_amount');
      if (c.taxFree < 0 || c.taxFree > c.amount || c.taxFree > remainingTaxFree) throw new SimError(400, 'CANCEL_AMOUNT_EXCEEDED', `cancel_tax_free_amount must be within 0..${Math.min(c.amount, remainingTaxFree)}`, 'cancel_tax_free_amount');
      const last = c.amount === remaining;
      if (last && c.taxFree !== remainingTaxFree) throw new SimError(400, 'VALIDATION_FAILED', `the final cancel must include the remaining tax-free ${remainingTaxFree}`, 'cancel_tax_free_amount');
      const vat = last ? remainingVat : (c.vat ?? Math.min(remainingVat, Math.round((c.amount - c.taxFree) / 11)));
      if (vat < 0 || vat > remainingVat || vat > c.amount - c.taxFree) throw new SimError(400, 'VALIDATION_FAILED', `cancel_vat_amount must be within 0..${remainingVat}`, 'cancel_vat_amount');
      const now = this.nowIso();
      this.funding.refund(fundingOf(p)!, c.amount);
      const action = this.payments.insertAction({ payment_id: p.id, type: 'CANCEL', amount: c.amount, tax_free_amount: c.taxFree, vat_amount: vat, request_id: c.requestId ?? null, payload: c.payload ?? null, created_at: now });
      const after = this.payments.update(
        p.id,
        {
          canceled_amount: p.canceled_amount + c.amount,
          canceled_tax_free_amount: p.canceled_tax_free_amount + c.taxFree,
          canceled_vat_amount: p.canceled_vat_amount + vat,
          status: last ? 'CANCEL_PAYMENT' : 'PART_CANCEL_PAYMENT',
          canceled_at: now,
        },
        now,
      );
      return { p: after, action, repeated: false };
    });
  }

  // ── status ─────────────────────────────────────────────────────────────────────────────────────
  /** Looks a payment up (expiring it when due); undefined when there is none. */
  lookup(cid: string, by: { tid?: string | undefined; orderId?: string | undefined }): PaymentRow | undefined {
    return this.db.tx(() => {
      const p = by.tid ? this.payments.byTid(by.tid) : by.orderId ? this.payments.byOrder(cid, by.orderId) : undefined;
      if (!p || p.cid !== cid || (by.tid && by.orderId && p.order_id !== by.orderId)) return undefined;
      return this.expireIfDue(p);
    });
  }

  expired(p: PaymentRow): boolean {
    return PENDING.has(p.status) && Date.parse(p.expires_at) <= this.opts.now().getTime();
  }

  private expireIfDue(p: PaymentRow): PaymentRow {
    return this.expired(p) ? this.payments.update(p.id, { status: 'FAIL_PAYMENT', failure_code: 'PAYMENT_EXPIRED' }, this.nowIso()) : p;
  }
}

function failureOrState(p: PaymentRow): SimError {
  if (APPROVED.has(p.status) || p.status === 'CANCEL_PAYMENT') return new SimError(409, 'PAYMENT_STATE', `the payment is already ${p.status}`);
  return failureOf(p);
}

/** Dashes and case do not matter when the merchant types the code back. */
const enrollmentHash = (code: string) => createHash('sha256').update(code.replace(/[^0-9A-Za-z]/g, '').toUpperCase()).digest('hex');

const newPgToken = () => randomBytes(15).toString('base64url').slice(0, 20);
