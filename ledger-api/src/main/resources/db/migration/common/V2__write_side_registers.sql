-- What one account cannot know alone, written in the same transaction as the events.

-- Client transaction ids, unique within a unit and fiscal year, with the content they stand for.
CREATE TABLE ledger_transaction (
    unit             VARCHAR(64)   NOT NULL,
    fiscal_year      INTEGER       NOT NULL,
    transaction_id   VARCHAR(64)   NOT NULL,
    kind             VARCHAR(32)   NOT NULL,
    transaction_date DATE          NOT NULL,
    account_id       VARCHAR(200)  NOT NULL,
    fingerprint      VARCHAR(2000) NOT NULL,
    reverses         VARCHAR(64),
    PRIMARY KEY (unit, fiscal_year, transaction_id)
);
CREATE INDEX ledger_transaction_account ON ledger_transaction (unit, fiscal_year, account_id);

-- Where each unit's year stands. Commands share-lock the row; closing the year takes it exclusively.
CREATE TABLE ledger_year (
    unit               VARCHAR(64) NOT NULL,
    fiscal_year        INTEGER     NOT NULL,
    closed             BOOLEAN     NOT NULL DEFAULT FALSE,
    opening_carried_in BOOLEAN     NOT NULL DEFAULT FALSE,
    closed_on          DATE,
    PRIMARY KEY (unit, fiscal_year)
);

CREATE TABLE ledger_unit (
    unit VARCHAR(64)  NOT NULL PRIMARY KEY,
    name VARCHAR(200) NOT NULL
);

CREATE TABLE ledger_project (
    unit    VARCHAR(64)  NOT NULL,
    project VARCHAR(64)  NOT NULL,
    name    VARCHAR(200) NOT NULL,
    PRIMARY KEY (unit, project)
);
