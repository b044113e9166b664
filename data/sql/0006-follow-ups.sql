-- 0006: follow-ups (追踪记录): time, method, content, the next follow-up date.
CREATE TABLE follow_ups (
  id           INTEGER PRIMARY KEY,
  customer_id  INTEGER NOT NULL REFERENCES customers (id),
  staff_id     INTEGER NOT NULL REFERENCES staff (id),
  at           INTEGER NOT NULL,
  method       TEXT    NOT NULL CHECK (method IN ('phone', 'visit', 'wechat', 'sms', 'other')),
  content      TEXT    NOT NULL CHECK (length(trim(content)) > 0),
  next_day     TEXT,                                     -- YYYY-MM-DD or NULL
  created_at   INTEGER NOT NULL
);
CREATE INDEX follow_ups_customer ON follow_ups (customer_id, at);

-- The customer's next follow-up date (from their latest follow-up), for "my day".
ALTER TABLE customers ADD COLUMN next_follow_up_day TEXT;
CREATE INDEX customers_next_follow_up ON customers (owner_id, next_follow_up_day);
