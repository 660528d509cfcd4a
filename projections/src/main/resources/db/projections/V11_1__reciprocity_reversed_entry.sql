-- Read model "partner reciprocity": which entry a reversal row reverses (null on an entry), so the
-- coordinator's list shows an entry as reversed. Rows from before V11_1 get it on a rebuild.
ALTER TABLE reciprocity_movement ADD COLUMN reverses_id VARCHAR(64);
