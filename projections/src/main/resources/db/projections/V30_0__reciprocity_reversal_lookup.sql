-- Read model "partner reciprocity": find the reversal of an entry by the entry's id. The coordinator's
-- list of a partner's latest entries says of each whether it was reversed; without this index every
-- entry listed read all of the partner's movements to find out (issue 16, the entries page).
CREATE INDEX reciprocity_movement_by_reversed ON reciprocity_movement (partner_id, reverses_id);
