-- 0013: money hangs on deals (PRODUCT.md "Money"). A deal belongs to a customer and, in a
-- property office, a unit; it has a payment plan (plan_items) and receipts. Receipts are
-- numbered per year without gaps; a voided receipt keeps its number. What a receipt pays
-- is written in receipt_allocations, so one receipt can pay several items (the ledger
-- allocates oldest first). Stage changes are kept as rows: the pipeline board reads them.

CREATE TABLE deals (
  id                    INTEGER PRIMARY KEY,
  customer_id           INTEGER NOT NULL REFERENCES customers (id),
  kind                  TEXT    NOT NULL DEFAULT 'unit'
                        CHECK (kind IN ('unit', 'design', 'construction', 'materials', 'service')),
  unit_id               INTEGER REFERENCES units (id),
  -- intention: intention money only, no unit yet; pending: a request waiting for finance;
  -- voided: a request ended before finance confirmed it; refunded: intention money paid back.
  state                 TEXT    NOT NULL
                        CHECK (state IN ('intention', 'pending', 'subscribed', 'signed', 'delivered',
                                         'voided', 'cancelled', 'refunded')),
  list_price_fen        INTEGER CHECK (list_price_fen IS NULL OR list_price_fen >= 0),
  discount_fen          INTEGER NOT NULL DEFAULT 0 CHECK (discount_fen >= 0),
  discount_reason       TEXT,
  discount_approved_by  INTEGER REFERENCES staff (id),
  price_fen             INTEGER CHECK (price_fen IS NULL OR price_fen >= 0),  -- contract price
  payment_method        TEXT    CHECK (payment_method IS NULL OR payment_method IN
                                       ('one-off', 'instalments', 'commercial-mortgage',
                                        'provident-fund', 'combined')),
  contract_no           TEXT    UNIQUE,
  subscribed_on         TEXT,     -- the day finance confirmed the deposit (认购)
  signed_on             TEXT,
  co_buyers             TEXT,
  clauses               TEXT,
  owner_id              INTEGER REFERENCES staff (id),
  created_by            INTEGER REFERENCES staff (id),
  created_at            INTEGER NOT NULL,
  ended_at              INTEGER,
  ended_by              INTEGER REFERENCES staff (id),
  end_reason            TEXT,
  refund_due_fen        INTEGER NOT NULL DEFAULT 0 CHECK (refund_due_fen >= 0),
  forfeit_fen           INTEGER NOT NULL DEFAULT 0 CHECK (forfeit_fen >= 0)
);
CREATE INDEX deals_customer ON deals (customer_id);
CREATE INDEX deals_unit ON deals (unit_id);
CREATE INDEX deals_state ON deals (state);
CREATE INDEX deals_subscribed ON deals (subscribed_on);

-- A booking belongs to the deal it was made for; a change of unit ends one booking
-- ('changed') and starts another for the same deal.
ALTER TABLE bookings ADD COLUMN deal_id INTEGER REFERENCES deals (id);
CREATE INDEX bookings_deal ON bookings (deal_id);

CREATE TABLE plan_items (
  id          INTEGER PRIMARY KEY,
  deal_id     INTEGER NOT NULL REFERENCES deals (id),
  kind        TEXT    NOT NULL CHECK (kind IN ('intention', 'deposit', 'down-payment', 'instalment',
                                               'mortgage', 'balance', 'area-settlement',
                                               'certificate-fee')),
  due_day     TEXT    NOT NULL,
  amount_fen  INTEGER NOT NULL CHECK (amount_fen > 0),
  position    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX plan_items_deal ON plan_items (deal_id, position);

CREATE TABLE receipts (
  id            INTEGER PRIMARY KEY,
  year          INTEGER NOT NULL,
  number        INTEGER NOT NULL CHECK (number > 0),
  deal_id       INTEGER NOT NULL REFERENCES deals (id),
  kind          TEXT    NOT NULL DEFAULT 'payment' CHECK (kind IN ('payment', 'refund')),
  day           TEXT    NOT NULL,
  amount_fen    INTEGER NOT NULL CHECK (amount_fen > 0),
  method        TEXT    NOT NULL CHECK (method IN ('cash', 'card', 'transfer', 'wechat', 'alipay',
                                                   'bank-loan')),
  recorded_by   INTEGER REFERENCES staff (id),
  recorded_at   INTEGER NOT NULL,
  confirmed_by  INTEGER REFERENCES staff (id),
  confirmed_at  INTEGER,
  voided_at     INTEGER,
  voided_by     INTEGER REFERENCES staff (id),
  void_reason   TEXT,
  UNIQUE (year, number)
);
CREATE INDEX receipts_deal ON receipts (deal_id);

CREATE TABLE receipt_allocations (
  receipt_id    INTEGER NOT NULL REFERENCES receipts (id),
  plan_item_id  INTEGER NOT NULL REFERENCES plan_items (id),
  amount_fen    INTEGER NOT NULL CHECK (amount_fen > 0),
  PRIMARY KEY (receipt_id, plan_item_id)
);
CREATE INDEX receipt_allocations_item ON receipt_allocations (plan_item_id);

CREATE TABLE stage_changes (
  id           INTEGER PRIMARY KEY,
  customer_id  INTEGER NOT NULL REFERENCES customers (id),
  from_stage   INTEGER REFERENCES stages (id),
  to_stage     INTEGER NOT NULL REFERENCES stages (id),
  at           INTEGER NOT NULL,
  staff_id     INTEGER REFERENCES staff (id),
  event        TEXT,      -- subscribe, sign, …: the step that moved the customer
  deal_id      INTEGER REFERENCES deals (id)
);
CREATE INDEX stage_changes_customer ON stage_changes (customer_id, at);
CREATE INDEX stage_changes_at ON stage_changes (at);
