/* The change log and the runs of scheduled jobs (see store.h). */
#include <stdio.h>
#include <string.h>

#include "db/store.h"

static const char *const kind_names[CHANGE_KIND_COUNT] = {
	"volunteer", "call", "match", "organisation",
};

const char *change_kind_name(int kind)
{
	return kind >= 0 && kind < CHANGE_KIND_COUNT ? kind_names[kind] : "";
}

int change_kind_parse(const char *name)
{
	for (int i = 0; i < CHANGE_KIND_COUNT; i++)
		if (strcmp(kind_names[i], name) == 0)
			return i;
	return -1;
}

int store_change_record(struct db *db, int kind, int64_t ref_id, int64_t ref2_id, int64_t at,
                        struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "INSERT INTO changes (kind, ref_id, ref2_id, at) VALUES (?, ?, ?, ?)",
	               &st, err))
		return KP_ERR;
	db_bind_text(st, 1, change_kind_name(kind));
	db_bind_int(st, 2, ref_id);
	db_bind_int(st, 3, ref2_id);
	db_bind_int(st, 4, at);
	int rc = db_step(st, err);
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_change_record_match(struct db *db, int64_t match_id, int64_t at,
                              struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "INSERT INTO changes (kind, ref_id, ref2_id, at) "
	                   "SELECT 'match', call_id, volunteer_id, ? FROM matches WHERE id = ?",
	               &st, err))
		return KP_ERR;
	db_bind_int(st, 1, at);
	db_bind_int(st, 2, match_id);
	int rc = db_step(st, err);
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_changes_since(struct db *db, int64_t from, int limit, change_fn each, void *ctx,
                        struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT id, kind, ref_id, ref2_id, at FROM changes WHERE id >= ? "
	                   "ORDER BY id LIMIT ?", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, from);
	db_bind_int(st, 2, limit);
	int rc;
	while ((rc = db_step(st, err)) == DB_ROW) {
		struct change_entry c = {
			.id = db_col_int(st, 0),
			.kind = change_kind_parse(db_col_text(st, 1)),
			.ref_id = db_col_int(st, 2),
			.ref2_id = db_col_int(st, 3),
			.at = db_col_int(st, 4),
		};
		if (each(ctx, &c) != 0) {
			rc = DB_FAILED;
			kp_internal(err);
			break;
		}
	}
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_changes_next_id(struct db *db, int64_t *next, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT COALESCE(MAX(id), 0) + 1 FROM changes", &st, err))
		return KP_ERR;
	int rc = db_query_int(st, next, err);
	db_finalize(st);
	return rc;
}

int store_changes_prune(struct db *db, int64_t before, int64_t *deleted, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "DELETE FROM changes WHERE at < ? RETURNING id", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, before);
	int rc;
	*deleted = 0;
	while ((rc = db_step(st, err)) == DB_ROW)
		++*deleted;
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_job_last_run(struct db *db, const char *job, int64_t *at, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT COALESCE(MAX(started_at), 0) FROM job_runs WHERE job = ?", &st,
	               err))
		return KP_ERR;
	db_bind_text(st, 1, job);
	int rc = db_query_int(st, at, err);
	db_finalize(st);
	return rc;
}

int store_job_record_run(struct db *db, const char *job, const char *server, int64_t at,
                         const char *result, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "INSERT INTO job_runs (job, server, started_at, result) "
	                   "VALUES (?, ?, ?, ?)", &st, err))
		return KP_ERR;
	db_bind_text(st, 1, job);
	db_bind_text(st, 2, server);
	db_bind_int(st, 3, at);
	db_bind_text(st, 4, result);
	int rc = db_step(st, err);
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}
