-- Importing volunteers from spreadsheets: the natural key an import looks a
-- row up by (the e-mail address within the organisation), and the column
-- mapping each organisation used last, so the next file needs none.
CREATE INDEX volunteer_org_email ON volunteers(organisation_id, LOWER(email));

-- A volunteer has at most one account; an import that invites thousands
-- asks for each whether it has one already.
CREATE INDEX account_volunteer ON accounts(volunteer_id);

CREATE TABLE import_mappings (
	organisation_id BIGINT NOT NULL REFERENCES organisations(id),
	kind            TEXT NOT NULL,          -- volunteers
	mapping         TEXT NOT NULL,          -- "Header=field, …"
	updated_at      BIGINT NOT NULL,
	PRIMARY KEY (organisation_id, kind)
);
