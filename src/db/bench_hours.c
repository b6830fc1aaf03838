/* Bulk data and baselines of the hours benchmark (db/bench_hours.h). */
#include "db/bench_hours.h"

#include <string.h>

static int run(struct db_stmt *st, struct kp_error *err)
{
	int rc = db_step(st, err);
	db_finalize(st);
	return rc == DB_FAILED ? KP_ERR : KP_OK;
}

int bench_hours_day(struct db *db, const char *day, int weekday, int week,
                    struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "INSERT INTO hour_entries (volunteer_id, organisation_id, worked_on, "
	                   "minutes, note, status, created_at) SELECT id, organisation_id, ?, "
	                   "60 + ((id + ?) % 8) * 15, '', CASE WHEN (id + ?) % 5 = 0 THEN 'logged' "
	                   "ELSE 'approved' END, 0 FROM volunteers WHERE id % 7 = ?", &st, err))
		return KP_ERR;
	db_bind_text(st, 1, day);
	db_bind_int(st, 2, week);
	db_bind_int(st, 3, week);
	db_bind_int(st, 4, weekday);
	return run(st, err);
}

int bench_hours_claims(struct db *db, const char *day, int third, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "INSERT INTO expense_claims (volunteer_id, organisation_id, kind, "
	                   "incurred_on, amount_cents, status, created_at) SELECT id, "
	                   "organisation_id, 'public_transport', ?, 250 + (id % 40) * 10, "
	                   "'approved', 0 FROM volunteers WHERE id % 3 = ?", &st, err))
		return KP_ERR;
	db_bind_text(st, 1, day);
	db_bind_int(st, 2, third);
	return run(st, err);
}

int bench_hours_analyze(struct db *db, struct kp_error *err)
{
	/* PostgreSQL reads an index alone only where the visibility map says the
	   rows are visible to all: autovacuum's work in a running database. */
	if (strcmp(db_backend_name(db), "postgresql") == 0)
		return db_exec(db, "VACUUM ANALYZE hour_entries", err) ||
		       db_exec(db, "VACUUM ANALYZE expense_claims", err) ? KP_ERR : KP_OK;
	return db_exec(db, "ANALYZE", err);
}

static int count_rows(struct db_stmt *st, int64_t *rows, struct kp_error *err)
{
	int rc;
	*rows = 0;
	while ((rc = db_step(st, err)) == DB_ROW)
		(*rows)++;
	db_finalize(st);
	return rc == DB_DONE ? KP_OK : KP_ERR;
}

int bench_hours_month_baseline(struct db *db, int64_t organisation_id, const char *from,
                               const char *to, int64_t *rows, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT volunteer_id, SUM(minutes) FROM hour_entries WHERE "
	                   "organisation_id = ? AND worked_on >= ? AND worked_on < ? "
	                   "GROUP BY volunteer_id", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, organisation_id);
	db_bind_text(st, 2, from);
	db_bind_text(st, 3, to);
	return count_rows(st, rows, err);
}

int bench_hours_year_baseline(struct db *db, int64_t volunteer_id, const char *from,
                              const char *to, int64_t *rows, struct kp_error *err)
{
	struct db_stmt *st;
	if (db_prepare(db, "SELECT organisation_id, SUM(minutes) FROM hour_entries WHERE "
	                   "volunteer_id = ? AND worked_on >= ? AND worked_on < ? "
	                   "GROUP BY organisation_id", &st, err))
		return KP_ERR;
	db_bind_int(st, 1, volunteer_id);
	db_bind_text(st, 2, from);
	db_bind_text(st, 3, to);
	return count_rows(st, rows, err);
}
