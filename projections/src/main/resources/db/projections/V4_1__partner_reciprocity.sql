-- Read model "partner reciprocity" (PartnerReciprocity): drawn versus returned per partner.
-- Money as whole cents (BIGINT), hours as whole minutes.

-- Partners known to the community: to tell an unknown id from one with no entries yet.
CREATE TABLE reciprocity_partner (
    partner_id    VARCHAR(64) NOT NULL PRIMARY KEY,
    community_id  VARCHAR(64) NOT NULL,
    registered_on DATE        NOT NULL
);

-- The value of one volunteer hour from effective_from until the next row's date.
CREATE TABLE reciprocity_valuation (
    community_id   VARCHAR(64) NOT NULL,
    effective_from DATE        NOT NULL,
    per_hour_cents BIGINT      NOT NULL,
    PRIMARY KEY (community_id, effective_from)
);

-- One row per entry and per reversal (entry_sign -1, same kind and amounts as the original).
-- business_date is when the row counts; valued_on is the date whose hour valuation applies: the
-- entry's own date, also for its reversal, so a reversal cancels exactly what the entry added.
-- Hours are valued when read, not when stored: a valuation is looked up for valued_on then.
CREATE TABLE reciprocity_movement (
    partner_id    VARCHAR(64) NOT NULL,
    movement_id   VARCHAR(64) NOT NULL,
    community_id  VARCHAR(64) NOT NULL,
    initiative_id VARCHAR(64) NOT NULL,
    kind          VARCHAR(8)  NOT NULL,
    category      VARCHAR(32),
    entry_sign    INTEGER     NOT NULL,
    minutes       BIGINT      DEFAULT 0 NOT NULL,
    service_count INTEGER     DEFAULT 0 NOT NULL,
    amount_cents  BIGINT      DEFAULT 0 NOT NULL,
    valued_on     DATE        NOT NULL,
    business_date DATE        NOT NULL,
    PRIMARY KEY (partner_id, movement_id)
);
CREATE INDEX reciprocity_movement_by_date ON reciprocity_movement (community_id, partner_id, business_date);
