-- 0012: bookings — a unit has at most one live booking. A booking is live while it is
-- reserved (until its expiry), pending (a subscription request waiting for finance),
-- subscribed, signed or delivered. The partial unique index cannot test the expiry, so
-- an expired reservation is ended in the same transaction as the next booking of the
-- unit, and by a sweep. Two PCs can never book one unit twice.
CREATE TABLE bookings (
  id           INTEGER PRIMARY KEY,
  unit_id      INTEGER NOT NULL REFERENCES units (id),
  customer_id  INTEGER NOT NULL REFERENCES customers (id),
  state        TEXT    NOT NULL CHECK (state IN ('reserved', 'pending', 'subscribed', 'signed',
                                                  'delivered', 'voided', 'cancelled', 'changed',
                                                  'expired')),
  expires_at   INTEGER,                 -- reserved: until when
  deposit_fen  INTEGER CHECK (deposit_fen IS NULL OR deposit_fen > 0),
  sign_by_day  TEXT,                    -- pending/subscribed: the agreed signing date
  note         TEXT,
  created_by   INTEGER REFERENCES staff (id),
  created_at   INTEGER NOT NULL,
  ended_at     INTEGER,
  ended_by     INTEGER REFERENCES staff (id),
  end_reason   TEXT
);
CREATE UNIQUE INDEX bookings_one_live_per_unit ON bookings (unit_id)
  WHERE state IN ('reserved', 'pending', 'subscribed', 'signed', 'delivered');
CREATE INDEX bookings_customer ON bookings (customer_id);
CREATE INDEX bookings_expiry ON bookings (expires_at) WHERE state = 'reserved';
