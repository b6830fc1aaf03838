-- Several app servers on one database: the change log the servers follow to
-- keep their in-memory matching index fresh, and the runs of scheduled jobs
-- so that a job runs once per period for the whole network, not per server.

-- One row per committed write that matching cares about, written in the
-- same transaction as the write. Rows older than an hour are pruned.
CREATE TABLE changes (
	id       INTEGER PRIMARY KEY,
	kind     TEXT NOT NULL,             -- volunteer, call, match, organisation
	ref_id   BIGINT NOT NULL,           -- the record; for a match: its call
	ref2_id  BIGINT NOT NULL DEFAULT 0, -- for a match: its volunteer
	at       BIGINT NOT NULL
);
CREATE INDEX change_at ON changes(at);

CREATE TABLE job_runs (
	id        INTEGER PRIMARY KEY,
	job       TEXT NOT NULL,
	server    TEXT NOT NULL,            -- host:port of the server that ran it
	started_at BIGINT NOT NULL,
	result    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX job_run_job ON job_runs(job, started_at);
