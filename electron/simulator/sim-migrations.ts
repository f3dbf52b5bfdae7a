/**
 * The simulator database's migrations, applied in order and recorded in PRAGMA user_version.
 * Released migrations are never edited: a change is a new entry at the end.
 * (Migration 1 moved here verbatim from sim-db.ts.)
 */
export const DEMO_CUSTOMER = {
  id: 'demo',
  name: '김하나',
  bankAcctNum: '123456789012',
  bankAcctAlias: '하나 주거래',
  accountBalance: 1_000_000,
  moneyBalance: 50_000,
} as const;

export const MIGRATIONS: readonly string[] = [
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
  // 2: MyData-linked accounts and cards, consent dates, the simulator secret, payments with
  //    instruments, Kakao Pay statuses and cancels, payment actions (approve / cancel records).
  //    customers.account_balance is frozen at 0 from here on: balances live in accounts.
  `
  CREATE TABLE sim_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  INSERT INTO sim_meta (key, value) VALUES ('secret', lower(hex(randomblob(32))));

  ALTER TABLE customers ADD COLUMN identity_number TEXT;
  ALTER TABLE customers ADD COLUMN info_consent_until TEXT;
  ALTER TABLE customers ADD COLUMN withdraw_consent_until TEXT;
  ALTER TABLE customers ADD COLUMN pin TEXT NOT NULL DEFAULT '000000';

  CREATE TABLE accounts (
    id           INTEGER PRIMARY KEY,
    customer_id  TEXT NOT NULL REFERENCES customers (id),
    org_code     TEXT NOT NULL,
    bank_name    TEXT NOT NULL,
    acct_num     TEXT NOT NULL UNIQUE,
    alias        TEXT NOT NULL DEFAULT '',
    balance      INTEGER NOT NULL CHECK (balance >= 0),
    status       TEXT NOT NULL CHECK (status IN ('ACTIVE', 'INACTIVE')),
    is_primary   INTEGER NOT NULL DEFAULT 0,
    created_at   TEXT NOT NULL
  );
  CREATE INDEX accounts_customer ON accounts (customer_id);
  INSERT INTO accounts (customer_id, org_code, bank_name, acct_num, alias, balance, status, is_primary, created_at)
    SELECT id, '081', '하나은행', bank_acct_num, bank_acct_alias, account_balance, 'ACTIVE', 1, created_at FROM customers;
  UPDATE customers SET account_balance = 0;

  CREATE TABLE cards (
    id               INTEGER PRIMARY KEY,
    customer_id      TEXT NOT NULL REFERENCES customers (id),
    card_number      TEXT NOT NULL UNIQUE,
    card_name        TEXT NOT NULL,
    card_type_code   INTEGER NOT NULL CHECK (card_type_code IN (1, 2)),
    org_code         TEXT NOT NULL,
    account_id       INTEGER NOT NULL REFERENCES accounts (id),
    credit_limit     INTEGER NOT NULL DEFAULT 0 CHECK (credit_limit >= 0),
    used_amount      INTEGER NOT NULL DEFAULT 0 CHECK (used_amount >= 0 AND (card_type_code = 2 OR used_amount <= credit_limit)),
    billing_day      INTEGER CHECK (billing_day BETWEEN 1 AND 31),
    validity_period  TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('ACTIVE', 'INACTIVE')),
    join_date        TEXT NOT NULL,
    created_at       TEXT NOT NULL
  );
  CREATE INDEX cards_customer ON cards (customer_id);

  ALTER TABLE qr_tokens RENAME TO qr_tokens_v1;
  CREATE TABLE qr_tokens (
    token_hash   TEXT PRIMARY KEY,
    masked       TEXT NOT NULL,
    customer_id  TEXT NOT NULL REFERENCES customers (id),
    instrument   TEXT NOT NULL CHECK (instrument IN ('ACCOUNT', 'CARD', 'MONEY')),
    account_id   INTEGER REFERENCES accounts (id),
    card_id      INTEGER REFERENCES cards (id),
    issued_at    TEXT NOT NULL,
    expires_at   TEXT NOT NULL,
    used_at      TEXT,
    used_tid     TEXT
  );
  INSERT INTO qr_tokens (token_hash, masked, customer_id, instrument, account_id, issued_at, expires_at, used_at, used_tid)
    SELECT t.token_hash, t.masked, t.customer_id, CASE t.method WHEN 'MONEY' THEN 'MONEY' ELSE 'ACCOUNT' END,
           CASE t.method WHEN 'MONEY' THEN NULL ELSE (SELECT a.id FROM accounts a WHERE a.customer_id = t.customer_id AND a.is_primary = 1) END,
           t.issued_at, t.expires_at, t.used_at, t.used_tid
    FROM qr_tokens_v1 t;
  DROP TABLE qr_tokens_v1;
  CREATE INDEX qr_tokens_customer ON qr_tokens (customer_id, issued_at);

  ALTER TABLE payments RENAME TO payments_v1;
  CREATE TABLE payments (
    id                        INTEGER PRIMARY KEY,
    tid                       TEXT NOT NULL UNIQUE,
    dialect                   TEXT NOT NULL CHECK (dialect IN ('oneqpay', 'kakaopay')),
    cid                       TEXT NOT NULL REFERENCES stores (cid),
    order_id                  TEXT NOT NULL,
    category_cd               INTEGER NOT NULL DEFAULT 0,
    opponent_name             TEXT NOT NULL,
    item_name                 TEXT NOT NULL,
    item_code                 TEXT,
    member_id                 TEXT NOT NULL,
    quantity                  INTEGER NOT NULL CHECK (quantity >= 1),
    amount                    INTEGER NOT NULL CHECK (amount > 0),
    tax_free_amount           INTEGER NOT NULL DEFAULT 0 CHECK (tax_free_amount >= 0 AND tax_free_amount <= amount),
    vat_amount                INTEGER NOT NULL DEFAULT 0 CHECK (vat_amount >= 0),
    canceled_amount           INTEGER NOT NULL DEFAULT 0 CHECK (canceled_amount >= 0 AND canceled_amount <= amount),
    canceled_tax_free_amount  INTEGER NOT NULL DEFAULT 0 CHECK (canceled_tax_free_amount >= 0 AND canceled_tax_free_amount <= tax_free_amount),
    canceled_vat_amount       INTEGER NOT NULL DEFAULT 0 CHECK (canceled_vat_amount >= 0),
    method_filter             TEXT,
    instrument                TEXT CHECK (instrument IN ('ACCOUNT', 'CARD', 'MONEY')),
    account_id                INTEGER REFERENCES accounts (id),
    card_id                   INTEGER REFERENCES cards (id),
    customer_id               TEXT REFERENCES customers (id),
    target_customer_id        TEXT REFERENCES customers (id),
    install_month             INTEGER NOT NULL DEFAULT 0,
    qr_masked                 TEXT,
    declared_balance          INTEGER,
    approval_url              TEXT NOT NULL,
    cancel_url                TEXT NOT NULL,
    fail_url                  TEXT NOT NULL,
    status                    TEXT NOT NULL CHECK (status IN ('READY', 'SEND_TMS', 'OPEN_PAYMENT', 'SELECT_METHOD', 'AUTH_PASSWORD', 'SUCCESS_PAYMENT',
                                'PART_CANCEL_PAYMENT', 'CANCEL_PAYMENT', 'FAIL_AUTH_PASSWORD', 'QUIT_PAYMENT', 'FAIL_PAYMENT')),
    failure_code              TEXT,
    pg_token                  TEXT,
    merchant_tran_dt          TEXT,
    payload                   TEXT,
    created_at                TEXT NOT NULL,
    expires_at                TEXT NOT NULL,
    approved_at               TEXT,
    canceled_at               TEXT,
    updated_at                TEXT NOT NULL,
    UNIQUE (cid, order_id)
  );
  INSERT INTO payments (id, tid, dialect, cid, order_id, category_cd, opponent_name, item_name, item_code, member_id, quantity, amount,
      vat_amount, instrument, account_id, customer_id, qr_masked, declared_balance, approval_url, cancel_url, fail_url, status, failure_code,
      merchant_tran_dt, created_at, expires_at, approved_at, updated_at)
    SELECT p.id, p.tid, 'oneqpay', p.cid, p.order_id, p.category_cd, p.opponent_name, p.item_name, p.item_code, p.member_id, p.quantity, p.amount,
      CAST(ROUND(p.amount / 11.0) AS INTEGER), CASE p.method WHEN 'MONEY' THEN 'MONEY' ELSE 'ACCOUNT' END,
      CASE p.method WHEN 'MONEY' THEN NULL ELSE (SELECT a.id FROM accounts a WHERE a.customer_id = p.customer_id AND a.is_primary = 1) END,
      p.customer_id, p.qr_masked, p.declared_balance, p.approval_url, p.cancel_url, p.fail_url,
      CASE p.status WHEN 'APPROVED' THEN 'SUCCESS_PAYMENT' WHEN 'FAILED' THEN 'FAIL_PAYMENT' WHEN 'CANCELLED' THEN 'CANCEL_PAYMENT' ELSE 'READY' END,
      p.failure_code, p.merchant_tran_dt, p.created_at, strftime('%Y-%m-%dT%H:%M:%fZ', p.created_at, '+15 minutes'), p.approved_at, p.updated_at
    FROM payments_v1 p;
  DROP TABLE payments_v1;
  CREATE INDEX payments_customer ON payments (customer_id, id);
  CREATE INDEX payments_target ON payments (target_customer_id, status);

  CREATE TABLE payment_actions (
    id               INTEGER PRIMARY KEY,
    aid              TEXT NOT NULL UNIQUE,
    payment_id       INTEGER NOT NULL REFERENCES payments (id),
    type             TEXT NOT NULL CHECK (type IN ('PAYMENT', 'CANCEL')),
    amount           INTEGER NOT NULL CHECK (amount > 0),
    tax_free_amount  INTEGER NOT NULL DEFAULT 0 CHECK (tax_free_amount >= 0),
    vat_amount       INTEGER NOT NULL DEFAULT 0 CHECK (vat_amount >= 0),
    request_id       TEXT,
    payload          TEXT,
    created_at       TEXT NOT NULL,
    UNIQUE (payment_id, request_id)
  );
  CREATE UNIQUE INDEX payment_actions_one_approval ON payment_actions (payment_id) WHERE type = 'PAYMENT';
  INSERT INTO payment_actions (aid, payment_id, type, amount, vat_amount, created_at)
    SELECT 'A' || p.tid, p.id, 'PAYMENT', p.amount, p.vat_amount, COALESCE(p.approved_at, p.updated_at) FROM payments p WHERE p.status = 'SUCCESS_PAYMENT';

  UPDATE customers SET identity_number = 'CI' || id WHERE identity_number IS NULL;
  `,
  // Kakao's green_deposit (컵 보증금) on ready (issue 10).
  `
  ALTER TABLE payments ADD COLUMN green_deposit INTEGER NOT NULL DEFAULT 0 CHECK (green_deposit >= 0);
  `,
  // Re-registration needs proof (issue 10): the hash of the store's one-time enrollment code.
  `
  ALTER TABLE stores ADD COLUMN enrollment_hash TEXT;
  `,
  // issue 13: 현금영수증 (modelled on Toss Payments' cash receipt API, /v1/cash-receipts): one receipt per
  // orderId; every issue and cancel is an action row (the simulator's own record of what was issued).
  `
  CREATE TABLE cash_receipts (
    receipt_key       TEXT PRIMARY KEY,
    order_id          TEXT NOT NULL UNIQUE,
    order_name        TEXT NOT NULL,
    type              TEXT NOT NULL CHECK (type IN ('소득공제', '지출증빙')),
    identity_masked   TEXT NOT NULL,
    amount            INTEGER NOT NULL CHECK (amount > 0),
    tax_free_amount   INTEGER NOT NULL CHECK (tax_free_amount >= 0),
    cancelled_amount  INTEGER NOT NULL DEFAULT 0,
    issue_number      TEXT NOT NULL UNIQUE,
    requested_at      TEXT NOT NULL
  );
  CREATE TABLE cash_receipt_actions (
    id               INTEGER PRIMARY KEY,
    receipt_key      TEXT NOT NULL REFERENCES cash_receipts (receipt_key),
    transaction_type TEXT NOT NULL CHECK (transaction_type IN ('CONFIRM', 'CANCEL')),
    amount           INTEGER NOT NULL,
    idempotency_key  TEXT UNIQUE,
    response_json    TEXT NOT NULL,
    at               TEXT NOT NULL
  );
  `,
];
