/* The network and organisation stores. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/query.h"
#include "db/store.h"

int store_network_ensure(struct db *db, const char *name, const char *region, int64_t now,
                         int64_t *id, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT id FROM networks ORDER BY id LIMIT 1", &st, err))
		return KP_ERR;
	int rc = db_query_int(st, id, err);
	db_finalize(st);
	if (rc == KP_OK || err->kind != KP_NOT_FOUND)
		return rc;
	*err = (struct kp_error){ 0 }; /* "none yet" is not an error: callers test err->kind */
	if (db_prepare(db, "INSERT INTO networks (name, region, created_at) VALUES (?, ?, ?) "
	                   "RETURNING id", &st, err))
		return KP_ERR;
	db_bind_text(st, 1, name);
	db_bind_text(st, 2, region);
	db_bind_int(st, 3, now);
	rc = db_query_int(st, id, err);
	db_finalize(st);
	return rc;
}

#define COLUMNS                                                                    \
	"network_id, name, kind, municipality, employees, vog_max_age_months, email, "  \
	"phone, website, description, active, created_at, updated_at"
#define SELECT_ORGANISATION "SELECT id, " COLUMNS " FROM organisations"

static int bind_organisation(struct db_stmt *st, const struct organisation *o)
{
	int i = 1;
	db_bind_int(st, i++, o->network_id);
	db_bind_text(st, i++, o->name);
	db_bind_text(st, i++, organisation_kind_name(o->kind));
	db_bind_text(st, i++, o->municipality);
	db_bind_int(st, i++, o->employees);
	db_bind_int(st, i++, o->vog_max_age_months);
	db_bind_text(st, i++, o->email);
	db_bind_text(st, i++, o->phone);
	db_bind_text(st, i++, o->website);
	db_bind_text(st, i++, o->description);
	db_bind_int(st, i++, o->active);
	db_bind_int(st, i++, o->created_at);
	db_bind_int(st, i++, o->updated_at);
	return i;
}

static void read_organisation(struct db_stmt *st, struct organisation *o)
{
	int i = 0;
	memset(o, 0, sizeof *o);
	o->id = db_col_int(st, i++);
	o->network_id = db_col_int(st, i++);
	snprintf(o->name, sizeof o->name, "%s", db_col_text(st, i++));
	o->kind = organisation_kind_parse(db_col_text(st, i++));
	snprintf(o->municipality, sizeof o->municipality, "%s", db_col_text(st, i++));
	o->employees = (int)db_col_int(st, i++);
	o->vog_max_age_months = (int)db_col_int(st, i++);
	snprintf(o->email, sizeof o->email, "%s", db_col_text(st, i++));
	snprintf(o->phone, sizeof o->phone, "%s", db_col_text(st, i++));
	snprintf(o->website, sizeof o->website, "%s", db_col_text(st, i++));
	snprintf(o->description, sizeof o->description, "%s", db_col_text(st, i++));
	o->active = (int)db_col_int(st, i++);
	o->created_at = db_col_int(st, i++);
	o->updated_at = db_col_int(st, i++);
}

int store_organisation_insert(struct db *db, struct organisation *o, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "INSERT INTO organisations (" COLUMNS ") VALUES "
	                   "(?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id", &st, err))
		return KP_ERR;
	bind_organisation(st, o);
	int rc = db_query_int(st, &o->id, err);
	db_finalize(st);
	if (rc && err && err->kind == KP_CONFLICT)
		kp_fail(err, KP_CONFLICT, "duplicate", "name");
	if (rc)
		return rc;
	return store_change_record(db, CHANGE_ORGANISATION, o->id, 0, o->updated_at, err);
}

int store_organisation_update(struct db *db, const struct organisation *o, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "UPDATE organisations SET network_id = ?, name = ?, kind = ?, "
	                   "municipality = ?, employees = ?, vog_max_age_months = ?, email = ?, "
	                   "phone = ?, website = ?, description = ?, active = ?, created_at = ?, "
	                   "updated_at = ? WHERE id = ? RETURNING id", &st, err))
		return KP_ERR;
	int i = bind_organisation(st, o);
	db_bind_int(st, i, o->id);
	int64_t got;
	int rc = db_query_int(st, &got, err);
	db_finalize(st);
	if (rc && err && err->kind == KP_CONFLICT)
		kp_fail(err, KP_CONFLICT, "duplicate", "name");
	else if (rc && err && err->kind == KP_NOT_FOUND)
		kp_fail(err, KP_NOT_FOUND, "not_found", "id");
	if (rc)
		return rc;
	/* Other app servers refresh their matching index from the change log. */
	return store_change_record(db, CHANGE_ORGANISATION, o->id, 0, o->updated_at, err);
}

int store_organisation_get(struct db *db, int64_t id, struct organisation *o,
                           struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, SELECT_ORGANISATION " WHERE id = ?", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, id);
	int rc = db_step(st, err);
	if (rc == DB_ROW)
		read_organisation(st, o);
	db_finalize(st);
	if (rc == DB_FAILED)
		return KP_ERR;
	return rc == DB_DONE ? kp_fail(err, KP_NOT_FOUND, "not_found", "id") : KP_OK;
}

struct organisation_walk {
	organisation_fn each;
	void *ctx;
	struct organisation *row;  /* one buffer for every row: the struct is large */
};

static int organisation_row(void *arg, struct db_stmt *st)
{
	struct organisation_walk *w = arg;
	read_organisation(st, w->row);
	return w->each(w->ctx, w->row);
}

int store_organisation_list(struct db *db, const struct list_filter *f, struct page pg,
                            organisation_fn each, void *ctx, int64_t *total,
                            struct kp_error *err)
{
	struct query q;
	char like[512];
	int rc = 0;
	query_init(&q);
	if (f->organisation_id)
		rc |= query_and_int(&q, "id = ?", f->organisation_id);
	if (f->place)
		rc |= query_and_text(&q, "LOWER(municipality) = LOWER(?)", f->place);
	if (f->q) {
		rc |= query_like_pattern(f->q, like, sizeof like);
		rc |= query_and_text(&q, "LOWER(name) LIKE LOWER(?) ESCAPE '\\'", like);
	}
	struct organisation_walk w = { each, ctx, malloc(sizeof *w.row) };
	rc = rc != 0 || w.row == NULL
	             ? kp_internal(err)
	             : query_list(db, "organisations", SELECT_ORGANISATION, &q, "name, id", pg,
	                          organisation_row, &w, total, err);
	free(w.row);
	query_free(&q);
	return rc;
}
