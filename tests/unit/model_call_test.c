/* Tests for src/model/call.c: the schedule rules (a date or day-parts,
   not both), limits, and which shared lists a call may use. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "model/call.h"

static void one_off(struct call *c)
{
	call_init(c);
	c->organisation_id = 2;
	c->activity_id = 11;
	snprintf(c->title, sizeof c->title, "Wandelen met mevrouw De Vries");
	snprintf(c->place, sizeof c->place, "Papendrecht");
	snprintf(c->one_off_date, sizeof c->one_off_date, "2026-12-05");
	snprintf(c->start_time, sizeof c->start_time, "14:00");
}

static void recurring(struct call *c)
{
	one_off(c);
	c->one_off_date[0] = '\0';
	c->start_time[0] = '\0';
	c->dayparts = (1u << 0) | (1u << 13);
	c->engagement = ENGAGEMENT_STRUCTURAL;
}

static void expect(const struct call *c, const char *field, const char *code)
{
	struct kp_error e = { 0 };
	assert_int_equal(call_validate(c, &e), KP_ERR);
	assert_int_equal(e.kind, KP_INVALID);
	assert_string_equal(e.field, field);
	assert_string_equal(e.code, code);
}

static void valid_calls(void **state)
{
	(void)state;
	struct call c;
	call_init(&c);
	assert_int_equal(c.status, CALL_OPEN);
	assert_int_equal(c.volunteers_needed, 1);
	one_off(&c);
	assert_int_equal(call_validate(&c, NULL), KP_OK);
	recurring(&c);
	assert_int_equal(call_validate(&c, NULL), KP_OK);
	c.dayparts = DAYPART_ALL;
	assert_int_equal(call_validate(&c, NULL), KP_OK);
	one_off(&c);
	c.start_time[0] = '\0';   /* a date without a time is fine */
	assert_int_equal(call_validate(&c, NULL), KP_OK);
}

static void schedule_rules(void **state)
{
	(void)state;
	struct call c;
	recurring(&c); c.dayparts = 0; expect(&c, "one_off_date", "schedule_required");
	one_off(&c); c.dayparts = 1; expect(&c, "dayparts", "schedule_conflict");
	recurring(&c); c.dayparts = 1u << DAYPART_BITS; expect(&c, "dayparts", "invalid_choice");
	recurring(&c); c.dayparts |= 0x80000000u; expect(&c, "dayparts", "invalid_choice");
	one_off(&c); snprintf(c.one_off_date, sizeof c.one_off_date, "2026-02-30");
	expect(&c, "one_off_date", "invalid_date");
	one_off(&c); snprintf(c.start_time, sizeof c.start_time, "24:00");
	expect(&c, "start_time", "invalid_time");
	one_off(&c); snprintf(c.start_time, sizeof c.start_time, "9:00");
	expect(&c, "start_time", "invalid_time");
}

static void required_and_ranges(void **state)
{
	(void)state;
	struct call c;
	one_off(&c); c.organisation_id = 0; expect(&c, "organisation_id", "required");
	one_off(&c); c.title[0] = '\0'; expect(&c, "title", "required");
	one_off(&c); c.activity_id = 0; expect(&c, "activity", "required");
	one_off(&c); c.place[0] = '\0'; expect(&c, "place", "required");
	one_off(&c); c.duration_minutes = 14; expect(&c, "duration_minutes", "out_of_range");
	one_off(&c); c.duration_minutes = CALL_MAX_DURATION_MINUTES + 1;
	expect(&c, "duration_minutes", "out_of_range");
	one_off(&c); c.volunteers_needed = 0; expect(&c, "volunteers_needed", "out_of_range");
	one_off(&c); c.volunteers_needed = CALL_MAX_VOLUNTEERS + 1;
	expect(&c, "volunteers_needed", "out_of_range");
	one_off(&c); c.source = SOURCE_VOLUNTEER; expect(&c, "volunteer_id", "required");
	one_off(&c); c.source = CALL_SOURCE_COUNT; expect(&c, "source", "invalid_choice");
	one_off(&c); c.engagement = ENGAGEMENT_COUNT; expect(&c, "engagement", "invalid_choice");
	one_off(&c); c.status = -1; expect(&c, "status", "invalid_choice");

	one_off(&c);
	c.duration_minutes = 15;
	c.volunteers_needed = CALL_MAX_VOLUNTEERS;
	assert_int_equal(call_validate(&c, NULL), KP_OK);
	c.duration_minutes = CALL_MAX_DURATION_MINUTES;
	c.source = SOURCE_VOLUNTEER;
	c.volunteer_id = 8;
	assert_int_equal(call_validate(&c, NULL), KP_OK);
}

static void items_allowed_and_not(void **state)
{
	(void)state;
	struct call c;
	static const int allowed[] = { LIST_THEME, LIST_TALENT, LIST_TRAINING, LIST_LANGUAGE };
	for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++) {
		one_off(&c);
		id_set_add(&c.items[allowed[i]], 5);
		assert_int_equal(call_validate(&c, NULL), KP_OK);
	}
	/* motives are the volunteer's own; lived experience is health data; the
	   activity is its own field */
	static const int refused[] = { LIST_MOTIVE, LIST_EXPERIENCE, LIST_ACTIVITY };
	for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		one_off(&c);
		id_set_add(&c.items[refused[i]], 5);
		expect(&c, "items", "invalid_choice");
	}
}

static void names_round_trip(void **state)
{
	(void)state;
	static const char *const st[] = { "open", "filled", "closed", "cancelled" };
	for (int s = 0; s < CALL_STATUS_COUNT; s++) {
		assert_string_equal(call_status_name(s), st[s]);
		assert_int_equal(call_status_parse(st[s]), s);
	}
	static const char *const so[] = { "organisation", "location", "client", "referrer",
	                                  "volunteer" };
	for (int s = 0; s < CALL_SOURCE_COUNT; s++) {
		assert_string_equal(call_source_name(s), so[s]);
		assert_int_equal(call_source_parse(so[s]), s);
	}
	assert_null(call_status_name(CALL_STATUS_COUNT));
	assert_null(call_source_name(-1));
	assert_int_equal(call_status_parse("OPEN"), -1);
	assert_int_equal(call_source_parse("gp"), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(valid_calls),
		cmocka_unit_test(schedule_rules),
		cmocka_unit_test(required_and_ranges),
		cmocka_unit_test(items_allowed_and_not),
		cmocka_unit_test(names_round_trip),
	};
	return cmocka_run_group_tests_name("model_call", tests, NULL, NULL);
}
