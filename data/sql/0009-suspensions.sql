-- 0009: suspension from a rotation (停止接电/接访): until a day, or until cleared.
CREATE TABLE rotation_suspensions (
  id          INTEGER PRIMARY KEY,
  staff_id    INTEGER NOT NULL REFERENCES staff (id),
  grp         TEXT    NOT NULL CHECK (grp IN ('phone', 'reception')),
  from_day    TEXT    NOT NULL,
  until_day   TEXT,                                  -- inclusive; NULL: until cleared
  reason      TEXT    NOT NULL CHECK (length(trim(reason)) > 0),
  set_by      INTEGER REFERENCES staff (id),
  set_at      INTEGER NOT NULL,
  cleared_at  INTEGER,
  cleared_by  INTEGER REFERENCES staff (id)
);
CREATE INDEX rotation_suspensions_staff ON rotation_suspensions (staff_id, grp);
