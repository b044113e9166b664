-- 0002: customers can be found by phone fragment, name, full pinyin and initials through
-- indexed keys; a normalised phone is unique among live customers unless a manager
-- confirmed it is shared (a couple).

ALTER TABLE customer_phones ADD COLUMN is_live INTEGER NOT NULL DEFAULT 1
  CHECK (is_live IN (0, 1));
ALTER TABLE customer_phones ADD COLUMN is_shared INTEGER NOT NULL DEFAULT 0
  CHECK (is_shared IN (0, 1));
ALTER TABLE customer_phones ADD COLUMN shared_approved_by INTEGER REFERENCES staff (id);

CREATE UNIQUE INDEX customer_phones_live_unique ON customer_phones (phone)
  WHERE is_live = 1 AND is_shared = 0;

-- Search keys: 'n' + name, 'p' + full pinyin, 'i' + initials, '#' + every suffix of a
-- phone of 4 digits or more (so any 4+ consecutive digits find it by prefix).
CREATE TABLE customer_search (
  customer_id  INTEGER NOT NULL REFERENCES customers (id),
  key          TEXT    NOT NULL
);
CREATE INDEX customer_search_key ON customer_search (key, customer_id);
CREATE INDEX customer_search_customer ON customer_search (customer_id);
