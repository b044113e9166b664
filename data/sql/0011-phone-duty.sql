-- 0011: phone duty by time slot (时段值班) and visit tags; feedback forms (体验反馈表).
CREATE TABLE phone_duty (
  day        TEXT    NOT NULL,
  slot       TEXT    NOT NULL,
  staff_id   INTEGER NOT NULL REFERENCES staff (id),
  set_by     INTEGER REFERENCES staff (id),
  set_at     INTEGER NOT NULL,
  PRIMARY KEY (day, slot)
);

-- Tags of a visit, comma-separated (e.g. 主材: main materials only).
ALTER TABLE contacts ADD COLUMN tags TEXT;

-- A visitor who declines a consultation may leave a feedback form.
CREATE TABLE feedback (
  id            INTEGER PRIMARY KEY,
  contact_id    INTEGER REFERENCES contacts (id),
  at            INTEGER NOT NULL,
  satisfaction  INTEGER NOT NULL CHECK (satisfaction BETWEEN 1 AND 5),
  liked         TEXT,
  disliked      TEXT,
  suggestions   TEXT,
  recorded_by   INTEGER REFERENCES staff (id)
);
