/* What /metrics reads from the database (see store.h). */
#include "db/store.h"

int store_metrics_read(struct db *db, int64_t *outbox_pending, job_count_fn each, void *ctx,
                       struct kp_error *err)
{
	struct db_stmt *st;
	*outbox_pending = 0;
	if (db_prepare(db, "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL", &st, err))
		return KP_ERR;
	int rc = db_step(st, err);
	if (rc == DB_ROW)
		*outbox_pending = db_col_int(st, 0);
	db_finalize(st);
	if (rc == DB_FAILED ||
	    db_prepare(db, "SELECT job, COUNT(*) FROM job_runs GROUP BY job ORDER BY job", &st, err))
		return KP_ERR;
	while ((rc = db_step(st, err)) == DB_ROW)
		each(ctx, db_col_text(st, 0), db_col_int(st, 1));
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}
