-- Accounts people can keep. A neighbour's login is made when they are registered, without a
-- password: they choose it themselves with a one-time invitation code. Demo accounts are marked,
-- so they log in only while the demo is switched on; a system administrator may found further
-- communities on this installation.
ALTER TABLE account ALTER COLUMN password_hash DROP NOT NULL;
ALTER TABLE account ADD COLUMN demo BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE account ADD COLUMN system_admin BOOLEAN DEFAULT FALSE NOT NULL;

-- One-time codes: an invitation to choose a first password, or a reset a coordinator issued.
-- Only a SHA-256 of the code is kept; the code itself is shown once, to the coordinator.
CREATE TABLE login_code (
    code_hash  CHAR(64)    NOT NULL PRIMARY KEY,
    username   VARCHAR(64) NOT NULL,
    purpose    VARCHAR(16) NOT NULL,
    created_at TIMESTAMP   NOT NULL,
    expires_at TIMESTAMP   NOT NULL,
    used_at    TIMESTAMP
);

CREATE INDEX login_code_by_username ON login_code (username);

-- Failed log-ins per name (whether or not the name exists), for the lockout: 10 failures within
-- 15 minutes lock the name for 15 minutes, for the form and HTTP Basic alike.
CREATE TABLE login_attempt (
    username     VARCHAR(64) NOT NULL PRIMARY KEY,
    failures     INTEGER     NOT NULL,
    window_start TIMESTAMP   NOT NULL,
    locked_until TIMESTAMP
);
