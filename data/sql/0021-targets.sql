-- 0021: targets (产值计划 / 销售任务): what each consultant or designer should sign in a week
-- or a month, set by the customer manager; the performance register sets it beside what
-- they did (receptions, appointments kept, subscriptions, signings, deal value, receipts).
CREATE TABLE targets (
  id            INTEGER PRIMARY KEY,
  staff_id      INTEGER NOT NULL REFERENCES staff (id),
  period        TEXT    NOT NULL CHECK (period IN ('week', 'month')),
  starts_on     TEXT    NOT NULL,    -- the Monday of the week, the 1st of the month
  value_fen     INTEGER NOT NULL CHECK (value_fen >= 0),
  signings      INTEGER NOT NULL DEFAULT 0 CHECK (signings >= 0),
  set_by        INTEGER REFERENCES staff (id),
  at            INTEGER NOT NULL,
  UNIQUE (staff_id, period, starts_on)
);
-- The register reads a person's deals and a period's receipts.
CREATE INDEX deals_owner ON deals (owner_id, signed_on);
CREATE INDEX receipts_day ON receipts (day);
