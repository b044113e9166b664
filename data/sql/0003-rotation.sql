-- 0003: the reception rotation and the contact log.
-- The rotation's state is never stored: the day's order and events are, and the state
-- is their fold (sr-rotation.c). Events are never edited; an undo is an event too.

CREATE TABLE rotation_orders (
  day        TEXT    NOT NULL,                 -- YYYY-MM-DD
  grp        TEXT    NOT NULL CHECK (grp IN ('phone', 'reception')),
  position   INTEGER NOT NULL,
  staff_id   INTEGER NOT NULL REFERENCES staff (id),
  set_by     INTEGER REFERENCES staff (id),
  set_at     INTEGER NOT NULL,
  PRIMARY KEY (day, grp, staff_id)
);

CREATE TABLE rotation_events (
  id              INTEGER PRIMARY KEY,
  day             TEXT    NOT NULL,
  grp             TEXT    NOT NULL CHECK (grp IN ('phone', 'reception')),
  at              INTEGER NOT NULL,
  kind            TEXT    NOT NULL CHECK (kind IN ('arrive', 'leave', 'skip-personal',
                    'skip-objective', 'back', 'absent', 'receive-new', 'receive-returning',
                    'non-business', 'cover', 'out-of-turn', 'overflow', 'undo')),
  staff_id        INTEGER REFERENCES staff (id),
  other_id        INTEGER,                     -- cover: for whom; undo: the event undone
  by_appointment  INTEGER NOT NULL DEFAULT 0 CHECK (by_appointment IN (0, 1)),
  customer_id     INTEGER REFERENCES customers (id),
  round           INTEGER,                     -- the round when it was recorded
  recorded_by     INTEGER REFERENCES staff (id),
  note            TEXT
);
CREATE INDEX rotation_events_day ON rotation_events (day, grp, id);

-- Every call and every visit (来电表, 来访登记表 are views of this).
CREATE TABLE contacts (
  id                 INTEGER PRIMARY KEY,
  customer_id        INTEGER REFERENCES customers (id),
  kind               TEXT    NOT NULL CHECK (kind IN ('call', 'visit')),
  at                 INTEGER NOT NULL,
  receiver_id        INTEGER REFERENCES staff (id),
  is_business        INTEGER NOT NULL DEFAULT 1 CHECK (is_business IN (0, 1)),
  media_source_id    INTEGER REFERENCES media_sources (id),
  duration_seconds   INTEGER CHECK (duration_seconds IS NULL OR duration_seconds >= 0),
  note               TEXT,
  rotation_event_id  INTEGER REFERENCES rotation_events (id),
  rule               TEXT    NOT NULL,         -- why this receiver: in-turn, returning, cover, …
  recorded_by        INTEGER REFERENCES staff (id)
);
CREATE INDEX contacts_customer ON contacts (customer_id, at);
CREATE INDEX contacts_at ON contacts (at);
