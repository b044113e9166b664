-- 0029: erasing a person on request (PIPL): who asked, who approved (NULL: the office's
-- retention period for lost leads), why and when. The audit log stays append-only, except
-- that inside an erasure (its row written and not yet done, in a transaction nobody else
-- sees) the before and after texts may have the person's details taken out.
CREATE TABLE erasures (
  id           INTEGER PRIMARY KEY,
  customer_id  INTEGER NOT NULL REFERENCES customers (id),
  asked_by     TEXT    NOT NULL CHECK (length(trim(asked_by)) > 0),
  reason       TEXT,
  approved_by  INTEGER REFERENCES staff (id),
  at           INTEGER NOT NULL,
  done         INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1))
);
CREATE INDEX erasures_customer ON erasures (customer_id);

CREATE TRIGGER erasures_no_delete BEFORE DELETE ON erasures
BEGIN
  SELECT RAISE (ABORT, 'erasures are kept');
END;
CREATE TRIGGER erasures_stay_done BEFORE UPDATE ON erasures
  WHEN OLD.done = 1 OR NEW.customer_id IS NOT OLD.customer_id OR NEW.asked_by IS NOT OLD.asked_by
    OR NEW.approved_by IS NOT OLD.approved_by OR NEW.at IS NOT OLD.at
BEGIN
  SELECT RAISE (ABORT, 'erasures are kept');
END;

DROP TRIGGER audit_log_no_update;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  WHEN NOT EXISTS (SELECT 1 FROM erasures WHERE done = 0)
    OR NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at OR NEW.actor_id IS NOT OLD.actor_id
    OR NEW.actor_label IS NOT OLD.actor_label OR NEW.action IS NOT OLD.action
    OR NEW.table_name IS NOT OLD.table_name OR NEW.row_id IS NOT OLD.row_id
BEGIN
  SELECT RAISE (ABORT, 'the audit log is append-only');
END;
