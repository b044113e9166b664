-- 0001: the foundation — the office, staff and roles, the audit log, settings,
-- media sources, pipeline stages, projects → buildings → units, and customers.
-- Money is INTEGER fen, areas INTEGER hundredths of m², moments INTEGER UTC seconds,
-- calendar days TEXT 'YYYY-MM-DD'. Business rows are never deleted: they are disabled
-- or voided, with who and why.

CREATE TABLE office (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  name        TEXT    NOT NULL CHECK (length(trim(name)) > 0),
  kind        TEXT    NOT NULL CHECK (kind IN ('property', 'decoration', 'housekeeping')),
  created_at  INTEGER NOT NULL
);

CREATE TABLE settings (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
);

-- roles is a bit set (see sr-roles.h): a person may hold several roles.
CREATE TABLE staff (
  id               INTEGER PRIMARY KEY,
  login            TEXT    NOT NULL UNIQUE CHECK (length(trim(login)) > 0),
  display_name     TEXT    NOT NULL CHECK (length(trim(display_name)) > 0),
  password_hash    TEXT    NOT NULL,
  roles            INTEGER NOT NULL DEFAULT 0 CHECK (roles >= 0 AND roles < 128),
  phone            TEXT,
  is_disabled      INTEGER NOT NULL DEFAULT 0 CHECK (is_disabled IN (0, 1)),
  disabled_reason  TEXT,
  failed_attempts  INTEGER NOT NULL DEFAULT 0,
  last_failed_at   INTEGER,
  created_at       INTEGER NOT NULL
);

-- The audit log: who, when, what, before and after. Append-only.
CREATE TABLE audit_log (
  id           INTEGER PRIMARY KEY,
  at           INTEGER NOT NULL,
  actor_id     INTEGER REFERENCES staff (id),
  actor_label  TEXT    NOT NULL,
  action       TEXT    NOT NULL,
  table_name   TEXT    NOT NULL,
  row_id       INTEGER,
  before_json  TEXT,
  after_json   TEXT
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_row ON audit_log (table_name, row_id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE (ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE (ABORT, 'the audit log is append-only');
END;

-- 认知途径: how a customer heard of the office.
CREATE TABLE media_sources (
  id           INTEGER PRIMARY KEY,
  name         TEXT    NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  position     INTEGER NOT NULL,
  is_disabled  INTEGER NOT NULL DEFAULT 0 CHECK (is_disabled IN (0, 1))
);

-- Pipeline stages: names are the office's, the kind is what code relies on.
CREATE TABLE stages (
  id              INTEGER PRIMARY KEY,
  position        INTEGER NOT NULL,
  name            TEXT    NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  kind            TEXT    NOT NULL CHECK (kind IN ('contact', 'qualify', 'measure', 'plan',
                                                   'subscribe', 'sign', 'construct', 'paid',
                                                   'moved-in', 'trial', 'custom', 'lost')),
  deadline_hours  INTEGER CHECK (deadline_hours IS NULL OR deadline_hours > 0),
  is_disabled     INTEGER NOT NULL DEFAULT 0 CHECK (is_disabled IN (0, 1))
);

-- Projects (楼盘) → buildings (楼栋) → units (房源).
CREATE TABLE projects (
  id         INTEGER PRIMARY KEY,
  name       TEXT    NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  address    TEXT,
  is_closed  INTEGER NOT NULL DEFAULT 0 CHECK (is_closed IN (0, 1))
);

CREATE TABLE buildings (
  id          INTEGER PRIMARY KEY,
  project_id  INTEGER NOT NULL REFERENCES projects (id),
  name        TEXT    NOT NULL CHECK (length(trim(name)) > 0),
  floors      INTEGER NOT NULL CHECK (floors BETWEEN 1 AND 200),
  position    INTEGER NOT NULL DEFAULT 0,
  UNIQUE (project_id, name)
);

CREATE TABLE units (
  id                   INTEGER PRIMARY KEY,
  building_id          INTEGER NOT NULL REFERENCES buildings (id),
  entrance             TEXT    NOT NULL DEFAULT '',
  floor                INTEGER NOT NULL CHECK (floor BETWEEN -5 AND 200 AND floor <> 0),
  number               TEXT    NOT NULL CHECK (length(trim(number)) > 0),
  unit_type            TEXT    NOT NULL DEFAULT '',
  area_centi           INTEGER NOT NULL CHECK (area_centi > 0),
  measured_area_centi  INTEGER CHECK (measured_area_centi IS NULL OR measured_area_centi > 0),
  price_fen            INTEGER NOT NULL CHECK (price_fen >= 0),
  status               TEXT    NOT NULL DEFAULT 'available'
                       CHECK (status IN ('available', 'held', 'reserved', 'pending',
                                         'subscribed', 'signed', 'delivered')),
  UNIQUE (building_id, entrance, number)
);
CREATE INDEX units_building_floor ON units (building_id, floor);

-- Price revisions are kept as history (the unit row holds the current price).
CREATE TABLE unit_prices (
  id          INTEGER PRIMARY KEY,
  unit_id     INTEGER NOT NULL REFERENCES units (id),
  at          INTEGER NOT NULL,
  price_fen   INTEGER NOT NULL CHECK (price_fen >= 0),
  staff_id    INTEGER REFERENCES staff (id),
  reason      TEXT
);
CREATE INDEX unit_prices_unit ON unit_prices (unit_id, at);

-- Customers. The front desk extends this table; the foundation holds what the demo
-- and the first screens need.
CREATE TABLE customers (
  id               INTEGER PRIMARY KEY,
  name             TEXT    NOT NULL CHECK (length(trim(name)) > 0),
  gender           TEXT    CHECK (gender IS NULL OR gender IN ('male', 'female')),
  channel          TEXT    NOT NULL CHECK (channel IN ('call', 'walk-in', 'booth', 'referral',
                                                       'outreach', 'telemarketing', 'online')),
  media_source_id  INTEGER REFERENCES media_sources (id),
  grade            TEXT    CHECK (grade IS NULL OR grade IN ('A', 'B', 'C', 'D')),
  owner_id         INTEGER REFERENCES staff (id),
  stage_id         INTEGER REFERENCES stages (id),
  created_at       INTEGER NOT NULL,
  created_by       INTEGER REFERENCES staff (id),
  is_voided        INTEGER NOT NULL DEFAULT 0 CHECK (is_voided IN (0, 1))
);
CREATE INDEX customers_owner ON customers (owner_id);
CREATE INDEX customers_created ON customers (created_at);

-- Phones, normalised (digits only, +86 stripped); position 0 is the main one.
CREATE TABLE customer_phones (
  id           INTEGER PRIMARY KEY,
  customer_id  INTEGER NOT NULL REFERENCES customers (id),
  phone        TEXT    NOT NULL CHECK (length(phone) BETWEEN 5 AND 20),
  position     INTEGER NOT NULL DEFAULT 0,
  UNIQUE (customer_id, phone)
);
CREATE INDEX customer_phones_phone ON customer_phones (phone);
