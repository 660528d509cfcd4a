-- Read model "journal" (JournalPostings), continued for the accountant's CSV (issue 14): when each
-- entry was recorded (the event's own time stamp, to the second) and, for an entry that came from a
-- claim (approved, paid, or a payment reversed), which claim of which initiative, so a row links to it.
-- Entries written before V23_0 have neither until one `rebuild`; the CSV leaves both cells empty
-- for them. V23_x belong to the yearly books.
ALTER TABLE journal_entry ADD COLUMN recorded_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE journal_entry ADD COLUMN claim_id VARCHAR(64);
ALTER TABLE journal_entry ADD COLUMN claim_initiative_id VARCHAR(64);
