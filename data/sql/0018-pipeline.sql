-- 0018: the pipeline board. Every customer is on a stage (new customers on the first
-- contact stage), with the moment they entered it, so the board shows days in stage and
-- a passed deadline without reading the history. Stage changes keep a note: a lost
-- customer's reason, a measurement's day and address.
ALTER TABLE customers ADD COLUMN stage_at INTEGER;
UPDATE customers SET stage_id = (SELECT id FROM stages WHERE kind = 'contact' ORDER BY is_disabled, position LIMIT 1)
  WHERE stage_id IS NULL;
UPDATE customers SET stage_at = coalesce ((SELECT max (s.at) FROM stage_changes s WHERE s.customer_id = customers.id
                                           AND s.to_stage = customers.stage_id), created_at);
-- Covers the board: counts per stage and the filters read the index, not the rows.
CREATE INDEX customers_stage ON customers (stage_id, stage_at, is_voided, owner_id, grade, channel);
ALTER TABLE stage_changes ADD COLUMN note TEXT;
CREATE INDEX stage_changes_to ON stage_changes (to_stage, at);

-- Why customers are lost (流失), a list the office edits like the media sources.
CREATE TABLE lost_reasons (
  id           INTEGER PRIMARY KEY,
  name         TEXT    NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  position     INTEGER NOT NULL,
  is_disabled  INTEGER NOT NULL DEFAULT 0 CHECK (is_disabled IN (0, 1))
);
INSERT INTO lost_reasons (name, position) VALUES
  ('价格不合适', 1), ('选择了竞争对手', 2), ('需求变化/暂缓', 3), ('联系不上', 4), ('其他', 5);
