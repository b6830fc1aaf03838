/* An organisation's locations and the professionals who work there (store.h). */
#include <stdio.h>

#include "db/query.h"
#include "db/store.h"

#define SELECT_LOCATION \
	"SELECT id, organisation_id, name, address, place, lat, lon, active, created_at, " \
	"updated_at FROM locations "

static void read_location(struct db_stmt *st, struct location *l)
{
	l->id = db_col_int(st, 0);
	l->organisation_id = db_col_int(st, 1);
	snprintf(l->name, sizeof l->name, "%s", db_col_text(st, 2));
	snprintf(l->address, sizeof l->address, "%s", db_col_text(st, 3));
	snprintf(l->place, sizeof l->place, "%s", db_col_text(st, 4));
	l->lat = db_col_double(st, 5);
	l->lon = db_col_double(st, 6);
	l->active = (int)db_col_int(st, 7);
	l->created_at = db_col_int(st, 8);
	l->updated_at = db_col_int(st, 9);
}

int store_location_insert(struct db *db, struct location *l, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "INSERT INTO locations (organisation_id, name, address, place, lat, "
	                   "lon, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
	                   "RETURNING id", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, l->organisation_id);
	db_bind_text(st, 2, l->name);
	db_bind_text(st, 3, l->address);
	db_bind_text(st, 4, l->place);
	db_bind_double(st, 5, l->lat);
	db_bind_double(st, 6, l->lon);
	db_bind_int(st, 7, l->active);
	db_bind_int(st, 8, l->created_at);
	db_bind_int(st, 9, l->updated_at);
	int rc = db_query_int(st, &l->id, err);
	db_finalize(st);
	if (rc && err && err->kind == KP_CONFLICT)
		kp_fail(err, KP_CONFLICT, "duplicate", "name");
	return rc;
}

int store_location_get(struct db *db, int64_t id, struct location *l, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, SELECT_LOCATION "WHERE id = ?", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, id);
	int rc = db_step(st, err);
	if (rc == DB_ROW)
		read_location(st, l);
	db_finalize(st);
	if (rc == DB_DONE)
		return kp_fail(err, KP_NOT_FOUND, "not_found", "id");
	return rc == DB_ROW ? KP_OK : KP_ERR;
}

int store_location_update(struct db *db, const struct location *l, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "UPDATE locations SET name = ?, address = ?, place = ?, lat = ?, "
	                   "lon = ?, active = ?, updated_at = ? WHERE id = ?", &st, err))
		return KP_ERR;
	db_bind_text(st, 1, l->name);
	db_bind_text(st, 2, l->address);
	db_bind_text(st, 3, l->place);
	db_bind_double(st, 4, l->lat);
	db_bind_double(st, 5, l->lon);
	db_bind_int(st, 6, l->active);
	db_bind_int(st, 7, l->updated_at);
	db_bind_int(st, 8, l->id);
	int rc = db_step(st, err);
	db_finalize(st);
	if (rc == DB_FAILED && err->kind == KP_CONFLICT)
		return kp_fail(err, KP_CONFLICT, "duplicate", "name");
	return rc == DB_DONE ? KP_OK : KP_ERR;
}

struct location_walk {
	location_fn each;
	void *ctx;
};

static int location_row(void *arg, struct db_stmt *st)
{
	struct location_walk *w = arg;
	struct location l;
	read_location(st, &l);
	return w->each(w->ctx, &l);
}

int store_locations_of(struct db *db, int64_t organisation_id, location_fn each, void *ctx,
                       struct kp_error *err)
{
	struct location_walk w = { each, ctx };
	int64_t total = 0;
	struct query q;
	query_init(&q);
	int rc = organisation_id ? query_and_int(&q, "organisation_id = ?", organisation_id) : 0;
	rc = rc ? kp_internal(err)
	        : query_list(db, "locations", SELECT_LOCATION, &q, "active DESC, name, id",
	                     (struct page){ .limit = 1000 }, location_row, &w, &total, err);
	query_free(&q);
	return rc;
}

struct pair_walk {
	account_location_fn each;
	void *ctx;
};

static int pair_row(void *arg, struct db_stmt *st)
{
	struct pair_walk *w = arg;
	return w->each(w->ctx, db_col_int(st, 0), db_col_int(st, 1));
}

int store_account_locations_of(struct db *db, int64_t organisation_id, account_location_fn each,
                               void *ctx, struct kp_error *err)
{
	struct pair_walk w = { each, ctx };
	int64_t total = 0;
	struct query q;
	query_init(&q);
	int rc = organisation_id ? query_and_int(&q, "l.organisation_id = ?", organisation_id) : 0;
	rc = rc ? kp_internal(err)
	        : query_list(db, "account_locations al JOIN locations l ON l.id = al.location_id",
	                     "SELECT al.account_id, al.location_id FROM account_locations al "
	                     "JOIN locations l ON l.id = al.location_id ",
	                     &q, "al.account_id, al.location_id", (struct page){ .limit = 10000 },
	                     pair_row, &w, &total,
	                     err);
	query_free(&q);
	return rc;
}

int store_account_locations_set(struct db *db, int64_t account_id, const int64_t *ids, int n,
                                struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "DELETE FROM account_locations WHERE account_id = ?", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, account_id);
	int rc = db_step(st, err) == DB_DONE ? KP_OK : KP_ERR;
	db_finalize(st);
	if (rc || n == 0)
		return rc;
	if (db_prepare(db, "INSERT INTO account_locations (account_id, location_id) VALUES (?, ?)",
	               &st, err))
		return KP_ERR;
	for (int i = 0; i < n && rc == KP_OK; i++) {
		db_reset(st);
		db_bind_int(st, 1, account_id);
		db_bind_int(st, 2, ids[i]);
		rc = db_step(st, err) == DB_DONE ? KP_OK : KP_ERR;
	}
	db_finalize(st);
	return rc;
}

int store_location_outside(struct db *db, int64_t account_id, int64_t location_id,
                           bool *outside, struct kp_error *err)
{
	struct db_stmt *st;
	int64_t v = 0;
	*outside = false;
	if (db_prepare(db, "SELECT CASE WHEN EXISTS (SELECT 1 FROM account_locations "
	                   "WHERE account_id = ?) AND NOT EXISTS (SELECT 1 FROM account_locations "
	                   "WHERE account_id = ? AND location_id = ?) THEN 1 ELSE 0 END",
	               &st, err))
		return KP_ERR;
	db_bind_int(st, 1, account_id);
	db_bind_int(st, 2, account_id);
	db_bind_ref(st, 3, location_id);
	int rc = db_query_int(st, &v, err);
	db_finalize(st);
	*outside = v != 0;
	return rc;
}
