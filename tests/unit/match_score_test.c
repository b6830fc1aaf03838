/* The soft score: every part moves the score the way the volunteer-first rules say. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "match_fixture.h"
#include "model/match.h"

/* Score of a base volunteer changed by `change` for the base call. */
static double score_with(struct mfx *f, int64_t id,
                         void (*change)(struct mfx *, struct mfx_volunteer *), double *parts)
{
	struct mfx_volunteer v;
	struct call *c = malloc(sizeof *c);
	assert_non_null(c);
	mfx_volunteer(f, id, &v);
	if (change)
		change(f, &v);
	mfx_put_volunteer(f, &v);
	mfx_call(f, 100, c);
	mfx_put_call(f, c);
	free(c);
	assert_int_equal(mfx_check(f, id, 100), MF_OK);
	return mfx_score(f, id, 100, parts);
}

static void likes_other_activity(struct mfx *f, struct mfx_volunteer *v)
{
	v->items[0] = mfx_item(f, LIST_ACTIVITY, "klussen");
}

static void liked_activity_weighs_most(void **state)
{
	struct mfx *f = *state;
	double p1[MP_COUNT], p2[MP_COUNT];
	double likes = score_with(f, 1, NULL, p1);
	double other = score_with(f, 2, likes_other_activity, p2);
	assert_true(likes > other);
	assert_true(p1[MP_ACTIVITY] > 0 && p2[MP_ACTIVITY] == 0);
	/* Volunteer-first: the activity outweighs every other single part. */
	for (int i = 0; i < MP_COUNT; i++)
		if (i != MP_ACTIVITY)
			assert_true(f->ix->weights.w[MP_ACTIVITY] >= f->ix->weights.w[i]);
}

static void cares_about_other_theme(struct mfx *f, struct mfx_volunteer *v)
{
	v->items[1] = mfx_item(f, LIST_THEME, "jeugd");
}

static void themes_raise(void **state)
{
	struct mfx *f = *state;
	double p[MP_COUNT];
	assert_true(score_with(f, 1, NULL, p) > score_with(f, 2, cares_about_other_theme, NULL));
	assert_true(p[MP_THEMES] > 0);
}

static void farther(struct mfx *f, struct mfx_volunteer *v)
{
	(void)f;
	v->fv.lat += 4.0 / KM_PER_DEG;
}

static void farthest(struct mfx *f, struct mfx_volunteer *v)
{
	(void)f;
	v->fv.lat += 8.0 / KM_PER_DEG;
}

static void distance_decays(void **state)
{
	struct mfx *f = *state;
	double a = score_with(f, 1, NULL, NULL);
	double b = score_with(f, 2, farther, NULL);
	double c = score_with(f, 3, farthest, NULL);
	assert_true(a > b && b > c);
}

static void no_fitting_motive(struct mfx *f, struct mfx_volunteer *v)
{
	v->items[2] = mfx_item(f, LIST_MOTIVE, "ervaring");
}

static void no_fitting_talent(struct mfx *f, struct mfx_volunteer *v)
{
	v->items[3] = mfx_item(f, LIST_TALENT, "computer");
}

static void motives_and_talents_raise(void **state)
{
	struct mfx *f = *state;
	double base = score_with(f, 1, NULL, NULL);
	assert_true(base > score_with(f, 2, no_fitting_motive, NULL));
	assert_true(base > score_with(f, 3, no_fitting_talent, NULL));
}

static void other_words(struct mfx *f, struct mfx_volunteer *v)
{
	(void)f;
	snprintf(v->text, sizeof v->text, "Ik repareer graag fietsen.");
}

static void free_text_raises(void **state)
{
	struct mfx *f = *state;
	double p[MP_COUNT];
	double base = score_with(f, 1, NULL, p);
	assert_true(p[MP_TEXT] > 0); /* "wandelen" in both: stemmed to the same term */
	assert_true(base > score_with(f, 2, other_words, NULL));
}

static void two_tuesday_parts(struct mfx *f, struct mfx_volunteer *v)
{
	(void)f;
	v->fv.availability = MFX_TUE_AFTERNOON | (MFX_TUE_AFTERNOON << 1);
}

static void availability_fit(void **state)
{
	struct mfx *f = *state;
	struct call *c = malloc(sizeof *c);
	struct mfx_volunteer v;
	assert_non_null(c);
	mfx_volunteer(f, 1, &v);
	mfx_put_volunteer(f, &v);
	two_tuesday_parts(f, &v);
	v.fv.id = 2;
	v.fv.availability = MFX_TUE_AFTERNOON;
	mfx_put_volunteer(f, &v);
	mfx_call(f, 100, c);
	c->dayparts = MFX_TUE_AFTERNOON | (MFX_TUE_AFTERNOON << 1);
	mfx_put_call(f, c);
	free(c);
	assert_true(mfx_score(f, 1, 100, NULL) > mfx_score(f, 2, 100, NULL));
}

static void fairness_busy_and_recent_drop(void **state)
{
	struct mfx *f = *state;
	double fresh = score_with(f, 1, NULL, NULL);
	score_with(f, 2, NULL, NULL);
	score_with(f, 3, NULL, NULL);
	struct feed_match busy = { 300, 2, MATCH_ACTIVE, f->now - 86400 * 200 };
	struct feed_match asked = { 301, 3, MATCH_DECLINED, f->now - 86400 * 2 };
	mix_apply_match(f->ix, &busy);
	mix_apply_match(f->ix, &asked);
	assert_true(mfx_score(f, 2, 100, NULL) < fresh);
	assert_true(mfx_score(f, 3, 100, NULL) < fresh);
}

static void waiting_calls_rise(void **state)
{
	struct mfx *f = *state;
	struct call *c = malloc(sizeof *c);
	assert_non_null(c);
	double recent = score_with(f, 1, NULL, NULL);
	mfx_call(f, 100, c);
	c->created_at = f->now - 20 * 86400;
	mfx_put_call(f, c);
	free(c);
	assert_true(mfx_score(f, 1, 100, NULL) > recent);
}

static void weights_are_configuration(void **state)
{
	struct mfx *f = *state;
	double before = score_with(f, 1, NULL, NULL);
	struct match_weights w;
	match_index_get_weights(f->ix, &w);
	w.w[MP_ACTIVITY] = 0;
	match_index_set_weights(f->ix, &w);
	double parts[MP_COUNT];
	double after = mfx_score(f, 1, 100, parts);
	assert_true(after < before);
	assert_true(parts[MP_ACTIVITY] == 0);
	double sum = 0;
	for (int i = 0; i < MP_COUNT; i++)
		sum += parts[i];
	assert_true(sum == after);
}

/* Seed 000 / issue 4: peer support for a man with oesophageal cancer, asked
   by organisation `org`. */
static void peer_support_call(struct mfx *f, int64_t id, int64_t org)
{
	struct call *c = malloc(sizeof *c);
	assert_non_null(c);
	mfx_call(f, id, c);
	c->organisation_id = org;
	snprintf(c->title, sizeof c->title, "Lotgenotencontact bij slokdarmkanker");
	snprintf(c->description, sizeof c->description,
	         "Gesprekken met een man die slokdarmkanker heeft.");
	c->activity_id = mfx_item(f, LIST_ACTIVITY, "lotgenotencontact");
	c->items[LIST_THEME].n = 0;
	id_set_add(&c->items[LIST_THEME], mfx_item(f, LIST_THEME, "kanker"));
	mfx_put_call(f, c);
	free(c);
}

/* A volunteer for peer support km_north km from the call; had cancer
   when `lived`; consent as given. */
static void peer_volunteer(struct mfx *f, int64_t id, double km_north, bool lived, int scope,
                           int64_t org, bool experience)
{
	struct mfx_volunteer v;
	mfx_volunteer(f, id, &v);
	v.n_items = 0;
	snprintf(v.text, sizeof v.text, "Ik wil mensen met kanker tot steun zijn.");
	v.fv.lat = MFX_LAT + km_north / KM_PER_DEG;
	mfx_add(f, &v, LIST_ACTIVITY, "lotgenotencontact");
	mfx_add(f, &v, LIST_THEME, "kanker");
	mfx_add(f, &v, LIST_MOTIVE, "ervaringsdeskundig");
	mfx_add(f, &v, LIST_TALENT, "luisteren");
	if (lived)
		mfx_add(f, &v, LIST_EXPERIENCE, "kanker");
	v.consent.scope = scope;
	if (scope == CONSENT_ORGANISATIONS)
		v.consent.organisations[v.consent.n_organisations++] = org;
	v.consent.experience = experience;
	mfx_put_volunteer(f, &v);
}

static int ask(struct mfx *f, int64_t call, struct match_hit *hits)
{
	struct kp_error err = { 0 };
	int n;
	int64_t total;
	assert_int_equal(match_for_call(f->ix, call, 8, f->now, 0, hits, &n, &total, &err), KP_OK);
	return n;
}

static const struct match_hit *hit_of(const struct match_hit *hits, int n, int64_t vid)
{
	for (int i = 0; i < n; i++)
		if (hits[i].volunteer_id == vid)
			return &hits[i];
	fail_msg("volunteer %lld not a candidate", (long long)vid);
	return NULL;
}

/* No phrase names the lived experience; "Ervaringsdeskundig" only when said. */
static void assert_discreet(struct mfx *f, const struct match_hit *h, bool expert)
{
	struct catalog_item it;
	assert_true(catalog_get(&f->cat, mfx_item(f, LIST_EXPERIENCE, "kanker"), &it));
	bool said = false;
	for (int i = 0; i < h->n_phrases; i++) {
		assert_null(strstr(h->phrases[i], it.label_nl));
		assert_null(strstr(h->phrases[i], "gehad"));
		said |= strcmp(h->phrases[i], "Ervaringsdeskundig") == 0;
	}
	assert_true(said == expert);
}

/* Exactly the same score, parts and words. */
static void assert_same(const struct match_hit *a, const struct match_hit *b)
{
	assert_true(a->score == b->score);
	for (int i = 0; i < MP_COUNT; i++)
		assert_true(a->parts[i] == b->parts[i]);
	assert_int_equal(a->n_phrases, b->n_phrases);
	for (int i = 0; i < a->n_phrases; i++)
		assert_string_equal(a->phrases[i], b->phrases[i]);
}

/* Scenario: the volunteer who had cancer lives 3 km away, another one next
   door; with consent lived experience puts the first one on top, without
   it she scores exactly as her twin without that experience. */
static void peer_support_lived_experience_decides_with_consent(void **state)
{
	struct mfx *f = *state;
	struct match_hit hits[8];
	peer_support_call(f, 100, 1);
	peer_volunteer(f, 1, 3.0, true, CONSENT_NONE, 0, true);
	peer_volunteer(f, 2, 0.0, false, CONSENT_NONE, 0, false);
	peer_volunteer(f, 3, 3.0, false, CONSENT_NONE, 0, false); /* 1's twin without */
	int n = ask(f, 100, hits);
	assert_int_equal(n, 3);
	assert_int_equal(hits[0].volunteer_id, 1);
	assert_true(hits[0].parts[MP_EXPERIENCE] == f->ix->weights.w[MP_EXPERIENCE]);
	assert_discreet(f, &hits[0], true);
	assert_int_equal(hits[1].volunteer_id, 2);
	assert_discreet(f, &hits[1], false);

	/* Experience consent withdrawn: as if she had none. */
	mfx_consent(f, 1, CONSENT_NONE, NULL, 0, false);
	n = ask(f, 100, hits);
	assert_int_equal(hits[0].volunteer_id, 2);
	assert_true(hit_of(hits, n, 1)->parts[MP_EXPERIENCE] == 0);
	assert_same(hit_of(hits, n, 1), hit_of(hits, n, 3));
	assert_discreet(f, hit_of(hits, n, 1), false);
	/* The index did not keep it: consent again without re-entering it. */
	mfx_consent(f, 1, CONSENT_NONE, NULL, 0, true);
	n = ask(f, 100, hits);
	assert_same(hit_of(hits, n, 1), hit_of(hits, n, 3));
	peer_volunteer(f, 1, 3.0, true, CONSENT_NONE, 0, true);
	assert_int_equal(ask(f, 100, hits) > 0 ? hits[0].volunteer_id : 0, 1);
}

/* For a call of another organisation lived experience needs the experience
   consent and the profile consent for that organisation. */
static void peer_support_other_org_needs_both_consents(void **state)
{
	struct mfx *f = *state;
	struct match_hit hits[8];
	peer_support_call(f, 100, 2);
	peer_volunteer(f, 1, 3.0, true, CONSENT_NONE, 0, true);
	peer_volunteer(f, 2, 0.0, false, CONSENT_NETWORK, 0, false);
	peer_volunteer(f, 3, 3.0, false, CONSENT_ORGANISATIONS, 2, false);
	assert_int_equal(mfx_check(f, 1, 100), MF_CONSENT);
	assert_int_equal(ask(f, 100, hits), 2);
	peer_volunteer(f, 1, 3.0, true, CONSENT_ORGANISATIONS, 3, true);
	assert_int_equal(mfx_check(f, 1, 100), MF_CONSENT);
	peer_volunteer(f, 1, 3.0, true, CONSENT_ORGANISATIONS, 2, false);
	int n = ask(f, 100, hits);
	assert_int_equal(n, 3);
	assert_int_equal(hits[0].volunteer_id, 2);
	assert_same(hit_of(hits, n, 1), hit_of(hits, n, 3));
	peer_volunteer(f, 1, 3.0, true, CONSENT_ORGANISATIONS, 2, true);
	n = ask(f, 100, hits);
	assert_int_equal(hits[0].volunteer_id, 1);
	assert_true(hits[0].parts[MP_EXPERIENCE] > 0);
	assert_discreet(f, &hits[0], true);
}

/* Lived experience counts for peer support only, and only where the
   call's themes call for it. */
static void lived_experience_only_for_peer_support(void **state)
{
	struct mfx *f = *state;
	double parts[MP_COUNT];
	struct call *c = malloc(sizeof *c);
	assert_non_null(c);
	peer_volunteer(f, 1, 0.0, true, CONSENT_NONE, 0, true);
	mfx_call(f, 100, c); /* walking with older people */
	c->activity_id = mfx_item(f, LIST_ACTIVITY, "lotgenotencontact");
	mfx_put_call(f, c);
	mfx_score(f, 1, 100, parts);
	assert_true(parts[MP_EXPERIENCE] == 0); /* peer support, but not about cancer */
	mfx_call(f, 101, c);
	id_set_add(&c->items[LIST_THEME], mfx_item(f, LIST_THEME, "kanker"));
	mfx_put_call(f, c);
	free(c);
	mfx_score(f, 1, 101, parts);
	assert_true(parts[MP_EXPERIENCE] == 0); /* about cancer, but walking */
	peer_support_call(f, 102, 1);
	mfx_score(f, 1, 102, parts);
	assert_true(parts[MP_EXPERIENCE] > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(liked_activity_weighs_most, mfx_setup, mfx_teardown),
		cmocka_unit_test_setup_teardown(themes_raise, mfx_setup, mfx_teardown),
		cmocka_unit_test_setup_teardown(distance_decays, mfx_setup, mfx_teardown),
		cmocka_unit_test_setup_teardown(motives_and_talents_raise, mfx_setup, mfx_teardown),
		cmocka_unit_test_setup_teardown(free_text_raises, mfx_setup, mfx_teardown),
		cmocka_unit_test_setup_teardown(availability_fit, mfx_setup, mfx_teardown),
		cmocka_unit_test_setup_teardown(fairness_busy_and_recent_drop, mfx_setup, mfx_teardown),
		cmocka_unit_test_setup_teardown(waiting_calls_rise, mfx_setup, mfx_teardown),
		cmocka_unit_test_setup_teardown(weights_are_configuration, mfx_setup, mfx_teardown),
		cmocka_unit_test_setup_teardown(peer_support_lived_experience_decides_with_consent,
		                                mfx_setup, mfx_teardown),
		cmocka_unit_test_setup_teardown(peer_support_other_org_needs_both_consents, mfx_setup,
		                                mfx_teardown),
		cmocka_unit_test_setup_teardown(lived_experience_only_for_peer_support, mfx_setup,
		                                mfx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
