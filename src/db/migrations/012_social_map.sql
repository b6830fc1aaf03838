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
