/* The volunteers of an organisation by the date of their VOG (store.h). */
#include <stdio.h>

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
	                     "vog_date, last_name, id", limit, 0, vog_row, &w, total, err);
	query_free(&q);
	return rc;
}
