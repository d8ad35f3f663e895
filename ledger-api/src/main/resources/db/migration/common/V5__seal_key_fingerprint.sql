-- The fingerprint of the key that made the seals (an HMAC of a fixed label under the key, never the
-- key): once seals exist, a missing or different key refuses to seal and `ledger verify` says so,
-- instead of a new key starting over or every event looking tampered (see EventSeals). Null until the
-- first sealing pass after this migration records it.
ALTER TABLE event_seal_head ADD COLUMN key_fingerprint VARCHAR(64);
