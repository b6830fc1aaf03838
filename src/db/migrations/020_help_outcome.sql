-- How a help request ended: helped, or not served and why (the contact
-- point's figures). '' for a request that is still open.
ALTER TABLE help_requests ADD COLUMN closed_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE help_requests ADD COLUMN closed_at BIGINT;
CREATE INDEX help_request_created ON help_requests(created_at);
UPDATE help_requests SET closed_at = updated_at,
	closed_reason = CASE WHEN accepted_at IS NOT NULL THEN 'helped' ELSE 'other' END
	WHERE status = 'closed';
