-- Read model "journal" (JournalPostings): every event that moves money or hours as one balanced
-- double-entry entry, for the hledger / CSV export and account balances as of any business date.
-- Quantities are whole smallest units (BIGINT): cents for EUR, minutes for MIN. Never decimals.
-- Versions V3_x belong to the journal.

-- One row per event that has an entry. global_order is the event's position in the event store,
-- so an entry is identified by the event it came from (codes may repeat across aggregates).
CREATE TABLE journal_entry (
    global_order  BIGINT      NOT NULL PRIMARY KEY,
    community_id  VARCHAR(64) NOT NULL,
    code          VARCHAR(64) NOT NULL,
    business_date DATE        NOT NULL,
    description   VARCHAR(80) NOT NULL
);

CREATE INDEX journal_entry_by_date ON journal_entry (community_id, business_date, global_order);

-- The postings of an entry; community and date are repeated so balances need no join.
CREATE TABLE journal_posting (
    global_order  BIGINT       NOT NULL,
    line_no       INTEGER      NOT NULL,
    community_id  VARCHAR(64)  NOT NULL,
    business_date DATE         NOT NULL,
    account       VARCHAR(400) NOT NULL,
    unit          VARCHAR(8)   NOT NULL,
    quantity      BIGINT       NOT NULL,
    PRIMARY KEY (global_order, line_no),
    CONSTRAINT journal_posting_of_entry FOREIGN KEY (global_order) REFERENCES journal_entry (global_order)
);

CREATE INDEX journal_posting_by_date ON journal_posting (community_id, business_date);

-- Who lent to whom per advance: the only state the event-to-entry mapping needs from earlier
-- events (AdvanceReimbursed, -Cancelled and -Forgiven name the advance, not its parties). Kept in a
-- table, written in the same transaction as the entries, so a processor that restarts mid-stream
-- finds it again instead of relying on memory that a restart loses.
CREATE TABLE journal_advance_party (
    advance_id   VARCHAR(64) NOT NULL PRIMARY KEY,
    community_id VARCHAR(64) NOT NULL,
    lender_id    VARCHAR(64) NOT NULL,
    borrower_id  VARCHAR(64) NOT NULL
);
