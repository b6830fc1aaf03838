-- Newsletters: written in Markdown by a coordinator (organisation_id) or the
-- network administrator (organisation_id NULL), kept with their safe HTML and
-- plain-text renderings, and sent once. newsletter_recipients records who it
-- went to: the archive a volunteer reads, and the guard that a second run of
-- the sending never mails a person twice.
CREATE TABLE newsletters (
	id                      INTEGER PRIMARY KEY,
	organisation_id         BIGINT REFERENCES organisations(id),
	author_id               BIGINT REFERENCES accounts(id),
	subject                 TEXT NOT NULL,
	markdown                TEXT NOT NULL,
	html                    TEXT NOT NULL,
	text                    TEXT NOT NULL,
	filter_organisation_id  BIGINT REFERENCES organisations(id),
	filter_activity_id      BIGINT REFERENCES list_items(id),
	filter_theme_id         BIGINT REFERENCES list_items(id),
	filter_place            TEXT NOT NULL DEFAULT '',
	status                  TEXT NOT NULL DEFAULT 'draft',  -- draft, sending, sent
	created_at              BIGINT NOT NULL,
	updated_at              BIGINT NOT NULL,
	sent_at                 BIGINT,
	recipient_count         BIGINT NOT NULL DEFAULT 0,
	queued_count            BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX newsletter_of ON newsletters(organisation_id, created_at);

CREATE TABLE newsletter_recipients (
	newsletter_id  BIGINT NOT NULL REFERENCES newsletters(id),
	volunteer_id   BIGINT NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,
	PRIMARY KEY (newsletter_id, volunteer_id)
);
CREATE INDEX newsletter_recipient_of ON newsletter_recipients(volunteer_id);
