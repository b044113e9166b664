-- 0016: problem customers and after-sales (PRODUCT.md, seed 004). A problem moves through
-- open → proposed (the responsible department's solution) → [costed by finance →
-- cost-approved by the deputy manager, when it costs money] → approved (the sales manager)
-- → told (the owner is told the solution and the promised completion date) → done →
-- closed (with the owner's feedback). Every step is a row with its time and person.
CREATE TABLE problems (
  id                  INTEGER PRIMARY KEY,
  customer_id         INTEGER NOT NULL REFERENCES customers (id),
  unit_id             INTEGER REFERENCES units (id),
  category            TEXT    NOT NULL CHECK (category IN ('engineering', 'property', 'contract', 'payment',
                                                           'complaint', 'other')),
  concerned_staff_id  INTEGER REFERENCES staff (id),   -- a complaint names the staff member concerned
  description         TEXT    NOT NULL CHECK (length(trim(description)) > 0),
  department          TEXT    NOT NULL CHECK (length(trim(department)) > 0),
  state               TEXT    NOT NULL DEFAULT 'open'
                      CHECK (state IN ('open', 'proposed', 'costed', 'cost-approved', 'approved', 'told', 'done',
                                       'closed')),
  solution            TEXT,
  needs_cost          INTEGER NOT NULL DEFAULT 0 CHECK (needs_cost IN (0, 1)),
  cost_fen            INTEGER CHECK (cost_fen IS NULL OR cost_fen >= 0),
  promised_day        TEXT,
  feedback            TEXT,
  opened_at           INTEGER NOT NULL,
  opened_by           INTEGER REFERENCES staff (id),
  CHECK (category <> 'complaint' OR concerned_staff_id IS NOT NULL)
);
CREATE INDEX problems_customer ON problems (customer_id);
CREATE INDEX problems_state ON problems (state);

CREATE TABLE problem_steps (
  id          INTEGER PRIMARY KEY,
  problem_id  INTEGER NOT NULL REFERENCES problems (id),
  step        TEXT    NOT NULL,
  at          INTEGER NOT NULL,
  staff_id    INTEGER REFERENCES staff (id),
  note        TEXT
);
CREATE INDEX problem_steps_problem ON problem_steps (problem_id, at);
