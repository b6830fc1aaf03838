/* What an import looks up and remembers (see store.h). */
#include <stdio.h>

#include "db/store.h"

int store_volunteer_find_key(struct db *db, const struct volunteer *v, int64_t *found,
                             struct kp_error *err)
{
	struct db_stmt *st;
	bool by_email = v->email[0] != '\0';
	*found = 0;
	/* Both queries follow an index: (organisation_id, LOWER(email)) and
	   (organisation_id, last_name, first_name, id). */
	const char *sql = by_email
		? "SELECT id FROM volunteers WHERE organisation_id = ? AND LOWER(email) = LOWER(?) "
		  "ORDER BY id LIMIT 1"
		: "SELECT id FROM volunteers WHERE organisation_id = ? AND last_name = ? AND "
		  "first_name = ? AND COALESCE(birth_year, 0) = ? AND LOWER(place) = LOWER(?) AND "
		  "COALESCE(email, '') = '' "
		  "ORDER BY id LIMIT 1";
	if (db_prepare(db, sql, &st, err))
		return KP_ERR;
	db_bind_int(st, 1, v->organisation_id);
	if (by_email) {
		db_bind_text(st, 2, v->email);
	} else {
		db_bind_text(st, 2, v->last_name);
		db_bind_text(st, 3, v->first_name);
		db_bind_int(st, 4, v->birth_year);
		db_bind_text(st, 5, v->place);
	}
	int rc = db_step(st, err);
	if (rc == DB_ROW)
		*found = db_col_int(st, 0);
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

/* Runs st, a query for one id: *found gets it, 0 when there is no row. */
static int found_id(struct db_stmt *st, int64_t *found, struct kp_error *err)
{
	*found = 0;
	int rc = db_step(st, err);
	if (rc == DB_ROW)
		*found = db_col_int(st, 0);
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_organisation_has_volunteers(struct db *db, int64_t organisation_id, bool *any,
                                      struct kp_error *err)
{
	struct db_stmt *st;
	int64_t found;
	if (db_prepare(db, "SELECT id FROM volunteers WHERE organisation_id = ? LIMIT 1", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, organisation_id);
	int rc = found_id(st, &found, err);
	*any = found != 0;
	return rc;
}

int store_organisation_find_name(struct db *db, const char *name, int64_t *found,
                                 struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT id FROM organisations WHERE LOWER(name) = LOWER(?) "
	                   "ORDER BY id LIMIT 1", &st, err))
		return KP_ERR;
	db_bind_text(st, 1, name);
	return found_id(st, found, err);
}

int store_call_find_key(struct db *db, int64_t organisation_id, const char *title,
                        const char *one_off_date, int64_t *found, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT id FROM calls WHERE organisation_id = ? AND "
	                   "LOWER(title) = LOWER(?) AND COALESCE(one_off_date, '') = ? AND "
	                   "volunteer_id IS NULL LIMIT 1", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, organisation_id);
	db_bind_text(st, 2, title);
	db_bind_text(st, 3, one_off_date);
	return found_id(st, found, err);
}

int store_match_find(struct db *db, int64_t call_id, int64_t volunteer_id, int64_t *found,
                     struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT MAX(id) FROM matches WHERE call_id = ? AND volunteer_id = ?",
	               &st, err))
		return KP_ERR;
	db_bind_int(st, 1, call_id);
	db_bind_int(st, 2, volunteer_id);
	return found_id(st, found, err);
}

int store_hour_find_key(struct db *db, int64_t volunteer_id, int64_t match_id,
                        const char *worked_on, int64_t *found, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT id FROM hour_entries WHERE volunteer_id = ? AND worked_on = ? "
	                   "AND COALESCE(match_id, 0) = ? AND status <> 'corrected' LIMIT 1",
	               &st, err))
		return KP_ERR;
	db_bind_int(st, 1, volunteer_id);
	db_bind_text(st, 2, worked_on);
	db_bind_int(st, 3, match_id);
	return found_id(st, found, err);
}

int store_import_mapping_get(struct db *db, int64_t organisation_id, const char *kind,
                             char *out, size_t size, struct kp_error *err)
{
	struct db_stmt *st;
	out[0] = '\0';
	if (db_prepare(db, "SELECT mapping FROM import_mappings WHERE organisation_id = ? AND "
	                   "kind = ?", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, organisation_id);
	db_bind_text(st, 2, kind);
	int rc = db_step(st, err);
	if (rc == DB_ROW)
		snprintf(out, size, "%s", db_col_text(st, 0));
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_import_mapping_set(struct db *db, int64_t organisation_id, const char *kind,
                             const char *mapping, int64_t now, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "INSERT INTO import_mappings (organisation_id, kind, mapping, updated_at) "
	                   "VALUES (?, ?, ?, ?) ON CONFLICT (organisation_id, kind) DO UPDATE SET "
	                   "mapping = excluded.mapping, updated_at = excluded.updated_at",
	               &st, err))
		return KP_ERR;
	db_bind_int(st, 1, organisation_id);
	db_bind_text(st, 2, kind);
	db_bind_text(st, 3, mapping);
	db_bind_int(st, 4, now);
	int rc = db_step(st, err);
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}
