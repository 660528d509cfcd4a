-- Read model "memberships": every member ever registered in a community, and since when; a member
-- who left keeps their row with the date they left (their roles and consents are gone).
CREATE TABLE member (
    community_id    VARCHAR(64) NOT NULL,
    member_id       VARCHAR(64) NOT NULL,
    registered_on   DATE        NOT NULL,
    deregistered_on DATE,
    PRIMARY KEY (community_id, member_id)
);
