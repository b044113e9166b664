-- 0022 on PostgreSQL: plan_items.paid_fen follows the allocations of receipts not voided.
CREATE FUNCTION sr_allocations_paid () RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE')
     AND (SELECT voided_at FROM receipts WHERE id = OLD.receipt_id) IS NULL THEN
    UPDATE plan_items SET paid_fen = paid_fen - OLD.amount_fen WHERE id = OLD.plan_item_id;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT')
     AND (SELECT voided_at FROM receipts WHERE id = NEW.receipt_id) IS NULL THEN
    UPDATE plan_items SET paid_fen = paid_fen + NEW.amount_fen WHERE id = NEW.plan_item_id;
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER allocations_paid_insert AFTER INSERT ON receipt_allocations
  FOR EACH ROW EXECUTE FUNCTION sr_allocations_paid ();
CREATE TRIGGER allocations_paid_update AFTER UPDATE OF amount_fen, plan_item_id ON receipt_allocations
  FOR EACH ROW EXECUTE FUNCTION sr_allocations_paid ();
CREATE TRIGGER allocations_paid_delete AFTER DELETE ON receipt_allocations
  FOR EACH ROW EXECUTE FUNCTION sr_allocations_paid ();

CREATE FUNCTION sr_receipts_paid_void () RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE plan_items SET paid_fen = paid_fen - (SELECT a.amount_fen FROM receipt_allocations a
                                               WHERE a.receipt_id = NEW.id AND a.plan_item_id = plan_items.id)
    WHERE id IN (SELECT plan_item_id FROM receipt_allocations WHERE receipt_id = NEW.id);
  RETURN NULL;
END;
$$;
CREATE TRIGGER receipts_paid_void AFTER UPDATE OF voided_at ON receipts
  FOR EACH ROW WHEN (OLD.voided_at IS NULL AND NEW.voided_at IS NOT NULL)
  EXECUTE FUNCTION sr_receipts_paid_void ();
