/**
 * Payments (one row per tid, both dialects) and their actions (the approval and each cancel).
 * The status column holds Kakao Pay's status values (seed 004); the OneQ Pay dialect shows them as
 * READY / APPROVED / FAILED / CANCELLED (oneqStatus).
 */
import { randomInt } from 'node:crypto';
import type { Instrument } from './customers';
import type { FundingRef } from './funding';
import type { SimDb } from './sim-db';

export type Dialect = 'oneqpay' | 'kakaopay';
export const KAKAO_STATUSES = [
  'READY',
  'SEND_TMS',
  'OPEN_PAYMENT',
  'SELECT_METHOD',
  'AUTH_PASSWORD',
  'SUCCESS_PAYMENT',
  'PART_CANCEL_PAYMENT',
  'CANCEL_PAYMENT',
  'FAIL_AUTH_PASSWORD',
  'QUIT_PAYMENT',
  'FAIL_PAYMENT',
] as const;
export type PayStatus = (typeof KAKAO_STATUSES)[number];
export type OneqStatus = 'READY' | 'APPROVED' | 'FAILED' | 'CANCELLED';

/** Before approval: the customer may still act; the tid validity window applies. */
export const PENDING: ReadonlySet<PayStatus> = new Set(['READY', 'SEND_TMS', 'OPEN_PAYMENT', 'SELECT_METHOD', 'AUTH_PASSWORD']);
export const APPROVED: ReadonlySet<PayStatus> = new Set(['SUCCESS_PAYMENT', 'PART_CANCEL_PAYMENT']);

export function oneqStatus(s: PayStatus): OneqStatus {
  if (PENDING.has(s)) return 'READY';
  if (APPROVED.has(s)) return 'APPROVED';
  return s === 'CANCEL_PAYMENT' ? 'CANCELLED' : 'FAILED';
}

export interface PaymentRow {
  id: number;
  tid: string;
  dialect: Dialect;
  cid: string;
  order_id: string;
  category_cd: number;
  opponent_name: string;
  item_name: string;
  item_code: string | null;
  member_id: string;
  quantity: number;
  amount: number;
  tax_free_amount: number;
  vat_amount: number;
  canceled_amount: number;
  canceled_tax_free_amount: number;
  canceled_vat_amount: number;
  /** Kakao's green_deposit (컵 보증금) within amount: not taxable; a payment with one cannot be part-cancelled. */
  green_deposit: number;
  method_filter: string | null;
  instrument: Instrument | null;
  account_id: number | null;
  card_id: number | null;
  customer_id: string | null;
  target_customer_id: string | null;
  install_month: number;
  qr_masked: string | null;
  declared_balance: number | null;
  approval_url: string;
  cancel_url: string;
  fail_url: string;
  status: PayStatus;
  failure_code: string | null;
  pg_token: string | null;
  merchant_tran_dt: string | null;
  payload: string | null;
  created_at: string;
  expires_at: string;
  approved_at: string | null;
  canceled_at: string | null;
  updated_at: string;
}
export type NewPayment = Pick<
  PaymentRow,
  | 'dialect'
  | 'cid'
  | 'order_id'
  | 'category_cd'
  | 'opponent_name'
  | 'item_name'
  | 'item_code'
  | 'member_id'
  | 'quantity'
  | 'amount'
  | 'tax_free_amount'
  | 'vat_amount'
  | 'method_filter'
  | 'install_month'
  | 'qr_masked'
  | 'declared_balance'
  | 'approval_url'
  | 'cancel_url'
  | 'fail_url'
  | 'status'
  | 'pg_token'
  | 'created_at'
  | 'expires_at'
> & { funding: FundingRef | null; green_deposit?: number };

export interface ActionRow {
  id: number;
  aid: string;
  payment_id: number;
  type: 'PAYMENT' | 'CANCEL';
  amount: number;
  tax_free_amount: number;
  vat_amount: number;
  request_id: string | null;
  payload: string | null;
  created_at: string;
}

/**
 * OneQ Pay's phone path (ready with phone_approval=Y): neither a customer QR nor the spec's account
 * fields came with the ready, so the customer picks the method and enters the password on the phone.
 */
export const isPhoneFlow = (p: PaymentRow): boolean => p.dialect === 'oneqpay' && p.qr_masked === null && p.declared_balance === null;

export const fundingOf = (p: PaymentRow): FundingRef | null =>
  p.instrument && p.customer_id ? { customerId: p.customer_id, instrument: p.instrument, accountId: p.account_id, cardId: p.card_id } : null;

const kakaoTid = () => `T${1 + randomInt(9)}${Array.from({ length: 18 }, () => randomInt(10)).join('')}`;
export const newAid = () => `A${1 + randomInt(9)}${Array.from({ length: 18 }, () => randomInt(10)).join('')}`;

type Updatable = Partial<Omit<PaymentRow, 'id' | 'tid' | 'dialect' | 'cid' | 'order_id' | 'created_at'>>;

export class PaymentRepo {
  constructor(private readonly sdb: SimDb) {}
  private get db() {
    return this.sdb.db;
  }

  byTid(tid: string): PaymentRow | undefined {
    return this.db.prepare('SELECT * FROM payments WHERE tid = ?').get(tid) as PaymentRow | undefined;
  }
  byOrder(cid: string, orderId: string): PaymentRow | undefined {
    return this.db.prepare('SELECT * FROM payments WHERE cid = ? AND order_id = ?').get(cid, orderId) as PaymentRow | undefined;
  }

  /** Inserts a payment with a new tid: 10 digits (OneQ Pay) or "T" + 19 digits (Kakao Pay). */
  insert(p: NewPayment): PaymentRow {
    const next = (this.db.prepare('SELECT COALESCE(MAX(id), 0) + 1 AS n FROM payments').get() as { n: number }).n;
    let tid = p.dialect === 'oneqpay' ? String(1_000_000_000 + next) : kakaoTid();
    while (this.byTid(tid)) tid = p.dialect === 'oneqpay' ? String(Number(tid) + 1) : kakaoTid();
    const { funding, ...rest } = p;
    this.db
      .prepare(
        `INSERT INTO payments (id, tid, dialect, cid, order_id, category_cd, opponent_name, item_name, item_code, member_id, quantity, amount,
           tax_free_amount, vat_amount, green_deposit, method_filter, instrument, account_id, card_id, customer_id, install_month, qr_masked, declared_balance,
           approval_url, cancel_url, fail_url, status, pg_token, created_at, expires_at, updated_at)
         VALUES (@id, @tid, @dialect, @cid, @order_id, @category_cd, @opponent_name, @item_name, @item_code, @member_id, @quantity, @amount,
           @tax_free_amount, @vat_amount, @green_deposit, @method_filter, @instrument, @account_id, @card_id, @customer_id, @install_month, @qr_masked, @declared_balance,
           @approval_url, @cancel_url, @fail_url, @status, @pg_token, @created_at, @expires_at, @created_at)`,
      )
      .run({
        ...rest,
        green_deposit: rest.green_deposit ?? 0,
        id: next,
        tid,
        instrument: funding?.instrument ?? null,
        account_id: funding?.accountId ?? null,
        card_id: funding?.cardId ?? null,
        customer_id: funding?.customerId ?? null,
      });
    return this.byTid(tid)!;
  }

  update(id: number, f: Updatable, now: string): PaymentRow {
    const keys = Object.keys(f) as (keyof Updatable)[];
    const sets = [...keys.map((k) => `${k} = @${k}`), 'updated_at = @updated_at'].join(', ');
    this.db.prepare(`UPDATE payments SET ${sets} WHERE id = @id`).run({ ...f, updated_at: now, id });
    return this.db.prepare('SELECT * FROM payments WHERE id = ?').get(id) as PaymentRow;
  }

  setFunding(id: number, ref: FundingRef, now: string): PaymentRow {
    return this.update(id, { instrument: ref.instrument, account_id: ref.accountId, card_id: ref.cardId, customer_id: ref.customerId }, now);
  }

  insertAction(a: Omit<ActionRow, 'id' | 'aid'>): ActionRow {
    let aid = newAid();
    while (this.db.prepare('SELECT 1 FROM payment_actions WHERE aid = ?').get(aid)) aid = newAid();
    this.db
      .prepare(
        `INSERT INTO payment_actions (aid, payment_id, type, amount, tax_free_amount, vat_amount, request_id, payload, created_at)
         VALUES (@aid, @payment_id, @type, @amount, @tax_free_amount, @vat_amount, @request_id, @payload, @created_at)`,
      )
      .run({ ...a, aid });
    return this.db.prepare('SELECT * FROM payment_actions WHERE aid = ?').get(aid) as ActionRow;
  }
  actions(paymentId: number): ActionRow[] {
    return this.db.prepare('SELECT * FROM payment_actions WHERE payment_id = ? ORDER BY id').all(paymentId) as ActionRow[];
  }
  actionByRequest(paymentId: number, requestId: string): ActionRow | undefined {
    return this.db.prepare('SELECT * FROM payment_actions WHERE payment_id = ? AND request_id = ?').get(paymentId, requestId) as ActionRow | undefined;
  }

  recentForCustomer(customerId: string, limit: number): PaymentRow[] {
    return this.db.prepare('SELECT * FROM payments WHERE customer_id = ? ORDER BY id DESC LIMIT ?').all(customerId, limit) as PaymentRow[];
  }
  /** Payment requests sent to a customer's wallet (SEND_TMS), newest first. */
  requestsFor(customerId: string, nowIso: string): PaymentRow[] {
    return this.db
      .prepare("SELECT * FROM payments WHERE target_customer_id = ? AND status IN ('SEND_TMS', 'OPEN_PAYMENT', 'SELECT_METHOD') AND expires_at > ? ORDER BY id DESC LIMIT 5")
      .all(customerId, nowIso) as PaymentRow[];
  }
}
