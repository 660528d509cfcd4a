-- Read model "expense claims": each claim as it stands (initiative, claimant, amount, receipt,
-- status) and the history of its steps in order: submitted, approved or rejected, paid, payment reversed.
CREATE TABLE claim_record (
    claim_id      VARCHAR(64) NOT NULL PRIMARY KEY,
    community_id  VARCHAR(64) NOT NULL,
    initiative_id VARCHAR(64) NOT NULL,
    claimant_id   VARCHAR(64) NOT NULL,
    currency      CHAR(3)     NOT NULL,
    amount_cents  BIGINT      NOT NULL CHECK (amount_cents > 0),
    category      VARCHAR(32) NOT NULL,
    receipt       VARCHAR(40) NOT NULL,
    status        VARCHAR(16) NOT NULL,
    submitted_on  DATE        NOT NULL
);
CREATE INDEX claim_record_by_initiative ON claim_record (community_id, initiative_id);

CREATE TABLE claim_step (
    claim_id      VARCHAR(64) NOT NULL,
    step_no       INTEGER     NOT NULL,
    kind          VARCHAR(24) NOT NULL,
    business_date DATE        NOT NULL,
    actor_id      VARCHAR(64) NOT NULL,
    channel       VARCHAR(16),
    reason        VARCHAR(32),
    reason_code   VARCHAR(64),
    PRIMARY KEY (claim_id, step_no)
);
