-- Read model "partner reciprocity": the name people know the wijk by, for the partner's statement
-- and its PDF (a wijk without a CommunityNamed event is shown by its id).
CREATE TABLE reciprocity_community (
    community_id VARCHAR(64)  NOT NULL PRIMARY KEY,
    name         VARCHAR(400) NOT NULL
);
