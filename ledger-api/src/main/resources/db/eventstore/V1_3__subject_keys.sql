-- One encryption key per member for their personal free text (crypto-shredding). Deleting a row
-- makes every note sealed with it unreadable, in every event and every copy of the event store.
-- The keysets are themselves encrypted with the installation's master key (a file, not in here).
CREATE TABLE subject_key (
    member_id        VARCHAR(64)   NOT NULL PRIMARY KEY,
    encrypted_keyset VARCHAR(4000) NOT NULL,
    created_at       TIMESTAMP     NOT NULL
);

-- Members whose personal data was erased: no new key is made for them.
CREATE TABLE subject_erased (
    member_id VARCHAR(64) NOT NULL PRIMARY KEY,
    erased_at TIMESTAMP   NOT NULL
);
