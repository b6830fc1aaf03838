-- Notifications people want: the language of an account's mails, a choice
-- per kind of notification (immediately, in a daily digest, or never), the
-- items waiting for a digest, the unsubscribe address a queued mail
-- carries in its List-Unsubscribe header, and the intake appointment.
ALTER TABLE accounts ADD COLUMN language TEXT NOT NULL DEFAULT 'nl';
CREATE TABLE notification_prefs (
	account_id   BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
	kind         TEXT NOT NULL,           -- proposal, response, transfer, ...
	delivery     TEXT NOT NULL,           -- immediately, digest, never
	updated_at   BIGINT NOT NULL,
	PRIMARY KEY (account_id, kind)
);
CREATE TABLE digest_items (
	id           INTEGER PRIMARY KEY,
	account_id   BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
	kind         TEXT NOT NULL,
	dedupe_key   TEXT NOT NULL,
	subject      TEXT NOT NULL,           -- rendered in the account's language
	body         TEXT NOT NULL,
	created_at   BIGINT NOT NULL,
	digest_day   TEXT,                    -- the day whose digest carried it; NULL: waiting
	UNIQUE (account_id, dedupe_key)
);
CREATE INDEX digest_item_waiting ON digest_items(digest_day, created_at);
ALTER TABLE outbox ADD COLUMN unsubscribe_url TEXT NOT NULL DEFAULT '';
-- The intake appointment a coordinator plans with a new volunteer; '' none.
ALTER TABLE journeys ADD COLUMN intake_on TEXT NOT NULL DEFAULT '';
ALTER TABLE journeys ADD COLUMN intake_time TEXT NOT NULL DEFAULT '';
ALTER TABLE journeys ADD COLUMN intake_place TEXT NOT NULL DEFAULT '';
