-- 0019: designer dispatch (派单制). Levels are the office's list (name, seniority, weight);
-- a designer's level is kept as history (quarterly review, promotion); leave takes a
-- designer out of dispatch for some days; every dispatch is a row with who was available
-- and their weights then, so the next designer can be worked out from the rows alone.
CREATE TABLE designer_levels (
  id        INTEGER PRIMARY KEY,
  name      TEXT    NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  rank      INTEGER NOT NULL CHECK (rank > 0),
  weight    INTEGER NOT NULL CHECK (weight > 0)
);
INSERT INTO designer_levels (name, rank, weight) VALUES ('首席设计师', 3, 3), ('资深设计师', 2, 2), ('设计师', 1, 1);

CREATE TABLE designer_level_history (
  id         INTEGER PRIMARY KEY,
  staff_id   INTEGER NOT NULL REFERENCES staff (id),
  level_id   INTEGER NOT NULL REFERENCES designer_levels (id),
  since      TEXT    NOT NULL,
  reason     TEXT    NOT NULL CHECK (length(trim(reason)) > 0),
  set_by     INTEGER REFERENCES staff (id),
  at         INTEGER NOT NULL
);
CREATE INDEX designer_level_history_staff ON designer_level_history (staff_id, since, id);

CREATE TABLE designer_leave (
  id         INTEGER PRIMARY KEY,
  staff_id   INTEGER NOT NULL REFERENCES staff (id),
  from_day   TEXT    NOT NULL,
  to_day     TEXT    NOT NULL CHECK (to_day >= from_day),
  reason     TEXT,
  set_by     INTEGER REFERENCES staff (id),
  at         INTEGER NOT NULL
);
CREATE INDEX designer_leave_staff ON designer_leave (staff_id, from_day);

CREATE TABLE dispatches (
  id           INTEGER PRIMARY KEY,
  customer_id  INTEGER NOT NULL REFERENCES customers (id),
  designer_id  INTEGER NOT NULL REFERENCES staff (id),
  at           INTEGER NOT NULL,
  day          TEXT    NOT NULL,
  by_id        INTEGER REFERENCES staff (id),
  min_rank     INTEGER NOT NULL DEFAULT 0,
  is_override  INTEGER NOT NULL DEFAULT 0 CHECK (is_override IN (0, 1)),
  reason       TEXT,
  seats        TEXT    NOT NULL,   -- JSON [[designer, weight, rank], …]: who was available then
  explanation  TEXT    NOT NULL,
  CHECK (is_override = 0 OR length(trim(reason)) > 0)
);
CREATE INDEX dispatches_day ON dispatches (day, id);
CREATE INDEX dispatches_designer ON dispatches (designer_id, at);

-- A dispatch is a rule of ownership of its own.
CREATE TABLE ownership_transfers_new (
  id            INTEGER PRIMARY KEY,
  customer_id   INTEGER NOT NULL REFERENCES customers (id),
  from_id       INTEGER REFERENCES staff (id),
  to_id         INTEGER NOT NULL REFERENCES staff (id),
  at            INTEGER NOT NULL,
  rule          TEXT    NOT NULL CHECK (rule IN ('first-reception', 'lapsed', 'manual', 'dispatch')),
  reason        TEXT,
  by_id         INTEGER REFERENCES staff (id)
);
INSERT INTO ownership_transfers_new SELECT id, customer_id, from_id, to_id, at, rule, reason, by_id FROM ownership_transfers;
DROP TABLE ownership_transfers;
ALTER TABLE ownership_transfers_new RENAME TO ownership_transfers;
CREATE INDEX ownership_transfers_customer ON ownership_transfers (customer_id, at);
