-- ... and a reversed transaction to its reversal. Few postings are reversals: index only those.
CREATE INDEX posting_reverses ON posting (reverses) WHERE reverses IS NOT NULL;
