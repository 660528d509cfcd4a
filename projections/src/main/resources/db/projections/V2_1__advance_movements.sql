-- Every change to what is owed on an advance, dated by its business date: the history behind
-- "as of" balances. delta_cents is + when the advance is made and - when reimbursed, forgiven or
-- cancelled, so the outstanding amount on any date is the sum of the deltas up to that date.
CREATE TABLE advance_movement (
    advance_id    VARCHAR(64) NOT NULL,
    movement_id   VARCHAR(64) NOT NULL,
    community_id  VARCHAR(64) NOT NULL,
    lender_id     VARCHAR(64) NOT NULL,
    borrower_id   VARCHAR(64) NOT NULL,
    kind          VARCHAR(16) NOT NULL,
    delta_cents   BIGINT      NOT NULL,
    business_date DATE        NOT NULL,
    made_on       DATE        NOT NULL,
    PRIMARY KEY (advance_id, movement_id)
);

CREATE INDEX advance_movement_by_lender ON advance_movement (community_id, lender_id, business_date);
CREATE INDEX advance_movement_by_borrower ON advance_movement (community_id, borrower_id, business_date);

-- Ever disputed, for the trust history (a dispute may later be resolved by acknowledging).
ALTER TABLE advance_balance ADD COLUMN disputed BOOLEAN DEFAULT FALSE NOT NULL;

-- For the trust history: how long a settled advance took, and how much was forgiven.
ALTER TABLE advance_balance ADD COLUMN settled_after_days INTEGER;
ALTER TABLE advance_balance ADD COLUMN forgiven_cents BIGINT DEFAULT 0 NOT NULL;
