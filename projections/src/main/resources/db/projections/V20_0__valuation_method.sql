-- coordpages (issue 14): each hour valuation names how it was arrived at. Rows from before were
-- made from events that named no method; rebuilt, those events read (upcast) as UNSPECIFIED too.
ALTER TABLE reciprocity_valuation ADD COLUMN method VARCHAR(32) DEFAULT 'UNSPECIFIED' NOT NULL;
