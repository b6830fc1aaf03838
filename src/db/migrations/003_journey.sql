-- The volunteer journey (vrijwilligersreis): one journey per volunteer per
-- organisation with its steps, the exit interview, the volunteer's own
-- requests to pause or stop, nazorg answers on matches, warm transfers
-- between organisations, appreciation (trainings, EVC-A self-assessment),
-- and the outbox of e-mails. Dates are 'YYYY-MM-DD' text, times unix seconds.

-- How an organisation runs the journey; defaults apply without a row.
CREATE TABLE journey_settings (
	organisation_id    BIGINT PRIMARY KEY REFERENCES organisations(id),
	requires_vog       BIGINT NOT NULL DEFAULT 0,
	requires_training  BIGINT NOT NULL DEFAULT 1,
	intake_days        BIGINT NOT NULL DEFAULT 14,
	evaluation_months  BIGINT NOT NULL DEFAULT 12,
	updated_at         BIGINT NOT NULL
);

CREATE TABLE journeys (
	id               INTEGER PRIMARY KEY,
	volunteer_id     BIGINT NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,
	organisation_id  BIGINT NOT NULL REFERENCES organisations(id),
	step             TEXT NOT NULL,
	step_on          TEXT NOT NULL,   -- date of the current step
	started_on       TEXT NOT NULL,   -- date of the aanmelding
	created_at       BIGINT NOT NULL,
	updated_at       BIGINT NOT NULL,
	UNIQUE (volunteer_id, organisation_id)
);
CREATE INDEX journey_org ON journeys(organisation_id, step);

-- Every step taken, with its date, who recorded it and notes.
CREATE TABLE journey_steps (
	id          INTEGER PRIMARY KEY,
	journey_id  BIGINT NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
	from_step   TEXT,
	step        TEXT NOT NULL,
	on_date     TEXT NOT NULL,
	actor_id    BIGINT REFERENCES accounts(id),
	notes       TEXT NOT NULL DEFAULT '',
	created_at  BIGINT NOT NULL
);
CREATE INDEX journey_step_journey ON journey_steps(journey_id);

CREATE TABLE exit_interviews (
	id          INTEGER PRIMARY KEY,
	journey_id  BIGINT NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
	step_id     BIGINT NOT NULL REFERENCES journey_steps(id),  -- the exit_interview step it belongs to
	held_on     TEXT NOT NULL,
	reason      TEXT NOT NULL,
	outcome     TEXT NOT NULL,
	notes       TEXT NOT NULL DEFAULT '',
	actor_id    BIGINT REFERENCES accounts(id),
	created_at  BIGINT NOT NULL
);
CREATE INDEX exit_interview_journey ON exit_interviews(journey_id);

-- A volunteer's own request to pause or stop; handled when the journey
-- reaches the matching step.
CREATE TABLE journey_requests (
	id          INTEGER PRIMARY KEY,
	journey_id  BIGINT NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
	kind        TEXT NOT NULL,
	note        TEXT NOT NULL DEFAULT '',
	created_at  BIGINT NOT NULL,
	handled_at  BIGINT
);
CREATE INDEX journey_request_journey ON journey_requests(journey_id);

-- Nazorg: "did it work?", asked 2-3 weeks after a match became active.
CREATE TABLE match_aftercare (
	match_id     BIGINT PRIMARY KEY REFERENCES matches(id) ON DELETE CASCADE,
	answer       TEXT NOT NULL,
	notes        TEXT NOT NULL DEFAULT '',
	answered_by  BIGINT REFERENCES accounts(id),
	answered_at  BIGINT NOT NULL
);

-- Warme doorverwijzing. shared_parts is the bit set of profile parts the
-- volunteer agreed to share; the receiver sees exactly those, read live.
CREATE TABLE transfers (
	id                INTEGER PRIMARY KEY,
	volunteer_id      BIGINT NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,
	from_organisation BIGINT NOT NULL REFERENCES organisations(id),
	to_organisation   BIGINT NOT NULL REFERENCES organisations(id),
	status            TEXT NOT NULL,
	initiator         TEXT NOT NULL,   -- coordinator or volunteer
	message           TEXT NOT NULL DEFAULT '',
	shared_parts      BIGINT NOT NULL DEFAULT 0,
	consent_at        BIGINT,
	decision_note     TEXT NOT NULL DEFAULT '',
	created_by        BIGINT REFERENCES accounts(id),
	decided_by        BIGINT REFERENCES accounts(id),
	created_at        BIGINT NOT NULL,
	updated_at        BIGINT NOT NULL
);
CREATE INDEX transfer_volunteer ON transfers(volunteer_id);
CREATE INDEX transfer_from ON transfers(from_organisation, status);
CREATE INDEX transfer_to ON transfers(to_organisation, status);

-- Trainings followed and certificates.
CREATE TABLE volunteer_trainings (
	id            INTEGER PRIMARY KEY,
	volunteer_id  BIGINT NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,
	training_id   BIGINT REFERENCES list_items(id),
	title         TEXT NOT NULL,
	completed_on  TEXT NOT NULL,
	certificate   TEXT NOT NULL DEFAULT '',
	created_by    BIGINT REFERENCES accounts(id),
	created_at    BIGINT NOT NULL
);
CREATE INDEX volunteer_training_volunteer ON volunteer_trainings(volunteer_id);

-- EVC-A general volunteer competences as the volunteer rates them (1-4).
CREATE TABLE volunteer_competences (
	volunteer_id  BIGINT NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,
	competence    TEXT NOT NULL,
	level         BIGINT NOT NULL,
	evidence      TEXT NOT NULL DEFAULT '',
	updated_at    BIGINT NOT NULL,
	PRIMARY KEY (volunteer_id, competence)
);

-- E-mails to send. dedupe_key makes a reminder go out once per recipient.
CREATE TABLE outbox (
	id               INTEGER PRIMARY KEY,
	recipient        TEXT NOT NULL,
	subject          TEXT NOT NULL,
	body             TEXT NOT NULL,
	dedupe_key       TEXT NOT NULL,
	organisation_id  BIGINT REFERENCES organisations(id),
	created_at       BIGINT NOT NULL,
	sent_at          BIGINT,
	UNIQUE (dedupe_key, recipient)
);
CREATE INDEX outbox_pending ON outbox(sent_at, id);
