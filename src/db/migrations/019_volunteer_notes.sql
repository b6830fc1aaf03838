-- A coordinator's private notes and contact log about a volunteer: for the
-- staff of the organisation that wrote them, never on the volunteer's own
-- pages; in the person's export and deleted with the person.
CREATE TABLE volunteer_notes (
	id               INTEGER PRIMARY KEY,
	volunteer_id     BIGINT NOT NULL REFERENCES volunteers(id),
	organisation_id  BIGINT NOT NULL REFERENCES organisations(id),
	kind             TEXT NOT NULL,            -- note, contact
	channel          TEXT NOT NULL DEFAULT '', -- a contact's: phone, email, visit, meeting, other
	happened_on      TEXT,                     -- a contact's day
	body             TEXT NOT NULL,
	created_by       BIGINT REFERENCES accounts(id),
	created_at       BIGINT NOT NULL
);
CREATE INDEX volunteer_note_of ON volunteer_notes(volunteer_id, organisation_id, created_at);
