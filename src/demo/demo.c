/* demo_build: the steps of the demo network in one transaction. */
#include "demo/demo.h"

#include <stdlib.h>
#include <string.h>

#include "db/store.h"
#include "demo/gen.h"
#include "util/parse.h"

#define CALLS_MIN 30
#define VOLUNTEERS_PER_CALL 20

void demo_date(const struct demo_gen *g, int days, char out[11])
{
	parse_format_date(g->now + (long long)days * 86400, out);
}

int demo_year(const struct demo_gen *g)
{
	char today[11];
	long long year = 2000;
	demo_date(g, 0, today);
	today[4] = '\0';
	(void)parse_int(today, 1970, 9999, &year);
	return (int)year;
}

static int count_one(void *ctx, const struct organisation *o)
{
	(void)ctx;
	(void)o;
	return 0;
}

/* The demo network only goes into a database without organisations. */
static int check_empty(struct db *db, struct kp_error *err)
{
	struct list_filter f;
	int64_t total = 0;
	list_filter_init(&f);
	if (store_organisation_list(db, &f, (struct page){ .limit = 1 }, count_one, NULL, &total,
	                            err))
		return KP_ERR;
	return total > 0 ? kp_fail(err, KP_CONFLICT, "demo_not_empty", "data") : KP_OK;
}

static int fill(struct demo_gen *g, int volunteers, struct kp_error *err)
{
	int calls = volunteers / VOLUNTEERS_PER_CALL;
	if (calls < CALLS_MIN)
		calls = CALLS_MIN;
	if (check_empty(g->db, err) ||
	    store_network_ensure(g->db, "Vrijwilligersnetwerk Drechtsteden", "Drechtsteden", g->now,
	                         &g->network_id, err) ||
	    demo_add_organisations(g, err) || demo_add_social_map(g, err) ||
	    demo_add_volunteers(g, volunteers, err) ||
	    demo_add_accounts(g, err) || demo_add_calls(g, calls, err) || demo_add_matches(g, err) ||
	    demo_add_journeys(g, err) || demo_add_hours(g, err) || demo_add_contact_point(g, err) ||
	    demo_add_newsletters(g, err))
		return KP_ERR;
	return KP_OK;
}

int demo_build(struct app *app, struct db *db, const struct demo_options *opt,
               struct demo_summary *sum, struct kp_error *err)
{
	struct demo_summary local;
	struct demo_gen *g = calloc(1, sizeof *g);
	int ret = KP_ERR;
	if (g == NULL)
		return kp_internal(err);
	if (opt->volunteers < DEMO_MIN_VOLUNTEERS || opt->volunteers > DEMO_MAX_VOLUNTEERS) {
		kp_fail_limit(err, KP_INVALID, "out_of_range", "volunteers", DEMO_MAX_VOLUNTEERS);
		goto end;
	}
	g->app = app;
	g->db = db;
	g->now = app->now();
	g->sum = sum ? sum : &local;
	memset(g->sum, 0, sizeof *g->sum);
	rng_seed(&g->rng, opt->seed);
	if (vocab_resolve(&app->lists, &g->ids, err) || db_begin(db, err))
		goto end;
	if (fill(g, opt->volunteers, err) || db_commit(db, err)) {
		db_rollback(db);
		goto end;
	}
	ret = KP_OK;
end:
	for (int m = 0; m < DEMO_MUNICIPALITIES; m++)
		free(g->active[m]);
	free(g->vols);
	free(g->calls);
	free(g->work);
	free(g);
	return ret;
}
