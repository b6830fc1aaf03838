-- Who made a match: the organisation (a coordinator's proposal) or the
-- volunteer (her own "Ik wil dit doen"). The other side says yes.
ALTER TABLE matches ADD COLUMN origin TEXT NOT NULL DEFAULT 'organisation';
UPDATE matches SET origin = 'volunteer'
WHERE id IN (SELECT e.match_id FROM match_events e JOIN accounts a ON a.id = e.actor_id
             WHERE e.from_status IS NULL AND a.role = 'volunteer');
