-- Responses to requests that carried an Idempotency-Key, per user, so a retry gets the same answer.
-- A row is claimed (state IN_PROGRESS) before the request runs, so concurrent retries wait for it.
CREATE TABLE idempotency_record (
    username        VARCHAR(64)  NOT NULL,
    idempotency_key VARCHAR(64)  NOT NULL,
    fingerprint     CHAR(64)     NOT NULL,
    state           VARCHAR(16)  NOT NULL,
    status          INTEGER,
    content_type    VARCHAR(100),
    body            VARCHAR(65536),
    created_at      TIMESTAMP    NOT NULL,
    PRIMARY KEY (username, idempotency_key)
);

CREATE INDEX idempotency_record_by_age ON idempotency_record (created_at);
