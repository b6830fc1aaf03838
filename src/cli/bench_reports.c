/*
 * knooppunt bench reports: builds a network of N volunteers (journeys with
 * intakes, stops and exit interviews, calls, matches with their acceptances
 * and nazorg answers) and H hour entries in a fresh SQLite file, then times
 * every figure of the dashboard through report_compute, for one
 * organisation (a coordinator's dashboard) and for the whole network (the
 * administrator's), against the same figures as plain SQL in the same run.
 * The reports read the volunteers from the server's copy in memory
 * (report_people.h), loaded first; the network's report read from the rows
 * is timed too (rows_network_ms), and both must give the same figures.
 * Prints the result line of issue 16 (lines starting with '#' are notes).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/bench_network.h"
#include "cli/cli.h"
#include "db/hours.h"
#include "db/report_bulk.h"
#include "service/report_people.h"
#include "service/reports.h"
#include "util/parse.h"

#define DAY 86400
#define RUNS 5                     /* timed runs of a report; the median counts */
#define SQL_RUNS 3                 /* of the plain SQL, which takes seconds (--sql-runs) */

struct opts {
	int volunteers, hours;
	int sql_runs;                  /* 0: no baseline */
	uint64_t seed;
	bool reuse;
};

struct gen {
	uint64_t rng;
	int64_t now;
	int32_t today;                 /* days since 1970 */
	int64_t *orgs;                 /* organisation ids */
	int n_orgs;
	int32_t *org_of;               /* volunteer id -> index into orgs */
	const int64_t *activities;
	int n_activities;
};

static uint64_t next(struct gen *g)
{
	g->rng ^= g->rng << 13;
	g->rng ^= g->rng >> 7;
	g->rng ^= g->rng << 17;
	return g->rng;
}

static int pick(struct gen *g, int n)
{
	return (int)(next(g) % (uint64_t)n);
}

static void date_of(int32_t day, char out[11])
{
	parse_format_date((long long)day * DAY, out);
}

static int parse(int argc, char **argv, struct opts *o)
{
	long long volunteers = 1000000, hours = 5000000, sql_runs = SQL_RUNS, seed = 42;
	const struct cli_number table[] = {
		{ "--volunteers", 1000, 100000000, &volunteers },
		{ "--hours", 0, 100000000, &hours },
		{ "--seed", 0, 100000000, &seed },
		{ "--sql-runs", 0, 9, &sql_runs },
	};
	*o = (struct opts){ .reuse = false };
	if (cli_numbers(argc, argv, 1, "knooppunt bench reports", table, 4, &o->reuse))
		return -1;
	*o = (struct opts){ (int)volunteers, (int)hours, (int)sql_runs, (uint64_t)seed, o->reuse };
	return 0;
}

static int write_orgs(struct db *db, struct bnet *b, struct gen *g, struct kp_error *err)
{
	int64_t network;
	struct organisation *o = malloc(sizeof *o);
	int rc = o ? store_network_ensure(db, "Landelijk testnetwerk", "Nederland", g->now,
	                                  &network, err)
	           : kp_internal(err);
	for (int i = 0; i < g->n_orgs && rc == KP_OK; i++) {
		bnet_organisation(b, i, o);
		o->network_id = network;
		o->employees = 5 + pick(g, 400);
		rc = store_organisation_insert(db, o, err);
		g->orgs[i] = o->id;
	}
	free(o);
	return rc;
}

/* A volunteer over the last ten years: a quarter stopped (most after an exit
   interview, in which two in three of those asked stay), nine in ten had an
   intake within six weeks. Journey and step ids follow the volunteer's. */
static int write_volunteer(struct report_bulk *bk, struct gen *g, int64_t id, int64_t *step,
                           struct kp_error *err)
{
	static const char *const reasons[] = { "time", "health", "moving", "role_mismatch" };
	int org = pick(g, g->n_orgs);
	int32_t start = g->today - pick(g, 3650);
	int32_t stop = start + 30 + pick(g, 3000);
	bool stopped = pick(g, 4) == 0 && stop < g->today;
	char on[11], d[11];
	date_of(start, on);
	g->org_of[id] = org;
	int rc = report_bulk_volunteer(bk, id, g->orgs[org], stopped ? "stopped" : "active", on,
	                               g->now, err);
	if (rc == KP_OK && pick(g, 10) < 9) {
		date_of(start + pick(g, 42), d);
		rc = report_bulk_step(bk, ++*step, id, "intake", d, g->now, err);
	}
	if (rc == KP_OK && (stopped || pick(g, 12) == 0) && stop < g->today) {
		date_of(stop, d);
		rc = report_bulk_step(bk, ++*step, id, "exit_interview", d, g->now, err);
		if (rc == KP_OK)
			rc = report_bulk_exit(bk, id, *step, d, reasons[pick(g, 4)],
			                      stopped ? "stops" : "same_role", g->now, err);
	}
	if (rc == KP_OK && stopped) {
		date_of(stop, d);
		rc = report_bulk_step(bk, ++*step, id, "stopped", d, g->now, err);
	}
	return rc;
}

/* Calls over the last two years and five matches for every hundred
   volunteers: half accepted (with a nazorg answer for four in ten), a
   quarter declined with a reason, the rest still open. */
static int write_matches(struct report_bulk *bk, struct gen *g, int volunteers,
                         struct kp_error *err)
{
	static const char *const answers[] = { "good", "good", "good", "adjust", "stop" };
	static const char *const open[] = { "proposed", "contacted" };
	int calls = volunteers / 20, rc = KP_OK;
	for (int i = 1; i <= calls && rc == KP_OK; i++)
		rc = report_bulk_call(bk, i, g->orgs[pick(g, g->n_orgs)],
		                      g->activities[pick(g, g->n_activities)], 1 + pick(g, 2),
		                      g->now - (int64_t)pick(g, 730) * DAY, err);
	for (int j = 1; j <= volunteers / 20 * 4 && rc == KP_OK; j++) {
		int64_t call = 1 + (j - 1) % calls, vol = 1 + (int64_t)j * 7919 % volunteers;
		int64_t at = g->now - (int64_t)pick(g, 720) * DAY, accepted = 0;
		int kind = pick(g, 4);
		const char *status = kind < 2 ? "active" : kind == 2 ? "declined" : open[pick(g, 2)];
		if (kind < 2)
			accepted = at + (int64_t)pick(g, 21) * DAY;
		rc = report_bulk_match(bk, j, call, vol, status, kind == 2 ? "Geen tijd" : "", at,
		                       accepted, kind < 2 && pick(g, 10) < 4 ? answers[pick(g, 5)]
		                                                             : NULL, err);
	}
	return rc;
}

static int write_hours(struct report_bulk *bk, struct gen *g, const struct opts *o,
                       struct kp_error *err)
{
	int rc = KP_OK;
	char d[11];
	for (int i = 0; i < o->hours && rc == KP_OK; i++) {
		int64_t vol = 1 + pick(g, o->volunteers);
		date_of(g->today - pick(g, 400), d);
		rc = report_bulk_hour(bk, vol, g->orgs[g->org_of[vol]],
		                      g->activities[pick(g, g->n_activities)], d, 30 + 15 * pick(g, 16),
		                      g->now, err);
	}
	return rc;
}

static int build(struct db *db, struct bnet *b, struct gen *g, const struct opts *o,
                 struct kp_error *err)
{
	struct report_bulk *bk = NULL;
	int64_t step = 0;
	if (db_bulk_load(db, err) || db_begin(db, err))
		return KP_ERR;
	int rc = write_orgs(db, b, g, err);
	if (rc == KP_OK)
		rc = report_bulk_open(db, &bk, err);
	for (int64_t id = 1; id <= o->volunteers && rc == KP_OK; id++)
		rc = write_volunteer(bk, g, id, &step, err);
	if (rc == KP_OK)
		rc = write_matches(bk, g, o->volunteers, err);
	if (rc == KP_OK)
		rc = write_hours(bk, g, o, err);
	report_bulk_close(bk);
	if (rc == KP_OK)
		rc = store_hour_totals_rebuild(db, err);
	if (rc == KP_OK)
		rc = store_report_milestones_rebuild(db, err);
	if (rc == KP_OK)
		rc = db_commit(db, err);
	if (rc != KP_OK)
		db_rollback(db);
	return rc;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The median time of RUNS reports for `who`. */
static int time_report(struct app *app, struct db *db, const struct principal *who,
                       const struct report_ask *ask, struct report *r, double *ms,
                       struct kp_error *err)
{
	double t[RUNS];
	for (int i = 0; i < RUNS; i++) {
		double t0 = cli_clock_ms();
		if (report_compute(app, db, who, ask, r, err))
			return KP_ERR;
		t[i] = cli_clock_ms() - t0;
	}
	qsort(t, RUNS, sizeof t[0], cmp_double);
	*ms = t[RUNS / 2];
	return KP_OK;
}

static int time_sql(struct db *db, const struct report_sql_period *p, int runs, double *ms,
                    struct report_sql_result *res, struct kp_error *err)
{
	double t[9] = { 0 };
	*res = (struct report_sql_result){ 0 };
	for (int i = 0; i < runs; i++) {
		double t0 = cli_clock_ms();
		if (report_sql_baseline(db, p, res, err))
			return KP_ERR;
		t[i] = cli_clock_ms() - t0;
	}
	qsort(t, (size_t)runs, sizeof t[0], cmp_double);
	*ms = t[runs / 2];
	return KP_OK;
}

/* The period of the dashboard: the last twelve whole months and this one. */
struct period {
	char from[24], to[24], before[24], today[24]; /* dates, with room for any int */
	char ends[13][24];
	const char *end_ptr[13];
};

static void period_of(int32_t today, struct period *p)
{
	char d[11];
	date_of(today, d);
	snprintf(p->today, sizeof p->today, "%s", d);
	int y = (int)strtol(d, NULL, 10), m = (int)strtol(d + 5, NULL, 10);
	snprintf(p->from, sizeof p->from, "%04d-%02d-01", y - 1, m);
	snprintf(p->to, sizeof p->to, "%04d-%02d-01", m == 12 ? y + 1 : y, m % 12 + 1);
	snprintf(p->before, sizeof p->before, "%04d-%02d-01", y - 2, m);
	for (int i = 0; i < 13; i++) {
		int mm = m + i + 1, yy = y - 1 + (mm - 1) / 12; /* the first of the next month */
		char first[24];
		snprintf(first, sizeof first, "%04d-%02d-01", yy, (mm - 1) % 12 + 1);
		date_of((int32_t)parse_date_days(first) - 1, p->ends[i]);
		p->end_ptr[i] = p->ends[i];
	}
}

static bool same_time(const struct report_time *a, const struct report_time *b)
{
	return a->volunteers == b->volunteers && a->median_days == b->median_days &&
	       a->p90_days == b->p90_days;
}

static bool same_orgs(const struct report_org *a, const struct report_org *b, int n)
{
	for (int i = 0; i < n; i++)
		if (a[i].id != b[i].id || a[i].active != b[i].active ||
		    a[i].volunteers != b[i].volunteers)
			return false;
	return true;
}

/* Whether two reports agree on every figure made from the volunteers (the
   rest comes from the same queries either way). */
static bool same_people_figures(const struct report *a, const struct report *b)
{
	if (a->volunteers != b->volunteers || a->active_now != b->active_now ||
	    a->inflow != b->inflow || a->outflow != b->outflow ||
	    a->inflow_before != b->inflow_before || a->outflow_before != b->outflow_before ||
	    a->turnover != b->turnover || a->turnover_before != b->turnover_before ||
	    a->n_months != b->n_months || a->n_cohorts != b->n_cohorts ||
	    !same_time(&a->to_intake, &b->to_intake) ||
	    !same_time(&a->to_first_match, &b->to_first_match) || a->n_orgs != b->n_orgs ||
	    !same_orgs(a->orgs, b->orgs, a->n_orgs) ||
	    a->n_municipalities != b->n_municipalities ||
	    !same_orgs(a->municipalities, b->municipalities, a->n_municipalities) ||
	    memcmp(a->months, b->months, (size_t)a->n_months * sizeof a->months[0]) != 0)
		return false;
	for (int i = 0; i < a->n_cohorts; i++) {
		const struct report_cohort *x = &a->cohorts[i], *y = &b->cohorts[i];
		if (x->year != y->year || x->volunteers != y->volunteers ||
		    x->median_days != y->median_days || x->n_points != y->n_points)
			return false;
		for (int k = 0; k < x->n_points; k++)
			if (x->points[k].day != y->points[k].day ||
			    x->points[k].survival != y->points[k].survival ||
			    x->points[k].at_risk != y->points[k].at_risk ||
			    x->points[k].stopped != y->points[k].stopped)
				return false;
	}
	return true;
}

static int measure(struct app *app, struct db *db, struct gen *g, const struct opts *o,
                   struct kp_error *err)
{
	struct report *r = malloc(sizeof *r);
	struct period p;
	period_of(g->today, &p);
	struct report_ask ask = { .from = p.from, .to = p.to };
	struct principal admin = { .account_id = 1, .role = ROLE_ADMIN };
	struct principal coord = { .account_id = 2, .role = ROLE_COORDINATOR,
	                           .organisation_id = g->orgs[0] };
	struct report_sql_period sp = { p.from, p.to, p.before, p.today,
	                                parse_date_days(p.from) * DAY, parse_date_days(p.to) * DAY,
	                                p.end_ptr, 13 };
	struct report_sql_result res;
	double network = 0, dashboard = 0, sql = 0, rows = 0, load = 0;
	struct report *from_rows = malloc(sizeof *from_rows);
	int rc = r && from_rows ? KP_OK : kp_internal(err);
	if (rc == KP_OK) /* as a command without a server: from the rows */
		rc = time_report(app, db, &admin, &ask, from_rows, &rows, err);
	if (rc == KP_OK && report_people_new(&app->people) != KP_OK)
		rc = kp_internal(err);
	double t0 = cli_clock_ms();
	if (rc == KP_OK)
		rc = report_people_load(app->people, db, err);
	load = cli_clock_ms() - t0;
	if (rc == KP_OK)
		rc = time_report(app, db, &coord, &ask, r, &dashboard, err);
	if (rc == KP_OK)
		rc = time_report(app, db, &admin, &ask, r, &network, err);
	if (rc == KP_OK && !same_people_figures(r, from_rows)) {
		fprintf(stderr, "knooppunt bench reports: de cijfers uit het geheugen wijken af van "
		                "die uit de rijen\n");
		rc = kp_internal(err);
	}
	if (rc == KP_OK)
		rc = time_sql(db, &sp, o->sql_runs, &sql, &res, err);
	if (rc == KP_OK) {
		printf("# netwerk %s tot %s: %lld vrijwilligers, %lld actief, instroom %lld, uitstroom "
		       "%lld, %lld exitgesprekken, %lld koppelingen, %lld minuten; SQL: %lld rijen\n",
		       p.from, p.to, (long long)r->volunteers, (long long)r->active_now,
		       (long long)r->inflow, (long long)r->outflow, (long long)r->exit_interviews,
		       (long long)r->matches_proposed, (long long)r->minutes, (long long)res.rows);
		printf("# vrijwilligers in het geheugen geladen in %.0f ms (eenmaal, bij het starten "
		       "van de server); dezelfde cijfers uit de rijen: %.0f ms\n", load, rows);
		printf("reports volunteers=%d hours=%d dashboard_ms=%.0f network_ms=%.0f "
		       "sql_baseline_ms=%.0f speedup=%.2f rows_network_ms=%.0f load_ms=%.0f\n",
		       o->volunteers, o->hours, dashboard, network, sql,
		       network > 0 && sql > 0 ? sql / network : 0, rows, load);
	}
	report_people_free(app->people);
	app->people = NULL;
	free(from_rows);
	free(r);
	return rc;
}

int cmd_bench_reports(int argc, char **argv, struct app *app)
{
	struct opts o;
	struct kp_error err = { 0 };
	struct db *db = NULL;
	struct bnet b;
	struct gen g = { 0 };
	int status = 1;
	memset(&b, 0, sizeof b);
	if (parse(argc, argv, &o))
		return 2;
	g.rng = o.seed * 2654435761u + 1;
	g.now = app->now();
	g.today = (int32_t)(g.now / DAY);
	g.n_orgs = o.volunteers / 2000 < 20 ? 20 : o.volunteers / 2000;
	g.orgs = calloc((size_t)g.n_orgs, sizeof *g.orgs);
	g.org_of = calloc((size_t)o.volunteers + 1, sizeof *g.org_of);
	char file[64];
	snprintf(file, sizeof file, "bench-reports-%d.db", o.volunteers);
	if (g.orgs == NULL || g.org_of == NULL || bench_open_fresh(app, file, o.reuse, &db, &err) ||
	    bnet_init(&b, &app->lists, o.seed, g.now, g.n_orgs))
		goto end;
	g.activities = b.items[LIST_ACTIVITY];
	g.n_activities = b.n_items[LIST_ACTIVITY];
	double t0 = cli_clock_ms();
	if (o.reuse) {
		for (int i = 0; i < g.n_orgs; i++)
			g.orgs[i] = i + 1;
	} else if (build(db, &b, &g, &o, &err)) {
		goto end;
	}
	printf("# netwerk %s: %d vrijwilligers, %d organisaties, %d uren in %.1f s (%s)\n",
	       o.reuse ? "hergebruikt" : "gebouwd", o.volunteers, g.n_orgs, o.hours,
	       (cli_clock_ms() - t0) / 1000.0, app->cfg.db_path);
	fflush(stdout);
	if (measure(app, db, &g, &o, &err) == KP_OK)
		status = 0;
end:
	if (err.kind)
		cli_print_error(&err);
	bnet_free(&b);
	db_close(db);
	free(g.orgs);
	free(g.org_of);
	return status;
}
