-- The social map (sociale kaart): what each organisation offers, for whom,
-- where, and whether it takes new clients and volunteers. Public data: it
-- names organisations, never a volunteer or a client. An organisation
-- without a row has an empty offer that takes clients and volunteers.
CREATE TABLE organisation_offers (
	organisation_id  BIGINT PRIMARY KEY REFERENCES organisations(id),
	address          TEXT NOT NULL DEFAULT '',
	new_clients      BIGINT NOT NULL DEFAULT 1,
	new_volunteers   BIGINT NOT NULL DEFAULT 1,
	updated_at       BIGINT NOT NULL
);

-- Its activities and themes (target groups), from the shared lists.
CREATE TABLE organisation_offer_items (
	organisation_id  BIGINT NOT NULL REFERENCES organisations(id),
	item_id          BIGINT NOT NULL REFERENCES list_items(id),
	PRIMARY KEY (organisation_id, item_id)
);
CREATE INDEX offer_item_item ON organisation_offer_items(item_id);

-- The municipalities or districts it serves; place_key is the lower-case
-- name the search compares.
CREATE TABLE organisation_offer_places (
	organisation_id  BIGINT NOT NULL REFERENCES organisations(id),
	place            TEXT NOT NULL,
	place_key        TEXT NOT NULL,
	PRIMARY KEY (organisation_id, place_key)
);
CREATE INDEX offer_place_key ON organisation_offer_places(place_key);

-- An organisation chooses per call whether it appears on the network's
-- public pages (no login). A help request needs its public text first.
ALTER TABLE calls ADD COLUMN public_page BIGINT NOT NULL DEFAULT 0;
CREATE INDEX call_public_page ON calls(public_page, status, created_at);

-- Words that hint at someone's health. A public text that contains one gets
-- a warning before it goes out: the public page is no place for a client's
-- diagnosis. Data, so that the network can extend the list.
CREATE TABLE health_words (
	word  TEXT PRIMARY KEY   -- lower case; matches the start of a word in the text
);
INSERT INTO health_words (word) VALUES
	('dementie'), ('alzheimer'), ('kanker'), ('tumor'), ('chemo'), ('bestraling'),
	('depressie'), ('depressief'), ('psychose'), ('schizofren'), ('autisme'), ('adhd'),
	('diabetes'), ('suikerziekte'), ('beroerte'), ('hersenletsel'), ('hartfalen'),
	('hartinfarct'), ('parkinson'), ('ms-patiënt'), ('copd'), ('epilepsie'), ('verslaving'),
	('verslaafd'), ('alcoholist'), ('terminaal'), ('palliatief'), ('diagnose'), ('ziekte'),
	('ziek'), ('medicijnen'), ('medicatie'), ('operatie'), ('ziekenhuisopname'),
	('opgenomen'), ('gehandicapt'), ('verstandelijke beperking'), ('hiv'), ('aids'),
	('zwanger'), ('suïcid'), ('zelfmoord'), ('burn-out'), ('angststoornis');

-- The central contact point: the network names its hub organisation, whose
-- staff triage the help requests, and how many working days a request
-- routed to an organisation may wait before the hub is warned. No foreign
-- key: organisations already refer to their network, and a copy between
-- backends orders tables by their references (the use case checks it).
ALTER TABLE networks ADD COLUMN hub_organisation_id BIGINT;
ALTER TABLE networks ADD COLUMN pickup_working_days BIGINT NOT NULL DEFAULT 5;

-- A help request at the contact point, from the public form, a referrer or
-- the hub's desk. What it asks (activity, place, urgency) and where it is in
-- the warm referral: new -> routed -> accepted, or handed back to the hub.
CREATE TABLE help_requests (
	id               INTEGER PRIMARY KEY,
	channel          TEXT NOT NULL,           -- form, referrer, desk
	status           TEXT NOT NULL,           -- new, routed, accepted, handed_back, closed
	activity_id      BIGINT REFERENCES list_items(id),
	place            TEXT NOT NULL,
	urgency          TEXT NOT NULL,           -- normal, soon, urgent
	organisation_id  BIGINT REFERENCES organisations(id),  -- routed to
	contact_name     TEXT NOT NULL DEFAULT '', -- who picked it up there
	contact_phone    TEXT NOT NULL DEFAULT '',
	call_id          BIGINT REFERENCES calls(id),
	reason           TEXT NOT NULL DEFAULT '', -- why it was handed back
	created_by       BIGINT REFERENCES accounts(id),       -- NULL: the public form
	created_at       BIGINT NOT NULL,
	routed_at        BIGINT,
	accepted_at      BIGINT,
	updated_at       BIGINT NOT NULL
);
CREATE INDEX help_request_status ON help_requests(status, created_at);
CREATE INDEX help_request_org ON help_requests(organisation_id, status);
CREATE INDEX help_request_creator ON help_requests(created_by);

-- The client behind a help request, kept apart from everything volunteers
-- read: never joined into a call or a list. consent_share records that the
-- client agreed to share it with the organisation the request goes to.
-- erased_at is set when the client's data is erased (the row stays empty).
CREATE TABLE client_records (
	request_id     BIGINT PRIMARY KEY REFERENCES help_requests(id),
	name           TEXT NOT NULL,
	phone          TEXT NOT NULL DEFAULT '',
	email          TEXT NOT NULL DEFAULT '',
	place          TEXT NOT NULL DEFAULT '',
	situation      TEXT NOT NULL DEFAULT '',
	referred_by    TEXT NOT NULL DEFAULT '',   -- self, family carer, or the referrer's desk
	consent_share  BIGINT NOT NULL,
	consent_at     BIGINT NOT NULL,
	erased_at      BIGINT
);
