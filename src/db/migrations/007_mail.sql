-- Sending the outbox: every mail is queued, sent, or failed for good; a mail
-- that a server refused or could not take waits before the next attempt.
ALTER TABLE outbox ADD COLUMN attempts BIGINT NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN next_attempt_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN failed_at BIGINT;
ALTER TABLE outbox ADD COLUMN last_error TEXT NOT NULL DEFAULT '';
CREATE INDEX outbox_due ON outbox(next_attempt_at, id);
