-- ... and a reversed transaction to its reversal (H2 has no partial indexes).
CREATE INDEX posting_reverses ON posting (reverses);
