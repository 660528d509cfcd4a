-- When the start-up backfill of the event chain (ChainOnStart) last finished. Every event appended
-- since carries its hash from its INSERT (ChainedAppend), so once a row is here a start no longer
-- scans the whole event store for unhashed events: at a million events that scan alone took
-- seconds of every start (docs/performance.md, "Start-up on an existing book"). An installation
-- upgraded from before this table has no row yet and is scanned once more, on its next start.
CREATE TABLE event_chain_backfill (
    finished_at TIMESTAMP NOT NULL
);
