/**
 * The simulator's own SQLite file (never the terminal's ledger): stores, customers, one-time QR
 * tokens and payments. WAL, full sync, versioned migrations in PRAGMA user_version.
 * QR tokens are kept only as a SHA-256 hash plus a masked form: the file never holds a usable token.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

export type PaymentMethod = '계좌' | 'MONEY';
export const PAYMENT_METHODS: readonly PaymentMethod[] = ['계좌', 'MONEY'];
export type SimPaymentStatus = 'READY' | 'APPROVED' | 'FAILED' | 'CANCELLED';

export const DEMO_CUSTOMER = {
  id: 'demo',
  name: '김하나',
  bankAcctNum: '123456789012',
  bankAcctAlias: '하나 주거래',
  accountBalance: 1_000_000,
  moneyBalance: 50_000,
} as const;

const MIGRATIONS: readonly string[] = [
  // 1: stores, customers (with the demo customer), one-time QR tokens, payments
  `
  CREATE TABLE stores (
    cid          TEXT PRIMARY KEY,
    business_no  TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    phone        TEXT NOT NULL,
    address1     TEXT NOT NULL,
    address2     TEXT NOT NULL,
    post_no      TEXT NOT NULL DEFAULT '',
    category_cd  INTEGER NOT NULL,
    created_at   TEXT NOT NULL,
    approved_at  TEXT NOT NULL,
    updated_at   TEXT NOT NULL
  );
  CREATE TABLE customers (
    id               TEXT PRIMARY KEY,
    name             TEXT NOT NULL,
    bank_acct_num    TEXT NOT NULL UNIQUE,
    bank_acct_alias  TEXT NOT NULL DEFAULT '',
    account_balance  INTEGER NOT NULL CHECK (account_balance >= 0),
    money_balance    INTEGER NOT NULL CHECK (money_balance >= 0),
    created_at       TEXT NOT NULL
  );
  CREATE TABLE qr_tokens (
    token_hash   TEXT PRIMARY KEY,
    masked       TEXT NOT NULL,
    customer_id  TEXT NOT NULL REFERENCES customers (id),
    method       TEXT NOT NULL CHECK (method IN ('계좌', 'MONEY')),
    issued_at    TEXT NOT NULL,
    expires_at   TEXT NOT NULL,
    used_at      TEXT,
    used_tid     TEXT
  );
  CREATE INDEX qr_tokens_customer ON qr_tokens (customer_id, issued_at);
  CREATE TABLE payments (
    id                INTEGER PRIMARY KEY,
    tid               TEXT NOT NULL UNIQUE,
    cid               TEXT NOT NULL REFERENCES stores (cid),
    order_id          TEXT NOT NULL,
    category_cd       INTEGER NOT NULL,
    opponent_name     TEXT NOT NULL,
    item_name         TEXT NOT NULL,
    item_code         TEXT,
    member_id         TEXT NOT NULL,
    quantity          INTEGER NOT NULL CHECK (quantity >= 1),
    amount            INTEGER NOT NULL CHECK (amount > 0),
    method            TEXT NOT NULL CHECK (method IN ('계좌', 'MONEY')),
    customer_id       TEXT NOT NULL REFERENCES customers (id),
    qr_masked         TEXT,
    declared_balance  INTEGER,
    approval_url      TEXT NOT NULL,
    cancel_url        TEXT NOT NULL,
    fail_url          TEXT NOT NULL,
    status            TEXT NOT NULL CHECK (status IN ('READY', 'APPROVED', 'FAILED', 'CANCELLED')),
    failure_code      TEXT,
    merchant_tran_dt  TEXT,
    created_at        TEXT NOT NULL,
    approved_at       TEXT,
    updated_at        TEXT NOT NULL,
    UNIQUE (cid, order_id)
  );
  INSERT INTO customers (id, name, bank_acct_num, bank_acct_alias, account_balance, money_balance, created_at)
  VALUES ('${DEMO_CUSTOMER.id}', '${DEMO_CUSTOMER.name}', '${DEMO_CUSTOMER.bankAcctNum}', '${DEMO_CUSTOMER.bankAcctAlias}',
          ${DEMO_CUSTOMER.accountBalance}, ${DEMO_CUSTOMER.moneyBalance}, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
  `,
];

export interface StoreRow {
  cid: string;
  business_no: string;
  name: string;
  phone: string;
  address1: string;
  address2: string;
  post_no: string;
  category_cd: number;
  created_at: string;
  approved_at: string;
}
export interface CustomerRow {
  id: string;
  name: string;
  bank_acct_num: string;
  bank_acct_alias: string;
  account_balance: number;
  money_balance: number;
}
export interface QrTokenRow {
  token_hash: string;
  masked: string;
  customer_id: string;
  method: PaymentMethod;
  issued_at: string;
  expires_at: string;
  used_at: string | null;
  used_tid: string | null;
}
export interface PaymentRow {
  id: number;
  tid: string;
  cid: string;
  order_id: string;
  category_cd: number;
  opponent_name: string;
  item_name: string;
  item_code: string | null;
  member_id: string;
  quantity: number;
  amount: number;
  method: PaymentMethod;
  customer_id: string;
  qr_masked: string | null;
  declared_balance: number | null;
  approval_url: string;
  cancel_url: string;
  fail_url: string;
  status: SimPaymentStatus;
  failure_code: string | null;
  merchant_tran_dt: string | null;
  created_at: string;
  approved_at: string | null;
  updated_at: string;
}
export type NewPayment = Omit<PaymentRow, 'id' | 'tid' | 'status' | 'failure_code' | 'merchant_tran_dt' | 'approved_at' | 'updated_at'>;

export function migrateSimDb(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
}

/** Thin typed access to the simulator tables; business rules live in payment-rules.ts. */
export class SimDb {
  readonly db: Database.Database;

  constructor(file: string) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    migrateSimDb(this.db);
  }

  /** Runs fn in one BEGIN IMMEDIATE transaction (a throw rolls everything back). */
  tx<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  close(): void {
    this.db.close();
  }

  storeByCid(cid: string): StoreRow | undefined {
    return this.db.prepare('SELECT * FROM stores WHERE cid = ?').get(cid) as StoreRow | undefined;
  }
  storeByBusinessNo(businessNo: string): StoreRow | undefined {
    return this.db.prepare('SELECT * FROM stores WHERE business_no = ?').get(businessNo) as StoreRow | undefined;
  }
  insertStore(s: StoreRow): void {
    this.db
      .prepare(
        `INSERT INTO stores (cid, business_no, name, phone, address1, address2, post_no, category_cd, created_at, approved_at, updated_at)
         VALUES (@cid, @business_no, @name, @phone, @address1, @address2, @post_no, @category_cd, @created_at, @approved_at, @created_at)`,
      )
      .run(s);
  }
  updateStoreProfile(cid: string, p: Pick<StoreRow, 'name' | 'phone' | 'address1' | 'address2' | 'post_no'>, now: string): void {
    this.db
      .prepare('UPDATE stores SET name = @name, phone = @phone, address1 = @address1, address2 = @address2, post_no = @post_no, updated_at = @now WHERE cid = @cid')
      .run({ ...p, cid, now });
  }

  customer(id: string): CustomerRow | undefined {
    return this.db.prepare('SELECT * FROM customers WHERE id = ?').get(id) as CustomerRow | undefined;
  }
  customerByAccount(bankAcctNum: string): CustomerRow | undefined {
    return this.db.prepare('SELECT * FROM customers WHERE bank_acct_num = ?').get(bankAcctNum) as CustomerRow | undefined;
  }
  /** Debits one balance if it covers the amount; false when it does not. */
  debit(customerId: string, method: PaymentMethod, amount: number): boolean {
    const col = method === 'MONEY' ? 'money_balance' : 'account_balance';
    return this.db.prepare(`UPDATE customers SET ${col} = ${col} - @amount WHERE id = @customerId AND ${col} >= @amount`).run({ customerId, amount }).changes === 1;
  }

  insertQrToken(t: Omit<QrTokenRow, 'used_at' | 'used_tid'>): void {
    this.db
      .prepare('INSERT INTO qr_tokens (token_hash, masked, customer_id, method, issued_at, expires_at) VALUES (@token_hash, @masked, @customer_id, @method, @issued_at, @expires_at)')
      .run(t);
  }
  qrToken(hash: string): QrTokenRow | undefined {
    return this.db.prepare('SELECT * FROM qr_tokens WHERE token_hash = ?').get(hash) as QrTokenRow | undefined;
  }
  /** Marks a token used; false when someone used it first. */
  useQrToken(hash: string, tid: string, now: string): boolean {
    return this.db.prepare('UPDATE qr_tokens SET used_at = ?, used_tid = ? WHERE token_hash = ? AND used_at IS NULL').run(now, tid, hash).changes === 1;
  }

  paymentByOrder(cid: string, orderId: string): PaymentRow | undefined {
    return this.db.prepare('SELECT * FROM payments WHERE cid = ? AND order_id = ?').get(cid, orderId) as PaymentRow | undefined;
  }
  paymentByTid(tid: string): PaymentRow | undefined {
    return this.db.prepare('SELECT * FROM payments WHERE tid = ?').get(tid) as PaymentRow | undefined;
  }
  /** Inserts a READY payment and returns it with its tid (a string of 10 digits). */
  insertReadyPayment(p: NewPayment): PaymentRow {
    const next = (this.db.prepare('SELECT COALESCE(MAX(id), 0) + 1 AS n FROM payments').get() as { n: number }).n;
    const tid = String(1_000_000_000 + next);
    this.db
      .prepare(
        `INSERT INTO payments (id, tid, cid, order_id, category_cd, opponent_name, item_name, item_code, member_id, quantity, amount, method,
           customer_id, qr_masked, declared_balance, approval_url, cancel_url, fail_url, status, created_at, updated_at)
         VALUES (@id, @tid, @cid, @order_id, @category_cd, @opponent_name, @item_name, @item_code, @member_id, @quantity, @amount, @method,
           @customer_id, @qr_masked, @declared_balance, @approval_url, @cancel_url, @fail_url, 'READY', @created_at, @created_at)`,
      )
      .run({ ...p, id: next, tid });
    return this.paymentByTid(tid)!;
  }
  markApproved(id: number, merchantTranDt: string, now: string): void {
    this.db.prepare("UPDATE payments SET status = 'APPROVED', merchant_tran_dt = ?, approved_at = ?, updated_at = ? WHERE id = ? AND status = 'READY'").run(merchantTranDt, now, now, id);
  }
  markFailed(id: number, code: string, merchantTranDt: string, now: string): void {
    this.db.prepare("UPDATE payments SET status = 'FAILED', failure_code = ?, merchant_tran_dt = ?, updated_at = ? WHERE id = ? AND status = 'READY'").run(code, merchantTranDt, now, id);
  }
  recentPayments(customerId: string, limit: number): PaymentRow[] {
    return this.db.prepare('SELECT * FROM payments WHERE customer_id = ? ORDER BY id DESC LIMIT ?').all(customerId, limit) as PaymentRow[];
  }
}
