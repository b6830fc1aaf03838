-- A newsletter's mail carries the newsletter as HTML beside its plain text.
-- The outbox row names the newsletter instead of holding a copy of its HTML
-- per reader; the sender adds it when the mail goes. 0: text only.
ALTER TABLE outbox ADD COLUMN newsletter_id BIGINT NOT NULL DEFAULT 0;
