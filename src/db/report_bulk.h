/*
 * Bulk writing of the rows the figures read, for the figures benchmark
 * (knooppunt bench reports), and the same figures computed in plain SQL as
 * its baseline. Rows are written with prepared statements inside the
 * caller's transaction; ids are the caller's, so rows can refer to each
 * other without reading anything back.
 *
 * Ownership: report_bulk_open hands a writer to the caller, who releases it
 * with report_bulk_close (NULL allowed). Texts passed in are copied by the
 * database before a call returns.
 */
#ifndef KP_DB_REPORT_BULK_H
#define KP_DB_REPORT_BULK_H

#include "db/store.h"

struct report_bulk;

int report_bulk_open(struct db *db, struct report_bulk **out, struct kp_error *err);
void report_bulk_close(struct report_bulk *b);

/* A volunteer (a minimal record) and the journey with the same id. */
int report_bulk_volunteer(struct report_bulk *b, int64_t id, int64_t org, const char *status,
                          const char *started_on, int64_t now, struct kp_error *err);
/* Step `step` (intake, stopped, exit_interview) of journey id on a day;
   step_id is the step's own id. */
int report_bulk_step(struct report_bulk *b, int64_t step_id, int64_t journey_id,
                     const char *step, const char *on, int64_t now, struct kp_error *err);
int report_bulk_exit(struct report_bulk *b, int64_t journey_id, int64_t step_id,
                     const char *held_on, const char *reason, const char *outcome,
                     int64_t now, struct kp_error *err);
/* An open call asking for `needed` volunteers, posted at created_at. */
int report_bulk_call(struct report_bulk *b, int64_t id, int64_t org, int64_t activity_id,
                     int needed, int64_t created_at, struct kp_error *err);
/* A match in `status` (reason for a declined one); accepted_at > 0 adds the
   event of its acceptance, answer != NULL its nazorg answer. */
int report_bulk_match(struct report_bulk *b, int64_t id, int64_t call_id, int64_t volunteer_id,
                      const char *status, const char *reason, int64_t created_at,
                      int64_t accepted_at, const char *answer, struct kp_error *err);
int report_bulk_hour(struct report_bulk *b, int64_t volunteer_id, int64_t org,
                     int64_t activity_id, const char *worked_on, int minutes, int64_t now,
                     struct kp_error *err);

/* The figures of the whole network over [from, to) as plain SQL, one query
   per figure as someone without Knooppunt's code would write them (SQLite
   only: julianday counts the days); `rows` counts the rows they returned and
   `check` adds up their numbers, so that no work can be skipped. */
struct report_sql_period {
	const char *from, *to;        /* dates */
	const char *before;           /* the start of the period before */
	const char *today;
	int64_t from_s, to_s;         /* from and to in unix seconds */
	const char *const *month_ends; /* the last day of each month of the period */
	int n_months;
};
struct report_sql_result {
	int64_t rows;
	int64_t check;
};
int report_sql_baseline(struct db *db, const struct report_sql_period *p,
                        struct report_sql_result *out, struct kp_error *err);

#endif
