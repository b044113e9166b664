-- 0028: a password an administrator set (a reset) must be changed by its owner at the
-- next sign-in.
ALTER TABLE staff ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0
  CHECK (must_change_password IN (0, 1));
