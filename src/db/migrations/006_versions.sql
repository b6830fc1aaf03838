-- Edits that change only what they name: every record people edit carries a
-- version, one up with every change, and each field remembers the version
-- that last changed it. An edit made from version V that would change a field
-- changed after V is refused (changed meanwhile); edits of different fields
-- both stay.
ALTER TABLE volunteers ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE calls ADD COLUMN version BIGINT NOT NULL DEFAULT 1;

CREATE TABLE field_versions (
	record    TEXT NOT NULL,            -- volunteer, call
	record_id BIGINT NOT NULL,
	field     TEXT NOT NULL,            -- the field's name in the API
	version   BIGINT NOT NULL,          -- the record's version that last changed it
	PRIMARY KEY (record, record_id, field)
);
