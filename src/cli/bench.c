/*
 * knooppunt bench match: builds a national-scale network of N volunteers in
 * a fresh SQLite file, loads the match index from it, asks 1,000 calls for
 * their top 20 through the engine and through the same filters and score
 * as one plain SQL query, checks that both agree, and times a proposal of
 * 10,000 calls over 100,000 volunteers. Prints the two result lines of
 * issue 4 (lines starting with '#' are notes). Above BENCH_DIRECT_FROM
 * volunteers (or with --direct 1) the network is generated straight into
 * the index instead, and start-up is that generation and indexing.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>
#include <unistd.h>

#include "cli/bench_network.h"
#include "cli/cli.h"
#include "db/match_feed.h"
#include "db/store.h"
#include "match/filter.h"
#include "match/index.h"
#include "match/score.h"
#include "util/parse.h"

#define BENCH_TOP 20
#define BENCH_PROPOSAL_CALLS 10000
#define BENCH_PROPOSAL_VOLUNTEERS 100000
/* Above this many volunteers the network goes straight into the index
   (--direct 1): writing millions of rows first would take most of the run. */
#define BENCH_DIRECT_FROM 2000000

struct bench_opts {
	int volunteers;
	int calls;
	int sql_calls;        /* calls also asked as plain SQL; -1: decide by size */
	uint64_t seed;
	bool reuse;           /* keep a network built by an earlier run with the same options */
	bool direct;          /* volunteers and calls straight into the index, no database */
	int orgs;             /* organisations: one per 2,000 volunteers (at least 20) unless given */
	int proposal_orgs;    /* organisations of the proposal's network: as many unless given */
	int repeat;           /* ask the calls this many times (for profiling); the last counts */
	int proposal_calls;   /* the proposal's calls and volunteers */
	int proposal_volunteers;
};

/* CPU time of this thread: the machine may be shared, and the targets are
   per core; wall-clock figures are printed alongside as notes. */
static double cpu_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

double bench_percentile(double *v, int n, double p)
{
	if (n == 0)
		return 0;
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	int i = (int)ceil(p * n) - 1;
	return v[i < 0 ? 0 : i >= n ? n - 1 : i];
}

static int parse_opts(int argc, char **argv, struct bench_opts *o)
{
	long long volunteers = 1000000, calls = 1000, sql_calls = -1, seed = 42, repeat = 1,
	          proposal_calls = BENCH_PROPOSAL_CALLS,
	          proposal_volunteers = BENCH_PROPOSAL_VOLUNTEERS, direct = -1, orgs = 0,
	          proposal_orgs = 0;
	const struct cli_number table[] = {
		{ "--volunteers", 100, 100000000, &volunteers },
		{ "--calls", 1, 100000000, &calls },
		{ "--sql-calls", 0, 100000000, &sql_calls },
		{ "--seed", 0, 100000000, &seed },
		{ "--repeat", 1, 100000000, &repeat },
		{ "--proposal-calls", 1, 100000000, &proposal_calls },
		{ "--proposal-volunteers", 100, 100000000, &proposal_volunteers },
		{ "--direct", 0, 1, &direct },
		{ "--orgs", 1, 60000, &orgs },
		{ "--proposal-orgs", 1, 60000, &proposal_orgs },
	};
	*o = (struct bench_opts){ 0 };
	if (argc < 1 || strcmp(argv[0], "match") != 0) {
		fprintf(stderr, "Gebruik: knooppunt bench match [--volunteers N] [--calls N] "
		                "[--sql-calls N] [--seed S] [--reuse] [--proposal-calls N] "
		                "[--proposal-volunteers N] [--direct 0|1] [--orgs N] "
		                "[--proposal-orgs N]\n");
		return -1;
	}
	if (cli_numbers(argc, argv, 1, "knooppunt bench match", table,
	                (int)(sizeof table / sizeof table[0]), &o->reuse))
		return -1;
	o->volunteers = (int)volunteers;
	o->direct = direct < 0 ? volunteers > BENCH_DIRECT_FROM : direct == 1;
	o->orgs = orgs > 0 ? (int)orgs : volunteers / 2000 < 20 ? 20 : (int)(volunteers / 2000);
	o->proposal_orgs = proposal_orgs > 0 ? (int)proposal_orgs : o->orgs;
	o->calls = (int)calls;
	o->sql_calls = sql_calls < 0 ? (volunteers <= 20000 ? o->calls : 20) : (int)sql_calls;
	if (o->sql_calls > o->calls)
		o->sql_calls = o->calls;
	o->seed = (uint64_t)seed;
	o->repeat = (int)repeat;
	o->proposal_calls = (int)proposal_calls;
	o->proposal_volunteers = (int)proposal_volunteers;
	return 0;
}

int bench_open_fresh(struct app *app, const char *file, bool reuse, struct db **db,
                     struct kp_error *err)
{
	char dir[APP_PATH_MAX + 16];
	if (app_config_finish(&app->cfg, err))
		return KP_ERR;
	snprintf(dir, sizeof dir, "%s", app->cfg.data_dir);
	int len = snprintf(app->cfg.db_path, sizeof app->cfg.db_path, "%s/%s", dir, file);
	if (len < 0 || (size_t)len >= sizeof app->cfg.db_path)
		return kp_invalid(err, "data", "too_long");
	static const char *const suffix[] = { "", "-wal", "-shm" };
	for (int i = 0; i < 3 && !reuse; i++) {
		char p[APP_PATH_MAX + 8];
		snprintf(p, sizeof p, "%s%s", app->cfg.db_path, suffix[i]);
		unlink(p);
	}
	return cli_open(app, db, err);
}

int bench_write_orgs(struct db *db, struct bnet *b, int64_t now, struct kp_error *err)
{
	int64_t network;
	struct organisation *o = malloc(sizeof *o);
	int rc = o ? store_network_ensure(db, "Landelijk testnetwerk", "Nederland", now, &network, err)
	           : kp_internal(err);
	for (int i = 0; i < b->n_orgs && rc == KP_OK; i++) {
		bnet_organisation(b, i, o);
		o->network_id = network;
		rc = store_organisation_insert(db, o, err);
		b->orgs[i].id = o->id;
	}
	free(o);
	return rc;
}

int bench_write_volunteers(struct db *db, struct bnet *b, int n, struct kp_error *err)
{
	struct store_bulk *bulk = NULL;
	struct volunteer *v = calloc(1, sizeof *v);
	int rc = v ? store_bulk_open(db, &bulk, err) : kp_internal(err);
	for (int i = 1; i <= n && rc == KP_OK; i++) {
		bnet_volunteer(b, i, v);
		rc = store_bulk_volunteer(bulk, v, err);
	}
	store_bulk_close(bulk);
	free(v);
	return rc;
}

/* Open calls, and some existing matches so that capacity and "declined
   before" have something to filter. */
static int write_calls(struct db *db, struct bnet *b, const struct bench_opts *o,
                       int64_t *ids, struct kp_error *err)
{
	struct call *c = calloc(1, sizeof *c);
	int rc = c ? KP_OK : kp_internal(err);
	for (int i = 0; i < o->calls && rc == KP_OK; i++) {
		bnet_call(b, 0, c);
		rc = store_call_insert(db, c, err);
		ids[i] = c->id;
	}
	for (int i = 0; i < o->volunteers / 50 && rc == KP_OK; i++) {
		struct match m = { .call_id = ids[bnet_next(b) % (uint64_t)o->calls],
		                   .volunteer_id = 1 + (int64_t)(bnet_next(b) % (uint64_t)o->volunteers),
		                   .status = (int)(bnet_next(b) % MATCH_STATUS_COUNT) };
		snprintf(m.reason, sizeof m.reason, "%s", match_needs_reason(m.status) ? "test" : "");
		m.created_at = m.updated_at = b->now - (int64_t)(bnet_next(b) % 60) * 86400;
		rc = store_match_insert(db, &m, 0, err);
		if (rc && err->kind == KP_CONFLICT) {
			rc = KP_OK; /* the same pair drawn twice */
			memset(err, 0, sizeof *err);
		}
	}
	free(c);
	return rc;
}

static int build_network(struct app *app, struct db *db, struct bnet *b,
                         const struct bench_opts *o, int64_t *ids, struct kp_error *err)
{
	if (db_bulk_load(db, err) || db_begin(db, err))
		return KP_ERR;
	if (bench_write_orgs(db, b, app->now(), err) || bnet_index_places(b) ||
	    bench_write_volunteers(db, b, o->volunteers, err) || write_calls(db, b, o, ids, err) ||
	    db_commit(db, err)) {
		db_rollback(db);
		return err->kind ? KP_ERR : kp_internal(err);
	}
	return KP_OK;
}

/* A network built by an earlier run with the same size and seed: organisation
   ids were given 1..n in order, and the open calls are read back. */
static int reuse_network(struct db *db, struct bnet *b, const struct bench_opts *o,
                         int64_t *ids, struct kp_error *err)
{
	int64_t *found = NULL;
	int n = 0;
	if (store_feed_open_calls(db, &found, &n, err))
		return KP_ERR;
	if (n < o->calls) {
		free(found);
		return kp_fail_detail(err, KP_CONFLICT, "conflict", "", "%d open oproepen, %d nodig", n,
		                      o->calls);
	}
	memcpy(ids, found, (size_t)o->calls * sizeof *ids);
	free(found);
	for (int i = 0; i < b->n_orgs; i++)
		b->orgs[i].id = i + 1;
	return bnet_index_places(b) ? kp_internal(err) : KP_OK;
}

/* The bits of mask as item ids of kind k. */
static int mask_ids(const struct match_index *ix, int k, uint64_t mask, int64_t *out, int at)
{
	for (int bit = 0; bit < 64; bit++)
		if (mask & (1ull << bit))
			out[at++] = ix->bit_item[k][bit];
	return at;
}

struct baseline_ids {
	int64_t themes[64], required[192], motives[64], talents[64];
};

static void baseline_for(const struct match_index *ix, const struct mcall *c, int64_t now,
                         struct feed_baseline *q, struct baseline_ids *ids)
{
	struct mquery mq;
	mq_prepare(ix, c, now, 0, &mq);
	memset(q, 0, sizeof *q);
	q->call_id = c->id;
	q->organisation_id = c->organisation_id;
	q->need = c->need;
	q->need_count = __builtin_popcount(c->need);
	q->one_off = c->one_off;
	q->requires_vog = c->requires_vog;
	parse_format_date((long long)mq.vog_cutoff * 86400, q->vog_cutoff);
	q->requires_licence = c->requires_licence;
	q->requires_car = c->requires_car;
	q->engagement_fit = mf_engagement_fit(c->engagement);
	q->half_hours = c->half_hours;
	q->lat = mq.clat;
	q->lon = mq.clon;
	q->cos_lat = mq.cos_lat;
	q->activity_id = c->activity_id;
	q->n_themes = mask_ids(ix, LIST_THEME, c->theme, ids->themes, 0);
	q->themes = ids->themes;
	int n = mask_ids(ix, LIST_TRAINING, c->train, ids->required, 0);
	n = mask_ids(ix, LIST_TALENT, c->talent, ids->required, n);
	q->n_required = mask_ids(ix, LIST_LANGUAGE, c->lang, ids->required, n);
	q->required = ids->required;
	q->n_aff_motives = mask_ids(ix, LIST_MOTIVE, c->aff_motive, ids->motives, 0);
	q->aff_motives = ids->motives;
	q->n_aff_talents = mask_ids(ix, LIST_TALENT, c->aff_talent, ids->talents, 0);
	q->aff_talents = ids->talents;
	for (int i = 0; i < MP_COUNT; i++)
		q->w[i] = mq.w[i];
	q->half_km = mq.half_km;
	q->recent_since = (int64_t)(mq.today - ix->weights.recent_days) * 86400;
	q->waiting = ms_waiting(&ix->weights, c, now);
}

/* Scores agree within SCORE_TOLERANCE: the engine computes distances from
   packed single-precision coordinates, SQL from doubles. */
#define SCORE_TOLERANCE 1e-3

/* True when id appears in ids[0..n) with a score within tolerance of score:
   two volunteers tied within the tolerance may stand in either order. */
static bool tied_elsewhere(int64_t id, double score, const int64_t *ids, const double *sc, int n)
{
	for (int j = 0; j < n; j++)
		if (ids[j] == id && fabs(sc[j] - score) <= SCORE_TOLERANCE)
			return true;
	return false;
}

static bool same_top(const struct match_hit *e, int ne, const int64_t *ids, const double *sc,
                     int ns, int call_index)
{
	bool same = ne == ns;
	for (int i = 0; same && i < ne; i++)
		same = fabs(e[i].score - sc[i]) <= SCORE_TOLERANCE &&
		       (e[i].volunteer_id == ids[i] ||
		        tied_elsewhere(e[i].volunteer_id, e[i].score, ids, sc, ns));
	if (!same) {
		fprintf(stderr, "# verschil bij oproep %d: engine %d, SQL %d resultaten\n", call_index,
		        ne, ns);
		for (int i = 0; i < ne || i < ns; i++)
			fprintf(stderr, "#   %2d engine %8lld %.12f   sql %8lld %.12f\n", i,
			        i < ne ? (long long)e[i].volunteer_id : 0LL, i < ne ? e[i].score : 0,
			        i < ns ? (long long)ids[i] : 0LL, i < ns ? sc[i] : 0);
	}
	return same;
}

struct timings {
	double engine_p50, engine_p99, sql_p50, engine_plain_p50;
	int checked, agreed;
};

static int run_engine(struct match_index *ix, const int64_t *ids, int n, int64_t now,
                      double *ms, double *wall, struct kp_error *err)
{
	struct match_hit *hits = malloc(BENCH_TOP * sizeof *hits);
	int rc = hits ? KP_OK : kp_internal(err);
	for (int i = 0; i < n && rc == KP_OK; i++) {
		int got;
		int64_t total;
		double w0 = cli_clock_ms(), t0 = cpu_ms();
		rc = match_for_call(ix, ids[i], BENCH_TOP, now, 0, hits, &got, &total, err);
		ms[i] = cpu_ms() - t0;
		if (wall)
			wall[i] = cli_clock_ms() - w0;
	}
	free(hits);
	return rc;
}

/* Plain SQL against the engine with the free-text weight at zero. */
static int cross_check(struct match_index *ix, struct db *db, const int64_t *ids,
                       const struct bench_opts *o, int64_t now, struct timings *t,
                       struct kp_error *err)
{
	struct match_weights w, plain;
	match_index_get_weights(ix, &w);
	plain = w;
	plain.w[MP_TEXT] = 0;
	match_index_set_weights(ix, &plain);
	double *sql_ms = calloc((size_t)o->sql_calls + 1, sizeof *sql_ms);
	double *plain_ms = calloc((size_t)o->calls + 1, sizeof *plain_ms);
	struct match_hit *hits = malloc(BENCH_TOP * sizeof *hits);
	int rc = sql_ms && plain_ms && hits ? KP_OK : kp_internal(err);
	if (rc == KP_OK)
		rc = run_engine(ix, ids, o->calls, now, plain_ms, NULL, err);
	for (int i = 0; i < o->sql_calls && rc == KP_OK; i++) {
		/* Spread the sample over all calls. */
		int at = (int)((int64_t)i * o->calls / o->sql_calls);
		int64_t sids[BENCH_TOP], total;
		double sscores[BENCH_TOP];
		int ne, ns;
		struct feed_baseline q;
		struct baseline_ids bid;
		uint32_t cs;
		rc = match_for_call(ix, ids[at], BENCH_TOP, now, 0, hits, &ne, &total, err);
		if (rc || !mhash_get(&ix->cid, ids[at], &cs))
			break;
		baseline_for(ix, &ix->calls[cs], now, &q, &bid);
		double t0 = cpu_ms();
		rc = store_feed_baseline(db, &q, BENCH_TOP, sids, sscores, &ns, err);
		sql_ms[i] = cpu_ms() - t0;
		t->checked++;
		t->agreed += same_top(hits, ne, sids, sscores, ns, at);
	}
	t->sql_p50 = bench_percentile(sql_ms, t->checked, 0.5);
	t->engine_plain_p50 = bench_percentile(plain_ms, o->calls, 0.5);
	match_index_set_weights(ix, &w);
	free(sql_ms);
	free(plain_ms);
	free(hits);
	return rc;
}

/* Proposes for every call of ix with spreading strength `spread`; prints a
   note, and with `line` the result line. */
static int propose(struct match_index *ix, int64_t now, double spread, int volunteers,
                   bool line, struct kp_error *err)
{
	struct match_proposal p = { 0 };
	struct match_weights w;
	match_index_get_weights(ix, &w);
	w.spread = spread;
	match_index_set_weights(ix, &w);
	double w0 = cli_clock_ms(), t0 = cpu_ms();
	int rc = match_proposal(ix, 0, now, 0, &p, err);
	double secs = (cpu_ms() - t0) / 1000.0;
	if (rc == KP_OK) {
		printf("# voorstel (spreiding %.0f): %d koppelingen, %d vrijwilligers, %d "
		       "kandidaatparen, hoogstens %d per vrijwilliger, gini %.3f; score %.2f, "
		       "gretig %.2f; %d plaatsen open (%d met een kandidaat met ruimte); %s; "
		       "%.3f s CPU, %.3f s klok\n",
		       spread, p.n, p.volunteers, p.edges, p.max_per_volunteer, p.gini,
		       p.total_score, p.greedy_total_score, p.places_open, p.places_open_with_room,
		       p.optimal ? "optimaal over alle paren" : "optimaliteit niet bewezen", secs,
		       (cli_clock_ms() - w0) / 1000.0);
		if (line)
			printf("proposal calls=%d volunteers=%d seconds=%.3f total_score=%.2f "
			       "greedy_total_score=%.2f max_per_volunteer=%d gini=%.3f\n",
			       p.calls, volunteers, secs, p.total_score, p.greedy_total_score,
			       p.max_per_volunteer, p.gini);
		fflush(stdout);
	}
	match_proposal_free(&p);
	return rc;
}

/* n_vols volunteers (ids 1..n_vols, all active) and n_calls calls (ids
   1..n_calls) of b straight into a new index, without a database. */
static int index_network(struct app *app, struct bnet *b, int n_vols, int n_calls,
                         struct match_index **out, struct kp_error *err)
{
	struct match_index *ix = NULL;
	struct volunteer *v = calloc(1, sizeof *v);
	struct call *c = calloc(1, sizeof *c);
	int rc = v && c ? match_index_new(&app->lists, &ix, err) : kp_internal(err);
	for (int i = 0; i < b->n_orgs && rc == KP_OK; i++)
		mix_put_org(ix, b->orgs[i].id, b->orgs[i].kind, b->orgs[i].vog_months);
	for (int i = 1; i <= n_vols && rc == KP_OK; i++) {
		bnet_volunteer(b, i, v);
		v->status = VOLUNTEER_ACTIVE;
		struct feed_volunteer fv = { v->id, v->organisation_id, v->status, v->lat, v->lon,
		                             v->availability, v->max_distance_km, v->max_matches,
		                             v->driving_licence, "", v->motivation_text,
		                             v->travel_mode, v->hours_per_week, v->engagement };
		memcpy(fv.vog_date, v->vog_date, sizeof fv.vog_date);
		int64_t items[LIST_KIND_COUNT * ID_SET_MAX];
		int n = 0;
		for (int k = 0; k < LIST_EXPERIENCE; k++)
			for (int j = 0; j < v->items[k].n; j++)
				items[n++] = v->items[k].ids[j];
		if (mix_put_volunteer(ix, &fv, items, n))
			rc = kp_internal(err);
	}
	for (int i = 1; i <= n_calls && rc == KP_OK; i++) {
		bnet_call(b, i, c);
		if (mix_put_call(ix, c, c->volunteers_needed, NULL, 0))
			rc = kp_internal(err);
	}
	if (rc == KP_OK && mix_rebuild(ix))
		rc = kp_internal(err);
	free(v);
	free(c);
	if (rc) {
		match_index_free(ix);
		ix = NULL;
	}
	*out = ix;
	return rc;
}

/* The proposal's calls and volunteers, straight into an index of their own
   (with organisations of their own when --proposal-orgs differs); proposed
   once without spreading (as before) and once with it. */
static int run_proposal(struct app *app, struct bnet *b, const struct bench_opts *o,
                        int64_t now, struct kp_error *err)
{
	struct match_index *ix = NULL;
	struct bnet own;
	memset(&own, 0, sizeof own);
	if (o->proposal_orgs != b->n_orgs) {
		if (bnet_init(&own, &app->lists, o->seed, now, o->proposal_orgs))
			return kp_internal(err);
		for (int i = 0; i < own.n_orgs; i++)
			own.orgs[i].id = i + 1;
		if (bnet_index_places(&own)) {
			bnet_free(&own);
			return kp_internal(err);
		}
		b = &own;
	}
	int rc = index_network(app, b, o->proposal_volunteers, o->proposal_calls, &ix, err);
	struct match_weights w;
	match_weights_default(&w);
	if (rc == KP_OK)
		rc = propose(ix, now, 0, o->proposal_volunteers, false, err);
	if (rc == KP_OK)
		rc = propose(ix, now, w.spread, o->proposal_volunteers, true, err);
	match_index_free(ix);
	bnet_free(&own);
	return rc;
}

/* The network in a fresh (or reused) SQLite file, then the index loaded
   from it; *startup is the CPU time of loading. */
static int db_network(struct app *app, struct db *db, struct bnet *b, const struct bench_opts *o,
                      int64_t *ids, struct match_index **ix, double *startup,
                      struct kp_error *err)
{
	double t0 = cli_clock_ms();
	if (o->reuse ? reuse_network(db, b, o, ids, err) : build_network(app, db, b, o, ids, err))
		return KP_ERR;
	printf("# netwerk %s: %d vrijwilligers, %d organisaties, %d oproepen in %.1f s (%s)\n",
	       o->reuse ? "hergebruikt" : "gebouwd", o->volunteers, b->n_orgs, o->calls,
	       (cli_clock_ms() - t0) / 1000.0, app->cfg.db_path);
	fflush(stdout);
	t0 = cli_clock_ms();
	double c0 = cpu_ms();
	if (match_index_new(&app->lists, ix, err) || match_index_load(*ix, db, err))
		return KP_ERR;
	*startup = (cpu_ms() - c0) / 1000.0;
	printf("# index geladen: %.2f s CPU, %.2f s klok\n", *startup,
	       (cli_clock_ms() - t0) / 1000.0);
	return KP_OK;
}

/* The network generated straight into the index (no database, no existing
   matches, no SQL comparison); *startup is the CPU time of generating and
   indexing every volunteer and call, sorting included. */
static int direct_network(struct app *app, struct bnet *b, const struct bench_opts *o,
                          int64_t *ids, struct match_index **ix, double *startup,
                          struct kp_error *err)
{
	for (int i = 0; i < b->n_orgs; i++)
		b->orgs[i].id = i + 1;
	if (bnet_index_places(b))
		return kp_internal(err);
	double t0 = cli_clock_ms(), c0 = cpu_ms();
	if (index_network(app, b, o->volunteers, o->calls, ix, err))
		return KP_ERR;
	*startup = (cpu_ms() - c0) / 1000.0;
	for (int i = 0; i < o->calls; i++)
		ids[i] = i + 1;
	printf("# netwerk rechtstreeks in de index: %d vrijwilligers, %d organisaties, %d oproepen "
	       "in %.2f s CPU, %.2f s klok (zonder database: geen SQL-vergelijking)\n",
	       o->volunteers, b->n_orgs, o->calls, *startup, (cli_clock_ms() - t0) / 1000.0);
	fflush(stdout);
	return KP_OK;
}

int cmd_bench(int argc, char **argv, struct app *app)
{
	if (argc >= 1 && strcmp(argv[0], "hours") == 0)
		return bench_hours(argc, argv, app);
	struct bench_opts o;
	struct kp_error err = { 0 };
	struct db *db = NULL;
	struct match_index *ix = NULL;
	struct bnet b;
	struct timings t = { 0 };
	int status = 1;
	memset(&b, 0, sizeof b);
	if (argc >= 1 && strcmp(argv[0], "import") == 0)
		return cmd_bench_import(argc, argv, app);
	if (argc >= 1 && strcmp(argv[0], "reports") == 0)
		return cmd_bench_reports(argc, argv, app);
	if (parse_opts(argc, argv, &o))
		return 2;
	int64_t now = app->now();
	int64_t *ids = calloc((size_t)o.calls, sizeof *ids);
	double *ms = calloc((size_t)o.calls, sizeof *ms);
	char file[64];
	snprintf(file, sizeof file, "bench-match-%d.db", o.volunteers);
	if (ids == NULL || ms == NULL ||
	    (!o.direct && bench_open_fresh(app, file, o.reuse, &db, &err)) ||
	    bnet_init(&b, &app->lists, o.seed, now, o.orgs))
		goto end;
	double startup = 0;
	if (o.direct ? direct_network(app, &b, &o, ids, &ix, &startup, &err)
	             : db_network(app, db, &b, &o, ids, &ix, &startup, &err))
		goto end;
	double *wall = calloc((size_t)o.calls, sizeof *wall);
	for (int r = 1; r < o.repeat && wall != NULL; r++)
		if (run_engine(ix, ids, o.calls, now, ms, wall, &err))
			break;
	if (wall == NULL || err.kind || run_engine(ix, ids, o.calls, now, ms, wall, &err)) {
		free(wall);
		goto end;
	}
	t.engine_p50 = bench_percentile(ms, o.calls, 0.5);
	t.engine_p99 = bench_percentile(ms, o.calls, 0.99);
	printf("# tijden in CPU-tijd van één kern; klok: engine p50 %.3f ms, p99 %.3f ms\n",
	       bench_percentile(wall, o.calls, 0.5), bench_percentile(wall, o.calls, 0.99));
	free(wall);
	if (!o.direct && cross_check(ix, db, ids, &o, now, &t, &err))
		goto end;
	struct match_stats st;
	match_index_stats(ix, &st);
	if (!o.direct)
		printf("# %lld actieve vrijwilligers in de index; SQL op %d van de %d oproepen, "
		       "top-%d gelijk bij %d van de %d (tekstgewicht 0; engine zonder tekst p50 "
		       "%.3f ms)\n",
		       (long long)st.volunteers, t.checked, o.calls, BENCH_TOP, t.agreed, t.checked,
		       t.engine_plain_p50);
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru); /* the peak so far: building, loading and asking */
	char sql[64] = "";
	if (!o.direct)
		snprintf(sql, sizeof sql, " sql_p50_ms=%.1f speedup=%.0f", t.sql_p50,
		         t.engine_p50 > 0 ? t.sql_p50 / t.engine_p50 : 0);
	printf("match volunteers=%d engine_p50_ms=%.3f engine_p99_ms=%.3f%s "
	       "bytes_per_volunteer=%.0f startup_s=%.2f rss_mib=%.0f\n",
	       o.volunteers, t.engine_p50, t.engine_p99, sql,
	       st.volunteers ? (double)st.bytes / (double)st.volunteers : 0, startup,
	       (double)ru.ru_maxrss / 1024.0);
	fflush(stdout);
	if (run_proposal(app, &b, &o, now, &err))
		goto end;
	status = t.agreed == t.checked ? 0 : 1;
end:
	if (err.kind)
		cli_print_error(&err);
	match_index_free(ix);
	bnet_free(&b);
	db_close(db);
	free(ids);
	free(ms);
	return status;
}
