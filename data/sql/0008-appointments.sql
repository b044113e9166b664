-- 0008: appointments (预约): a timed meeting of a customer with one staff member.
-- An appointment is kept when the customer arrives at the desk for it; one still
-- scheduled after its day is missed.
CREATE TABLE appointments (
  id           INTEGER PRIMARY KEY,
  customer_id  INTEGER NOT NULL REFERENCES customers (id),
  staff_id     INTEGER NOT NULL REFERENCES staff (id),
  at           INTEGER NOT NULL,
  day          TEXT    NOT NULL,                 -- the local day of `at`
  kind         TEXT    NOT NULL CHECK (kind IN ('viewing', 'measure', 'plan', 'deal', 'home-visit')),
  note         TEXT,
  status       TEXT    NOT NULL DEFAULT 'scheduled'
               CHECK (status IN ('scheduled', 'kept', 'cancelled')),
  contact_id   INTEGER REFERENCES contacts (id),
  reason       TEXT,                             -- why cancelled
  created_by   INTEGER REFERENCES staff (id),
  created_at   INTEGER NOT NULL
);
CREATE INDEX appointments_staff_day ON appointments (staff_id, day);
CREATE INDEX appointments_customer ON appointments (customer_id, day);
