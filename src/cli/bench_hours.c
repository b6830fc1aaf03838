/*
 * knooppunt bench hours: a year of weekly hours (5,000,000 entries of
 * 100,000 volunteers by default) and a claim per volunteer each quarter,
 * in a fresh SQLite file or, with --db, an empty PostgreSQL database (with
 * --reuse: the data of an earlier run with the same sizes). Times
 * the totals of one organisation for one month and the year statement of
 * one volunteer through the use cases (hours_totals, hours_year_statement),
 * and in the same run the bare SQL sums they cannot do without, by the same
 * indexes: the ratio is what the use case costs on top. Prints the result
 * line of issue 15 (lines starting with '#' are notes). Wall-clock times:
 * the work is in the database, which for PostgreSQL is another process.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/bench_network.h"
#include "cli/cli.h"
#include "db/bench_hours.h"
#include "service/hours.h"
#include "util/parse.h"

#define MONTH_RUNS 48
#define YEAR_RUNS 400
#define FIRST_MONDAY "2025-01-06"

static const struct principal command_line = { .role = ROLE_ADMIN };

struct hours_opts {
	long long entries, volunteers;
	bool reuse;
};

static int parse_opts(int argc, char **argv, struct hours_opts *o)
{
	*o = (struct hours_opts){ 5000000, 100000, false };
	const struct cli_number table[] = {
		{ "--entries", 100, 100000000, &o->entries },
		{ "--volunteers", 100, 100000000, &o->volunteers },
	};
	if (cli_numbers(argc, argv, 1, "knooppunt bench hours", table, 2, &o->reuse))
		return -1;
	return o->entries < o->volunteers ? -1 : 0;
}

static void day_after(const char *start, long days, char out[11])
{
	parse_format_date((parse_date_days(start) + days) * 86400LL, out);
}

/* Volunteers, then a day's entries at a time, then claims. */
static int fill(struct app *app, struct db *db, struct bnet *b, const struct hours_opts *o,
                struct kp_error *err)
{
	char day[11], month[11];
	long weeks = (long)(o->entries / o->volunteers);
	if (db_bulk_load(db, err) || db_begin(db, err))
		return KP_ERR;
	int rc = bench_write_orgs(db, b, app->now(), err) || bnet_index_places(b) ||
	         bench_write_volunteers(db, b, (int)o->volunteers, err);
	for (long w = 0; w < weeks && rc == KP_OK; w++)
		for (int d = 0; d < 7 && rc == KP_OK; d++) {
			day_after(FIRST_MONDAY, w * 7 + d, day);
			rc = bench_hours_day(db, day, d, (int)w, err);
		}
	for (int m = 1; m <= 12 && rc == KP_OK; m++) {
		snprintf(month, sizeof month, "2025-%02d-15", m);
		rc = bench_hours_claims(db, month, m % 3, err);
	}
	if (rc != KP_OK || db_commit(db, err) != KP_OK) {
		db_rollback(db);
		return err->kind ? KP_ERR : kp_internal(err);
	}
	return KP_OK;
}

static int count_total(void *ctx, const struct hour_total *t)
{
	(void)t;
	++*(int64_t *)ctx;
	return 0;
}

static int count_line(void *ctx, const struct year_line *l)
{
	(void)l;
	++*(int64_t *)ctx;
	return 0;
}

struct figures {
	double month, month_sql, year, year_sql;
	int64_t month_rows, year_rows;
};

/* The use case and its baseline, one after the other for each sample. */
static int measure(struct app *app, struct db *db, const struct bnet *b,
                   const struct hours_opts *o, struct figures *f, struct kp_error *err)
{
	double use[YEAR_RUNS], bare[YEAR_RUNS];
	char name[512], from[11], to[11];
	int64_t n = 0, m = 0;
	for (int k = -1; k < MONTH_RUNS; k++) { /* the first round warms up */
		int mon = (k < 0 ? 0 : k) % 12 + 1;
		int64_t org = b->orgs[(k < 0 ? 0 : k) % b->n_orgs].id;
		char month[8];
		snprintf(month, sizeof month, "2025-%02d", mon);
		snprintf(from, sizeof from, "%s-01", month);
		snprintf(to, sizeof to, "%s-32", month);
		double t0 = cli_clock_ms();
		if (hours_totals(app, db, &command_line, org, month, count_total, &n, err))
			return KP_ERR;
		double t1 = cli_clock_ms();
		if (bench_hours_month_baseline(db, org, from, to, &m, err))
			return KP_ERR;
		if (k >= 0) {
			use[k] = t1 - t0;
			bare[k] = cli_clock_ms() - t1;
			f->month_rows += m;
		}
	}
	f->month = bench_percentile(use, MONTH_RUNS, 0.5);
	f->month_sql = bench_percentile(bare, MONTH_RUNS, 0.5);
	for (int k = -1; k < YEAR_RUNS; k++) {
		int64_t vid = 1 + ((k < 0 ? 0 : k) * 7919LL) % o->volunteers;
		double t0 = cli_clock_ms();
		if (hours_year_statement(app, db, &command_line, vid, 2025, name, sizeof name,
		                         count_line, &n, err))
			return KP_ERR;
		double t1 = cli_clock_ms();
		if (bench_hours_year_baseline(db, vid, "2025-01-01", "2026-01-01", &m, err))
			return KP_ERR;
		if (k >= 0) {
			use[k] = t1 - t0;
			bare[k] = cli_clock_ms() - t1;
			f->year_rows += m;
		}
	}
	f->year = bench_percentile(use, YEAR_RUNS, 0.5);
	f->year_sql = bench_percentile(bare, YEAR_RUNS, 0.5);
	return KP_OK;
}

int bench_hours(int argc, char **argv, struct app *app)
{
	struct hours_opts o;
	struct kp_error err = { 0 };
	struct db *db = NULL;
	struct bnet b;
	struct figures f = { 0 };
	int status = 1;
	memset(&b, 0, sizeof b);
	if (parse_opts(argc, argv, &o))
		return 2;
	bool postgres = strncmp(app->cfg.db_path, "postgres", 8) == 0;
	char file[64];
	snprintf(file, sizeof file, "bench-hours-%lld-%lld.db", o.volunteers, o.entries);
	int n_orgs = o.volunteers / 2000 < 20 ? 20 : (int)(o.volunteers / 2000);
	if ((postgres ? cli_open(app, &db, &err) : bench_open_fresh(app, file, o.reuse, &db, &err)) ||
	    bnet_init(&b, &app->lists, 42, app->now(), n_orgs))
		goto end;
	double t0 = cli_clock_ms();
	if (o.reuse) {
		for (int i = 0; i < n_orgs; i++)
			b.orgs[i].id = i + 1; /* as written by the run that built the data */
	} else if (fill(app, db, &b, &o, &err)) {
		goto end;
	}
	if (bench_hours_analyze(db, &err))
		goto end;
	long weeks = (long)(o.entries / o.volunteers);
	printf("# %s: %lld uurregels (%ld weken) van %lld vrijwilligers bij %d organisaties, "
	       "%lld declaraties, in %.1f s (%s)\n", o.reuse ? "hergebruikt" : "gebouwd",
	       (long long)weeks * o.volunteers, weeks, o.volunteers, n_orgs, o.volunteers * 4,
	       (cli_clock_ms() - t0) / 1000.0, postgres ? "PostgreSQL" : app->cfg.db_path);
	fflush(stdout);
	if (measure(app, db, &b, &o, &f, &err))
		goto end;
	printf("# mediaan van %d maandtotalen (%.0f regels per organisatie en maand) en %d "
	       "jaaroverzichten; sql_* = de kale som over dezelfde index\n", MONTH_RUNS,
	       (double)f.month_rows / MONTH_RUNS, YEAR_RUNS);
	printf("hours entries=%lld volunteers=%lld month_totals_ms=%.2f year_statement_ms=%.3f "
	       "sql_month_ms=%.2f sql_year_ms=%.3f month_ratio=%.2f year_ratio=%.2f backend=%s\n",
	       (long long)weeks * o.volunteers, o.volunteers, f.month, f.year, f.month_sql,
	       f.year_sql, f.month_sql > 0 ? f.month / f.month_sql : 0,
	       f.year_sql > 0 ? f.year / f.year_sql : 0, postgres ? "postgresql" : "sqlite");
	status = f.month <= 200 ? 0 : 1;
	if (status)
		printf("# maandtotalen boven het doel van 200 ms\n");
end:
	if (err.kind)
		cli_print_error(&err);
	bnet_free(&b);
	db_close(db);
	return status;
}
