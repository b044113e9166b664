-- 0026: which rotation events were undone, from an index (the overview's receptions per
-- person leave the undone ones out).
CREATE INDEX rotation_events_undone ON rotation_events (other_id) WHERE kind = 'undo';
