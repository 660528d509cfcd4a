-- Parked events (issue 17): an event a read model refuses is kept here, with the events of its
-- sequence (its aggregate) that came after it, while every other sequence keeps flowing. Columns as
-- Axon's JdbcSequencedDeadLetterQueue writes them (DeadLetterSchema, named in ParkedEventsConfiguration);
-- timestamps are ISO-8601 text as Axon formats them, serialized data is Jackson JSON in BYTEA
-- (PostgreSQL's binary type and an alias H2 understands), so one script serves both engines.
CREATE TABLE dead_letter_entry (
    dead_letter_id       VARCHAR(255)  NOT NULL PRIMARY KEY,
    processing_group     VARCHAR(255)  NOT NULL,
    sequence_identifier  VARCHAR(255)  NOT NULL,
    sequence_index       BIGINT        NOT NULL,
    message_type         VARCHAR(255)  NOT NULL,
    event_identifier     VARCHAR(255)  NOT NULL,
    time_stamp           VARCHAR(255)  NOT NULL,
    payload_type         VARCHAR(255)  NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA         NOT NULL,
    meta_data            BYTEA,
    aggregate_type       VARCHAR(255),
    aggregate_identifier VARCHAR(255),
    sequence_number      BIGINT,
    token_type           VARCHAR(255),
    token                BYTEA,
    enqueued_at          VARCHAR(255)  NOT NULL,
    last_touched         VARCHAR(255),
    processing_started   VARCHAR(255),
    cause_type           VARCHAR(255),
    -- ParkingPolicy keeps a reason to 500 characters; room to spare for Axon's own 1024 truncation.
    cause_message        VARCHAR(1024),
    diagnostics          BYTEA,
    CONSTRAINT dead_letter_entry_sequence_index UNIQUE (processing_group, sequence_identifier, sequence_index)
);

CREATE INDEX dead_letter_entry_processing_group ON dead_letter_entry (processing_group);
CREATE INDEX dead_letter_entry_sequence ON dead_letter_entry (processing_group, sequence_identifier);
