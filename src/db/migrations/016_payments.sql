-- Paying volunteers: the account a volunteer is paid on (personal data: in
-- the export, deleted on erasure) and the account an organisation pays
-- from, for the SEPA credit-transfer file of the treasurer.
CREATE TABLE bank_accounts (
	volunteer_id    BIGINT PRIMARY KEY REFERENCES volunteers(id) ON DELETE CASCADE,
	iban            TEXT NOT NULL,          -- checked (mod 97), no spaces, upper case
	holder          TEXT NOT NULL DEFAULT '', -- the name on the account, '' for the volunteer's
	updated_at      BIGINT NOT NULL
);

CREATE TABLE organisation_accounts (
	organisation_id BIGINT PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
	iban            TEXT NOT NULL,
	bic             TEXT NOT NULL DEFAULT '',
	updated_at      BIGINT NOT NULL
);

-- Per volunteer and organisation, how costs are paid: 'costs' (the actual
-- costs, claimed with kilometres, tickets and receipts; the default without
-- a row) or 'fixed' (the fixed volunteer allowance within the caps, and no
-- actual costs on top).
CREATE TABLE allowance_modes (
	volunteer_id    BIGINT NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,
	organisation_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
	mode            TEXT NOT NULL,
	updated_at      BIGINT NOT NULL,
	PRIMARY KEY (volunteer_id, organisation_id)
);

-- The month totals of an organisation and a volunteer's year read only
-- these indexes, not the rows (SQLite always, PostgreSQL once vacuumed):
-- they replace the narrower ones of 010_hours.
CREATE INDEX hour_entries_organisation_month ON hour_entries(organisation_id, worked_on,
	volunteer_id, status, minutes);
DROP INDEX hour_entries_organisation;
CREATE INDEX hour_entries_volunteer_year ON hour_entries(volunteer_id, worked_on,
	organisation_id, status, minutes);
DROP INDEX hour_entries_volunteer;
