-- What the figures read often, kept up to date on write.
--
-- Minutes worked per organisation, month and activity, kept by the store with
-- every hour entry written or corrected (src/db/hours.c), so that the figures
-- read a few rows per month instead of adding up millions of entries. The
-- activity is the entry's own, else that of its match's call when written;
-- 0 for none. Entries of a month cut by a period's edge are read directly,
-- with the index on the day.
CREATE TABLE hour_month_totals (
	organisation_id BIGINT NOT NULL REFERENCES organisations(id),
	month           TEXT NOT NULL,
	activity_id     BIGINT NOT NULL,
	minutes         BIGINT NOT NULL,
	PRIMARY KEY (organisation_id, month, activity_id)
);
INSERT INTO hour_month_totals (organisation_id, month, activity_id, minutes)
SELECT h.organisation_id, SUBSTR(h.worked_on, 1, 7), COALESCE(h.activity_id, c.activity_id, 0),
       SUM(h.minutes)
FROM hour_entries h LEFT JOIN matches m ON m.id = h.match_id LEFT JOIN calls c ON c.id = m.call_id
WHERE h.status <> 'corrected'
GROUP BY h.organisation_id, SUBSTR(h.worked_on, 1, 7), COALESCE(h.activity_id, c.activity_id, 0);
CREATE INDEX hour_entries_day ON hour_entries(worked_on);

-- Each volunteer's milestones for the figures, kept by the store as journey
-- steps and match events are written (src/db/journey.c, matches.c): the last
-- "stopped" step, the first intake, the first time a match was accepted.
-- With the index the figures read one narrow row per volunteer.
ALTER TABLE volunteers ADD COLUMN stopped_on TEXT;
ALTER TABLE volunteers ADD COLUMN intake_on TEXT;
ALTER TABLE volunteers ADD COLUMN first_match_at BIGINT;
UPDATE volunteers SET
	stopped_on = (SELECT MAX(s.on_date) FROM journey_steps s JOIN journeys j ON j.id = s.journey_id
	              WHERE j.volunteer_id = volunteers.id AND s.step = 'stopped'),
	intake_on = (SELECT MIN(s.on_date) FROM journey_steps s JOIN journeys j ON j.id = s.journey_id
	             WHERE j.volunteer_id = volunteers.id AND s.step = 'intake'),
	first_match_at = (SELECT MIN(e.at) FROM match_events e JOIN matches m ON m.id = e.match_id
	                  WHERE m.volunteer_id = volunteers.id AND e.to_status = 'accepted');
CREATE INDEX volunteer_figures ON volunteers(organisation_id, started_on, status, updated_at,
	stopped_on, intake_on, first_match_at);
