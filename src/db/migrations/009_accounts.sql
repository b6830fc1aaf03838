-- One-time links of accounts: an invitation that staff send to a new
-- account's owner, and a password reset. Only the hash of a token is kept;
-- a token is used once (used_at) and expires. An invited account has no
-- password (password_hash '') until its owner accepts the invitation.
CREATE TABLE account_tokens (
	token_hash   TEXT PRIMARY KEY,
	account_id   BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
	purpose      TEXT NOT NULL,      -- invitation, reset
	created_at   BIGINT NOT NULL,
	expires_at   BIGINT NOT NULL,
	used_at      BIGINT
);
CREATE INDEX account_token_account ON account_tokens(account_id);
