-- 0015: delays of payment (延期付款): an approved new due date for a plan item, with the
-- reason and the approver; the history of an item's due dates.
CREATE TABLE plan_item_delays (
  id            INTEGER PRIMARY KEY,
  plan_item_id  INTEGER NOT NULL REFERENCES plan_items (id),
  from_day      TEXT    NOT NULL,
  to_day        TEXT    NOT NULL,
  reason        TEXT    NOT NULL CHECK (length(trim(reason)) > 0),
  approved_by   INTEGER REFERENCES staff (id),
  at            INTEGER NOT NULL
);
CREATE INDEX plan_item_delays_item ON plan_item_delays (plan_item_id);
CREATE INDEX plan_items_due ON plan_items (due_day);
