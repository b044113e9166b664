-- 0001 on PostgreSQL: the audit log is append-only; each change is heard by the other PCs.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION sr_refuse ('the audit log is append-only');
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION sr_refuse ('the audit log is append-only');
CREATE TRIGGER audit_log_notify AFTER INSERT ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION sr_notify_change ();
