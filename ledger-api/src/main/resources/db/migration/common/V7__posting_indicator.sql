-- The 指标文号 (or 指标 id) a 年初预算 row names, shown in traces. Empty for every other posting and for
-- budgets that name none; rows projected before this column existed get it from the next replay.
ALTER TABLE posting ADD COLUMN indicator VARCHAR(64) DEFAULT '' NOT NULL;
