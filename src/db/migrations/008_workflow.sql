-- A help request (a call from a client or a referrer) describes a client's
-- situation in confidence. Volunteers see it only once the receiving
-- organisation has written its public text; until then it is unpublished.
ALTER TABLE calls ADD COLUMN public_title TEXT NOT NULL DEFAULT '';
ALTER TABLE calls ADD COLUMN public_description TEXT NOT NULL DEFAULT '';

-- A match's explanation was once copied from the page that proposed it, and
-- could name lived experience (health data). The server now writes its own,
-- without it; the copies that mention it go.
UPDATE matches SET explanation = '' WHERE explanation LIKE '%rvaringsdeskundig%';
