-- Hours, expenses and the volunteer allowance (vrijwilligersvergoeding).
--
-- An hour entry is time a volunteer gave to an organisation, on a match or
-- on an activity without one. A correction never overwrites: the entry gets
-- status 'corrected' and points at the entry that replaces it, so the
-- history stays. Approved entries are locked.
CREATE TABLE hour_entries (
	id              INTEGER PRIMARY KEY,
	volunteer_id    BIGINT NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,
	organisation_id BIGINT NOT NULL REFERENCES organisations(id),
	match_id        BIGINT REFERENCES matches(id),
	activity_id     BIGINT REFERENCES list_items(id),
	worked_on       TEXT NOT NULL,          -- YYYY-MM-DD
	minutes         BIGINT NOT NULL,        -- 1 .. 1440
	note            TEXT NOT NULL DEFAULT '',
	status          TEXT NOT NULL,          -- logged, approved, corrected
	replaced_by     BIGINT,                 -- the correction of a corrected entry
	created_by      BIGINT REFERENCES accounts(id),
	created_at      BIGINT NOT NULL,
	approved_by     BIGINT REFERENCES accounts(id),
	approved_at     BIGINT
);
CREATE INDEX hour_entries_volunteer ON hour_entries(volunteer_id, worked_on);
CREATE INDEX hour_entries_organisation ON hour_entries(organisation_id, worked_on);

-- An expense claim: kilometres (amount = km × the organisation's rate for the
-- travel mode), public transport, other costs (with a receipt), or the fixed
-- allowance. Amounts in euro cents.
CREATE TABLE expense_claims (
	id              INTEGER PRIMARY KEY,
	volunteer_id    BIGINT NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,
	organisation_id BIGINT NOT NULL REFERENCES organisations(id),
	match_id        BIGINT REFERENCES matches(id),
	kind            TEXT NOT NULL,          -- kilometres, public_transport, other, allowance
	incurred_on     TEXT NOT NULL,
	travel_mode     TEXT NOT NULL DEFAULT '',
	km              BIGINT NOT NULL DEFAULT 0,
	amount_cents    BIGINT NOT NULL,
	description     TEXT NOT NULL DEFAULT '',
	status          TEXT NOT NULL,          -- submitted, approved, rejected, paid
	reason          TEXT NOT NULL DEFAULT '',
	cap_warning     TEXT NOT NULL DEFAULT '',  -- a network-wide cap the sum would cross
	receipt_type    TEXT NOT NULL DEFAULT '',  -- image/jpeg, image/png, application/pdf
	receipt         TEXT,                   -- base64 of the file, NULL without one
	created_by      BIGINT REFERENCES accounts(id),
	created_at      BIGINT NOT NULL,
	decided_by      BIGINT REFERENCES accounts(id),
	decided_at      BIGINT,
	paid_at         BIGINT
);
CREATE INDEX expense_claims_volunteer ON expense_claims(volunteer_id, incurred_on);
CREATE INDEX expense_claims_organisation ON expense_claims(organisation_id, incurred_on);

-- What an organisation pays per kilometre, by travel mode, in cents.
CREATE TABLE expense_rates (
	organisation_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
	travel_mode     TEXT NOT NULL,
	cents_per_km    BIGINT NOT NULL,
	PRIMARY KEY (organisation_id, travel_mode)
);

-- The caps of the volunteer allowance by year, set by the tax authority and
-- kept by the network administrator. A year without a row uses the latest
-- earlier year's caps.
CREATE TABLE allowance_caps (
	year              BIGINT PRIMARY KEY,
	per_hour_cents    BIGINT NOT NULL,      -- from age 21
	per_hour_young_cents BIGINT NOT NULL,   -- below 21
	per_month_cents   BIGINT NOT NULL,
	per_year_cents    BIGINT NOT NULL
);
INSERT INTO allowance_caps VALUES (2024, 550, 325, 21000, 210000);
INSERT INTO allowance_caps VALUES (2025, 560, 330, 21000, 210000);
