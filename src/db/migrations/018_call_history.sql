-- The history of a call: each edit, which fields it changed, who made it and
-- when, and the new status when it changed. The values are not kept twice:
-- a help request's own text stays where every read of it is logged.
CREATE TABLE call_changes (
	id        INTEGER PRIMARY KEY,
	call_id   BIGINT NOT NULL REFERENCES calls(id),
	version   BIGINT NOT NULL,          -- the call's version after the change
	fields    TEXT NOT NULL,            -- changed fields, API names, comma-separated;
	                                    -- '' when the call was posted
	status    TEXT,                     -- the new status, when the change set it
	actor_id  BIGINT REFERENCES accounts(id),
	at        BIGINT NOT NULL
);
CREATE INDEX call_change_call ON call_changes(call_id, version);
