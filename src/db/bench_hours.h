/*
 * The data and the plain-SQL baselines of `knooppunt bench hours`
 * (src/db/bench_hours.c): a year of weekly hour entries for every
 * volunteer, written by the database itself from the volunteers table (one
 * statement per day), so that millions of rows load in seconds on SQLite
 * and PostgreSQL alike.
 *
 * Conventions of db/store.h; nothing here commits.
 */
#ifndef KP_DB_BENCH_HOURS_H
#define KP_DB_BENCH_HOURS_H

#include "db/store.h"

/* One entry on `day` for every volunteer whose id % 7 is weekday: 60 to
   165 minutes, four in five approved, varying with the week. */
int bench_hours_day(struct db *db, const char *day, int weekday, int week,
                    struct kp_error *err);
/* An approved public transport claim on `day` for every volunteer whose id
   % 3 is `third`. */
int bench_hours_claims(struct db *db, const char *day, int third, struct kp_error *err);

/* Fresh statistics for the query planners, as a running database has them. */
int bench_hours_analyze(struct db *db, struct kp_error *err);

/* The baselines: the bare sums the totals and the year statement cannot do
   without, by the same indexes; *rows is the number of groups. */
int bench_hours_month_baseline(struct db *db, int64_t organisation_id, const char *from,
                               const char *to, int64_t *rows, struct kp_error *err);
int bench_hours_year_baseline(struct db *db, int64_t volunteer_id, const char *from,
                              const char *to, int64_t *rows, struct kp_error *err);

#endif
