-- Who runs a request claimed under an Idempotency-Key: the application instance (one process) that
-- claimed it. A claim whose instance has stopped (a crash, kill -9) is taken over by the next retry,
-- instead of answering 409 request-in-progress for ever.
ALTER TABLE idempotency_record ADD COLUMN owner_instance VARCHAR(36);

-- The application instances serving this database, each seen every few seconds while it runs.
CREATE TABLE application_instance (
    instance_id VARCHAR(36) NOT NULL PRIMARY KEY,
    started_at  TIMESTAMP   NOT NULL,
    seen_at     TIMESTAMP   NOT NULL
);
