-- Head office schema v1 (issue 14). Events are the truth; rm_* tables are read models built from
-- them in the same transaction as the ingest (headoffice/server/read-models.ts).
CREATE TABLE stores (
  id              text PRIMARY KEY,
  name            text NOT NULL,
  business_no     text,
  representative  text NOT NULL DEFAULT '',
  phone           text NOT NULL DEFAULT '',
  address1        text NOT NULL DEFAULT '',
  address2        text NOT NULL DEFAULT '',
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE terminals (
  id            uuid PRIMARY KEY,
  store_id      text NOT NULL REFERENCES stores (id),
  name          text NOT NULL,
  key_hash      text NOT NULL UNIQUE,
  enrolled_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at  timestamptz,
  acked_seq     bigint NOT NULL DEFAULT 0,
  -- what the terminal reported holding at its last push (its backlog = reported_seq - acked_seq)
  reported_seq  bigint NOT NULL DEFAULT 0
);
CREATE TABLE enrollment_codes (
  code_hash   text PRIMARY KEY,
  store_id    text NOT NULL REFERENCES stores (id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz,
  used_by     uuid
);
CREATE TABLE events (
  id           uuid PRIMARY KEY,
  terminal_id  uuid NOT NULL REFERENCES terminals (id),
  seq          bigint NOT NULL CHECK (seq > 0),
  type         text NOT NULL,
  payload      jsonb NOT NULL,
  created_at   timestamptz NOT NULL,
  received_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (terminal_id, seq)
);
CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'events is append-only'; END $$;
CREATE TRIGGER events_no_update BEFORE UPDATE OR DELETE ON events FOR EACH ROW EXECUTE FUNCTION events_append_only();

CREATE TABLE rm_payments (
  terminal_id   uuid NOT NULL,
  local_id      integer NOT NULL,
  store_id      text NOT NULL,
  order_id      text NOT NULL,
  status        text NOT NULL,
  amount        bigint NOT NULL,
  tax_free      bigint NOT NULL,
  vat           bigint NOT NULL,
  item_name     text NOT NULL,
  method_type   text,
  approved_at   timestamptz,
  sale_day      date,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  PRIMARY KEY (terminal_id, local_id)
);
CREATE INDEX rm_payments_store_day ON rm_payments (store_id, sale_day);
-- covering: the period's product report is an index-only scan
CREATE INDEX rm_payments_day ON rm_payments (sale_day) INCLUDE (item_name, amount) WHERE status = 'approved';
CREATE INDEX rm_payments_approved ON rm_payments (approved_at) WHERE status = 'approved';
CREATE TABLE rm_refunds (
  terminal_id       uuid NOT NULL,
  local_id          integer NOT NULL,
  payment_local_id  integer NOT NULL,
  store_id          text NOT NULL,
  status            text NOT NULL,
  amount            bigint NOT NULL,
  cancelled_at      timestamptz,
  cancel_day        date,
  updated_at        timestamptz NOT NULL,
  PRIMARY KEY (terminal_id, local_id)
);
-- sales and cancels per store, terminal, Seoul day and method: the dashboard's reports read only this
CREATE TABLE rm_daily (
  store_id       text NOT NULL,
  terminal_id    uuid NOT NULL,
  day            date NOT NULL,
  method         text NOT NULL,
  sales_count    bigint NOT NULL DEFAULT 0,
  sales_amount   bigint NOT NULL DEFAULT 0,
  refund_count   bigint NOT NULL DEFAULT 0,
  refund_amount  bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (day, store_id, terminal_id, method)
);
CREATE TABLE rm_day_closes (
  terminal_id  uuid NOT NULL,
  day          date NOT NULL,
  closed_at    timestamptz NOT NULL,
  report       jsonb NOT NULL,
  PRIMARY KEY (terminal_id, day)
);
CREATE TABLE rm_terminal_store (
  terminal_id  uuid PRIMARY KEY,
  profile      jsonb NOT NULL,
  updated_at   timestamptz NOT NULL
);

-- data flowing down (head office wins): versioned changes per store
CREATE TABLE down_changes (
  version     bigserial PRIMARY KEY,
  store_id    text NOT NULL REFERENCES stores (id),
  kind        text NOT NULL,
  data        jsonb NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX down_changes_store ON down_changes (store_id, version);

CREATE TABLE admin (
  id             integer PRIMARY KEY CHECK (id = 1),
  password_hash  text NOT NULL,
  set_at         timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE admin_sessions (
  token_hash  text PRIMARY KEY,
  expires_at  timestamptz NOT NULL
);
-- refused batches, with their reason (nothing else changes when a batch is refused)
CREATE TABLE ingest_refusals (
  id           bigserial PRIMARY KEY,
  terminal_id  uuid,
  reason       text NOT NULL,
  message      text NOT NULL,
  at           timestamptz NOT NULL DEFAULT now()
);
