-- Read model "memberships" (girocode): where each member may be paid back. Only ciphertext, sealed with
-- the member's own key (key_id): erasing the member destroys the key and leaves these unreadable.
-- link_sealed is NULL when the member gave no payment link.
CREATE TABLE payout_details (
    community_id  VARCHAR(64)   NOT NULL,
    member_id     VARCHAR(64)   NOT NULL,
    key_id        VARCHAR(64)   NOT NULL,
    iban_sealed   VARCHAR(4096) NOT NULL,
    holder_sealed VARCHAR(4096) NOT NULL,
    link_sealed   VARCHAR(4096),
    recorded_on   DATE          NOT NULL,
    PRIMARY KEY (community_id, member_id)
);
