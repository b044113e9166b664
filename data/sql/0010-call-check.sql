-- 0010: call reconciliation (来电核对). The phone-group supervisor enters the phone's own
-- count of calls per time slot; the logged calls are compared with it. A contact keeps
-- when it was entered, so forms filled in long after the call (补填) show.
CREATE TABLE call_counts (
  day          TEXT    NOT NULL,
  slot         TEXT    NOT NULL,                   -- "09:00-10:00"
  phone_count  INTEGER NOT NULL CHECK (phone_count >= 0),
  entered_by   INTEGER REFERENCES staff (id),
  entered_at   INTEGER NOT NULL,
  PRIMARY KEY (day, slot)
);
ALTER TABLE contacts ADD COLUMN recorded_at INTEGER;
UPDATE contacts SET recorded_at = at WHERE recorded_at IS NULL;
