-- Read model "journal" (JournalPostings), continued: the balance assertions period closes make.
-- A close asserts the fund's bank balance at the end of its last day; the hledger export writes it
-- as "account  0.00 EUR = <balance> EUR" after the day's entries, so hledger and ledger-cli check it.
-- A reopened close no longer holds: its row stays (the history) but is marked withdrawn and left
-- out of the export. V7_x belong to reconciliation (issue 13).
CREATE TABLE journal_assertion (
    global_order  BIGINT       NOT NULL PRIMARY KEY,
    community_id  VARCHAR(64)  NOT NULL,
    code          VARCHAR(64)  NOT NULL,
    business_date DATE         NOT NULL,
    description   VARCHAR(80)  NOT NULL,
    account       VARCHAR(400) NOT NULL,
    unit          VARCHAR(8)   NOT NULL,
    quantity      BIGINT       NOT NULL,
    withdrawn     BOOLEAN      NOT NULL
);

CREATE INDEX journal_assertion_by_key ON journal_assertion (community_id, account, code);
