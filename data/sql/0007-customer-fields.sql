-- 0007: the rest of a customer's record (PRODUCT.md "The customer and the front desk").
ALTER TABLE customers ADD COLUMN id_card TEXT;              -- as text, shown masked
ALTER TABLE customers ADD COLUMN age_band TEXT;
ALTER TABLE customers ADD COLUMN referrer_id INTEGER REFERENCES customers (id);  -- 老带新
ALTER TABLE customers ADD COLUMN intention_unit_type TEXT;
ALTER TABLE customers ADD COLUMN intention_area TEXT;       -- e.g. 90-120
ALTER TABLE customers ADD COLUMN budget_fen INTEGER CHECK (budget_fen IS NULL OR budget_fen >= 0);
ALTER TABLE customers ADD COLUMN floor_preference TEXT;
ALTER TABLE customers ADD COLUMN house_address TEXT;        -- decoration: the house to decorate
ALTER TABLE customers ADD COLUMN characteristics TEXT;
ALTER TABLE customers ADD COLUMN questions TEXT;
ALTER TABLE customers ADD COLUMN occupation TEXT;
ALTER TABLE customers ADD COLUMN income_band TEXT;
ALTER TABLE customers ADD COLUMN education TEXT;
ALTER TABLE customers ADD COLUMN residence_area TEXT;
ALTER TABLE customers ADD COLUMN purchase_motive TEXT;      -- 消费心理
ALTER TABLE customers ADD COLUMN notes TEXT;
