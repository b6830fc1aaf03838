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
