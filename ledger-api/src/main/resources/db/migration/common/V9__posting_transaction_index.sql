-- A trace or account page links a reversal to its original: the original's events are found by
-- transaction id, a handful per page, without scanning the unit-year.
CREATE INDEX posting_transaction ON posting (transaction_id);
