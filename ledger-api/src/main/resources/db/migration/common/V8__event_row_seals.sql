-- Every event row carries its own seal, written in the same INSERT or COPY as the row: an
-- HMAC-SHA-256 under the integrity key (outside the database) over the row's stored columns and the
-- seal of the same account's previous event (see EventRowSeals). `ledger verify` names a row with
-- no seal or a wrong one, a gap in an account's sequence, and rows moved out of order.
ALTER TABLE domain_event_entry ADD COLUMN seal VARCHAR(64);

-- Rows stored before this migration have no row seal and cannot get one here (the key is not in the
-- database): they stay protected by the periodic seal chain (event_seal) alone. Verify takes a
-- row without a seal as one of those only if it is at or below this mark AND sealed in that chain.
ALTER TABLE event_seal_head ADD COLUMN row_seals_from BIGINT;
UPDATE event_seal_head SET row_seals_from = COALESCE((SELECT MAX(global_index) FROM domain_event_entry), 0);
