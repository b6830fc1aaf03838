/* Explanations: Dutch phrases from the score parts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "match/explain.h"
#include "match_fixture.h"

static void explains_the_issue_example(void **state)
{
	struct mfx *f = *state;
	struct mfx_volunteer v;
	struct call *c = malloc(sizeof *c);
	assert_non_null(c);
	mfx_volunteer(f, 1, &v);
	v.n_items = 0;
	mfx_add(f, &v, LIST_ACTIVITY, "wandelen");
	v.fv.lat = MFX_LAT + 2.1 / KM_PER_DEG;
	v.fv.availability = MFX_TUE_AFTERNOON;
	snprintf(v.text, sizeof v.text, "Ik help graag.");
	mfx_put_volunteer(f, &v);
	mfx_call(f, 100, c);
	c->items[LIST_THEME].n = 0;
	c->requires_vog = 1;
	mfx_put_call(f, c);
	free(c);
	struct match_hit h;
	struct kp_error err = { 0 };
	assert_int_equal(match_explain_pair(f->ix, 100, 1, f->now, 0, &h, &err), KP_OK);
	char text[1024];
	match_explain_join(&h, text, sizeof text);
	assert_string_equal(text,
	                    "Houdt van wandelen · 2,1 km · dinsdagmiddag beschikbaar · heeft VOG");
}

static void explains_themes_motives_talents(void **state)
{
	struct mfx *f = *state;
	struct mfx_volunteer v;
	struct call *c = malloc(sizeof *c);
	assert_non_null(c);
	mfx_volunteer(f, 1, &v);
	v.fv.availability = MFX_TUE_AFTERNOON | (1u << (3 * DAYPARTS));
	mfx_put_volunteer(f, &v);
	mfx_call(f, 100, c);
	c->dayparts = MFX_TUE_AFTERNOON | (1u << (3 * DAYPARTS));
	mfx_put_call(f, c);
	free(c);
	struct match_hit h;
	struct kp_error err = { 0 };
	assert_int_equal(match_explain_pair(f->ix, 100, 1, f->now, 0, &h, &err), KP_OK);
	char text[1024];
	match_explain_join(&h, text, sizeof text);
	assert_string_equal(text, "Houdt van wandelen · Betrokken bij ouderen · 0,0 km · "
	                          "dinsdagmiddag en donderdagochtend beschikbaar · "
	                          "Wil nieuwe mensen ontmoeten · Talent: goed kunnen luisteren");
}

static void infeasible_pair_is_not_explained(void **state)
{
	struct mfx *f = *state;
	struct mfx_volunteer v;
	struct call *c = malloc(sizeof *c);
	assert_non_null(c);
	mfx_volunteer(f, 1, &v);
	v.fv.driving_licence = 0;
	mfx_put_volunteer(f, &v);
	mfx_call(f, 100, c);
	c->requires_driving_licence = 1;
	mfx_put_call(f, c);
	free(c);
	struct match_hit h;
	struct kp_error err = { 0 };
	assert_int_equal(match_explain_pair(f->ix, 100, 1, f->now, 0, &h, &err), KP_ERR);
	assert_int_equal(err.kind, KP_NOT_FOUND);
}

static void day_parts_and_km_in_dutch(void **state)
{
	char out[32];
	(void)state;
	mexplain_daypart(0, out, sizeof out);
	assert_string_equal(out, "maandagochtend");
	mexplain_daypart(20, out, sizeof out);
	assert_string_equal(out, "zondagavond");
	mexplain_km(12.345, out, sizeof out);
	assert_string_equal(out, "12,3 km");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(explains_the_issue_example, mfx_setup, mfx_teardown),
		cmocka_unit_test_setup_teardown(explains_themes_motives_talents, mfx_setup,
		                                mfx_teardown),
		cmocka_unit_test_setup_teardown(infeasible_pair_is_not_explained, mfx_setup,
		                                mfx_teardown),
		cmocka_unit_test(day_parts_and_km_in_dutch),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
