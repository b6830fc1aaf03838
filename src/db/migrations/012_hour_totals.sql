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
