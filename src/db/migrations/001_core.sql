-- The core model: network, organisations, shared lists, volunteers on the
-- four building blocks, calls, matches with their history, accounts and
-- sessions. Times are unix seconds (BIGINT); dates are 'YYYY-MM-DD' text.

CREATE TABLE networks (
	id          INTEGER PRIMARY KEY,
	name        TEXT NOT NULL,
	region      TEXT NOT NULL DEFAULT '',
	created_at  BIGINT NOT NULL
);

CREATE TABLE organisations (
	id              INTEGER PRIMARY KEY,
	network_id      BIGINT NOT NULL REFERENCES networks(id),
	name            TEXT NOT NULL,
	kind            TEXT NOT NULL,
	municipality    TEXT NOT NULL,
	employees       BIGINT NOT NULL DEFAULT 0,
	vog_max_age_months BIGINT NOT NULL DEFAULT 36,
	email           TEXT NOT NULL DEFAULT '',
	phone           TEXT NOT NULL DEFAULT '',
	website         TEXT NOT NULL DEFAULT '',
	description     TEXT NOT NULL DEFAULT '',
	active          BIGINT NOT NULL DEFAULT 1,
	created_at      BIGINT NOT NULL,
	updated_at      BIGINT NOT NULL,
	UNIQUE (network_id, name)
);

CREATE TABLE locations (
	id               INTEGER PRIMARY KEY,
	organisation_id  BIGINT NOT NULL REFERENCES organisations(id),
	name             TEXT NOT NULL,
	place            TEXT NOT NULL,
	lat              DOUBLE PRECISION NOT NULL,
	lon              DOUBLE PRECISION NOT NULL,
	created_at       BIGINT NOT NULL,
	UNIQUE (organisation_id, name)
);

-- One table for every shared list; `kind` says which list an item is on:
-- activity, theme, motive, talent, training, language, experience.
CREATE TABLE list_items (
	id        INTEGER PRIMARY KEY,
	kind      TEXT NOT NULL,
	code      TEXT NOT NULL,
	label_nl  TEXT NOT NULL,
	label_en  TEXT NOT NULL,
	active    BIGINT NOT NULL DEFAULT 1,
	position  BIGINT NOT NULL DEFAULT 0,
	UNIQUE (kind, code)
);

CREATE TABLE volunteers (
	id               INTEGER PRIMARY KEY,
	organisation_id  BIGINT NOT NULL REFERENCES organisations(id),
	first_name       TEXT NOT NULL,
	last_name        TEXT NOT NULL,
	email            TEXT NOT NULL DEFAULT '',
	phone            TEXT NOT NULL DEFAULT '',
	birth_year       BIGINT,
	status           TEXT NOT NULL,
	place            TEXT NOT NULL,
	lat              DOUBLE PRECISION NOT NULL,
	lon              DOUBLE PRECISION NOT NULL,
	availability     BIGINT NOT NULL DEFAULT 0,   -- bit day*3+part, day 0 = Monday
	hours_per_week   BIGINT NOT NULL DEFAULT 0,
	engagement       BIGINT NOT NULL DEFAULT 0,   -- bit set of enum engagement
	max_distance_km  BIGINT NOT NULL DEFAULT 10,
	travel_mode      TEXT NOT NULL DEFAULT 'bike',
	driving_licence  BIGINT NOT NULL DEFAULT 0,
	max_matches      BIGINT NOT NULL DEFAULT 1,
	vog_date         TEXT,
	motivation_text  TEXT NOT NULL DEFAULT '',
	started_on       TEXT NOT NULL,
	created_at       BIGINT NOT NULL,
	updated_at       BIGINT NOT NULL
);
CREATE INDEX volunteer_org ON volunteers(organisation_id, status);
CREATE INDEX volunteer_name ON volunteers(last_name, first_name);

-- Themes, motives, talents, liked activities, trainings done and languages.
CREATE TABLE volunteer_items (
	volunteer_id  BIGINT NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,
	item_id       BIGINT NOT NULL REFERENCES list_items(id),
	PRIMARY KEY (volunteer_id, item_id)
);
CREATE INDEX volunteer_item_item ON volunteer_items(item_id);

-- Lived experience is health data under the AVG: kept apart from the profile
-- so that it is never read by accident with it.
CREATE TABLE volunteer_experiences (
	volunteer_id  BIGINT NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,
	item_id       BIGINT NOT NULL REFERENCES list_items(id),
	PRIMARY KEY (volunteer_id, item_id)
);

CREATE TABLE accounts (
	id               INTEGER PRIMARY KEY,
	email            TEXT NOT NULL UNIQUE,
	password_hash    TEXT NOT NULL,
	display_name     TEXT NOT NULL,
	role             TEXT NOT NULL,
	organisation_id  BIGINT REFERENCES organisations(id),
	volunteer_id     BIGINT REFERENCES volunteers(id),
	active           BIGINT NOT NULL DEFAULT 1,
	created_at       BIGINT NOT NULL
);

CREATE TABLE sessions (
	token_hash   TEXT PRIMARY KEY,
	account_id   BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
	csrf_token   TEXT NOT NULL,
	created_at   BIGINT NOT NULL,
	expires_at   BIGINT NOT NULL
);
CREATE INDEX session_account ON sessions(account_id);

CREATE TABLE calls (
	id                 INTEGER PRIMARY KEY,
	organisation_id    BIGINT NOT NULL REFERENCES organisations(id),
	location_id        BIGINT REFERENCES locations(id),
	volunteer_id       BIGINT REFERENCES volunteers(id),  -- set for a volunteer's offer
	source             TEXT NOT NULL,   -- organisation, location, client, referrer, volunteer
	title              TEXT NOT NULL,
	description        TEXT NOT NULL DEFAULT '',
	activity_id        BIGINT NOT NULL REFERENCES list_items(id),
	place              TEXT NOT NULL,
	lat                DOUBLE PRECISION NOT NULL,
	lon                DOUBLE PRECISION NOT NULL,
	one_off_date       TEXT,
	start_time         TEXT,
	dayparts           BIGINT NOT NULL DEFAULT 0,
	duration_minutes   BIGINT NOT NULL DEFAULT 60,
	volunteers_needed  BIGINT NOT NULL DEFAULT 1,
	requires_vog       BIGINT NOT NULL DEFAULT 0,
	requires_driving_licence BIGINT NOT NULL DEFAULT 0,
	engagement         TEXT NOT NULL DEFAULT 'one_off',
	status             TEXT NOT NULL,
	created_by         BIGINT REFERENCES accounts(id),
	created_at         BIGINT NOT NULL,
	updated_at         BIGINT NOT NULL
);
CREATE INDEX call_org ON calls(organisation_id, status);
CREATE INDEX call_status ON calls(status, created_at);

-- Themes, required trainings, skills and languages of a call; the list an
-- item is on says which of these it is.
CREATE TABLE call_items (
	call_id  BIGINT NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
	item_id  BIGINT NOT NULL REFERENCES list_items(id),
	PRIMARY KEY (call_id, item_id)
);

CREATE TABLE matches (
	id            INTEGER PRIMARY KEY,
	call_id       BIGINT NOT NULL REFERENCES calls(id),
	volunteer_id  BIGINT NOT NULL REFERENCES volunteers(id),
	status        TEXT NOT NULL,
	reason        TEXT NOT NULL DEFAULT '',
	score         DOUBLE PRECISION NOT NULL DEFAULT 0,
	explanation   TEXT NOT NULL DEFAULT '',
	created_at    BIGINT NOT NULL,
	updated_at    BIGINT NOT NULL,
	UNIQUE (call_id, volunteer_id)
);
CREATE INDEX match_volunteer ON matches(volunteer_id, status);
CREATE INDEX match_status ON matches(status);

CREATE TABLE match_events (
	id           INTEGER PRIMARY KEY,
	match_id     BIGINT NOT NULL REFERENCES matches(id) ON DELETE CASCADE,
	from_status  TEXT,
	to_status    TEXT NOT NULL,
	reason       TEXT NOT NULL DEFAULT '',
	actor_id     BIGINT REFERENCES accounts(id),
	at           BIGINT NOT NULL
);
CREATE INDEX match_event_match ON match_events(match_id);
