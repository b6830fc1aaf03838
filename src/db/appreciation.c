/* Appreciation: trainings followed with their certificates, and the EVC-A
   self-assessment of general volunteer competences. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/store.h"

int store_training_insert(struct db *db, struct volunteer_training *t, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "INSERT INTO volunteer_trainings (volunteer_id, training_id, title, "
	                   "completed_on, certificate, created_by, created_at) "
	                   "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, t->volunteer_id);
	db_bind_ref(st, 2, t->training_id);
	db_bind_text(st, 3, t->title);
	db_bind_text(st, 4, t->completed_on);
	db_bind_text(st, 5, t->certificate);
	db_bind_ref(st, 6, t->created_by);
	db_bind_int(st, 7, t->created_at);
	int rc = db_query_int(st, &t->id, err);
	db_finalize(st);
	if (rc || t->training_id <= 0)
		return rc;
	/* The profile's trainings are what matching filters on. */
	if (db_prepare(db, "INSERT INTO volunteer_items (volunteer_id, item_id) VALUES (?, ?) "
	                   "ON CONFLICT DO NOTHING", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, t->volunteer_id);
	db_bind_int(st, 2, t->training_id);
	rc = db_step(st, err);
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_trainings(struct db *db, int64_t volunteer_id, training_fn each, void *ctx,
                    struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT id, training_id, title, completed_on, certificate, created_by, "
	                   "created_at FROM volunteer_trainings WHERE volunteer_id = ? "
	                   "ORDER BY completed_on, id", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, volunteer_id);
	struct volunteer_training *t = malloc(sizeof *t);
	int rc = DB_FAILED;
	if (t == NULL) {
		kp_internal(err);
		goto end;
	}
	while ((rc = db_step(st, err)) == DB_ROW) {
		memset(t, 0, sizeof *t);
		t->id = db_col_int(st, 0);
		t->volunteer_id = volunteer_id;
		t->training_id = db_col_int(st, 1);
		snprintf(t->title, sizeof t->title, "%s", db_col_text(st, 2));
		snprintf(t->completed_on, sizeof t->completed_on, "%s", db_col_text(st, 3));
		snprintf(t->certificate, sizeof t->certificate, "%s", db_col_text(st, 4));
		t->created_by = db_col_int(st, 5);
		t->created_at = db_col_int(st, 6);
		if (each(ctx, t) != 0) {
			kp_internal(err);
			rc = DB_FAILED;
			break;
		}
	}
end:
	free(t);
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int store_competences_put(struct db *db, int64_t volunteer_id,
                          const struct competence_rating *ratings, int n, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "DELETE FROM volunteer_competences WHERE volunteer_id = ?", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, volunteer_id);
	int rc = db_step(st, err);
	db_finalize(st);
	if (rc == DB_FAILED)
		return KP_ERR;
	for (int i = 0; i < n; i++) {
		if (db_prepare(db, "INSERT INTO volunteer_competences (volunteer_id, competence, "
		                   "level, evidence, updated_at) VALUES (?, ?, ?, ?, ?)", &st, err))
			return KP_ERR;
		db_bind_int(st, 1, volunteer_id);
		db_bind_text(st, 2, ratings[i].competence);
		db_bind_int(st, 3, ratings[i].level);
		db_bind_text(st, 4, ratings[i].evidence);
		db_bind_int(st, 5, ratings[i].updated_at);
		rc = db_step(st, err);
		db_finalize(st);
		if (rc == DB_FAILED)
			return KP_ERR;
	}
	return KP_OK;
}

int store_competences(struct db *db, int64_t volunteer_id, competence_fn each, void *ctx,
                      struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT competence, level, evidence, updated_at FROM "
	                   "volunteer_competences WHERE volunteer_id = ? ORDER BY competence",
	               &st, err))
		return KP_ERR;
	db_bind_int(st, 1, volunteer_id);
	struct competence_rating r;
	int rc;
	while ((rc = db_step(st, err)) == DB_ROW) {
		memset(&r, 0, sizeof r);
		snprintf(r.competence, sizeof r.competence, "%s", db_col_text(st, 0));
		r.level = (int)db_col_int(st, 1);
		snprintf(r.evidence, sizeof r.evidence, "%s", db_col_text(st, 2));
		r.updated_at = db_col_int(st, 3);
		if (each(ctx, &r) != 0) {
			kp_internal(err);
			rc = DB_FAILED;
			break;
		}
	}
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}
