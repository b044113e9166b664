-- 0017: money reported by the person who received it (a consultant given a transfer
-- slip, a designer handed the deposit) waits for finance. Finance confirms it, which
-- records the receipt (numbered then, so numbers have no gaps) with the reporter as
-- recorded_by and finance as confirmed_by, or rejects it with a reason. Nothing counts
-- as paid until it is confirmed.
CREATE TABLE reported_money (
  id             INTEGER PRIMARY KEY,
  deal_id        INTEGER NOT NULL REFERENCES deals (id),
  amount_fen     INTEGER NOT NULL CHECK (amount_fen > 0),
  method         TEXT    NOT NULL CHECK (method IN ('cash', 'card', 'transfer', 'wechat', 'alipay',
                                                     'bank-loan')),
  day            TEXT    NOT NULL,
  note           TEXT,
  reported_by    INTEGER REFERENCES staff (id),
  reported_at    INTEGER NOT NULL,
  state          TEXT    NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'confirmed', 'rejected')),
  receipt_id     INTEGER REFERENCES receipts (id),
  decided_by     INTEGER REFERENCES staff (id),
  decided_at     INTEGER,
  reject_reason  TEXT,
  CHECK (state <> 'confirmed' OR receipt_id IS NOT NULL),
  CHECK (state <> 'rejected' OR length (trim (reject_reason)) > 0)
);
CREATE INDEX reported_money_waiting ON reported_money (state, reported_at);
CREATE INDEX reported_money_deal ON reported_money (deal_id);
