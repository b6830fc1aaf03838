-- An organisation's locations (a care home, a community centre) with their
-- address, switched off rather than deleted so that old calls keep their
-- name; a care professional works at one or more of them.
ALTER TABLE locations ADD COLUMN address TEXT NOT NULL DEFAULT '';
ALTER TABLE locations ADD COLUMN active BIGINT NOT NULL DEFAULT 1;
ALTER TABLE locations ADD COLUMN updated_at BIGINT NOT NULL DEFAULT 0;

CREATE TABLE account_locations (
	account_id   BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
	location_id  BIGINT NOT NULL REFERENCES locations(id),
	PRIMARY KEY (account_id, location_id)
);
CREATE INDEX account_locations_location ON account_locations (location_id);
CREATE INDEX calls_location ON calls (location_id);
