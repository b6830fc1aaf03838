/* Tests for src/model/types.c: list kinds, id sets, day-parts, forms of
   engagement and great-circle distances. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "model/types.h"

static void list_kind_round_trip(void **state)
{
	(void)state;
	static const char *const names[LIST_KIND_COUNT] = {
		"activity", "theme", "motive", "talent", "training", "language", "experience",
	};
	for (int k = 0; k < LIST_KIND_COUNT; k++) {
		assert_string_equal(list_kind_name((enum list_kind)k), names[k]);
		assert_int_equal(list_kind_parse(names[k]), k);
	}
	assert_null(list_kind_name(LIST_KIND_COUNT));
	assert_null(list_kind_name((enum list_kind)-1));
	assert_int_equal(list_kind_parse("Activity"), -1);
	assert_int_equal(list_kind_parse("activities"), -1);
	assert_int_equal(list_kind_parse(""), -1);
	assert_int_equal(list_kind_parse("activity "), -1);
}

static void id_set_add_contains(void **state)
{
	(void)state;
	struct id_set s = { 0 };
	assert_false(id_set_contains(&s, 1));
	assert_int_equal(id_set_add(&s, 5), 0);
	assert_int_equal(id_set_add(&s, 7), 0);
	assert_int_equal(id_set_add(&s, 5), 0);   /* already there: no duplicate */
	assert_int_equal(s.n, 2);
	assert_true(id_set_contains(&s, 5));
	assert_true(id_set_contains(&s, 7));
	assert_false(id_set_contains(&s, 6));
	assert_false(id_set_contains(&s, 0));
}

static void id_set_full(void **state)
{
	(void)state;
	struct id_set s = { 0 };
	for (int64_t i = 1; i <= ID_SET_MAX; i++)
		assert_int_equal(id_set_add(&s, i * 1000000000000LL), 0);
	assert_int_equal(s.n, ID_SET_MAX);
	assert_int_equal(id_set_add(&s, 1), -1);
	assert_int_equal(s.n, ID_SET_MAX);
	assert_false(id_set_contains(&s, 1));
	/* adding what is already there still succeeds when full */
	assert_int_equal(id_set_add(&s, 3000000000000LL), 0);
	assert_true(id_set_contains(&s, ID_SET_MAX * 1000000000000LL));
}

static void daypart_round_trip_all(void **state)
{
	(void)state;
	static const char *const days[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
	static const char *const parts[] = { "morning", "afternoon", "evening" };
	assert_int_equal(DAYPART_BITS, 21);
	assert_int_equal(DAYPART_ALL, 0x1FFFFF);
	uint32_t seen = 0;
	for (int bit = 0; bit < DAYPART_BITS; bit++) {
		char name[16], want[32];
		daypart_name(bit, name);
		snprintf(want, sizeof want, "%s-%s", days[bit / 3], parts[bit % 3]);
		assert_string_equal(name, want);
		assert_int_equal(daypart_parse(name), bit);
		seen |= 1u << bit;
	}
	assert_int_equal(seen, DAYPART_ALL);
	assert_int_equal(daypart_parse("mon-morning"), 0);
	assert_int_equal(daypart_parse("sun-evening"), 20);
	assert_int_equal(daypart_parse("wed-afternoon"), 7);
}

static void daypart_bad_names(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"", "-", "mon", "mon-", "-morning", "monday-morning", "mo-morning", "Mon-morning",
		"mon-Morning", "mon-night", "mon_morning", "mon morning", "mon-morning ",
		" mon-morning", "xyz-morning", "mon-morning-evening", "mon--morning",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(daypart_parse(bad[i]), -1);
}

static void engagement_round_trip(void **state)
{
	(void)state;
	static const char *const names[] = { "one_off", "flexible", "project", "structural" };
	assert_int_equal(ENGAGEMENT_COUNT, 4);
	for (int e = 0; e < ENGAGEMENT_COUNT; e++) {
		assert_string_equal(engagement_name(e), names[e]);
		assert_int_equal(engagement_parse(names[e]), e);
	}
	assert_null(engagement_name(-1));
	assert_null(engagement_name(ENGAGEMENT_COUNT));
	assert_int_equal(engagement_parse("weekly"), -1);
	assert_int_equal(engagement_parse("One_off"), -1);
	assert_int_equal(engagement_parse(""), -1);
}

static void distance_known_values(void **state)
{
	(void)state;
	/* Reference values from an independent haversine with R = 6371.0088 km. */
	assert_float_equal(geo_distance_km(0, 0, 1, 0), 111.195, 0.01);
	assert_float_equal(geo_distance_km(0, 0, 0, 180), 20015.11, 0.1);
	assert_float_equal(geo_distance_km(52.1, 5.1, 52.1, 5.1), 0.0, 1e-9);
	/* Amsterdam – Rotterdam centres: about 57 km as the crow flies. */
	double ams_rdam = geo_distance_km(52.37403, 4.88969, 51.92250, 4.47917);
	assert_float_equal(ams_rdam, 57.0, 2.0);
	/* symmetric */
	assert_float_equal(geo_distance_km(51.92250, 4.47917, 52.37403, 4.88969), ams_rdam, 1e-9);
	/* Dordrecht – Zwijndrecht (GeoNames centres), across the Oude Maas. */
	double dz = geo_distance_km(51.81000, 4.67361, 51.81750, 4.63333);
	assert_true(dz > 1.5 && dz < 3.5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(list_kind_round_trip),
		cmocka_unit_test(id_set_add_contains),
		cmocka_unit_test(id_set_full),
		cmocka_unit_test(daypart_round_trip_all),
		cmocka_unit_test(daypart_bad_names),
		cmocka_unit_test(engagement_round_trip),
		cmocka_unit_test(distance_known_values),
	};
	return cmocka_run_group_tests_name("model_types", tests, NULL, NULL);
}
