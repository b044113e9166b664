-- 0027: the funnel reads from indexes alone: the customers registered in a period with
-- whether they are voided, and each customer's stage path in order (when, which change,
-- to where). Each replaces an index that was its prefix.
CREATE INDEX customers_created_live ON customers (created_at, is_voided);
DROP INDEX customers_created;
CREATE INDEX stage_changes_path ON stage_changes (customer_id, at, id, to_stage);
DROP INDEX stage_changes_customer;
