/* Tests for src/model/volunteer.c: every validation rule names its field;
   status and travel mode names round trip. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "model/volunteer.h"

static void valid(struct volunteer *v)
{
	volunteer_init(v);
	v->organisation_id = 3;
	snprintf(v->first_name, sizeof v->first_name, "Fatma");
	snprintf(v->last_name, sizeof v->last_name, "Yılmaz");
	snprintf(v->email, sizeof v->email, "fatma@example.nl");
	snprintf(v->place, sizeof v->place, "Dordrecht");
	snprintf(v->started_on, sizeof v->started_on, "2026-03-01");
	v->birth_year = 1961;
	v->availability = DAYPART_ALL;
	v->hours_per_week = 4;
}

static void expect(const struct volunteer *v, const char *field, const char *code)
{
	struct kp_error e = { 0 };
	assert_int_equal(volunteer_validate(v, &e), KP_ERR);
	assert_int_equal(e.kind, KP_INVALID);
	assert_string_equal(e.field, field);
	assert_string_equal(e.code, code);
}

static void defaults_and_valid_volunteer(void **state)
{
	(void)state;
	struct volunteer v;
	volunteer_init(&v);
	assert_int_equal(v.status, VOLUNTEER_APPLIED);
	assert_int_equal(v.max_matches, 1);
	assert_int_equal(v.travel_mode, TRAVEL_BIKE);
	valid(&v);
	struct kp_error e = { 0 };
	assert_int_equal(volunteer_validate(&v, &e), KP_OK);
	assert_int_equal(e.kind, 0);
	/* optional fields may be empty */
	v.email[0] = '\0';
	v.vog_date[0] = '\0';
	v.birth_year = 0;
	assert_int_equal(volunteer_validate(&v, &e), KP_OK);
}

static void boundaries_accepted(void **state)
{
	(void)state;
	struct volunteer v;
	valid(&v);
	v.hours_per_week = VOLUNTEER_MAX_HOURS;
	v.max_distance_km = VOLUNTEER_MAX_DISTANCE_KM;
	v.max_matches = VOLUNTEER_MAX_MATCHES;
	v.birth_year = 1900;
	snprintf(v.vog_date, sizeof v.vog_date, "2024-02-29");
	assert_int_equal(volunteer_validate(&v, NULL), KP_OK);
	v.hours_per_week = 0;
	v.max_distance_km = 0;
	v.max_matches = 1;
	v.birth_year = 2020;
	assert_int_equal(volunteer_validate(&v, NULL), KP_OK);
}

static void each_rule_names_its_field(void **state)
{
	(void)state;
	struct volunteer v;
	valid(&v); v.organisation_id = 0; expect(&v, "organisation_id", "required");
	valid(&v); v.organisation_id = -4; expect(&v, "organisation_id", "required");
	valid(&v); v.first_name[0] = '\0'; expect(&v, "first_name", "required");
	valid(&v); v.last_name[0] = '\0'; expect(&v, "last_name", "required");
	valid(&v); snprintf(v.email, sizeof v.email, "geen-adres");
	expect(&v, "email", "invalid_email");
	valid(&v); v.birth_year = 1899; expect(&v, "birth_year", "out_of_range");
	valid(&v); v.birth_year = 2021; expect(&v, "birth_year", "out_of_range");
	valid(&v); v.status = VOLUNTEER_STATUS_COUNT; expect(&v, "status", "invalid_choice");
	valid(&v); v.status = -1; expect(&v, "status", "invalid_choice");
	valid(&v); v.place[0] = '\0'; expect(&v, "place", "required");
	valid(&v); v.availability = 1u << DAYPART_BITS; expect(&v, "availability", "invalid_choice");
	valid(&v); v.hours_per_week = -1; expect(&v, "hours_per_week", "out_of_range");
	valid(&v); v.hours_per_week = VOLUNTEER_MAX_HOURS + 1;
	expect(&v, "hours_per_week", "out_of_range");
	valid(&v); v.max_distance_km = -1; expect(&v, "max_distance_km", "out_of_range");
	valid(&v); v.max_distance_km = VOLUNTEER_MAX_DISTANCE_KM + 1;
	expect(&v, "max_distance_km", "out_of_range");
	valid(&v); v.max_matches = 0; expect(&v, "max_matches", "out_of_range");
	valid(&v); v.max_matches = VOLUNTEER_MAX_MATCHES + 1; expect(&v, "max_matches", "out_of_range");
	valid(&v); snprintf(v.vog_date, sizeof v.vog_date, "2026-02-30");
	expect(&v, "vog_date", "invalid_date");
	valid(&v); v.started_on[0] = '\0'; expect(&v, "started_on", "invalid_date");
	valid(&v); snprintf(v.started_on, sizeof v.started_on, "01-03-2026");
	expect(&v, "started_on", "invalid_date");
	valid(&v); v.travel_mode = TRAVEL_MODE_COUNT; expect(&v, "travel_mode", "invalid_choice");
	valid(&v); v.engagement = 1u << ENGAGEMENT_COUNT; expect(&v, "engagement", "invalid_choice");
	valid(&v); v.driving_licence = 2; expect(&v, "driving_licence", "invalid_choice");
}

static void limits_are_quoted(void **state)
{
	(void)state;
	struct volunteer v;
	struct kp_error e = { 0 };
	valid(&v);
	v.hours_per_week = 500;
	volunteer_validate(&v, &e);
	assert_int_equal(e.limit, VOLUNTEER_MAX_HOURS);
	valid(&v);
	v.max_distance_km = 500;
	volunteer_validate(&v, &e);
	assert_int_equal(e.limit, VOLUNTEER_MAX_DISTANCE_KM);
}

static void names_round_trip(void **state)
{
	(void)state;
	static const char *const statuses[] = { "applied", "active", "paused", "stopped" };
	for (int s = 0; s < VOLUNTEER_STATUS_COUNT; s++) {
		assert_string_equal(volunteer_status_name(s), statuses[s]);
		assert_int_equal(volunteer_status_parse(statuses[s]), s);
	}
	static const char *const modes[] = { "walk", "bike", "car", "public_transport" };
	for (int m = 0; m < TRAVEL_MODE_COUNT; m++) {
		assert_string_equal(travel_mode_name(m), modes[m]);
		assert_int_equal(travel_mode_parse(modes[m]), m);
	}
	assert_null(volunteer_status_name(VOLUNTEER_STATUS_COUNT));
	assert_null(travel_mode_name(-1));
	assert_int_equal(volunteer_status_parse("Active"), -1);
	assert_int_equal(travel_mode_parse("train"), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(defaults_and_valid_volunteer),
		cmocka_unit_test(boundaries_accepted),
		cmocka_unit_test(each_rule_names_its_field),
		cmocka_unit_test(limits_are_quoted),
		cmocka_unit_test(names_round_trip),
	};
	return cmocka_run_group_tests_name("model_volunteer", tests, NULL, NULL);
}
