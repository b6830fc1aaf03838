/* The index on a real SQLite file: loading, and every write visible after its refresh. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "app.h"
#include "db_fixture.h"
#include "match/index.h"
#include "model/match.h"

struct ctx {
	struct fixture *f;
	struct app app;
	struct match_index *ix;
	int64_t call;
};

static int setup(void **state)
{
	void *fs = NULL;
	struct kp_error err = { 0 };
	struct ctx *x = calloc(1, sizeof *x);
	if (x == NULL || fixture_setup(&fs))
		return -1;
	x->f = fs;
	catalog_init(&x->app.lists);
	if (app_reload_lists(&x->app, x->f->db, &err) ||
	    match_index_new(&x->app.lists, &x->ix, &err))
		return -1;
	*state = x;
	return 0;
}

static int teardown(void **state)
{
	struct ctx *x = *state;
	void *fs = x->f;
	match_index_free(x->ix);
	catalog_free(&x->app.lists);
	fixture_teardown(&fs);
	free(x);
	return 0;
}

/* An active volunteer in Dordrecht, free on Saturdays (the fixture call's day). */
static int64_t add_volunteer(struct ctx *x, const char *first)
{
	struct volunteer *v = malloc(sizeof *v);
	struct kp_error err = { 0 };
	assert_non_null(v);
	fixture_volunteer(x->f, v, x->f->org, first, "Jansen", "Dordrecht");
	v->status = VOLUNTEER_ACTIVE;
	v->availability = 7u << (5 * DAYPARTS);
	snprintf(v->motivation_text, sizeof v->motivation_text,
	         "Ik wil graag iets betekenen voor ouderen.");
	id_set_add(&v->items[LIST_ACTIVITY], fixture_item(x->f, LIST_ACTIVITY, "wandelen"));
	assert_int_equal(store_volunteer_insert(x->f->db, v, false, &err), KP_OK);
	int64_t id = v->id;
	free(v);
	return id;
}

/* The ids the engine proposes for the fixture call, -1 when it is not open. */
static int candidates(struct ctx *x, int64_t *ids, int max)
{
	struct match_hit hits[8];
	int n = 0;
	int64_t total;
	struct kp_error err = { 0 };
	if (match_for_call(x->ix, x->call, max, x->f->now, 0, hits, &n, &total, &err))
		return -1;
	assert_true(total >= n);
	for (int i = 0; i < n; i++)
		ids[i] = hits[i].volunteer_id;
	return n;
}

static void loads_from_the_database(void **state)
{
	struct ctx *x = *state;
	struct kp_error err = { 0 };
	int64_t a = add_volunteer(x, "Anna");
	x->call = fixture_insert_call(x->f, x->f->org, "Wandelen op zaterdag");
	assert_int_equal(match_index_load(x->ix, x->f->db, &err), KP_OK);
	int64_t ids[8];
	assert_int_equal(candidates(x, ids, 8), 1);
	assert_int_equal(ids[0], a);
	struct match_stats st;
	match_index_stats(x->ix, &st);
	assert_int_equal(st.volunteers, 1);
	assert_int_equal(st.calls, 1);
}

static void writes_are_visible_after_refresh(void **state)
{
	struct ctx *x = *state;
	struct kp_error err = { 0 };
	int64_t ids[8];
	x->call = fixture_insert_call(x->f, x->f->org, "Wandelen op zaterdag");
	assert_int_equal(match_index_load(x->ix, x->f->db, &err), KP_OK);
	assert_int_equal(candidates(x, ids, 8), 0);

	/* A new volunteer: not there until the refresh that follows the commit. */
	int64_t b = add_volunteer(x, "Bram");
	assert_int_equal(candidates(x, ids, 8), 0);
	assert_int_equal(match_index_refresh_volunteer(x->ix, x->f->db, b, &err), KP_OK);
	assert_int_equal(candidates(x, ids, 8), 1);
	assert_int_equal(ids[0], b);

	/* Changed availability: no longer free on Saturday. */
	struct volunteer *v = malloc(sizeof *v);
	assert_non_null(v);
	assert_int_equal(store_volunteer_get(x->f->db, b, false, v, &err), KP_OK);
	v->availability = 1;
	assert_int_equal(store_volunteer_update(x->f->db, v, false, &err), KP_OK);
	assert_int_equal(match_index_refresh_volunteer(x->ix, x->f->db, b, &err), KP_OK);
	assert_int_equal(candidates(x, ids, 8), 0);

	/* Free again, then moved to Zwijndrecht (another grid cell): still found. */
	v->availability = DAYPART_ALL;
	snprintf(v->place, sizeof v->place, "Zwijndrecht");
	v->lat = 51.8175;
	v->lon = 4.63333;
	assert_int_equal(store_volunteer_update(x->f->db, v, false, &err), KP_OK);
	assert_int_equal(match_index_refresh_volunteer(x->ix, x->f->db, b, &err), KP_OK);
	assert_int_equal(candidates(x, ids, 8), 1);

	/* Paused: out. */
	v->status = VOLUNTEER_PAUSED;
	assert_int_equal(store_volunteer_update(x->f->db, v, false, &err), KP_OK);
	assert_int_equal(match_index_refresh_volunteer(x->ix, x->f->db, b, &err), KP_OK);
	assert_int_equal(candidates(x, ids, 8), 0);
	free(v);
}

static void give_consent(struct ctx *x, int64_t vol, int scope, int64_t org)
{
	struct consent k;
	struct kp_error err = { 0 };
	consent_init(&k, vol);
	k.scope = scope;
	if (org)
		k.organisations[k.n_organisations++] = org;
	snprintf(k.text_version, sizeof k.text_version, "%s", CONSENT_TEXT_CURRENT);
	assert_int_equal(store_consent_set(x->f->db, &k, scope == CONSENT_NONE ? "withdrawn" : "given",
	                                   0, x->f->now, &err), KP_OK);
}

/* Consent recorded in the database: read at start, re-read on refresh. */
static void consent_loads_and_refreshes(void **state)
{
	struct ctx *x = *state;
	struct kp_error err = { 0 };
	int64_t ids[8];
	int64_t a = add_volunteer(x, "Anna"), b = add_volunteer(x, "Bram");
	give_consent(x, a, CONSENT_ORGANISATIONS, x->f->org2);
	give_consent(x, b, CONSENT_NETWORK, 0);
	x->call = fixture_insert_call(x->f, x->f->org2, "Wandelen op zaterdag");
	assert_int_equal(match_index_load(x->ix, x->f->db, &err), KP_OK);
	assert_int_equal(candidates(x, ids, 8), 2);
	give_consent(x, a, CONSENT_NONE, 0);
	assert_int_equal(candidates(x, ids, 8), 2); /* the database, not yet the index */
	assert_int_equal(match_index_refresh_volunteer(x->ix, x->f->db, a, &err), KP_OK);
	assert_int_equal(candidates(x, ids, 8), 1);
	assert_int_equal(ids[0], b);
	give_consent(x, b, CONSENT_ORGANISATIONS, x->f->org);
	assert_int_equal(match_index_refresh_volunteer(x->ix, x->f->db, b, &err), KP_OK);
	assert_int_equal(candidates(x, ids, 8), 0);
}

static void matches_and_calls_are_visible_after_refresh(void **state)
{
	struct ctx *x = *state;
	struct kp_error err = { 0 };
	int64_t ids[8];
	int64_t a = add_volunteer(x, "Anna");
	int64_t b = add_volunteer(x, "Bram");
	x->call = fixture_insert_call(x->f, x->f->org, "Wandelen op zaterdag");
	assert_int_equal(match_index_load(x->ix, x->f->db, &err), KP_OK);
	assert_int_equal(candidates(x, ids, 8), 2);

	/* Anna declined this call: never proposed for it again. */
	struct match m = { .call_id = x->call, .volunteer_id = a, .status = MATCH_DECLINED,
	                   .created_at = x->f->now, .updated_at = x->f->now };
	snprintf(m.reason, sizeof m.reason, "geen tijd");
	assert_int_equal(store_match_insert(x->f->db, &m, 0, &err), KP_OK);
	assert_int_equal(match_index_refresh_match(x->ix, x->f->db, x->call, a, &err), KP_OK);
	assert_int_equal(candidates(x, ids, 8), 1);
	assert_int_equal(ids[0], b);

	/* The call is closed: it leaves the index. */
	struct call *c = malloc(sizeof *c);
	assert_non_null(c);
	assert_int_equal(store_call_get(x->f->db, x->call, c, &err), KP_OK);
	c->status = CALL_CLOSED;
	assert_int_equal(store_call_update(x->f->db, c, &err), KP_OK);
	assert_int_equal(match_index_refresh_call(x->ix, x->f->db, x->call, &err), KP_OK);
	assert_int_equal(candidates(x, ids, 8), -1);
	free(c);
}

/* Many moves fill the overflow until a rebuild; answers stay the same. */
static void rebuild_keeps_answers(void **state)
{
	struct ctx *x = *state;
	struct kp_error err = { 0 };
	int64_t ids[8], again[8];
	for (int i = 0; i < 30; i++)
		add_volunteer(x, "Vrijwilliger");
	x->call = fixture_insert_call(x->f, x->f->org, "Wandelen op zaterdag");
	assert_int_equal(match_index_load(x->ix, x->f->db, &err), KP_OK);
	int n = candidates(x, ids, 8);
	assert_int_equal(n, 8);
	/* Refreshing every volunteer leaves each slot in place... */
	for (int64_t id = 1; id <= 30; id++)
		assert_int_equal(match_index_refresh_volunteer(x->ix, x->f->db, id, &err), KP_OK);
	assert_int_equal(candidates(x, again, 8), n);
	assert_memory_equal(ids, again, sizeof ids);
	/* ...and a full re-sort gives the same answer too. */
	pthread_rwlock_wrlock(&x->ix->lock);
	assert_int_equal(mix_rebuild(x->ix), 0);
	pthread_rwlock_unlock(&x->ix->lock);
	assert_int_equal(candidates(x, again, 8), n);
	assert_memory_equal(ids, again, sizeof ids);
}

/* A volunteer in Rotterdam (about 20 km from the fixture call in Dordrecht)
   who goes by car and travels at most km. */
static int64_t add_far_volunteer(struct ctx *x, int km)
{
	struct volunteer *v = malloc(sizeof *v);
	struct kp_error err = { 0 };
	assert_non_null(v);
	fixture_volunteer(x->f, v, x->f->org, "Verre", "Jansen", "Rotterdam");
	v->status = VOLUNTEER_ACTIVE;
	v->availability = DAYPART_ALL;
	v->travel_mode = TRAVEL_CAR;
	v->driving_licence = 1;
	v->max_distance_km = km;
	id_set_add(&v->items[LIST_ACTIVITY], fixture_item(x->f, LIST_ACTIVITY, "wandelen"));
	assert_int_equal(store_volunteer_insert(x->f->db, v, false, &err), KP_OK);
	int64_t id = v->id;
	free(v);
	return id;
}

/* A cell's run is sorted by reach and a scan stops at the first volunteer
   who cannot travel as far as the call: one who reaches further after the
   sort must still be found (it leaves its place for the overflow). */
static void reach_grows_after_the_sort(void **state)
{
	struct ctx *x = *state;
	struct kp_error err = { 0 };
	int64_t ids[8];
	int64_t far = add_far_volunteer(x, 40);
	add_far_volunteer(x, 5);
	int64_t grows = add_far_volunteer(x, 5);
	x->call = fixture_insert_call(x->f, x->f->org, "Wandelen op zaterdag");
	assert_int_equal(match_index_load(x->ix, x->f->db, &err), KP_OK);
	assert_int_equal(candidates(x, ids, 8), 1);
	assert_int_equal(ids[0], far);
	struct volunteer *v = malloc(sizeof *v);
	assert_non_null(v);
	assert_int_equal(store_volunteer_get(x->f->db, grows, false, v, &err), KP_OK);
	v->max_distance_km = 40;
	assert_int_equal(store_volunteer_update(x->f->db, v, false, &err), KP_OK);
	assert_int_equal(match_index_refresh_volunteer(x->ix, x->f->db, grows, &err), KP_OK);
	free(v);
	assert_int_equal(candidates(x, ids, 8), 2);
	assert_true((ids[0] == far && ids[1] == grows) || (ids[0] == grows && ids[1] == far));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(loads_from_the_database, setup, teardown),
		cmocka_unit_test_setup_teardown(writes_are_visible_after_refresh, setup, teardown),
		cmocka_unit_test_setup_teardown(consent_loads_and_refreshes, setup, teardown),
		cmocka_unit_test_setup_teardown(matches_and_calls_are_visible_after_refresh, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(rebuild_keeps_answers, setup, teardown),
		cmocka_unit_test_setup_teardown(reach_grows_after_the_sort, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
