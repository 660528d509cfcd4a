-- Read model: one row per advance, kept current by AdvanceBalances.
-- Money as whole cents (BIGINT): exact, and summable in SQL without rounding.
-- Versions V2_x and up belong to projections; V1_x to the event store (ledger-api).
CREATE TABLE advance_balance (
    advance_id        VARCHAR(64) NOT NULL PRIMARY KEY,
    community_id      VARCHAR(64) NOT NULL,
    lender_id         VARCHAR(64) NOT NULL,
    borrower_id       VARCHAR(64) NOT NULL,
    currency          CHAR(3)     NOT NULL,
    amount_cents      BIGINT      NOT NULL,
    outstanding_cents BIGINT      NOT NULL,
    status            VARCHAR(16) NOT NULL,
    made_on           DATE        NOT NULL,
    closed_on         DATE,
    CONSTRAINT advance_balance_outstanding_in_range
        CHECK (outstanding_cents >= 0 AND outstanding_cents <= amount_cents)
);

CREATE INDEX advance_balance_by_lender ON advance_balance (community_id, lender_id);
CREATE INDEX advance_balance_by_borrower ON advance_balance (community_id, borrower_id);
