-- Who recorded an advance or help on the party's behalf (issue 12, flow 10): the actor when it was
-- not the lender (advance) or the helper (help) themselves; NULL when they recorded it themselves.
-- Every event before this change was recorded by the party itself, so NULL is right for old rows.
ALTER TABLE advance_balance ADD COLUMN recorded_by VARCHAR(64);
ALTER TABLE help_activity ADD COLUMN recorded_by VARCHAR(64);
