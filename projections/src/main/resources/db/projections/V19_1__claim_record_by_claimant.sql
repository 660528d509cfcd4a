-- "Mijn declaraties": a member's own claims, looked up by claimant.
CREATE INDEX claim_record_by_claimant ON claim_record (community_id, claimant_id);
