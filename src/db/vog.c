/* The volunteers of an organisation by the date of their VOG (store.h). */
#include <stdio.h>
#include <stdlib.h>

#include "db/db.h"
#include "db/query.h"
#include "db/store.h"

struct vog_walk {
	vog_fn each;
	void *ctx;
};

static int vog_row(void *arg, struct db_stmt *st)
{
	struct vog_walk *w = arg;
	struct vog_holder h = { .volunteer_id = db_col_int(st, 0) };
	snprintf(h.first_name, sizeof h.first_name, "%s", db_col_text(st, 1));
	snprintf(h.last_name, sizeof h.last_name, "%s", db_col_text(st, 2));
	h.status = volunteer_status_parse(db_col_text(st, 3));
	snprintf(h.vog_date, sizeof h.vog_date, "%s", db_col_text(st, 4));
	return w->each(w->ctx, &h);
}

int store_vog_issued_by(struct db *db, int64_t organisation_id, const char *issued_by,
                        int limit, vog_fn each, void *ctx, int64_t *total, struct kp_error *err)
{
	struct vog_walk w = { each, ctx };
	struct query q;
	query_init(&q);
	int rc = query_and_int(&q, "organisation_id = ?", organisation_id) |
	         query_and(&q, "erased_at IS NULL") |
	         query_and(&q, "status IN ('applied', 'active', 'paused')") |
	         query_and(&q, "vog_date IS NOT NULL") | query_and(&q, "vog_date <> ''") |
	         query_and_text(&q, "vog_date <= ?", issued_by);
	rc = rc ? kp_internal(err)
	        : query_list(db, "volunteers",
	                     "SELECT id, first_name, last_name, status, vog_date FROM volunteers", &q,
	                     "vog_date, last_name, id", (struct page){ .limit = limit }, vog_row, &w,
	                     total, err);
	query_free(&q);
	return rc;
}

int store_vog_expiry_walk(struct db *db, vog_due_fn each, void *ctx, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT v.id, v.organisation_id, v.first_name, v.email, v.vog_date, "
	                   "o.name, o.vog_max_age_months FROM volunteers v "
	                   "JOIN organisations o ON o.id = v.organisation_id "
	                   "WHERE v.erased_at IS NULL AND v.status IN ('active', 'paused') "
	                   "AND v.vog_date IS NOT NULL AND v.vog_date <> '' AND v.email <> '' "
	                   "ORDER BY v.id", &st, err))
		return KP_ERR;
	struct vog_due *d = malloc(sizeof *d);
	int rc = d != NULL ? DB_DONE : DB_FAILED;
	if (d == NULL)
		kp_internal(err);
	while (d != NULL && (rc = db_step(st, err)) == DB_ROW) {
		d->volunteer_id = db_col_int(st, 0);
		d->organisation_id = db_col_int(st, 1);
		snprintf(d->first_name, sizeof d->first_name, "%s", db_col_text(st, 2));
		snprintf(d->email, sizeof d->email, "%s", db_col_text(st, 3));
		snprintf(d->vog_date, sizeof d->vog_date, "%s", db_col_text(st, 4));
		snprintf(d->organisation, sizeof d->organisation, "%s", db_col_text(st, 5));
		d->max_age_months = (int)db_col_int(st, 6);
		if (each(ctx, d) != 0) {
			rc = DB_FAILED;
			break;
		}
	}
	free(d);
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}
