-- Errands and help between neighbours, for the trust history (who gives, who receives).
CREATE TABLE errand_activity (
    errand_id    VARCHAR(64) NOT NULL PRIMARY KEY,
    community_id VARCHAR(64) NOT NULL,
    asker_id     VARCHAR(64) NOT NULL,
    helper_id    VARCHAR(64) NOT NULL,
    started_on   DATE        NOT NULL
);
CREATE INDEX errand_activity_by_asker ON errand_activity (community_id, asker_id);
CREATE INDEX errand_activity_by_helper ON errand_activity (community_id, helper_id);

CREATE TABLE help_activity (
    help_id       VARCHAR(64) NOT NULL PRIMARY KEY,
    community_id  VARCHAR(64) NOT NULL,
    helper_id     VARCHAR(64) NOT NULL,
    receiver_id   VARCHAR(64) NOT NULL,
    minutes       BIGINT      NOT NULL CHECK (minutes > 0),
    status        VARCHAR(16) NOT NULL,
    business_date DATE        NOT NULL
);
CREATE INDEX help_activity_by_helper ON help_activity (community_id, helper_id);
CREATE INDEX help_activity_by_receiver ON help_activity (community_id, receiver_id);
