-- Calendar feeds: a secret address per volunteer (her own commitments) or
-- per organisation (its agenda) that a phone calendar subscribes to without
-- a login. Only the hash of the token in the address is kept; making a new
-- address replaces the old one (one row per owner), revoking deletes it.
-- Exactly one of volunteer_id and organisation_id is set.
CREATE TABLE calendar_feeds (
	token_hash       TEXT PRIMARY KEY,
	volunteer_id     BIGINT UNIQUE REFERENCES volunteers(id) ON DELETE CASCADE,
	organisation_id  BIGINT UNIQUE REFERENCES organisations(id),
	created_by       BIGINT REFERENCES accounts(id),
	created_at       BIGINT NOT NULL
);
