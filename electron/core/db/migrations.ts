/**
 * Versioned ledger migrations, applied in order inside one transaction each; the version is
 * kept in PRAGMA user_version. Never edit a released migration: add a new one.
 */
import type Database from 'better-sqlite3';

export const MIGRATIONS: readonly string[] = [
  // 1: settings, store profile, payments with their state history
  `
  CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  CREATE TABLE store_profile (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    business_no    TEXT NOT NULL,
    name           TEXT NOT NULL,
    representative TEXT NOT NULL DEFAULT '',
    phone          TEXT NOT NULL,
    address1       TEXT NOT NULL,
    address2       TEXT NOT NULL,
    post_no        TEXT NOT NULL DEFAULT '',
    cid            TEXT NOT NULL,
    category_cd    INTEGER NOT NULL,
    created_at     TEXT NOT NULL,
    approved_at    TEXT NOT NULL,
    registered_at  TEXT NOT NULL
  );
  CREATE TABLE payments (
    id            INTEGER PRIMARY KEY,
    order_id      TEXT NOT NULL UNIQUE,
    cid           TEXT NOT NULL,
    status        TEXT NOT NULL,
    amount        INTEGER NOT NULL CHECK (amount > 0),
    tax_free      INTEGER NOT NULL DEFAULT 0,
    vat           INTEGER NOT NULL,
    supply        INTEGER NOT NULL,
    item_name     TEXT NOT NULL,
    quantity      INTEGER NOT NULL,
    items_json    TEXT NOT NULL,
    qr_masked     TEXT NOT NULL,
    tid           TEXT,
    method_type   TEXT,
    approved_at   TEXT,
    error_code    TEXT,
    error_detail  TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
  );
  CREATE INDEX payments_created_at ON payments (created_at);
  CREATE INDEX payments_status ON payments (status);
  CREATE TABLE payment_events (
    id          INTEGER PRIMARY KEY,
    payment_id  INTEGER NOT NULL REFERENCES payments (id),
    status      TEXT NOT NULL,
    at          TEXT NOT NULL,
    detail      TEXT
  );
  CREATE INDEX payment_events_payment ON payment_events (payment_id);
  `,
  // 2: receipt print queue per printer (services/printer/print-queue.ts)
  `
  CREATE TABLE print_jobs (
    id                INTEGER PRIMARY KEY,
    printer           TEXT NOT NULL,
    payment_id        INTEGER REFERENCES payments (id),
    kind              TEXT NOT NULL CHECK (kind IN ('sale', 'cancel')),
    copy              TEXT NOT NULL CHECK (copy IN ('original', 'reprint')),
    input_json        TEXT NOT NULL,
    bytes             BLOB,
    status            TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'printed', 'failed')),
    attempts          INTEGER NOT NULL DEFAULT 0,
    recovered         INTEGER NOT NULL DEFAULT 0,
    last_sent         INTEGER NOT NULL DEFAULT 0,
    last_stopped      INTEGER NOT NULL DEFAULT 0,
    last_error        TEXT,
    last_error_detail TEXT,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    sent_at           TEXT,
    printed_at        TEXT
  );
  CREATE UNIQUE INDEX print_jobs_one_original ON print_jobs (payment_id, kind) WHERE copy = 'original' AND payment_id IS NOT NULL;
  CREATE INDEX print_jobs_printer_status ON print_jobs (printer, status);
  CREATE INDEX print_jobs_payment ON print_jobs (payment_id);
  `,
  // 3: refunds (full / partial cancels), each with its idempotency key; cancel receipts per refund
  `
  CREATE TABLE refunds (
    id            INTEGER PRIMARY KEY,
    payment_id    INTEGER NOT NULL REFERENCES payments (id),
    request_id    TEXT NOT NULL UNIQUE,
    status        TEXT NOT NULL CHECK (status IN ('created', 'cancel_requested', 'cancelled', 'failed', 'unknown')),
    amount        INTEGER NOT NULL CHECK (amount > 0),
    tax_free      INTEGER NOT NULL DEFAULT 0 CHECK (tax_free >= 0 AND tax_free <= amount),
    vat           INTEGER NOT NULL DEFAULT 0,
    aid           TEXT,
    cancelled_at  TEXT,
    error_code    TEXT,
    error_detail  TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
  );
  CREATE INDEX refunds_payment ON refunds (payment_id);
  CREATE INDEX refunds_status ON refunds (status);
  ALTER TABLE print_jobs ADD COLUMN refund_id INTEGER REFERENCES refunds (id);
  DROP INDEX print_jobs_one_original;
  CREATE UNIQUE INDEX print_jobs_one_original ON print_jobs (payment_id, kind, IFNULL(refund_id, 0)) WHERE copy = 'original' AND payment_id IS NOT NULL;
  `,
  // 4: sales analytics: the store's category code
  // recorded with each payment (PaymentRepo.create), older rows get the current store's; the sale-time index
  // the analytics queries range over (services/analytics/analytics-service.ts).
  `
  ALTER TABLE payments ADD COLUMN category_cd INTEGER;
  UPDATE payments SET category_cd = (SELECT category_cd FROM store_profile WHERE id = 1);
  CREATE INDEX payments_sale_at ON payments (status, COALESCE(approved_at, created_at));
  `,
  // 5: how the customer paid —
  //   cpm: the cashier scanned the customer's QR; mpm: the customer scanned the terminal's QR and approved on the phone
  `
  ALTER TABLE payments ADD COLUMN flow TEXT NOT NULL DEFAULT 'cpm' CHECK (flow IN ('cpm', 'mpm'));
  `,
  // 6: ledger queries (history, settlement, CSV) and closed days (services/ledger/*).
  //   payments.refunded_amount (sum of confirmed cancels) and payments.open_refund ('unknown' | 'running' |
  //   NULL: a cancel not settled yet), kept by triggers on refunds; payments.history_state, a virtual
  //   column = shared/domain/ledger/history-state.ts, so every history filter is one index range.
  //   Indexes for the history, the day's settlement and the CSV (bench/ledger-bench.ts measures them).
  //   day_closes: a closed day's frozen report; print_jobs rebuilt to allow kind 'settlement' (+ settlement_day).
  `
  ALTER TABLE payments ADD COLUMN refunded_amount INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE payments ADD COLUMN open_refund TEXT;
  ALTER TABLE payments ADD COLUMN history_state TEXT GENERATED ALWAYS AS (
    CASE
      WHEN status IN ('failed', 'unknown') THEN status
      WHEN status <> 'approved' THEN 'in_progress'
      WHEN open_refund = 'unknown' THEN 'unknown'
      WHEN open_refund = 'running' THEN 'in_progress'
      WHEN refunded_amount <= 0 THEN 'approved'
      WHEN refunded_amount >= amount THEN 'refunded_full'
      ELSE 'refunded_partial'
    END) VIRTUAL;
  CREATE TRIGGER refunds_sum_insert AFTER INSERT ON refunds BEGIN
    UPDATE payments SET
      refunded_amount = (SELECT IFNULL(SUM(amount), 0) FROM refunds WHERE payment_id = NEW.payment_id AND status = 'cancelled'),
      open_refund = (SELECT CASE WHEN SUM(status = 'unknown') > 0 THEN 'unknown' WHEN SUM(status IN ('created', 'cancel_requested')) > 0 THEN 'running' END FROM refunds WHERE payment_id = NEW.payment_id)
    WHERE id = NEW.payment_id;
  END;
  CREATE TRIGGER refunds_sum_update AFTER UPDATE OF status, amount ON refunds BEGIN
    UPDATE payments SET
      refunded_amount = (SELECT IFNULL(SUM(amount), 0) FROM refunds WHERE payment_id = NEW.payment_id AND status = 'cancelled'),
      open_refund = (SELECT CASE WHEN SUM(status = 'unknown') > 0 THEN 'unknown' WHEN SUM(status IN ('created', 'cancel_requested')) > 0 THEN 'running' END FROM refunds WHERE payment_id = NEW.payment_id)
    WHERE id = NEW.payment_id;
  END;
  UPDATE payments SET
    refunded_amount = (SELECT IFNULL(SUM(r.amount), 0) FROM refunds r WHERE r.payment_id = payments.id AND r.status = 'cancelled'),
    open_refund = (SELECT CASE WHEN SUM(r.status = 'unknown') > 0 THEN 'unknown' WHEN SUM(r.status IN ('created', 'cancel_requested')) > 0 THEN 'running' END FROM refunds r WHERE r.payment_id = payments.id)
  WHERE id IN (SELECT payment_id FROM refunds);

  -- history: a covering index walked in (created_at, id) order, and the state / method ones that
  -- turn a filter into one ordered index range.
  DROP INDEX payments_status;
  DROP INDEX payments_created_at;
  CREATE INDEX payments_history ON payments (created_at, id, history_state, method_type, amount);
  CREATE INDEX payments_state_created ON payments (history_state, created_at);
  CREATE INDEX payments_state_method ON payments (history_state, method_type, created_at);
  CREATE INDEX payments_method_created ON payments (method_type, created_at);
  CREATE INDEX payments_tid ON payments (tid) WHERE tid IS NOT NULL;
  -- settlement and CSV: a day's payments by status, its sales and cancels from covering partial indexes
  CREATE INDEX payments_status_created ON payments (status, created_at);
  CREATE INDEX payments_approved_at ON payments (approved_at, method_type, amount, vat, tax_free, supply) WHERE status = 'approved';
  CREATE INDEX refunds_cancelled_at ON refunds (cancelled_at, payment_id, amount, vat, tax_free) WHERE status = 'cancelled';
  CREATE INDEX refunds_created_at ON refunds (created_at);

  CREATE TABLE day_closes (
    day          TEXT PRIMARY KEY,
    closed_at    TEXT NOT NULL,
    report_json  TEXT NOT NULL
  );

  CREATE TABLE print_jobs_v4 (
    id                INTEGER PRIMARY KEY,
    printer           TEXT NOT NULL,
    payment_id        INTEGER REFERENCES payments (id),
    kind              TEXT NOT NULL CHECK (kind IN ('sale', 'cancel', 'settlement')),
    copy              TEXT NOT NULL CHECK (copy IN ('original', 'reprint')),
    input_json        TEXT NOT NULL,
    bytes             BLOB,
    status            TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'printed', 'failed')),
    attempts          INTEGER NOT NULL DEFAULT 0,
    recovered         INTEGER NOT NULL DEFAULT 0,
    last_sent         INTEGER NOT NULL DEFAULT 0,
    last_stopped      INTEGER NOT NULL DEFAULT 0,
    last_error        TEXT,
    last_error_detail TEXT,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    sent_at           TEXT,
    printed_at        TEXT,
    refund_id         INTEGER REFERENCES refunds (id),
    settlement_day    TEXT,
    CHECK ((kind = 'settlement') = (settlement_day IS NOT NULL))
  );
  INSERT INTO print_jobs_v4 (id, printer, payment_id, kind, copy, input_json, bytes, status, attempts, recovered, last_sent, last_stopped, last_error, last_error_detail, created_at, updated_at, sent_at, printed_at, refund_id)
    SELECT id, printer, payment_id, kind, copy, input_json, bytes, status, attempts, recovered, last_sent, last_stopped, last_error, last_error_detail, created_at, updated_at, sent_at, printed_at, refund_id FROM print_jobs;
  DROP TABLE print_jobs;
  ALTER TABLE print_jobs_v4 RENAME TO print_jobs;
  CREATE UNIQUE INDEX print_jobs_one_original ON print_jobs (payment_id, kind, IFNULL(refund_id, 0)) WHERE copy = 'original' AND payment_id IS NOT NULL;
  CREATE INDEX print_jobs_printer_status ON print_jobs (printer, status);
  CREATE INDEX print_jobs_payment ON print_jobs (payment_id, kind, refund_id, status);
  CREATE INDEX print_jobs_unprinted ON print_jobs (payment_id, kind, refund_id) WHERE status <> 'printed';
  CREATE INDEX print_jobs_settlement ON print_jobs (settlement_day) WHERE settlement_day IS NOT NULL;
  CREATE INDEX print_jobs_status ON print_jobs (status);
  `,
  // issue 10: what the backend told about the card or account (Kakao's card_info), one row per order;
  // masked numbers only (a BIN and '*', a masked account), never a full number.
  `
  CREATE TABLE payment_instruments (
    order_id          TEXT PRIMARY KEY,
    card_issuer       TEXT,
    card_purchaser    TEXT,
    card_masked       TEXT CHECK (card_masked IS NULL OR card_masked GLOB '*[*]*'),
    card_type         TEXT,
    install_month     INTEGER CHECK (install_month IS NULL OR install_month BETWEEN 0 AND 36),
    card_approval_no  TEXT,
    account_masked    TEXT CHECK (account_masked IS NULL OR account_masked GLOB '*[*]*'),
    recorded_at       TEXT NOT NULL
  );
  `,
  // issue 12: the catalog (services/catalog/*): categories → products (options as a zod-checked JSON list of
  //   option groups) → barcodes, one product per code (the UNIQUE key refuses a duplicate across products).
  //   Archived rows stay: old sales keep their own snapshot in payments.items_json and may still name them.
  `
  CREATE TABLE catalog_categories (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    color       TEXT NOT NULL,
    sort_order  INTEGER NOT NULL DEFAULT 0,
    archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
  );
  CREATE TABLE catalog_products (
    id            INTEGER PRIMARY KEY,
    category_id   INTEGER REFERENCES catalog_categories (id),
    name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
    alias         TEXT NOT NULL DEFAULT '',
    price         INTEGER NOT NULL CHECK (price BETWEEN 1 AND 100000000),
    tax_free      INTEGER NOT NULL DEFAULT 0 CHECK (tax_free IN (0, 1)),
    sold_out      INTEGER NOT NULL DEFAULT 0 CHECK (sold_out IN (0, 1)),
    archived      INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    sort_order    INTEGER NOT NULL DEFAULT 0,
    options_json  TEXT NOT NULL DEFAULT '[]',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
  );
  CREATE INDEX catalog_products_category ON catalog_products (category_id, sort_order);
  CREATE TABLE catalog_barcodes (
    code        TEXT PRIMARY KEY,
    product_id  INTEGER NOT NULL REFERENCES catalog_products (id)
  );
  CREATE INDEX catalog_barcodes_product ON catalog_barcodes (product_id);
  `,
  // issue 13: drawer sessions (개점/마감) and their cash events, orders paid by tenders (cash, QR, split),
  // 현금영수증, counter settings (과세 유형, 의무발행업종); print jobs gain the drawer close report.
  `
  CREATE TABLE counter_settings (
    id                     INTEGER PRIMARY KEY CHECK (id = 1),
    tax_type               TEXT NOT NULL DEFAULT '일반' CHECK (tax_type IN ('일반', '간이', '면세')),
    cash_receipt_mandatory INTEGER NOT NULL DEFAULT 0 CHECK (cash_receipt_mandatory IN (0, 1))
  );
  INSERT INTO counter_settings (id) VALUES (1);

  CREATE TABLE drawer_sessions (
    id            INTEGER PRIMARY KEY,
    status        TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    business_day  TEXT NOT NULL,
    opened_at     TEXT NOT NULL,
    closed_at     TEXT,
    float_counts  TEXT,
    close_counts  TEXT,
    counted       INTEGER,
    over_short    INTEGER,
    note          TEXT,
    report_json   TEXT
  );
  CREATE UNIQUE INDEX drawer_sessions_one_open ON drawer_sessions (status) WHERE status = 'open';
  CREATE INDEX drawer_sessions_day ON drawer_sessions (business_day);

  CREATE TABLE orders (
    id            INTEGER PRIMARY KEY,
    order_no      TEXT NOT NULL UNIQUE,
    session_id    INTEGER NOT NULL REFERENCES drawer_sessions (id),
    status        TEXT NOT NULL CHECK (status IN ('open', 'completed', 'voided')),
    items_json    TEXT NOT NULL,
    item_name     TEXT NOT NULL,
    total         INTEGER NOT NULL CHECK (total > 0),
    tax_free      INTEGER NOT NULL CHECK (tax_free >= 0 AND tax_free <= total),
    vat           INTEGER NOT NULL,
    supply        INTEGER NOT NULL,
    cash_receipt_json TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    completed_at  TEXT
  );
  CREATE INDEX orders_session ON orders (session_id, status);
  CREATE UNIQUE INDEX orders_one_open ON orders (status) WHERE status = 'open';

  CREATE TABLE order_tenders (
    id               INTEGER PRIMARY KEY,
    order_id         INTEGER NOT NULL REFERENCES orders (id),
    kind             TEXT NOT NULL CHECK (kind IN ('cash', 'qr')),
    status           TEXT NOT NULL CHECK (status IN ('taken', 'returned', 'pending', 'approved', 'failed', 'unknown')),
    amount           INTEGER NOT NULL CHECK (amount > 0),
    received         INTEGER NOT NULL CHECK (received >= amount),
    payment_order_id TEXT UNIQUE,
    cash_refunded    INTEGER NOT NULL DEFAULT 0 CHECK (cash_refunded >= 0 AND cash_refunded <= amount),
    error_code       TEXT,
    error_detail     TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    CHECK ((kind = 'qr') = (payment_order_id IS NOT NULL))
  );
  CREATE INDEX order_tenders_order ON order_tenders (order_id);

  -- every cash movement of a session; expected cash is a pure function of these rows
  CREATE TABLE drawer_events (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES drawer_sessions (id),
    kind        TEXT NOT NULL CHECK (kind IN ('float', 'cash_sale', 'cash_refund', 'cash_void', 'paid_in', 'paid_out')),
    amount      INTEGER NOT NULL CHECK (amount >= 0),
    reason      TEXT,
    order_id    INTEGER REFERENCES orders (id),
    tender_id   INTEGER REFERENCES order_tenders (id),
    at          TEXT NOT NULL
  );
  CREATE INDEX drawer_events_session ON drawer_events (session_id);

  -- state history of orders, tenders and 현금영수증 (one row per transition)
  CREATE TABLE counter_events (
    id        INTEGER PRIMARY KEY,
    entity    TEXT NOT NULL CHECK (entity IN ('order', 'tender', 'cash_receipt', 'drawer_session')),
    entity_id INTEGER NOT NULL,
    status    TEXT NOT NULL,
    at        TEXT NOT NULL,
    detail    TEXT
  );
  CREATE INDEX counter_events_entity ON counter_events (entity, entity_id);

  CREATE TABLE cash_receipts (
    id               INTEGER PRIMARY KEY,
    order_id         INTEGER NOT NULL REFERENCES orders (id),
    tender_id        INTEGER NOT NULL UNIQUE REFERENCES order_tenders (id),
    request_id       TEXT NOT NULL UNIQUE,
    status           TEXT NOT NULL CHECK (status IN ('created', 'issue_requested', 'issued', 'failed', 'unknown', 'cancel_requested', 'cancel_unknown', 'cancelled')),
    purpose          TEXT NOT NULL CHECK (purpose IN ('소득공제', '지출증빙')),
    identity         TEXT NOT NULL,
    identity_masked  TEXT NOT NULL,
    self_issued      INTEGER NOT NULL DEFAULT 0,
    amount           INTEGER NOT NULL CHECK (amount > 0),
    tax_free         INTEGER NOT NULL,
    supply           INTEGER NOT NULL,
    vat              INTEGER NOT NULL,
    issue_number     TEXT,
    receipt_key      TEXT,
    issued_at        TEXT,
    cancelled_amount INTEGER NOT NULL DEFAULT 0,
    pending_cancel   INTEGER NOT NULL DEFAULT 0,
    error_code       TEXT,
    error_detail     TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
  );
  CREATE INDEX cash_receipts_status ON cash_receipts (status);

  CREATE TABLE print_jobs_v7 (
    id                INTEGER PRIMARY KEY,
    printer           TEXT NOT NULL,
    payment_id        INTEGER REFERENCES payments (id),
    kind              TEXT NOT NULL CHECK (kind IN ('sale', 'cancel', 'settlement', 'drawer_close')),
    copy              TEXT NOT NULL CHECK (copy IN ('original', 'reprint')),
    input_json        TEXT NOT NULL,
    bytes             BLOB,
    status            TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'printed', 'failed')),
    attempts          INTEGER NOT NULL DEFAULT 0,
    recovered         INTEGER NOT NULL DEFAULT 0,
    last_sent         INTEGER NOT NULL DEFAULT 0,
    last_stopped      INTEGER NOT NULL DEFAULT 0,
    last_error        TEXT,
    last_error_detail TEXT,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    sent_at           TEXT,
    printed_at        TEXT,
    refund_id         INTEGER REFERENCES refunds (id),
    settlement_day    TEXT,
    CHECK ((kind = 'settlement') = (settlement_day IS NOT NULL))
  );
  INSERT INTO print_jobs_v7 SELECT id, printer, payment_id, kind, copy, input_json, bytes, status, attempts, recovered, last_sent, last_stopped, last_error, last_error_detail, created_at, updated_at, sent_at, printed_at, refund_id, settlement_day FROM print_jobs;
  DROP TABLE print_jobs;
  ALTER TABLE print_jobs_v7 RENAME TO print_jobs;
  CREATE UNIQUE INDEX print_jobs_one_original ON print_jobs (payment_id, kind, IFNULL(refund_id, 0)) WHERE copy = 'original' AND payment_id IS NOT NULL;
  CREATE INDEX print_jobs_printer_status ON print_jobs (printer, status);
  CREATE INDEX print_jobs_payment ON print_jobs (payment_id, kind, refund_id, status);
  CREATE INDEX print_jobs_unprinted ON print_jobs (payment_id, kind, refund_id) WHERE status <> 'printed';
  CREATE INDEX print_jobs_settlement ON print_jobs (settlement_day) WHERE settlement_day IS NOT NULL;
  CREATE INDEX print_jobs_status ON print_jobs (status);
  `,
  // issue 14: head office sync — the append-only event log (electron/core/sync/event-log.ts) and the
  //   terminal's sync state (its id, the highest sequence the head office acknowledged, the version of
  //   the data pulled down). Events are never updated or deleted, and each new one takes max + 1.
  `
  CREATE TABLE sync_meta (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    terminal_id   TEXT NOT NULL,
    acked_seq     INTEGER NOT NULL DEFAULT 0,
    down_version  INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE sync_events (
    seq          INTEGER PRIMARY KEY CHECK (seq > 0),
    id           TEXT NOT NULL UNIQUE,
    terminal_id  TEXT NOT NULL,
    type         TEXT NOT NULL,
    payload      TEXT NOT NULL CHECK (json_valid(payload)),
    created_at   TEXT NOT NULL
  );
  CREATE TRIGGER sync_events_no_update BEFORE UPDATE ON sync_events BEGIN
    SELECT RAISE(ABORT, 'sync_events is append-only');
  END;
  CREATE TRIGGER sync_events_no_delete BEFORE DELETE ON sync_events BEGIN
    SELECT RAISE(ABORT, 'sync_events is append-only');
  END;
  CREATE TRIGGER sync_events_gapless BEFORE INSERT ON sync_events
    WHEN NEW.seq <> (SELECT IFNULL(MAX(seq), 0) + 1 FROM sync_events) BEGIN
    SELECT RAISE(ABORT, 'sync_events sequence must be gapless');
  END;
  `,
  // issue 13: every sale belongs to the drawer session open when it was recorded (a plain QR sale, an MPM
  // sale and an order's QR tender alike), so every sale is in exactly one session's close report.
  // Payments recorded before this migration have none.
  `
  ALTER TABLE payments ADD COLUMN session_id INTEGER REFERENCES drawer_sessions(id);
  CREATE INDEX payments_session ON payments(session_id);
  `,
];

export function migrate(db: Database.Database, migrations: readonly string[] = MIGRATIONS): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > migrations.length) {
    throw new Error(`ledger schema version ${from} is newer than this app (${migrations.length}): refusing to touch it`);
  }
  for (let v = from; v < migrations.length; v++) {
    db.transaction(() => {
      db.exec(migrations[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return { from, to: migrations.length };
}
