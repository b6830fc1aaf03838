-- Two-factor sign-in (TOTP, RFC 6238) of administrators and coordinators.
-- One row per account that asked for a secret: pending (enabled 0) until its
-- owner confirms it with a current code, then on. The secret (hex of 20
-- random bytes) is read only by the account's own use cases. last_step is
-- the 30-second time step of the newest code accepted: a code of that step
-- or an earlier one is refused, so a code works once.
CREATE TABLE account_totp (
	account_id   BIGINT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
	secret       TEXT NOT NULL,
	enabled      BIGINT NOT NULL DEFAULT 0,
	last_step    BIGINT NOT NULL DEFAULT 0,
	created_at   BIGINT NOT NULL
);

-- "Tweestapsverificatie verplicht voor beheerders en coördinatoren".
ALTER TABLE networks ADD COLUMN totp_required BIGINT NOT NULL DEFAULT 0;
