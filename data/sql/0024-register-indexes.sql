-- 0024: what the registers read row after row, read from indexes alone: a customer's main
-- phone (the lowest position of the live ones) and the contacts by media source.
CREATE INDEX customer_phones_main ON customer_phones (customer_id, is_live, position, id, phone);
CREATE INDEX contacts_media ON contacts (media_source_id, kind, at);
