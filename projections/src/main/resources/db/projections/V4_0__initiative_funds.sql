-- Read model "initiative funds" (InitiativeFunds): balances, claims and reports per initiative.
-- Money as whole cents (BIGINT), hours as whole minutes. Every row is dated by its business date,
-- so "as of" and "for a period" are sums over dates; a reversal is its own row with the opposite
-- sign on the reversal's date, so a reversed entry nets to zero from that date on.

-- Initiatives known to the community: to tell an unknown id from one with no entries yet.
CREATE TABLE fund_initiative (
    initiative_id VARCHAR(64) NOT NULL PRIMARY KEY,
    community_id  VARCHAR(64) NOT NULL,
    registered_on DATE        NOT NULL
);

-- One row per change of one channel (BANK or CASH_BOX); a transfer is two rows.
-- kind is CONTRIBUTION, EXPENSE, TRANSFER or CLAIM_PAYMENT; a reversal row keeps the original's
-- kind, source and category so that sums per source or category net out exactly.
CREATE TABLE fund_movement (
    initiative_id VARCHAR(64) NOT NULL,
    movement_id   VARCHAR(80) NOT NULL,
    community_id  VARCHAR(64) NOT NULL,
    channel       VARCHAR(8)  NOT NULL,
    kind          VARCHAR(16) NOT NULL,
    source        VARCHAR(24),
    category      VARCHAR(24),
    delta_cents   BIGINT      NOT NULL,
    business_date DATE        NOT NULL,
    PRIMARY KEY (initiative_id, movement_id)
);
CREATE INDEX fund_movement_by_date ON fund_movement (community_id, initiative_id, business_date);

-- One row per step of a claim. open_delta is +1 when submitted and -1 when approved or rejected;
-- unpaid_delta is +1 when approved, -1 when paid, +1 when a payment is reversed. Summed up to a
-- date they give the claims open on that date; amount_cents is the claim's amount on every row.
CREATE TABLE fund_claim_movement (
    claim_id      VARCHAR(64) NOT NULL,
    movement_id   VARCHAR(80) NOT NULL,
    community_id  VARCHAR(64) NOT NULL,
    initiative_id VARCHAR(64) NOT NULL,
    kind          VARCHAR(24) NOT NULL,
    category      VARCHAR(24) NOT NULL,
    amount_cents  BIGINT      NOT NULL,
    open_delta    INTEGER     NOT NULL,
    unpaid_delta  INTEGER     NOT NULL,
    business_date DATE        NOT NULL,
    PRIMARY KEY (claim_id, movement_id)
);
CREATE INDEX fund_claim_movement_by_date ON fund_claim_movement (community_id, initiative_id, business_date);

-- Volunteer hours partners drew from the initiative (help between neighbours names no initiative).
-- entry_id is the command id, unique per partner (the partner's account chose it), hence the key.
CREATE TABLE fund_partner_hours (
    partner_id    VARCHAR(64) NOT NULL,
    entry_id      VARCHAR(64) NOT NULL,
    initiative_id VARCHAR(64) NOT NULL,
    community_id  VARCHAR(64) NOT NULL,
    delta_minutes BIGINT      NOT NULL,
    business_date DATE        NOT NULL,
    PRIMARY KEY (partner_id, entry_id)
);
CREATE INDEX fund_partner_hours_by_date ON fund_partner_hours (community_id, initiative_id, business_date);
