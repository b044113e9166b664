-- 0025: what the per-person and per-media registers read, from indexes: what each person
-- received in a period, and the customers each media source brought.
CREATE INDEX contacts_receiver ON contacts (receiver_id, at);
CREATE INDEX customers_media ON customers (media_source_id, created_at);
