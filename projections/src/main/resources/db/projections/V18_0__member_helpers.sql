-- Whom each member named as their helper (issue 12, flow 10): who may record advances and help on
-- their behalf. Kept by Memberships from HelperNamed/HelperWithdrawn; rebuilt from the events.
CREATE TABLE member_helper (
    community_id VARCHAR(64) NOT NULL,
    member_id    VARCHAR(64) NOT NULL,
    helper_id    VARCHAR(64) NOT NULL,
    PRIMARY KEY (community_id, member_id, helper_id)
);
CREATE INDEX member_helper_by_helper ON member_helper (community_id, helper_id);
