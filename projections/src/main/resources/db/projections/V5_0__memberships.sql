-- Who holds which role in a community, and who shares their trust history with whom: what the API
-- asks before it shows or changes anything. scope_id is the initiative of a treasurer, the partner
-- of a representative, '' for the roles without a scope (so it can be part of the key).
CREATE TABLE member_role (
    community_id VARCHAR(64) NOT NULL,
    member_id    VARCHAR(64) NOT NULL,
    role_kind    VARCHAR(32) NOT NULL,
    scope_id     VARCHAR(64) NOT NULL,
    PRIMARY KEY (community_id, member_id, role_kind, scope_id)
);

CREATE TABLE trust_sharing (
    community_id VARCHAR(64) NOT NULL,
    member_id    VARCHAR(64) NOT NULL,
    viewer_id    VARCHAR(64) NOT NULL,
    PRIMARY KEY (community_id, member_id, viewer_id)
);
