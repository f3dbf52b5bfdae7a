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
