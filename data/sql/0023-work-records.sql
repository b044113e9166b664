-- 0023: what decoration and housekeeping offices keep on a customer beside the board,
-- and the groups people work in.
--   staff.team: the group (销售组 / 设计组) a person works in; targets, the board's "my
--   team" and the weekly resources are read per group. NULL: no group.
--   deals.draftsman_id: the draftsman (绘图员) who drew a design or construction contract;
--   the output summary (产值汇总表) credits them beside the designer.
--   quotes: every quote (项目报价预算) a customer is given, kept as numbered versions.
--   attachments: renderings (效果图) and drawings (施工图), stored in the database with a
--   small PNG thumbnail; the file's bytes are the last column, so a listing never reads them.
--   housekeepers, candidates, placements, trainings: a housekeeping agency's roster
--   (家政服务员), the candidates proposed to a customer with interview results, who is
--   placed with whom (a placement starts only once the service agreement is signed and its
--   fees are paid; its trial ends 35 days later), replacements (调换) and training
--   (定向培训, 回炉培训).
ALTER TABLE staff ADD COLUMN team TEXT;
ALTER TABLE deals ADD COLUMN draftsman_id INTEGER REFERENCES staff (id);

CREATE TABLE quotes (
  id           INTEGER PRIMARY KEY,
  customer_id  INTEGER NOT NULL REFERENCES customers (id),
  version      INTEGER NOT NULL CHECK (version > 0),
  amount_fen   INTEGER NOT NULL CHECK (amount_fen > 0),
  note         TEXT,
  by_id        INTEGER REFERENCES staff (id),
  at           INTEGER NOT NULL,
  UNIQUE (customer_id, version)
);

CREATE TABLE attachments (
  id            INTEGER PRIMARY KEY,
  customer_id   INTEGER NOT NULL REFERENCES customers (id),
  kind          TEXT    NOT NULL CHECK (kind IN ('rendering', 'drawing')),
  file_name     TEXT    NOT NULL CHECK (length(trim(file_name)) > 0),
  content_type  TEXT    NOT NULL,
  size          INTEGER NOT NULL CHECK (size > 0),
  by_id         INTEGER REFERENCES staff (id),
  at            INTEGER NOT NULL,
  is_voided     INTEGER NOT NULL DEFAULT 0 CHECK (is_voided IN (0, 1)),
  voided_by     INTEGER REFERENCES staff (id),
  thumbnail     BLOB,
  data          BLOB    NOT NULL,
  CHECK (length(data) = size)
);
CREATE INDEX attachments_customer ON attachments (customer_id, id);

CREATE TABLE housekeepers (
  id            INTEGER PRIMARY KEY,
  name          TEXT    NOT NULL CHECK (length(trim(name)) > 0),
  phone         TEXT,
  birth_year    INTEGER CHECK (birth_year IS NULL OR birth_year BETWEEN 1900 AND 2100),
  native_place  TEXT,
  skills        TEXT,
  note          TEXT,
  is_left       INTEGER NOT NULL DEFAULT 0 CHECK (is_left IN (0, 1)),
  left_reason   TEXT,
  created_by    INTEGER REFERENCES staff (id),
  created_at    INTEGER NOT NULL,
  CHECK (is_left = 0 OR length(trim(left_reason)) > 0)
);
CREATE INDEX housekeepers_name ON housekeepers (is_left, name);

CREATE TABLE candidates (
  id              INTEGER PRIMARY KEY,
  customer_id     INTEGER NOT NULL REFERENCES customers (id),
  housekeeper_id  INTEGER NOT NULL REFERENCES housekeepers (id),
  proposed_by     INTEGER REFERENCES staff (id),
  proposed_at     INTEGER NOT NULL,
  result          TEXT    NOT NULL DEFAULT 'proposed' CHECK (result IN ('proposed', 'passed', 'failed')),
  interview_day   TEXT,
  note            TEXT,
  result_by       INTEGER REFERENCES staff (id),
  result_at       INTEGER,
  UNIQUE (customer_id, housekeeper_id)
);
CREATE INDEX candidates_housekeeper ON candidates (housekeeper_id);

CREATE TABLE placements (
  id              INTEGER PRIMARY KEY,
  customer_id     INTEGER NOT NULL REFERENCES customers (id),
  housekeeper_id  INTEGER NOT NULL REFERENCES housekeepers (id),
  deal_id         INTEGER NOT NULL REFERENCES deals (id),
  starts_on       TEXT    NOT NULL,
  trial_ends_on   TEXT    NOT NULL CHECK (trial_ends_on > starts_on),
  replaces_id     INTEGER REFERENCES placements (id),
  by_id           INTEGER REFERENCES staff (id),
  at              INTEGER NOT NULL,
  ended_on        TEXT,
  end_kind        TEXT    CHECK (end_kind IS NULL OR end_kind IN ('replaced', 'finished', 'cancelled')),
  end_reason      TEXT,
  ended_by        INTEGER REFERENCES staff (id),
  CHECK ((ended_on IS NULL) = (end_kind IS NULL)),
  CHECK (end_kind IS NULL OR length(trim(end_reason)) > 0)
);
-- A customer has one housekeeper at a time, and a housekeeper one customer.
CREATE UNIQUE INDEX placements_customer_open ON placements (customer_id) WHERE ended_on IS NULL;
CREATE UNIQUE INDEX placements_housekeeper_open ON placements (housekeeper_id) WHERE ended_on IS NULL;
CREATE INDEX placements_customer ON placements (customer_id, id);

CREATE TABLE trainings (
  id              INTEGER PRIMARY KEY,
  housekeeper_id  INTEGER NOT NULL REFERENCES housekeepers (id),
  kind            TEXT    NOT NULL CHECK (kind IN ('targeted', 'retraining')),
  customer_id     INTEGER REFERENCES customers (id),
  reason          TEXT    NOT NULL CHECK (length(trim(reason)) > 0),
  from_day        TEXT    NOT NULL,
  to_day          TEXT    CHECK (to_day IS NULL OR to_day >= from_day),
  by_id           INTEGER REFERENCES staff (id),
  at              INTEGER NOT NULL
);
CREATE UNIQUE INDEX trainings_open ON trainings (housekeeper_id) WHERE to_day IS NULL;
CREATE INDEX trainings_housekeeper ON trainings (housekeeper_id, id);
