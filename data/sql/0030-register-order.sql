-- 0030: the two largest registers stream in their own order from indexes instead of
-- sorting every row before the first one is written: staff by name, then each one's
-- customers by when they came (intention customers, replacing the index on the owner
-- alone, its prefix) or by how long since the last contact (designers' held orders).
CREATE INDEX staff_display_name ON staff (display_name, id);
CREATE INDEX customers_owner_created ON customers (owner_id, created_at);
DROP INDEX customers_owner;
CREATE INDEX customers_owner_contact ON customers (owner_id, coalesce (last_contact_at, created_at));
