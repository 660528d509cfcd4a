-- Read model "advance balances": an advance opened from an errand's overspend names that errand;
-- a dispute has a date and, once the borrower acknowledges the advance after all, a date it was
-- resolved, so balances as of any date show disputed amounts apart from what is owed.
ALTER TABLE advance_balance ADD COLUMN errand_id VARCHAR(64);
ALTER TABLE advance_balance ADD COLUMN disputed_on DATE;
ALTER TABLE advance_balance ADD COLUMN dispute_resolved_on DATE;

-- Every reimbursement of an advance, so the lender finds the id a confirmation of receipt needs:
-- when it was paid, whether its receipt was confirmed and whether it was reversed.
CREATE TABLE advance_reimbursement (
    advance_id       VARCHAR(64) NOT NULL,
    reimbursement_id VARCHAR(64) NOT NULL,
    community_id     VARCHAR(64) NOT NULL,
    currency         CHAR(3)     NOT NULL,
    amount_cents     BIGINT      NOT NULL CHECK (amount_cents > 0),
    paid_on          DATE        NOT NULL,
    confirmed_on     DATE,
    reversed_on      DATE,
    PRIMARY KEY (advance_id, reimbursement_id)
);
