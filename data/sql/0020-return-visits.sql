-- 0020: return visits (回访, seed 001): the customer manager calls or visits customers,
-- above all those whose site is under construction, every week; each visit records what
-- was said, the customer's satisfaction, and the problem it found (opened as a problem
-- case in the same step). The 客户回访登记表 reads these rows.
CREATE TABLE return_visits (
  id            INTEGER PRIMARY KEY,
  customer_id   INTEGER NOT NULL REFERENCES customers (id),
  staff_id      INTEGER REFERENCES staff (id),
  at            INTEGER NOT NULL,
  day           TEXT    NOT NULL,
  method        TEXT    NOT NULL CHECK (method IN ('phone', 'visit')),
  content       TEXT    NOT NULL CHECK (length(trim(content)) > 0),
  satisfaction  INTEGER NOT NULL CHECK (satisfaction BETWEEN 1 AND 5),
  problem_id    INTEGER REFERENCES problems (id)
);
CREATE INDEX return_visits_customer ON return_visits (customer_id, at);
CREATE INDEX return_visits_day ON return_visits (day);
