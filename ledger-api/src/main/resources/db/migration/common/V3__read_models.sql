-- Read models, built from events only and rebuilt by a replay.

-- One row per money movement: every statement cell is a sum over a predicate on these rows.
CREATE TABLE posting (
    event_id       VARCHAR(255) NOT NULL PRIMARY KEY,
    global_index   BIGINT       NOT NULL,
    event_type     VARCHAR(64)  NOT NULL,
    fiscal_year    INTEGER      NOT NULL,
    unit           VARCHAR(64)  NOT NULL,
    fund           VARCHAR(16)  NOT NULL,
    functional     VARCHAR(7)   NOT NULL,
    economic       VARCHAR(5)   NOT NULL,
    kind           VARCHAR(16)  NOT NULL,
    amount_fen     BIGINT       NOT NULL,
    posting_date   DATE         NOT NULL,
    nature         VARCHAR(16),
    project        VARCHAR(64),
    procurement    VARCHAR(16),
    sme            BOOLEAN,
    transaction_id VARCHAR(64)  NOT NULL,
    reverses       VARCHAR(64),
    voucher        VARCHAR(64)  NOT NULL,
    memo           VARCHAR(500) NOT NULL,
    recorded_by    VARCHAR(100),
    recorded_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX posting_unit_year ON posting (unit, fiscal_year, global_index);

CREATE TABLE directory_unit (
    unit VARCHAR(64)  NOT NULL PRIMARY KEY,
    name VARCHAR(200) NOT NULL
);

CREATE TABLE directory_project (
    unit    VARCHAR(64)  NOT NULL,
    project VARCHAR(64)  NOT NULL,
    name    VARCHAR(200) NOT NULL,
    PRIMARY KEY (unit, project)
);
