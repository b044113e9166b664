-- 0005: what the customer list sorts by, indexed: the name's pinyin (the order people
-- expect for Chinese names), the last contact, the grade.
ALTER TABLE customers ADD COLUMN name_pinyin TEXT NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN last_contact_at INTEGER;
UPDATE customers SET last_contact_at = created_at WHERE last_contact_at IS NULL;
CREATE INDEX customers_pinyin ON customers (name_pinyin, id);
CREATE INDEX customers_last_contact ON customers (last_contact_at, id);
CREATE INDEX customers_grade ON customers (grade, id);
