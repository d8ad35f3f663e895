-- Tamper evidence: every stored event is sealed, in order, by an HMAC-SHA-256 over its exact stored
-- bytes chained to the previous seal. The key lives outside the database, so someone who edits
-- rows cannot forge matching seals; `ledger verify` recomputes the chain (see EventSeals).
CREATE TABLE event_seal (
    seal_sequence    BIGINT       NOT NULL PRIMARY KEY,
    global_index     BIGINT       NOT NULL UNIQUE,
    event_identifier VARCHAR(255) NOT NULL,
    previous_hash    VARCHAR(64)  NOT NULL,
    hash             VARCHAR(64)  NOT NULL,
    sealed_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row: the end of the chain. Sealers lock it, so two nodes never extend the chain at once.
CREATE TABLE event_seal_head (
    id            INTEGER     NOT NULL PRIMARY KEY,
    last_sequence BIGINT      NOT NULL,
    last_hash     VARCHAR(64) NOT NULL,
    low_water     BIGINT      NOT NULL
);
INSERT INTO event_seal_head (id, last_sequence, last_hash, low_water)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', 0);
