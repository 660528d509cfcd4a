-- Log-in accounts. Not part of the book: a password is not a fact about the neighbourhood, and an
-- account can be removed while the member's history stays. Passwords only as bcrypt hashes.
CREATE TABLE account (
    username      VARCHAR(64)  NOT NULL PRIMARY KEY,
    password_hash VARCHAR(100) NOT NULL,
    community_id  VARCHAR(64)  NOT NULL,
    -- One member id per person in the whole installation, so a member id alone names a person.
    member_id     VARCHAR(64)  NOT NULL UNIQUE,
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE
);
