-- Read model "journal" (JournalPostings): each account's running balance per unit over all its
-- postings, kept as the postings are written, so "balances now" is a lookup of a community's
-- accounts instead of a sum over every posting it ever had (p99 167 ms at 1M events before).
-- "As of" an earlier date still sums journal_posting. Rebuilt with the rest of the journal and
-- compared by the read-model check.
CREATE TABLE journal_account_balance (
    community_id VARCHAR(64)  NOT NULL,
    account      VARCHAR(400) NOT NULL,
    unit         VARCHAR(8)   NOT NULL,
    quantity     BIGINT       NOT NULL,
    PRIMARY KEY (community_id, account, unit)
);
