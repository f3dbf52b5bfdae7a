-- Head office schema v2 (issue 14): read models of the counter — orders, tenders, 현금영수증 and drawer
-- sessions as the terminal holds them (each row's changes merged in sequence order into one jsonb
-- document with the ledger's own column names, typed views on top), every drawer cash movement, the
-- expected cash per session, and the catalog rows as the terminals last edited them.
CREATE TABLE rm_counter_rows (
  terminal_id  uuid NOT NULL,
  entity       text NOT NULL CHECK (entity IN ('order', 'tender', 'cash_receipt', 'drawer_session')),
  local_id     integer NOT NULL,
  store_id     text NOT NULL,
  doc          jsonb NOT NULL,
  updated_at   timestamptz NOT NULL,
  status       text GENERATED ALWAYS AS (doc->>'status') STORED,
  PRIMARY KEY (terminal_id, entity, local_id)
);
CREATE INDEX rm_counter_rows_store ON rm_counter_rows (store_id, entity, status);

CREATE VIEW rm_orders AS
  SELECT terminal_id, store_id, local_id, doc->>'order_no' AS order_no, (doc->>'session_id')::int AS session_local_id, status,
         (doc->>'total')::bigint AS total, (doc->>'tax_free')::bigint AS tax_free, (doc->>'vat')::bigint AS vat, doc->>'item_name' AS item_name,
         (doc->>'created_at')::timestamptz AS created_at, (doc->>'completed_at')::timestamptz AS completed_at
  FROM rm_counter_rows WHERE entity = 'order';
CREATE VIEW rm_tenders AS
  SELECT terminal_id, store_id, local_id, (doc->>'order_id')::int AS order_local_id, doc->>'kind' AS kind, status,
         (doc->>'amount')::bigint AS amount, COALESCE((doc->>'cash_refunded')::bigint, 0) AS cash_refunded, doc->>'payment_order_id' AS payment_order_id
  FROM rm_counter_rows WHERE entity = 'tender';
CREATE VIEW rm_cash_receipts AS
  SELECT terminal_id, store_id, local_id, (doc->>'order_id')::int AS order_local_id, (doc->>'tender_id')::int AS tender_local_id, status, doc->>'purpose' AS purpose,
         doc->>'identity_masked' AS identity_masked, (doc->>'amount')::bigint AS amount, COALESCE((doc->>'cancelled_amount')::bigint, 0) AS cancelled_amount,
         doc->>'issue_number' AS issue_number, (doc->>'issued_at')::timestamptz AS issued_at
  FROM rm_counter_rows WHERE entity = 'cash_receipt';
CREATE VIEW rm_drawer_sessions AS
  SELECT terminal_id, store_id, local_id, status, (doc->>'business_day')::date AS business_day, (doc->>'opened_at')::timestamptz AS opened_at,
         (doc->>'closed_at')::timestamptz AS closed_at, (doc->>'counted')::bigint AS counted, (doc->>'over_short')::bigint AS over_short
  FROM rm_counter_rows WHERE entity = 'drawer_session';

-- every cash movement (insert-only, like the terminal's drawer_events)
CREATE TABLE rm_drawer_cash (
  terminal_id       uuid NOT NULL,
  local_id          integer NOT NULL,
  store_id          text NOT NULL,
  session_local_id  integer NOT NULL,
  kind              text NOT NULL CHECK (kind IN ('float', 'cash_sale', 'cash_refund', 'cash_void', 'paid_in', 'paid_out')),
  amount            bigint NOT NULL CHECK (amount >= 0),
  reason            text,
  order_local_id    integer,
  at                timestamptz NOT NULL,
  PRIMARY KEY (terminal_id, local_id)
);
CREATE INDEX rm_drawer_cash_session ON rm_drawer_cash (terminal_id, session_local_id);

-- the same formula as the terminal (shared/domain/cash/drawer-cash.ts drawerFigures)
CREATE VIEW rm_session_cash AS
  SELECT s.terminal_id, s.store_id, s.local_id AS session_local_id, s.status, s.business_day, s.counted, s.over_short,
         COALESCE(sum(c.amount) FILTER (WHERE c.kind = 'float'), 0) AS float,
         COALESCE(sum(c.amount) FILTER (WHERE c.kind = 'cash_sale'), 0) AS cash_sales,
         COALESCE(sum(c.amount) FILTER (WHERE c.kind IN ('cash_refund', 'cash_void')), 0) AS cash_refunds,
         COALESCE(sum(c.amount) FILTER (WHERE c.kind = 'paid_in'), 0) AS paid_in,
         COALESCE(sum(c.amount) FILTER (WHERE c.kind = 'paid_out'), 0) AS paid_out,
         COALESCE(sum(CASE WHEN c.kind IN ('float', 'cash_sale', 'paid_in') THEN c.amount WHEN c.kind IS NULL THEN 0 ELSE -c.amount END), 0) AS expected
  FROM rm_drawer_sessions s LEFT JOIN rm_drawer_cash c ON c.terminal_id = s.terminal_id AND c.session_local_id = s.local_id
  GROUP BY s.terminal_id, s.store_id, s.local_id, s.status, s.business_day, s.counted, s.over_short;

-- catalog rows as each terminal last edited them (terminal edits going up)
CREATE TABLE rm_terminal_catalog (
  terminal_id  uuid NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('category', 'product')),
  local_id     integer NOT NULL,
  store_id     text NOT NULL,
  doc          jsonb NOT NULL,
  PRIMARY KEY (terminal_id, kind, local_id)
);
