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
