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

static void lived_experience_unused_without_consent(void **state)
{
	double parts[MP_COUNT];
	score_with(*state, 1, NULL, parts);
	assert_true(parts[MP_EXPERIENCE] == 0);
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
		cmocka_unit_test_setup_teardown(lived_experience_unused_without_consent, mfx_setup,
		                                mfx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
