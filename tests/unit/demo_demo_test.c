/* Tests for src/demo/: the same seed gives the same network, volunteers
   follow seed 004's proportions, every match state occurs within capacity,
   each demo login exists, journeys have intakes, exit interviews after which
   most stay and nazorg answers, another seed gives another network, and a
   database with organisations is refused untouched. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "auth/password.h"
#include "db/hours.h"
#include "db/store.h"
#include "demo/demo.h"
#include "util/parse.h"
#include "model/consent.h"
#include "service/reports.h"

#define VOLUNTEERS 500

struct net {
	char path[256];
	struct db *db;
	struct demo_summary sum;
	uint64_t fingerprint;
};

static struct {
	char dir[64];
	struct app app;
	struct net a, b, c;   /* a, b: seed 7; c: seed 8 */
} t;

static int64_t fixed_clock(void)
{
	return 1790000000; /* 2026-09-21 */
}

static void fnv(uint64_t *h, const void *p, size_t n)
{
	const unsigned char *s = p;
	for (size_t i = 0; i < n; i++)
		*h = (*h ^ s[i]) * 0x100000001b3u;
}

static void fnv_str(uint64_t *h, const char *s)
{
	fnv(h, s, strlen(s) + 1);
}

static void fnv_items(uint64_t *h, const struct id_set *sets)
{
	for (int k = 0; k < LIST_KIND_COUNT; k++)
		fnv(h, sets[k].ids, (size_t)sets[k].n * sizeof sets[k].ids[0]);
}

static int hash_volunteer(void *ctx, const struct volunteer *v)
{
	uint64_t *h = ctx;
	fnv(h, &v->id, sizeof v->id);
	fnv_str(h, v->first_name);
	fnv_str(h, v->last_name);
	fnv_str(h, v->email);
	fnv_str(h, v->place);
	fnv_str(h, v->motivation_text);
	fnv_str(h, v->vog_date);
	fnv_str(h, v->started_on);
	int nums[] = { v->birth_year, v->status, (int)v->availability, v->hours_per_week,
	               (int)v->engagement, v->max_distance_km, v->travel_mode,
	               v->driving_licence, v->max_matches, (int)v->organisation_id };
	fnv(h, nums, sizeof nums);
	fnv_items(h, v->items);
	return 0;
}

static int hash_call(void *ctx, const struct call *c)
{
	uint64_t *h = ctx;
	fnv(h, &c->id, sizeof c->id);
	fnv_str(h, c->title);
	fnv_str(h, c->description);
	fnv_str(h, c->place);
	fnv_str(h, c->one_off_date);
	int nums[] = { (int)c->dayparts, c->status, c->source, (int)c->activity_id,
	               c->requires_vog, c->requires_driving_licence, c->volunteers_needed };
	fnv(h, nums, sizeof nums);
	fnv_items(h, c->items);
	return 0;
}

static int hash_match(void *ctx, const struct match *m)
{
	uint64_t *h = ctx;
	int64_t nums[] = { m->id, m->call_id, m->volunteer_id, m->status, m->updated_at };
	fnv(h, nums, sizeof nums);
	fnv_str(h, m->reason);
	fnv_str(h, m->explanation);
	return 0;
}

/* Walks every page of a list store into one hash; returns the total. */
#define WALK(fn, each, db, h)                                                                \
	do {                                                                                   \
		struct list_filter f_;                                                             \
		struct kp_error e_ = { 0 };                                                        \
		int64_t total_ = 0;                                                                \
		list_filter_init(&f_);                                                             \
		for (int off_ = 0; off_ == 0 || off_ < total_; off_ += PAGE_MAX)                    \
			assert_int_equal(fn(db, &f_, (struct page){ PAGE_MAX, off_ }, each, h, &total_, \
			                    &e_), KP_OK);                                               \
	} while (0)

static uint64_t fingerprint(struct db *db)
{
	uint64_t h = 0xcbf29ce484222325u;
	WALK(store_volunteer_list, hash_volunteer, db, &h);
	WALK(store_call_list, hash_call, db, &h);
	WALK(store_match_list, hash_match, db, &h);
	return h;
}

static int open_fresh(struct net *n, const char *name)
{
	struct kp_error err = { 0 };
	int64_t network;
	snprintf(n->path, sizeof n->path, "%s/%s.db", t.dir, name);
	if (db_open(n->path, &n->db, &err) || db_begin(n->db, &err) ||
	    store_lists_seed_defaults(n->db, &err) ||
	    store_network_ensure(n->db, "Vrijwilligersnetwerk Drechtsteden", "Drechtsteden",
	                         fixed_clock(), &network, &err) ||
	    db_commit(n->db, &err) || app_reload_lists(&t.app, n->db, &err)) {
		fprintf(stderr, "open %s: %s %s\n", n->path, err.code, err.field);
		return -1;
	}
	return 0;
}

static int build(struct net *n, const char *name, uint64_t seed)
{
	struct kp_error err = { 0 };
	struct demo_options opt = { .volunteers = VOLUNTEERS, .seed = seed };
	if (open_fresh(n, name) || demo_build(&t.app, n->db, &opt, &n->sum, &err)) {
		fprintf(stderr, "demo %s: %s %s %s\n", name, err.code, err.field, err.detail);
		return -1;
	}
	n->fingerprint = fingerprint(n->db);
	return 0;
}

static int setup(void **state)
{
	(void)state;
	snprintf(t.dir, sizeof t.dir, "/tmp/kp-demo-test-XXXXXX");
	if (password_init() != 0 || mkdtemp(t.dir) == NULL)
		return -1;
	t.app.now = fixed_clock;
	catalog_init(&t.app.lists);
	return build(&t.a, "a", 7) || build(&t.b, "b", 7) || build(&t.c, "c", 8);
}

static int teardown(void **state)
{
	(void)state;
	struct net *nets[] = { &t.a, &t.b, &t.c };
	for (int i = 0; i < 3; i++) {
		char side[300];
		if (nets[i]->db)
			db_close(nets[i]->db);
		unlink(nets[i]->path);
		snprintf(side, sizeof side, "%s-wal", nets[i]->path);
		unlink(side);
		snprintf(side, sizeof side, "%s-shm", nets[i]->path);
		unlink(side);
	}
	rmdir(t.dir);
	catalog_free(&t.app.lists);
	return 0;
}

static int64_t count(struct db *db, struct list_filter *f,
                     int (*list)(struct db *, const struct list_filter *, struct page,
                                 volunteer_fn, void *, int64_t *, struct kp_error *))
{
	struct kp_error err = { 0 };
	int64_t total = -1;
	assert_int_equal(list(db, f, (struct page){ 1, 0 }, hash_volunteer, &(uint64_t){ 0 },
	                      &total, &err), KP_OK);
	return total;
}

static int64_t count_matches(struct db *db, int status)
{
	struct list_filter f;
	struct kp_error err = { 0 };
	int64_t total = -1;
	list_filter_init(&f);
	f.status = status;
	assert_int_equal(store_match_list(db, &f, (struct page){ 1, 0 }, hash_match,
	                                  &(uint64_t){ 0 }, &total, &err), KP_OK);
	return total;
}

static void same_seed_same_network(void **state)
{
	(void)state;
	assert_memory_equal(&t.a.sum, &t.b.sum, sizeof t.a.sum);
	assert_true(t.a.fingerprint == t.b.fingerprint);
	struct list_filter f;
	list_filter_init(&f);
	assert_int_equal(count(t.a.db, &f, store_volunteer_list), VOLUNTEERS);
	assert_int_equal(count(t.b.db, &f, store_volunteer_list), VOLUNTEERS);
	assert_int_equal(t.a.sum.volunteers, VOLUNTEERS);
	assert_true(t.a.sum.calls >= 30);
	assert_true(t.a.sum.organisations >= 10);
	assert_true(t.a.sum.locations > 0);
}

static void another_seed_another_network(void **state)
{
	(void)state;
	assert_true(t.a.fingerprint != t.c.fingerprint);
	assert_int_equal(t.c.sum.volunteers, VOLUNTEERS);
}

static void volunteers_follow_seed_004(void **state)
{
	(void)state;
	static const int table[DEMO_MUNICIPALITIES] = { 2628, 17606, 3703, 5319, 4060, 7126 };
	int all = 0;
	for (int m = 0; m < DEMO_MUNICIPALITIES; m++)
		all += table[m];
	for (int m = 0; m < DEMO_MUNICIPALITIES; m++) {
		struct list_filter f;
		list_filter_init(&f);
		f.place = demo_municipality(m);
		double expected = (double)VOLUNTEERS * table[m] / all;
		int64_t got = count(t.a.db, &f, store_volunteer_list);
		assert_true(got >= (int64_t)expected - 1 && got <= (int64_t)expected + 1);
		assert_int_equal(got, t.a.sum.volunteers_by_municipality[m]);
	}
}

static void every_match_state_occurs(void **state)
{
	(void)state;
	for (int s = 0; s < MATCH_STATUS_COUNT; s++) {
		assert_true(count_matches(t.a.db, s) > 0);
		assert_int_equal(count_matches(t.a.db, s), t.a.sum.matches_by_status[s]);
	}
}

struct events { int n; int reasons; int actors; int64_t last; int ordered; };

static int each_event(void *ctx, const struct match_event *e)
{
	struct events *ev = ctx;
	ev->n++;
	ev->reasons += e->reason[0] != '\0';
	ev->actors += e->actor_id > 0;
	ev->ordered &= e->at >= ev->last && e->at <= fixed_clock();
	ev->last = e->at;
	return 0;
}

struct match_check { struct db *db; int checked; int other_org; };

/* Every match: an active volunteer within capacity, and a full history. */
static int check_match(void *ctx, const struct match *m)
{
	struct match_check *mc = ctx;
	struct kp_error err = { 0 };
	struct volunteer *v = malloc(sizeof *v);
	int64_t open = 0;
	struct events ev = { .ordered = 1 };
	assert_non_null(v);
	assert_int_equal(store_volunteer_get(mc->db, m->volunteer_id, false, v, &err), KP_OK);
	assert_int_equal(v->status, VOLUNTEER_ACTIVE);
	assert_int_equal(store_match_count_open(mc->db, v->id, &open, &err), KP_OK);
	if (v->organisation_id != m->organisation_id) {
		struct consent c;
		assert_int_equal(store_consent_get(mc->db, v->id, &c, &err), KP_OK);
		assert_true(consent_allows_organisation(&c, m->organisation_id));
		mc->other_org++;
	}
	assert_true(open <= v->max_matches);
	assert_int_equal(store_match_events(mc->db, m->id, each_event, &ev, &err), KP_OK);
	static const int steps[MATCH_STATUS_COUNT] = { 1, 2, 3, 0, 4, 5 };
	if (m->status == MATCH_DECLINED)
		assert_true(ev.n == 2 || ev.n == 3);
	else
		assert_int_equal(ev.n, steps[m->status]);
	assert_int_equal(ev.actors, ev.n);
	assert_true(ev.ordered);
	assert_int_equal(ev.reasons, match_needs_reason(m->status) ? 1 : 0);
	assert_true(!match_needs_reason(m->status) || m->reason[0] != '\0');
	free(v);
	mc->checked++;
	return 0;
}

static void matches_respect_capacity_and_history(void **state)
{
	(void)state;
	struct match_check mc = { .db = t.a.db };
	WALK(store_match_list, check_match, t.a.db, &mc);
	assert_int_equal(mc.checked, t.a.sum.matches);
	assert_true(mc.checked > 0);
	assert_true(mc.other_org > 0);   /* the shared register is used across organisations */
}

static int count_own(void *ctx, int64_t account_id, int64_t location_id)
{
	int64_t *a = ctx; /* { account, works there } */
	(void)location_id;
	a[1] += account_id == a[0];
	return 0;
}

static int skip_call(void *ctx, const struct call *c)
{
	(void)ctx;
	(void)c;
	return 0;
}

static int64_t count_calls(const struct list_filter *f)
{
	struct kp_error err = { 0 };
	int64_t total = -1;
	assert_int_equal(store_call_list(t.a.db, f, (struct page){ 1, 0 }, skip_call, NULL, &total,
	                                 &err), KP_OK);
	return total;
}

static int without_address(void *ctx, const struct location *l)
{
	*(int *)ctx += l->address[0] == '\0';
	return 0;
}

/* Every demo location has an address; the demo professional works at some
   of her organisation's, and the calls she posted are at those. */
static void professional_works_at_locations(void **state)
{
	(void)state;
	struct account a;
	char hash[128];
	struct kp_error err = { 0 };
	int bare = 0;
	assert_int_equal(store_locations_of(t.a.db, 0, without_address, &bare, &err), KP_OK);
	assert_int_equal(bare, 0);
	assert_int_equal(store_account_by_email(t.a.db, "medewerker@zorggroep.demo", &a, hash, &err),
	                 KP_OK);
	int64_t works[2] = { a.id, 0 };
	assert_int_equal(store_account_locations_of(t.a.db, a.organisation_id, count_own, works,
	                                            &err), KP_OK);
	assert_int_equal(works[1], 2);
	struct list_filter f;
	list_filter_init(&f);
	f.created_by = a.id;
	int64_t mine = count_calls(&f);
	f.location_account_id = a.id;
	assert_true(mine > 0);
	assert_int_equal(count_calls(&f), mine);
}

static void demo_logins_exist(void **state)
{
	(void)state;
	int roles = 0;
	for (int i = 0; i < demo_login_count; i++)
		roles |= 1 << demo_logins[i].role;
	assert_int_equal(roles, ((1 << ROLE_COUNT) - 1) & ~(1 << ROLE_ANONYMOUS));
	for (int i = 0; i < demo_login_count; i++) {
		struct account a;
		char hash[128];
		struct kp_error err = { 0 };
		assert_int_equal(store_account_by_email(t.a.db, demo_logins[i].email, &a, hash, &err),
		                 KP_OK);
		assert_int_equal(a.role, demo_logins[i].role);
		if (i == 0)
			assert_true(password_verify(DEMO_PASSWORD, hash));
		if (a.role == ROLE_COORDINATOR || a.role == ROLE_PROFESSIONAL ||
		    a.role == ROLE_REFERRER)
			assert_true(a.organisation_id > 0);
		if (a.role == ROLE_VOLUNTEER) {
			struct volunteer *v = malloc(sizeof *v);
			struct organisation o;
			assert_non_null(v);
			assert_true(a.volunteer_id > 0);
			assert_int_equal(store_volunteer_get(t.a.db, a.volunteer_id, false, v, &err), KP_OK);
			assert_int_equal(v->status, VOLUNTEER_ACTIVE);
			assert_int_equal(store_organisation_get(t.a.db, v->organisation_id, &o, &err), KP_OK);
			assert_non_null(strstr(o.name, "Zonnebloem"));
			free(v);
		}
	}
	/* The same logins in every network, whatever the seed. */
	struct account a;
	char hash[128];
	struct kp_error err = { 0 };
	assert_int_equal(store_account_by_email(t.c.db, "coordinator@zorggroep.demo", &a, hash,
	                                        &err), KP_OK);
}

static void refuses_a_network_that_exists(void **state)
{
	(void)state;
	struct kp_error err = { 0 };
	struct demo_options opt = { .volunteers = 10, .seed = 1 };
	struct list_filter f;
	list_filter_init(&f);
	assert_int_equal(demo_build(&t.app, t.a.db, &opt, NULL, &err), KP_ERR);
	assert_string_equal(err.code, "demo_not_empty");
	assert_int_equal(count(t.a.db, &f, store_volunteer_list), VOLUNTEERS);
	assert_true(fingerprint(t.a.db) == t.a.fingerprint);
}

struct hour_check { int n; int64_t minutes; int bad; int64_t today; };

static int each_hour(void *ctx, const struct hour_entry *e)
{
	struct hour_check *h = ctx;
	struct match m;
	struct kp_error err = { 0 };
	h->n++;
	h->minutes += e->minutes;
	/* on a match of this volunteer that was at work, never in the future */
	if (e->match_id <= 0 || store_match_get(t.a.db, e->match_id, &m, &err) != KP_OK ||
	    m.volunteer_id != e->volunteer_id || m.organisation_id != e->organisation_id ||
	    (m.status != MATCH_ACTIVE && m.status != MATCH_ENDED) ||
	    parse_date_days(e->worked_on) > h->today || e->minutes < 1 || e->minutes > 1440)
		h->bad++;
	return 0;
}

static void hours_on_matches_at_work(void **state)
{
	(void)state;
	struct hour_check h = { .today = t.app.now() / 86400 };
	struct hours_filter f = { .status = -1 };
	struct kp_error err = { 0 };
	int64_t total = 0;
	for (int off = 0; off == 0 || off < total; off += PAGE_MAX)
		assert_int_equal(store_hour_list(t.a.db, &f, (struct page){ PAGE_MAX, off }, each_hour,
		                                 &h, &total, &err), KP_OK);
	assert_true(h.n > 0);
	assert_int_equal(h.n, t.a.sum.hour_entries);
	assert_int_equal(h.minutes, t.a.sum.minutes);
	assert_int_equal(h.bad, 0);
}

/* The journeys tell the seeds' story: intakes within four weeks, about two
   in three stay after an exit interview (seed 000), nazorg answered. */
static void journeys_tell_the_seeds_story(void **state)
{
	(void)state;
	struct principal admin = { .account_id = 1, .role = ROLE_ADMIN };
	struct report_ask ask = { .from = "2023-10-01", .to = "2026-09-01" };
	struct report *r = malloc(sizeof *r);
	struct kp_error err = { 0 };
	assert_non_null(r);
	assert_int_equal(report_compute(&t.app, t.a.db, &admin, &ask, r, &err), KP_OK);
	assert_true(r->exit_interviews >= 20);
	double stayed = (double)r->exit_stayed / (double)r->exit_interviews;
	assert_true(stayed > 0.55 && stayed < 0.8);
	assert_true(r->to_intake.volunteers > 20);
	assert_true(r->to_intake.median_days >= 2 && r->to_intake.p90_days <= 28);
	assert_true(r->answers_total > 0 && r->answers_good > r->answers_total / 2);
	free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(same_seed_same_network),
		cmocka_unit_test(another_seed_another_network),
		cmocka_unit_test(volunteers_follow_seed_004),
		cmocka_unit_test(every_match_state_occurs),
		cmocka_unit_test(matches_respect_capacity_and_history),
		cmocka_unit_test(hours_on_matches_at_work),
		cmocka_unit_test(journeys_tell_the_seeds_story),
		cmocka_unit_test(demo_logins_exist),
		cmocka_unit_test(professional_works_at_locations),
		cmocka_unit_test(refuses_a_network_that_exists),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
