/* The social map store: organisations' offers, their items and places; and the
   health word list that public texts are checked against. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/items.h"
#include "db/query.h"
#include "db/store.h"

static const int offer_kinds[] = { LIST_ACTIVITY, LIST_THEME };

static int load_places(struct db *db, struct offer *o, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT place FROM organisation_offer_places WHERE organisation_id = ? "
	                   "ORDER BY place_key", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, o->organisation_id);
	int rc;
	while ((rc = db_step(st, err)) == DB_ROW)
		(void)offer_add_place(o, db_col_text(st, 0));
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_offer_get(struct db *db, int64_t organisation_id, struct offer *o,
                    struct kp_error *err)
{
	struct db_stmt *st;
	offer_init(o, organisation_id);
	if (db_prepare(db, "SELECT f.address, f.new_clients, f.new_volunteers, f.updated_at "
	                   "FROM organisations g LEFT JOIN organisation_offers f "
	                   "ON f.organisation_id = g.id WHERE g.id = ?", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, organisation_id);
	int rc = db_step(st, err);
	if (rc == DB_ROW && !db_col_is_null(st, 3)) {
		snprintf(o->address, sizeof o->address, "%s", db_col_text(st, 0));
		o->new_clients = db_col_int(st, 1) != 0;
		o->new_volunteers = db_col_int(st, 2) != 0;
		o->updated_at = db_col_int(st, 3);
	}
	db_finalize(st);
	if (rc == DB_FAILED)
		return KP_ERR;
	if (rc == DB_DONE)
		return kp_fail(err, KP_NOT_FOUND, "not_found", "id");
	return items_load(db, "organisation_offer_items", "organisation_id", organisation_id,
	                  o->items, err) ||
	               load_places(db, o, err)
	           ? KP_ERR
	           : KP_OK;
}

static int put_places(struct db *db, const struct offer *o, struct kp_error *err)
{
	struct db_stmt *st;
	if (query_exec_id(db, "DELETE FROM organisation_offer_places WHERE organisation_id = ?",
	                  o->organisation_id, err) ||
	    db_prepare(db, "INSERT INTO organisation_offer_places (organisation_id, place, "
	                   "place_key) VALUES (?, ?, ?)", &st, err))
		return KP_ERR;
	int rc = KP_OK;
	for (int i = 0; i < o->n_places && rc == KP_OK; i++) {
		char key[sizeof o->places[0]];
		offer_place_key(o->places[i], key, sizeof key);
		db_reset(st);
		db_bind_int(st, 1, o->organisation_id);
		db_bind_text(st, 2, o->places[i]);
		db_bind_text(st, 3, key);
		rc = db_step(st, err) == DB_FAILED ? KP_ERR : KP_OK;
	}
	db_finalize(st);
	return rc;
}

int store_offer_put(struct db *db, const struct offer *o, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "INSERT INTO organisation_offers (organisation_id, address, "
	                   "new_clients, new_volunteers, updated_at) VALUES (?, ?, ?, ?, ?) "
	                   "ON CONFLICT (organisation_id) DO UPDATE SET address = excluded.address, "
	                   "new_clients = excluded.new_clients, "
	                   "new_volunteers = excluded.new_volunteers, "
	                   "updated_at = excluded.updated_at", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, o->organisation_id);
	db_bind_text(st, 2, o->address);
	db_bind_int(st, 3, o->new_clients);
	db_bind_int(st, 4, o->new_volunteers);
	db_bind_int(st, 5, o->updated_at);
	int rc = db_step(st, err);
	db_finalize(st);
	if (rc == DB_FAILED)
		return KP_ERR;
	return items_replace(db, "organisation_offer_items", "organisation_id", o->organisation_id,
	                     o->items, offer_kinds,
	                     (int)(sizeof offer_kinds / sizeof offer_kinds[0]), err) ||
	               put_places(db, o, err)
	           ? KP_ERR
	           : KP_OK;
}

struct id_walk {
	id_fn each;
	void *ctx;
};

static int id_row(void *arg, struct db_stmt *st)
{
	struct id_walk *w = arg;
	return w->each(w->ctx, db_col_int(st, 0));
}

int store_map_search(struct db *db, const struct map_filter *f, struct page pg, id_fn each,
                     void *ctx, int64_t *total, struct kp_error *err)
{
	struct query q;
	int rc = 0;
	query_init(&q);
	rc |= query_and(&q, "active = 1 AND kind <> 'referrer'");
	if (f->place_key)
		rc |= query_and_text2(&q, "(LOWER(municipality) = ? OR id IN (SELECT organisation_id "
		                          "FROM organisation_offer_places WHERE place_key = ?))",
		                      f->place_key, f->place_key);
	if (f->activity_id)
		rc |= query_and_int(&q, "id IN (SELECT organisation_id FROM "
		                        "organisation_offer_items WHERE item_id = ?)", f->activity_id);
	if (f->theme_id)
		rc |= query_and_int(&q, "id IN (SELECT organisation_id FROM "
		                        "organisation_offer_items WHERE item_id = ?)", f->theme_id);
	struct id_walk w = { each, ctx };
	rc = rc != 0 ? kp_internal(err)
	             : query_list(db, "organisations", "SELECT id FROM organisations", &q, "name, id",
	                          pg, id_row, &w, total, err);
	query_free(&q);
	return rc;
}

struct text_walk {
	text_fn each;
	void *ctx;
};

static int text_row(void *arg, struct db_stmt *st)
{
	struct text_walk *w = arg;
	return w->each(w->ctx, db_col_text(st, 0));
}

int store_health_words(struct db *db, text_fn each, void *ctx, struct kp_error *err)
{
	struct text_walk w = { each, ctx };
	return query_each(db, "SELECT word FROM health_words ORDER BY word", 0, text_row, &w, err);
}
