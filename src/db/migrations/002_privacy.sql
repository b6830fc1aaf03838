-- Privacy by design: a volunteer's consent (current state and its history),
-- the append-only audit log of views and changes of personal data, and the
-- mark left on a volunteer record that was anonymised.

-- The consent in force, one row per volunteer. No row means no consent:
-- the profile stays within the volunteer's own organisation and lived
-- experience is neither stored nor shown.
CREATE TABLE volunteer_consents (
	volunteer_id   BIGINT PRIMARY KEY REFERENCES volunteers(id) ON DELETE CASCADE,
	profile_scope  TEXT NOT NULL,              -- none, organisations, network
	experience     BIGINT NOT NULL DEFAULT 0,  -- explicit consent for lived experience
	text_version   TEXT NOT NULL,
	given_at       BIGINT NOT NULL
);

-- The organisations a volunteer allows when profile_scope = 'organisations'.
CREATE TABLE volunteer_consent_organisations (
	volunteer_id     BIGINT NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,
	organisation_id  BIGINT NOT NULL REFERENCES organisations(id),
	PRIMARY KEY (volunteer_id, organisation_id)
);
CREATE INDEX consent_org ON volunteer_consent_organisations(organisation_id);

-- Every grant, change and withdrawal, so that it can be shown what a
-- volunteer agreed to, when, and on which version of the text.
CREATE TABLE consent_events (
	id             INTEGER PRIMARY KEY,
	volunteer_id   BIGINT NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,
	action         TEXT NOT NULL,              -- given, withdrawn
	profile_scope  TEXT NOT NULL,
	organisations  TEXT NOT NULL DEFAULT '',   -- ids, comma-separated, at that moment
	experience     BIGINT NOT NULL DEFAULT 0,
	text_version   TEXT NOT NULL,
	actor_id       BIGINT,
	at             BIGINT NOT NULL
);
CREATE INDEX consent_event_volunteer ON consent_events(volunteer_id, at);

-- Who viewed or changed which personal data, and why. Only ids and codes:
-- no names or contact details, so an erasure leaves nothing personal here.
-- The application only ever inserts into this table.
CREATE TABLE audit_log (
	id               INTEGER PRIMARY KEY,
	at               BIGINT NOT NULL,
	account_id       BIGINT,                 -- 0/NULL: the system (retention run, command line)
	role             TEXT NOT NULL,
	organisation_id  BIGINT,                 -- the actor's organisation
	action           TEXT NOT NULL,          -- view, create, update, export, erase, consent
	resource         TEXT NOT NULL,          -- volunteer, experience, consent, …
	volunteer_id     BIGINT,                 -- the person the data is about
	record_id        BIGINT,
	reason           TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_volunteer ON audit_log(volunteer_id, at);
CREATE INDEX audit_account ON audit_log(account_id, at);
CREATE INDEX audit_at ON audit_log(at);

ALTER TABLE volunteers ADD COLUMN erased_at BIGINT;
