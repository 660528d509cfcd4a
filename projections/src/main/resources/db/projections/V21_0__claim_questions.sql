-- Read model "expense claims": a claim may wait for the claimant's answer (NEEDS_INFORMATION, longer
-- than the column allowed), and the question and the answer are kept with their step, sealed with the
-- claimant's key exactly as in the event (the read model never holds them in clear).
ALTER TABLE claim_record ALTER COLUMN status SET DATA TYPE VARCHAR(24);
ALTER TABLE claim_step ADD COLUMN note_key_id VARCHAR(64);
ALTER TABLE claim_step ADD COLUMN note_sealed VARCHAR(4096);
-- The fund entry that paid the claim, so a bank line matched to that entry marks the payment as seen
-- on the bank (a payment recorded by hand stays without that step until then).
ALTER TABLE claim_record ADD COLUMN payment_entry VARCHAR(64);
