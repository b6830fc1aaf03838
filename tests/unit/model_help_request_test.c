/* Tests for src/model/help_request.c: the steps of the warm referral, what a
   request needs, working days (weekends do not count) and the cut-off that
   lists the waiting requests, how a closed request ended, and erasing a
   client. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "model/help_request.h"

#define DAY 86400
/* 2026-03-02 12:00 UTC, a Monday */
#define MONDAY ((int64_t)20514 * DAY + 12 * 3600)

static void steps_of_the_referral(void **state)
{
	(void)state;
	struct kp_error err = { 0 };
	assert_int_equal(help_request_check_step(HELP_NEW, HELP_ROUTED, &err), KP_OK);
	assert_int_equal(help_request_check_step(HELP_HANDED_BACK, HELP_ROUTED, &err), KP_OK);
	assert_int_equal(help_request_check_step(HELP_ROUTED, HELP_ACCEPTED, &err), KP_OK);
	assert_int_equal(help_request_check_step(HELP_ROUTED, HELP_HANDED_BACK, &err), KP_OK);
	assert_int_equal(help_request_check_step(HELP_ACCEPTED, HELP_CLOSED, &err), KP_OK);
	assert_int_equal(help_request_check_step(HELP_NEW, HELP_ACCEPTED, &err), KP_ERR);
	assert_int_equal(err.kind, KP_CONFLICT);
	assert_string_equal(err.field, "status");
	assert_int_equal(help_request_check_step(HELP_ACCEPTED, HELP_ACCEPTED, &err), KP_ERR);
	assert_int_equal(help_request_check_step(HELP_ACCEPTED, HELP_ROUTED, &err), KP_ERR);
	assert_int_equal(help_request_check_step(HELP_CLOSED, HELP_CLOSED, &err), KP_ERR);
}

static void a_request_needs_a_way_to_reach_and_consent(void **state)
{
	(void)state;
	struct kp_error err = { 0 };
	struct help_request r;
	struct client_record c;
	help_request_init(&r);
	memset(&c, 0, sizeof c);
	snprintf(r.place, sizeof r.place, "%s", "Sliedrecht");
	snprintf(c.name, sizeof c.name, "%s", "Truus");
	assert_int_equal(help_request_validate(&r, &c, &err), KP_ERR);
	assert_string_equal(err.field, "phone");
	snprintf(c.email, sizeof c.email, "%s", "truus-zonder-apenstaart");
	assert_int_equal(help_request_validate(&r, &c, &err), KP_ERR);
	assert_string_equal(err.field, "email");
	snprintf(c.email, sizeof c.email, "%s", "truus@voorbeeld.nl");
	assert_int_equal(help_request_validate(&r, &c, &err), KP_ERR);
	assert_string_equal(err.field, "consent_share");
	c.consent_share = 1;
	assert_int_equal(help_request_validate(&r, &c, &err), KP_OK);
	r.urgency = URGENCY_COUNT;
	assert_int_equal(help_request_validate(&r, &c, &err), KP_ERR);
	assert_string_equal(err.field, "urgency");
}

static void working_days_skip_the_weekend(void **state)
{
	(void)state;
	assert_int_equal(working_days_between(MONDAY, MONDAY + 3600), 0);
	assert_int_equal(working_days_between(MONDAY, MONDAY + 4 * DAY), 4);  /* Friday */
	assert_int_equal(working_days_between(MONDAY, MONDAY + 6 * DAY), 4);  /* Sunday */
	assert_int_equal(working_days_between(MONDAY, MONDAY + 7 * DAY), 5);  /* Monday */
	assert_int_equal(working_days_between(MONDAY + 4 * DAY, MONDAY + 7 * DAY), 1);
	assert_int_equal(working_days_between(MONDAY, MONDAY - DAY), 0);
	/* the cut-off agrees with the count, for every start in three weeks */
	for (int n = 1; n <= 10; n++)
		for (int64_t t = MONDAY - 21 * DAY; t < MONDAY + 14 * DAY; t += 7 * 3600) {
			int64_t now = MONDAY + 14 * DAY;
			bool waited = working_days_between(t, now) >= n;
			assert_int_equal(waited, t < working_days_cutoff(now, n));
		}
}

static void waiting_only_while_routed(void **state)
{
	(void)state;
	struct help_request r;
	help_request_init(&r);
	r.status = HELP_ROUTED;
	r.routed_at = MONDAY;
	assert_false(help_request_waiting(&r, MONDAY + 4 * DAY, 5));
	assert_true(help_request_waiting(&r, MONDAY + 7 * DAY, 5));
	r.status = HELP_ACCEPTED;
	assert_false(help_request_waiting(&r, MONDAY + 30 * DAY, 5));
}

static void closing_names_how_it_ended(void **state)
{
	(void)state;
	struct help_request r;
	struct kp_error err = { 0 };
	int outcome = -1;
	help_request_init(&r);
	assert_int_equal(r.outcome, -1);
	/* never picked up: the reason is needed */
	assert_int_equal(help_request_close_outcome(&r, NULL, &outcome, &err), KP_ERR);
	assert_string_equal(err.field, "outcome");
	assert_int_equal(help_request_close_outcome(&r, "weg", &outcome, &err), KP_ERR);
	assert_int_equal(help_request_close_outcome(&r, "unreachable", &outcome, &err), KP_OK);
	assert_int_equal(outcome, OUTCOME_UNREACHABLE);
	assert_false(help_outcome_served(outcome));
	/* picked up: helped, unless said otherwise */
	r.accepted_at = MONDAY;
	assert_int_equal(help_request_close_outcome(&r, "", &outcome, &err), KP_OK);
	assert_int_equal(outcome, OUTCOME_HELPED);
	assert_true(help_outcome_served(outcome));
	for (int o = 0; o < OUTCOME_COUNT; o++)
		assert_int_equal(help_outcome_parse(help_outcome_name(o)), o);
}

static void erasing_keeps_only_the_consent(void **state)
{
	(void)state;
	struct client_record c = { .request_id = 7, .consent_share = 1, .consent_at = MONDAY };
	snprintf(c.name, sizeof c.name, "%s", "Truus");
	snprintf(c.phone, sizeof c.phone, "%s", "06-1");
	snprintf(c.situation, sizeof c.situation, "%s", "Alleen sinds de val");
	client_record_erase(&c, MONDAY + DAY);
	assert_int_equal(c.request_id, 7);
	assert_string_equal(c.name, "");
	assert_string_equal(c.phone, "");
	assert_string_equal(c.situation, "");
	assert_int_equal(c.consent_at, MONDAY);
	assert_int_equal(c.erased_at, MONDAY + DAY);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(steps_of_the_referral),
		cmocka_unit_test(a_request_needs_a_way_to_reach_and_consent),
		cmocka_unit_test(working_days_skip_the_weekend),
		cmocka_unit_test(waiting_only_while_routed),
		cmocka_unit_test(closing_names_how_it_ended),
		cmocka_unit_test(erasing_keeps_only_the_consent),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
