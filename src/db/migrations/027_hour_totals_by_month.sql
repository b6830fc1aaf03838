-- The hours of a period for the whole network, or a municipality, are one
-- range of this index, already in the order they are added up by month and
-- activity; by organisation the primary key serves.
CREATE INDEX hour_month_totals_month
	ON hour_month_totals(month, activity_id, organisation_id, minutes);
