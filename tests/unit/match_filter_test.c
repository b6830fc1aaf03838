/* Hard requirements: each rule can fail on its own, and proposals never break one. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "match_fixture.h"
#include "model/match.h"

/* Puts volunteer 1 (changed by `change`) and call 100 (changed by `cc`), returns mf_check. */
static int check_with(struct mfx *f, void (*change)(struct mfx *, struct mfx_volunteer *),
                      void (*cc)(struct mfx *, struct call *))
{
	struct mfx_volunteer v;
	struct call *c = malloc(sizeof *c);
	assert_non_null(c);
	mfx_volunteer(f, 1, &v);
	if (change)
		change(f, &v);
	mfx_call(f, 100, c);
	if (cc)
		cc(f, c);
	mfx_put_volunteer(f, &v);
	mfx_put_call(f, c);
	free(c);
	assert_int_equal(mix_rebuild(f->ix), 0);
	return mfx_check(f, 1, 100);
}

static void base_pair_passes(void **state)
{
	assert_int_equal(check_with(*state, NULL, NULL), MF_OK);
}

static void paused(struct mfx *f, struct mfx_volunteer *v)
{
	(void)f;
	v->fv.status = VOLUNTEER_ACTIVE;
}

static void inactive_volunteer_fails(void **state)
{
	struct mfx *f = *state;
	assert_int_equal(check_with(f, paused, NULL), MF_OK);
	struct mfx_volunteer v;
	mfx_volunteer(f, 1, &v);
	v.fv.status = VOLUNTEER_PAUSED;
	mfx_put_volunteer(f, &v);
	assert_int_equal(mfx_check(f, 1, 100), MF_INACTIVE);
}

static void capacity_fails_when_full(void **state)
{
	struct mfx *f = *state;
	assert_int_equal(check_with(f, NULL, NULL), MF_OK);
	struct feed_match m = { 200, 1, MATCH_ACTIVE, f->now - 86400 * 100 };
	mix_apply_match(f->ix, &m);
	assert_int_equal(mfx_check(f, 1, 100), MF_OK); /* 1 of 2 */
	m.call_id = 201;
	mix_apply_match(f->ix, &m);
	assert_int_equal(mfx_check(f, 1, 100), MF_CAPACITY);
}

static void other_org(struct mfx *f, struct call *c)
{
	(void)f;
	c->organisation_id = 2;
}

static void centre(struct mfx *f, struct call *c)
{
	(void)f;
	c->organisation_id = 3;
}

static void selects_org2(struct mfx *f, struct mfx_volunteer *v)
{
	(void)f;
	v->consent.scope = CONSENT_ORGANISATIONS;
	v->consent.organisations[v->consent.n_organisations++] = 2;
}

static void whole_network(struct mfx *f, struct mfx_volunteer *v)
{
	(void)f;
	v->consent.scope = CONSENT_NETWORK;
}

/* The volunteers candidates for call cid, by a scan of the index. */
static int64_t scanned(struct mfx *f, int64_t cid, int64_t *first)
{
	struct match_hit hits[8];
	struct kp_error err = { 0 };
	int n;
	int64_t total;
	assert_int_equal(match_for_call(f->ix, cid, 8, f->now, 0, hits, &n, &total, &err), KP_OK);
	assert_int_equal(n, total);
	*first = n > 0 ? hits[0].volunteer_id : 0;
	return total;
}

static void consent_own_org_always(void **state)
{
	struct mfx *f = *state;
	int64_t first;
	assert_int_equal(check_with(f, NULL, NULL), MF_OK);
	assert_int_equal(scanned(f, 100, &first), 1);
	/* Naming other organisations does not close the own one. */
	assert_int_equal(check_with(f, selects_org2, NULL), MF_OK);
	assert_int_equal(scanned(f, 100, &first), 1);
	assert_int_equal(first, 1);
}

static void consent_other_org_never_without(void **state)
{
	struct mfx *f = *state;
	int64_t first;
	assert_int_equal(check_with(f, NULL, other_org), MF_CONSENT);
	assert_int_equal(scanned(f, 100, &first), 0);
	/* A volunteer centre gets no exception. */
	assert_int_equal(check_with(f, NULL, centre), MF_CONSENT);
	assert_int_equal(scanned(f, 100, &first), 0);
	assert_int_equal(check_with(f, selects_org2, centre), MF_CONSENT);
	assert_int_equal(scanned(f, 100, &first), 0);
}

static void consent_selected_org_allowed(void **state)
{
	struct mfx *f = *state;
	int64_t first;
	assert_int_equal(check_with(f, selects_org2, other_org), MF_OK);
	assert_int_equal(scanned(f, 100, &first), 1); /* sorted into the open run */
	assert_int_equal(first, 1);
	assert_int_equal(check_with(f, whole_network, other_org), MF_OK);
	assert_int_equal(check_with(f, whole_network, centre), MF_OK);
	assert_int_equal(scanned(f, 100, &first), 1);
}

/* Withdrawal counts for all three questions as soon as the index has it,
   whether the volunteer sits in the sorted slots or in the overflow. */
static void consent_withdrawal_immediate(void **state)
{
	struct mfx *f = *state;
	struct call *c = malloc(sizeof *c);
	struct match_hit hits[4];
	struct kp_error err = { 0 };
	struct match_proposal p;
	int n;
	int64_t total, first, org2 = 2;
	assert_non_null(c);
	assert_int_equal(check_with(f, selects_org2, other_org), MF_OK);
	mfx_call(f, 101, c); /* a call of the own organisation stays */
	mfx_put_call(f, c);
	free(c);
	for (int round = 0; round < 2; round++) {
		mfx_consent(f, 1, CONSENT_NONE, NULL, 0, false);
		assert_int_equal(mfx_check(f, 1, 100), MF_CONSENT);
		assert_int_equal(mfx_check(f, 1, 101), MF_OK);
		assert_int_equal(scanned(f, 100, &first), 0);
		assert_int_equal(match_for_volunteer(f->ix, 1, 4, f->now, 0, hits, &n, &total, &err),
		                 KP_OK);
		assert_int_equal(n, 1);
		assert_int_equal(hits[0].call_id, 101);
		assert_int_equal(match_proposal(f->ix, 2, f->now, 0, &p, &err), KP_OK);
		assert_int_equal(p.n, 0);
		match_proposal_free(&p);
		/* Given again, it counts again at once. */
		mfx_consent(f, 1, CONSENT_ORGANISATIONS, &org2, 1, false);
		assert_int_equal(scanned(f, 100, &first), 1);
		assert_int_equal(match_proposal(f->ix, 2, f->now, 0, &p, &err), KP_OK);
		assert_int_equal(p.n, 1);
		assert_int_equal(p.pairs[0].volunteer_id, 1);
		match_proposal_free(&p);
		assert_int_equal(mix_rebuild(f->ix), 0); /* the second round from sorted slots */
	}
}

static void mornings_only(struct mfx *f, struct mfx_volunteer *v)
{
	(void)f;
	v->fv.availability = 0;
	for (int d = 0; d < DAYS; d++)
		v->fv.availability |= 1u << (d * DAYPARTS);
}

static void time_must_overlap(void **state)
{
	assert_int_equal(check_with(*state, mornings_only, NULL), MF_TIME);
}

static void thursday_morning_ride(struct mfx *f, struct call *c)
{
	c->activity_id = mfx_item(f, LIST_ACTIVITY, "vervoer_ziekenhuis");
	c->dayparts = 0;
	snprintf(c->one_off_date, sizeof c->one_off_date, "2026-11-26"); /* a Thursday */
	snprintf(c->start_time, sizeof c->start_time, "09:30");
	c->requires_driving_licence = 1;
}

static void thursday_afternoon_only(struct mfx *f, struct mfx_volunteer *v)
{
	(void)f;
	v->fv.availability = 1u << (3 * DAYPARTS + 1);
}

static void thursday_morning_only(struct mfx *f, struct mfx_volunteer *v)
{
	(void)f;
	v->fv.availability = 1u << (3 * DAYPARTS + 0);
}

static void no_licence_thursday_morning(struct mfx *f, struct mfx_volunteer *v)
{
	thursday_morning_only(f, v);
	v->fv.driving_licence = 0;
}

static void one_off_needs_that_day_part(void **state)
{
	assert_int_equal(check_with(*state, thursday_afternoon_only, thursday_morning_ride), MF_TIME);
	assert_int_equal(check_with(*state, thursday_morning_only, thursday_morning_ride), MF_OK);
	assert_int_equal(check_with(*state, no_licence_thursday_morning, thursday_morning_ride),
	                 MF_LICENCE);
}

static void needs_dementia_training(struct mfx *f, struct call *c)
{
	id_set_add(&c->items[LIST_TRAINING], mfx_item(f, LIST_TRAINING, "dementie"));
}

static void has_dementia_training(struct mfx *f, struct mfx_volunteer *v)
{
	mfx_add(f, v, LIST_TRAINING, "dementie");
}

static void trainings_required(void **state)
{
	assert_int_equal(check_with(*state, NULL, needs_dementia_training), MF_TRAINING);
	assert_int_equal(check_with(*state, has_dementia_training, needs_dementia_training), MF_OK);
}

static void needs_computer(struct mfx *f, struct call *c)
{
	id_set_add(&c->items[LIST_TALENT], mfx_item(f, LIST_TALENT, "computer"));
}

static void skills_required(void **state)
{
	assert_int_equal(check_with(*state, NULL, needs_computer), MF_SKILL);
}

static void needs_arabic(struct mfx *f, struct call *c)
{
	id_set_add(&c->items[LIST_LANGUAGE], mfx_item(f, LIST_LANGUAGE, "ar"));
}

static void speaks_arabic(struct mfx *f, struct mfx_volunteer *v)
{
	mfx_add(f, v, LIST_LANGUAGE, "ar");
}

static void languages_required(void **state)
{
	assert_int_equal(check_with(*state, NULL, needs_arabic), MF_LANGUAGE);
	assert_int_equal(check_with(*state, speaks_arabic, needs_arabic), MF_OK);
}

static void needs_licence(struct mfx *f, struct call *c)
{
	(void)f;
	c->requires_driving_licence = 1;
}

static void no_licence(struct mfx *f, struct mfx_volunteer *v)
{
	(void)f;
	v->fv.driving_licence = 0;
}

static void licence_required(void **state)
{
	assert_int_equal(check_with(*state, no_licence, needs_licence), MF_LICENCE);
	assert_int_equal(check_with(*state, no_licence, NULL), MF_OK);
}

static void needs_vog(struct mfx *f, struct call *c)
{
	(void)f;
	c->requires_vog = 1;
}

static void needs_vog_org2_centre(struct mfx *f, struct call *c)
{
	c->requires_vog = 1;
	centre(f, c);
}

static void vog_at_limit_network(struct mfx *f, struct mfx_volunteer *v)
{
	snprintf(v->fv.vog_date, sizeof v->fv.vog_date, "2023-11-24"); /* exactly 36 months */
	whole_network(f, v);
}

static void no_vog(struct mfx *f, struct mfx_volunteer *v)
{
	(void)f;
	v->fv.vog_date[0] = '\0';
}

static void old_vog(struct mfx *f, struct mfx_volunteer *v)
{
	(void)f;
	snprintf(v->fv.vog_date, sizeof v->fv.vog_date, "2023-11-23"); /* 36 months and a day */
}

static void vog_at_limit(struct mfx *f, struct mfx_volunteer *v)
{
	(void)f;
	snprintf(v->fv.vog_date, sizeof v->fv.vog_date, "2023-11-24"); /* exactly 36 months */
}

static void vog_present_and_recent(void **state)
{
	assert_int_equal(check_with(*state, no_vog, needs_vog), MF_VOG);
	assert_int_equal(check_with(*state, old_vog, needs_vog), MF_VOG);
	assert_int_equal(check_with(*state, vog_at_limit, needs_vog), MF_OK);
	assert_int_equal(check_with(*state, old_vog, NULL), MF_OK);
	assert_int_equal(check_with(*state, vog_at_limit_network, needs_vog_org2_centre), MF_OK);
}

static void lives_far(struct mfx *f, struct mfx_volunteer *v)
{
	(void)f;
	v->fv.lat = MFX_LAT + 12.0 / KM_PER_DEG; /* 12 km north, accepts 10 */
}

static void lives_near(struct mfx *f, struct mfx_volunteer *v)
{
	(void)f;
	v->fv.lat = MFX_LAT + 9.0 / KM_PER_DEG;
}

static void distance_within_reach(void **state)
{
	assert_int_equal(check_with(*state, lives_far, NULL), MF_DISTANCE);
	assert_int_equal(check_with(*state, lives_near, NULL), MF_OK);
}

static void declined_before_is_out(void **state)
{
	struct mfx *f = *state;
	assert_int_equal(check_with(f, NULL, NULL), MF_OK);
	struct feed_match m = { 100, 1, MATCH_DECLINED, f->now - 86400 * 300 };
	mix_apply_match(f->ix, &m);
	assert_int_equal(mfx_check(f, 1, 100), MF_PAIRED);
}

/* Months are calendar months, clamped at the end of a shorter month. */
static void months_before(void **state)
{
	(void)state;
	assert_int_equal(mf_months_before((int32_t)parse_date_days("2026-03-31"), 1),
	                 parse_date_days("2026-02-28"));
	assert_int_equal(mf_months_before((int32_t)parse_date_days("2026-11-24"), 36),
	                 parse_date_days("2023-11-24"));
	assert_int_equal(mf_months_before((int32_t)parse_date_days("2026-01-15"), 1),
	                 parse_date_days("2025-12-15"));
}

/* The seed's scenario: a Thursday-morning hospital ride ranks only those free
   then and with a driving licence. */
static void hospital_ride_scenario(void **state)
{
	struct mfx *f = *state;
	struct mfx_volunteer v;
	struct call *c = malloc(sizeof *c);
	assert_non_null(c);
	for (int i = 1; i <= 4; i++) {
		mfx_volunteer(f, i, &v);
		mfx_add(f, &v, LIST_ACTIVITY, "vervoer_ziekenhuis");
		if (i == 1)
			thursday_afternoon_only(f, &v);      /* not free then */
		if (i == 2)
			no_licence_thursday_morning(f, &v);  /* no car */
		if (i >= 3)
			thursday_morning_only(f, &v);
		mfx_put_volunteer(f, &v);
	}
	mfx_call(f, 100, c);
	thursday_morning_ride(f, c);
	mfx_put_call(f, c);
	free(c);
	assert_int_equal(mix_rebuild(f->ix), 0);
	struct match_hit hits[10];
	int n;
	int64_t total;
	struct kp_error err = { 0 };
	assert_int_equal(match_for_call(f->ix, 100, 10, f->now, 0, hits, &n, &total, &err), KP_OK);
	assert_int_equal(n, 2);
	assert_int_equal(total, 2);
	for (int i = 0; i < n; i++)
		assert_true(hits[i].volunteer_id >= 3);
}

static uint64_t rnd(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* One random small network: volunteers and calls varying on every requirement. */
/* None, one or two of the three organisations, or the whole network. */
static void random_consent(uint64_t *seed, struct consent *k)
{
	consent_init(k, 0);
	switch (rnd(seed) % 4) {
	case 0:
		break;
	case 1:
		k->scope = CONSENT_NETWORK;
		break;
	default:
		k->scope = CONSENT_ORGANISATIONS;
		k->organisations[k->n_organisations++] = 1 + (int64_t)(rnd(seed) % 3);
		if (rnd(seed) % 2)
			k->organisations[k->n_organisations++] = 1 + (int64_t)(rnd(seed) % 3);
	}
}

static void random_network(struct mfx *f, uint64_t *seed, int nv, int nc)
{
	static const char *const trainings[] = { "basistraining", "dementie", "palliatief" };
	static const char *const languages[] = { "nl", "en", "ar" };
	struct mfx_volunteer v;
	struct call *c = malloc(sizeof *c);
	assert_non_null(c);
	for (int i = 1; i <= nv; i++) {
		mfx_volunteer(f, i, &v);
		v.n_items = 0;
		mfx_add(f, &v, LIST_ACTIVITY, rnd(seed) % 2 ? "wandelen" : "huisbezoek");
		mfx_add(f, &v, LIST_TRAINING, trainings[rnd(seed) % 3]);
		mfx_add(f, &v, LIST_LANGUAGE, languages[rnd(seed) % 3]);
		v.fv.organisation_id = 1 + (int64_t)(rnd(seed) % 3);
		v.fv.status = rnd(seed) % 5 ? VOLUNTEER_ACTIVE : VOLUNTEER_PAUSED;
		v.fv.lat = MFX_LAT + (double)(rnd(seed) % 200) / 1000.0 - 0.1;
		v.fv.lon = MFX_LON + (double)(rnd(seed) % 300) / 1000.0 - 0.15;
		v.fv.availability = (uint32_t)(rnd(seed) & DAYPART_ALL);
		v.fv.max_distance_km = 2 + (int)(rnd(seed) % 15);
		v.fv.max_matches = 1 + (int)(rnd(seed) % 3);
		v.fv.driving_licence = (int)(rnd(seed) % 2);
		if (rnd(seed) % 3 == 0)
			v.fv.vog_date[0] = '\0';
		random_consent(seed, &v.consent);
		mfx_put_volunteer(f, &v);
	}
	for (int i = 1; i <= nc; i++) {
		mfx_call(f, 100 + i, c);
		c->organisation_id = 1 + (int64_t)(rnd(seed) % 3);
		c->dayparts = 1u << (rnd(seed) % DAYPART_BITS);
		c->requires_vog = (int)(rnd(seed) % 2);
		c->requires_driving_licence = (int)(rnd(seed) % 3 == 0);
		c->volunteers_needed = 1 + (int)(rnd(seed) % 3);
		if (rnd(seed) % 2)
			id_set_add(&c->items[LIST_TRAINING],
			           mfx_item(f, LIST_TRAINING, trainings[rnd(seed) % 3]));
		if (rnd(seed) % 3 == 0)
			id_set_add(&c->items[LIST_LANGUAGE],
			           mfx_item(f, LIST_LANGUAGE, languages[rnd(seed) % 3]));
		mfx_put_call(f, c);
	}
	free(c);
	for (int i = 0; i < nv / 4; i++) {
		struct feed_match m = { 101 + (int64_t)(rnd(seed) % (uint64_t)nc),
		                        1 + (int64_t)(rnd(seed) % (uint64_t)nv),
		                        (int)(rnd(seed) % MATCH_STATUS_COUNT), f->now - 86400 };
		mix_apply_match(f->ix, &m);
	}
	assert_int_equal(mix_rebuild(f->ix), 0);
	/* Consents change after the sort: slots move to the overflow. */
	for (int i = 0; i < nv / 4; i++) {
		struct consent k;
		random_consent(seed, &k);
		k.volunteer_id = 1 + (int64_t)(rnd(seed) % (uint64_t)nv);
		assert_int_equal(mix_put_consent(f->ix, &k), 0);
	}
}

/* Over thousands of random networks no proposed pair breaks a requirement,
   no volunteer gets more than their room and no call more than its places. */
static void proposals_never_break_requirements(void **state)
{
	uint64_t seed = 0x9E3779B97F4A7C15ull;
	int pairs = 0;
	(void)state;
	for (int round = 0; round < 2000; round++) {
		void *st = NULL;
		assert_int_equal(mfx_setup(&st), 0);
		struct mfx *f = st;
		random_network(f, &seed, 24, 8);
		struct match_proposal p;
		struct kp_error err = { 0 };
		assert_int_equal(match_proposal(f->ix, 0, f->now, 0, &p, &err), KP_OK);
		int used[25] = { 0 }, taken[9] = { 0 };
		for (int i = 0; i < p.n; i++) {
			assert_int_equal(mfx_check(f, p.pairs[i].volunteer_id, p.pairs[i].call_id), MF_OK);
			used[p.pairs[i].volunteer_id]++;
			taken[p.pairs[i].call_id - 100]++;
		}
		for (int v = 1; v <= 24; v++) {
			if (used[v]) {
				uint32_t s = mfx_slot(f, v);
				assert_true(used[v] <= f->ix->v.hot[s].max_matches - f->ix->v.hot[s].open);
			}
		}
		for (int c = 1; c <= 8; c++) {
			uint32_t cs;
			assert_true(mhash_get(&f->ix->cid, 100 + c, &cs));
			assert_true(taken[c] <= (f->ix->calls[cs].places > 0 ? f->ix->calls[cs].places : 0));
		}
		assert_true(p.total_score >= p.greedy_total_score - 1e-6);
		/* The scan (grid cells, organisation runs) finds every feasible volunteer. */
		for (int c = 1; c <= 8; c++) {
			struct match_hit hits[30];
			int n;
			int64_t total, brute = 0;
			assert_int_equal(match_for_call(f->ix, 100 + c, 30, f->now, 0, hits, &n, &total, &err),
			                 KP_OK);
			for (int v = 1; v <= 24; v++) {
				uint32_t s;
				if (mhash_get(&f->ix->vid, v, &s))
					brute += mfx_check(f, v, 100 + c) == MF_OK;
			}
			assert_int_equal(total, brute);
			assert_int_equal(n, brute);
		}
		pairs += p.n;
		match_proposal_free(&p);
		mfx_teardown(&st);
	}
	assert_true(pairs > 1000); /* the networks were not empty */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(base_pair_passes, mfx_setup, mfx_teardown),
		cmocka_unit_test_setup_teardown(inactive_volunteer_fails, mfx_setup, mfx_teardown),
		cmocka_unit_test_setup_teardown(capacity_fails_when_full, mfx_setup, mfx_teardown),
		cmocka_unit_test_setup_teardown(consent_own_org_always, mfx_setup, mfx_teardown),
		cmocka_unit_test_setup_teardown(consent_other_org_never_without, mfx_setup,
		                                mfx_teardown),
		cmocka_unit_test_setup_teardown(consent_selected_org_allowed, mfx_setup, mfx_teardown),
		cmocka_unit_test_setup_teardown(consent_withdrawal_immediate, mfx_setup, mfx_teardown),
		cmocka_unit_test_setup_teardown(time_must_overlap, mfx_setup, mfx_teardown),
		cmocka_unit_test_setup_teardown(one_off_needs_that_day_part, mfx_setup, mfx_teardown),
		cmocka_unit_test_setup_teardown(trainings_required, mfx_setup, mfx_teardown),
		cmocka_unit_test_setup_teardown(skills_required, mfx_setup, mfx_teardown),
		cmocka_unit_test_setup_teardown(languages_required, mfx_setup, mfx_teardown),
		cmocka_unit_test_setup_teardown(licence_required, mfx_setup, mfx_teardown),
		cmocka_unit_test_setup_teardown(vog_present_and_recent, mfx_setup, mfx_teardown),
		cmocka_unit_test_setup_teardown(distance_within_reach, mfx_setup, mfx_teardown),
		cmocka_unit_test_setup_teardown(declined_before_is_out, mfx_setup, mfx_teardown),
		cmocka_unit_test(months_before),
		cmocka_unit_test_setup_teardown(hospital_ride_scenario, mfx_setup, mfx_teardown),
		cmocka_unit_test(proposals_never_break_requirements),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
