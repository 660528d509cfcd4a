-- Receipt files (photos, PDFs) of expense claims, kept beside the events, never in them: an event
-- holds only the reference. Each file is sealed under its owner's member key (SubjectKeyCipher),
-- so erasing the member's key makes every copy unreadable, in this table and in every backup.
-- What is in the clear says nothing about the person: the file's kind, size and time.
CREATE TABLE claim_receipt (
    receipt_ref  VARCHAR(40) NOT NULL,
    seq_no       INTEGER     NOT NULL CHECK (seq_no BETWEEN 1 AND 5),
    owner_id     VARCHAR(64) NOT NULL,
    content_type VARCHAR(32) NOT NULL,
    size_bytes   INTEGER     NOT NULL CHECK (size_bytes BETWEEN 1 AND 2097152),
    sealed       BYTEA       NOT NULL,
    created_at   TIMESTAMP   NOT NULL,
    PRIMARY KEY (receipt_ref, seq_no)
);
CREATE INDEX claim_receipt_by_owner ON claim_receipt (owner_id);
