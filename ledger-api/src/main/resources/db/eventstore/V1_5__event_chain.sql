-- The tamper-evident log (docs/architecture.md, "The chain"). Each event carries the SHA-256 of its
-- own canonical form and of the hash of the event before it in its aggregate's stream, written in
-- the same INSERT as the event (ChainedAppend). Events stored before this column existed have no
-- hash yet; the application hashes them once on start (EventChainBackfill), in stream order.
ALTER TABLE domain_event_entry ADD COLUMN chain_hash CHAR(64);

-- Checkpoints: every so often one hash over all events' chain hashes up to a global index, chained
-- to the checkpoint before it. People note it down or print it; a book rewritten after that no
-- longer yields the hash they noted.
CREATE TABLE ledger_checkpoint (
    checkpoint_number   BIGINT      NOT NULL PRIMARY KEY,
    covered_up_to_index BIGINT      NOT NULL,
    event_count         BIGINT      NOT NULL,
    previous_head_hash  CHAR(64)    NOT NULL,
    head_hash           CHAR(64)    NOT NULL UNIQUE,
    made_at             TIMESTAMP   NOT NULL
);
