-- Read model "bank reconciliation" (BankReconciliations): each fund's bank account, its imported
-- statements and lines (with the original line's text, sealed), the fund entries that moved the
-- bank, matches, closes, and what confirmed matches taught about counterparties. Money in whole
-- cents (BIGINT). V7_x belong to reconciliation (issue 13).

-- The account linked to an initiative's fund, and when a statement was last imported (the nudge).
CREATE TABLE recon_account (
    initiative_id  VARCHAR(64) NOT NULL PRIMARY KEY,
    community_id   VARCHAR(64) NOT NULL,
    iban           VARCHAR(34) NOT NULL,
    linked_on      DATE        NOT NULL,
    last_import_on DATE
);

-- One row per recorded import. seq is the event's position: "latest" means imported last.
CREATE TABLE recon_statement (
    initiative_id          VARCHAR(64) NOT NULL,
    statement_id           VARCHAR(64) NOT NULL,
    community_id           VARCHAR(64) NOT NULL,
    source                 VARCHAR(16) NOT NULL,
    period_from            DATE        NOT NULL,
    period_to              DATE        NOT NULL,
    opening_cents          BIGINT,
    closing_cents          BIGINT,
    continuity             VARCHAR(8)  NOT NULL,
    line_count             INTEGER     NOT NULL,
    new_line_count         INTEGER     NOT NULL,
    imported_on            DATE        NOT NULL,
    imported_by            VARCHAR(64) NOT NULL,
    seq                    BIGINT      NOT NULL,
    PRIMARY KEY (initiative_id, statement_id)
);

-- The lines of a statement in its order; already_imported marks lines an earlier statement brought.
CREATE TABLE recon_statement_line (
    initiative_id    VARCHAR(64) NOT NULL,
    statement_id     VARCHAR(64) NOT NULL,
    position         INTEGER     NOT NULL,
    line_id          VARCHAR(80) NOT NULL,
    already_imported BOOLEAN     NOT NULL,
    PRIMARY KEY (initiative_id, statement_id, position)
);

-- Every bank line once, as first imported. details_* is the sealed personal part (counterparty's
-- name and account, description, the original line's text); only the application can open it.
CREATE TABLE recon_line (
    initiative_id  VARCHAR(64)   NOT NULL,
    line_id        VARCHAR(80)   NOT NULL,
    community_id   VARCHAR(64)   NOT NULL,
    statement_id   VARCHAR(64)   NOT NULL,
    booking_date   DATE          NOT NULL,
    value_date     DATE          NOT NULL,
    amount_cents   BIGINT        NOT NULL,
    reference      VARCHAR(64),
    counterparty   VARCHAR(27),
    details_key    VARCHAR(64),
    details_text   VARCHAR(4096),
    match_id       VARCHAR(64),
    PRIMARY KEY (initiative_id, line_id)
);
CREATE INDEX recon_line_by_date ON recon_line (initiative_id, booking_date);

-- Every fund entry (or reversal) that moved the bank, with how much; reference is what a bank line
-- names after WDK- to mean it (a claim payment's claim id, else the entry's own id); tag is what
-- it was (source, category, claimant) for learning counterparties.
CREATE TABLE recon_entry (
    initiative_id VARCHAR(64) NOT NULL,
    entry_id      VARCHAR(64) NOT NULL,
    community_id  VARCHAR(64) NOT NULL,
    kind          VARCHAR(16) NOT NULL,
    business_date DATE        NOT NULL,
    bank_cents    BIGINT      NOT NULL,
    reference     VARCHAR(64) NOT NULL,
    tag           VARCHAR(140) NOT NULL,
    match_id      VARCHAR(64),
    PRIMARY KEY (initiative_id, entry_id)
);
CREATE INDEX recon_entry_by_date ON recon_entry (initiative_id, business_date);

-- Approved claims, and which fund entry paid them (none while unpaid or after a reversed payment).
CREATE TABLE recon_claim (
    claim_id      VARCHAR(64) NOT NULL PRIMARY KEY,
    initiative_id VARCHAR(64) NOT NULL,
    community_id  VARCHAR(64) NOT NULL,
    claimant_id   VARCHAR(64) NOT NULL,
    amount_cents  BIGINT      NOT NULL,
    approved_on   DATE        NOT NULL,
    paid_by       VARCHAR(64)
);
CREATE INDEX recon_claim_by_initiative ON recon_claim (initiative_id);

CREATE TABLE recon_match (
    initiative_id    VARCHAR(64) NOT NULL,
    match_id         VARCHAR(64) NOT NULL,
    community_id     VARCHAR(64) NOT NULL,
    amount_cents     BIGINT      NOT NULL,
    matched_on       DATE        NOT NULL,
    matched_by       VARCHAR(64) NOT NULL,
    booked_from_line BOOLEAN     NOT NULL,
    PRIMARY KEY (initiative_id, match_id)
);

CREATE TABLE recon_close (
    initiative_id VARCHAR(64) NOT NULL,
    close_id      VARCHAR(64) NOT NULL,
    community_id  VARCHAR(64) NOT NULL,
    period_start  DATE        NOT NULL,
    period_end    DATE        NOT NULL,
    bank_cents    BIGINT      NOT NULL,
    closed_on     DATE        NOT NULL,
    closed_by     VARCHAR(64) NOT NULL,
    reopen_id     VARCHAR(64),
    reopened_on   DATE,
    reopened_by   VARCHAR(64),
    reopen_reason VARCHAR(24),
    PRIMARY KEY (initiative_id, close_id)
);

-- How often a counterparty's lines were confirmed as entries of a kind: weighs later proposals.
CREATE TABLE recon_counterparty_tag (
    initiative_id VARCHAR(64)  NOT NULL,
    counterparty  VARCHAR(27)  NOT NULL,
    tag           VARCHAR(140) NOT NULL,
    times         INTEGER      NOT NULL,
    PRIMARY KEY (initiative_id, counterparty, tag)
);
