-- 0029 on PostgreSQL: erasures are kept; the audit log may lose a person's details only
-- inside an erasure (its row written and not yet done).
CREATE TRIGGER erasures_no_delete BEFORE DELETE ON erasures
  FOR EACH ROW EXECUTE FUNCTION sr_refuse ('erasures are kept');
CREATE TRIGGER erasures_stay_done BEFORE UPDATE ON erasures
  FOR EACH ROW WHEN (OLD.done = 1 OR NEW.customer_id IS DISTINCT FROM OLD.customer_id
                     OR NEW.asked_by IS DISTINCT FROM OLD.asked_by
                     OR NEW.approved_by IS DISTINCT FROM OLD.approved_by
                     OR NEW.at IS DISTINCT FROM OLD.at)
  EXECUTE FUNCTION sr_refuse ('erasures are kept');

CREATE FUNCTION sr_audit_log_update () RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM erasures WHERE done = 0)
     OR NEW.id IS DISTINCT FROM OLD.id OR NEW.at IS DISTINCT FROM OLD.at
     OR NEW.actor_id IS DISTINCT FROM OLD.actor_id
     OR NEW.actor_label IS DISTINCT FROM OLD.actor_label OR NEW.action IS DISTINCT FROM OLD.action
     OR NEW.table_name IS DISTINCT FROM OLD.table_name OR NEW.row_id IS DISTINCT FROM OLD.row_id THEN
    RAISE EXCEPTION 'the audit log is append-only' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END;
$$;
DROP TRIGGER audit_log_no_update ON audit_log;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION sr_audit_log_update ();
