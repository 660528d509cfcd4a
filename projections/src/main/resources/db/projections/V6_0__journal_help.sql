-- What the journal must remember of each record of help to book its dispute and a later
-- confirmation: its parties, its minutes, and whether it stands disputed now (a disputed record's
-- minutes are off the books). Written with the journal's entries, in the same transaction.
CREATE TABLE journal_help (
    help_id      VARCHAR(64) NOT NULL PRIMARY KEY,
    community_id VARCHAR(64) NOT NULL,
    helper_id    VARCHAR(64) NOT NULL,
    receiver_id  VARCHAR(64) NOT NULL,
    minutes      BIGINT      NOT NULL CHECK (minutes > 0),
    disputed     BOOLEAN     NOT NULL
);
