-- 0004: ownership transfers. Every change of a customer's owner is recorded with the
-- rule that caused it (rule 9's lapse, a manager's hand transfer) and who did it.
CREATE TABLE ownership_transfers (
  id            INTEGER PRIMARY KEY,
  customer_id   INTEGER NOT NULL REFERENCES customers (id),
  from_id       INTEGER REFERENCES staff (id),
  to_id         INTEGER NOT NULL REFERENCES staff (id),
  at            INTEGER NOT NULL,
  rule          TEXT    NOT NULL CHECK (rule IN ('first-reception', 'lapsed', 'manual')),
  reason        TEXT,
  by_id         INTEGER REFERENCES staff (id)
);
CREATE INDEX ownership_transfers_customer ON ownership_transfers (customer_id, at);

-- Why a contact went to its receiver, as a code (the text in `rule` is for people):
-- in-turn, returning, cover, non-business, lapsed.
ALTER TABLE contacts ADD COLUMN rule_code TEXT;
