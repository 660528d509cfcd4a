-- Read model "advance balances": every step of an advance in the order it was recorded, with the
-- amount it moved and what was still owed right after it, so both neighbours can read the whole
-- history of one advance as it was at each step (made, acknowledged or disputed, each
-- reimbursement and its confirmation or reversal, forgiven, cancelled). detail holds the closed
-- list value the step carried (purpose, dispute or reversal reason) or the reimbursement it names;
-- never free text.
CREATE TABLE advance_step (
    advance_id              VARCHAR(64) NOT NULL,
    step_no                 INTEGER     NOT NULL,
    step_id                 VARCHAR(64) NOT NULL,
    community_id            VARCHAR(64) NOT NULL,
    kind                    VARCHAR(16) NOT NULL,
    business_date           DATE        NOT NULL,
    currency                CHAR(3)     NOT NULL,
    amount_cents            BIGINT      NOT NULL,
    outstanding_after_cents BIGINT      NOT NULL,
    detail                  VARCHAR(64),
    actor_id                VARCHAR(64) NOT NULL,
    PRIMARY KEY (advance_id, step_no)
);

