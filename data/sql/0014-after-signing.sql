-- 0014: after the contract (PRODUCT.md "Sales control"): supplementary agreements that
-- need approval, mortgage and property-certificate progress (each step dated), the
-- promised certificate date, area settlement, the unit's internal acceptance, delivery
-- and the owner's move-in day.

CREATE TABLE supplementary_agreements (
  id            INTEGER PRIMARY KEY,
  deal_id       INTEGER NOT NULL REFERENCES deals (id),
  content       TEXT    NOT NULL CHECK (length(trim(content)) > 0),
  state         TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'rejected')),
  created_by    INTEGER REFERENCES staff (id),
  created_at    INTEGER NOT NULL,
  decided_by    INTEGER REFERENCES staff (id),
  decided_at    INTEGER,
  decision_note TEXT
);
CREATE INDEX supplementary_agreements_deal ON supplementary_agreements (deal_id);

-- mortgage: papers → sent → approved → disbursed; certificate: fees → filed → issued →
-- handed-over. One row a step; steps are taken in order.
CREATE TABLE deal_progress (
  id        INTEGER PRIMARY KEY,
  deal_id   INTEGER NOT NULL REFERENCES deals (id),
  track     TEXT    NOT NULL CHECK (track IN ('mortgage', 'certificate')),
  step      TEXT    NOT NULL,
  day       TEXT    NOT NULL,
  note      TEXT,
  staff_id  INTEGER REFERENCES staff (id),
  at        INTEGER NOT NULL,
  UNIQUE (deal_id, track, step)
);

ALTER TABLE deals ADD COLUMN certificate_promised_on TEXT;
ALTER TABLE deals ADD COLUMN area_settled_at INTEGER;
ALTER TABLE deals ADD COLUMN delivered_on TEXT;
ALTER TABLE deals ADD COLUMN move_in_on TEXT;
ALTER TABLE units ADD COLUMN acceptance_passed_on TEXT;   -- 内部验收
