-- Read model "neighbour activity": each errand as it stands (who holds how much of the entrusted
-- cash now, what was spent, the change, the advance an overspend became) and each record of help
-- with its kind and the dates it was disputed or confirmed.
ALTER TABLE errand_activity ADD COLUMN status VARCHAR(16) DEFAULT 'STARTED' NOT NULL;
ALTER TABLE errand_activity ADD COLUMN purpose VARCHAR(32);
ALTER TABLE errand_activity ADD COLUMN currency CHAR(3) DEFAULT 'EUR' NOT NULL;
ALTER TABLE errand_activity ADD COLUMN entrusted_cents BIGINT DEFAULT 0 NOT NULL;
-- Entrusted cash the helper still holds for the asker: all of it until spending is reported, then
-- the change due, then nothing once the change is handed back.
ALTER TABLE errand_activity ADD COLUMN held_cents BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE errand_activity ADD COLUMN spent_cents BIGINT;
ALTER TABLE errand_activity ADD COLUMN receipt VARCHAR(40);
ALTER TABLE errand_activity ADD COLUMN reported_on DATE;
ALTER TABLE errand_activity ADD COLUMN change_due_cents BIGINT;
ALTER TABLE errand_activity ADD COLUMN change_returned_cents BIGINT;
ALTER TABLE errand_activity ADD COLUMN finished_on DATE;
ALTER TABLE errand_activity ADD COLUMN overspend_advance_id VARCHAR(64);
ALTER TABLE errand_activity ADD COLUMN overspent_cents BIGINT;

ALTER TABLE help_activity ADD COLUMN kind VARCHAR(32);
ALTER TABLE help_activity ADD COLUMN disputed_on DATE;
ALTER TABLE help_activity ADD COLUMN confirmed_on DATE;

-- Every change to the minutes of help that count, dated by business date like the journal: + when
-- recorded, - when disputed, + when confirmed after a dispute. Hours as of a date are the sum.
CREATE TABLE help_movement (
    help_id       VARCHAR(64) NOT NULL,
    movement_id   VARCHAR(80) NOT NULL,
    community_id  VARCHAR(64) NOT NULL,
    helper_id     VARCHAR(64) NOT NULL,
    receiver_id   VARCHAR(64) NOT NULL,
    delta_minutes BIGINT      NOT NULL,
    business_date DATE        NOT NULL,
    PRIMARY KEY (help_id, movement_id)
);
CREATE INDEX help_movement_by_helper ON help_movement (community_id, helper_id, business_date);
CREATE INDEX help_movement_by_receiver ON help_movement (community_id, receiver_id, business_date);
