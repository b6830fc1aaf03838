/* Tests for src/model/match.c: the whole lifecycle table, pair by pair,
   reasons for declined/ended, and the errors of match_check_transition. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "model/match.h"

/* The lifecycle as DESIGN.md and match.h draw it:
   proposed → contacted → accepted → active → ended; proposed, contacted and
   accepted may each go to declined; declined and ended are final. */
static const bool allowed[MATCH_STATUS_COUNT][MATCH_STATUS_COUNT] = {
	/*               prop   cont   acc    decl   act    end */
	[MATCH_PROPOSED]  = { 0, 1, 0, 1, 0, 0 },
	[MATCH_CONTACTED] = { 0, 0, 1, 1, 0, 0 },
	[MATCH_ACCEPTED]  = { 0, 0, 0, 1, 1, 0 },
	[MATCH_DECLINED]  = { 0, 0, 0, 0, 0, 0 },
	[MATCH_ACTIVE]    = { 0, 0, 0, 0, 0, 1 },
	[MATCH_ENDED]     = { 0, 0, 0, 0, 0, 0 },
};

static void every_pair_of_the_table(void **state)
{
	(void)state;
	int n_allowed = 0;
	for (int from = 0; from < MATCH_STATUS_COUNT; from++)
		for (int to = 0; to < MATCH_STATUS_COUNT; to++) {
			if (match_can_transition(from, to) != allowed[from][to])
				fail_msg("%s → %s: expected %s", match_status_name(from),
				         match_status_name(to), allowed[from][to] ? "allowed" : "refused");
			n_allowed += allowed[from][to];
		}
	assert_int_equal(n_allowed, 7);
}

static void out_of_range_statuses_refused(void **state)
{
	(void)state;
	for (int s = -1; s <= MATCH_STATUS_COUNT; s++) {
		assert_false(match_can_transition(-1, s));
		assert_false(match_can_transition(MATCH_STATUS_COUNT, s));
		assert_false(match_can_transition(s, -1));
		assert_false(match_can_transition(s, MATCH_STATUS_COUNT));
	}
}

static void reasons_and_open(void **state)
{
	(void)state;
	for (int s = 0; s < MATCH_STATUS_COUNT; s++) {
		bool needs = s == MATCH_DECLINED || s == MATCH_ENDED;
		assert_int_equal(match_needs_reason(s), needs);
		assert_int_equal(match_is_open(s), !needs);
	}
	assert_false(match_is_open(-1));
	assert_false(match_is_open(MATCH_STATUS_COUNT));
}

static void check_transition_allowed(void **state)
{
	(void)state;
	struct kp_error e = { 0 };
	for (int from = 0; from < MATCH_STATUS_COUNT; from++)
		for (int to = 0; to < MATCH_STATUS_COUNT; to++) {
			if (!allowed[from][to])
				continue;
			assert_int_equal(match_check_transition(from, to, "verhuisd", &e), KP_OK);
			if (!match_needs_reason(to))
				assert_int_equal(match_check_transition(from, to, "", &e), KP_OK);
		}
	assert_int_equal(e.kind, 0);
}

static void check_transition_refused_is_409(void **state)
{
	(void)state;
	for (int from = 0; from < MATCH_STATUS_COUNT; from++)
		for (int to = 0; to < MATCH_STATUS_COUNT; to++) {
			if (allowed[from][to])
				continue;
			struct kp_error e = { 0 };
			assert_int_equal(match_check_transition(from, to, "reden", &e), KP_ERR);
			assert_int_equal(e.kind, KP_CONFLICT);
			assert_string_equal(e.code, "invalid_transition");
			assert_string_equal(e.field, "status");
			/* the detail names both statuses */
			assert_non_null(strstr(e.detail, match_status_name(from)));
			assert_non_null(strstr(e.detail, match_status_name(to)));
		}
	struct kp_error e = { 0 };
	assert_int_equal(match_check_transition(-7, MATCH_CONTACTED, NULL, &e), KP_ERR);
	assert_int_equal(e.kind, KP_CONFLICT);
}

static void check_transition_missing_reason(void **state)
{
	(void)state;
	struct kp_error e = { 0 };
	assert_int_equal(match_check_transition(MATCH_PROPOSED, MATCH_DECLINED, "", &e), KP_ERR);
	assert_int_equal(e.kind, KP_INVALID);
	assert_string_equal(e.field, "reason");
	assert_string_equal(e.code, "required");
	memset(&e, 0, sizeof e);
	assert_int_equal(match_check_transition(MATCH_ACTIVE, MATCH_ENDED, NULL, &e), KP_ERR);
	assert_string_equal(e.field, "reason");
}

static void check_transition_unknown_target(void **state)
{
	(void)state;
	struct kp_error e = { 0 };
	assert_int_equal(match_check_transition(MATCH_PROPOSED, -1, "x", &e), KP_ERR);
	assert_int_equal(e.kind, KP_INVALID);
	assert_string_equal(e.field, "status");
	assert_string_equal(e.code, "invalid_choice");
	assert_int_equal(match_check_transition(MATCH_PROPOSED, MATCH_STATUS_COUNT, "x", &e),
	                 KP_ERR);
	assert_string_equal(e.code, "invalid_choice");
}

/* Whoever did not propose says yes; the volunteer otherwise only says yes
   after a contact, or no. */
static void the_other_side_says_yes(void **state)
{
	(void)state;
	static const struct {
		int origin;
		bool by_volunteer;
		int from, to;
		int kind;               /* KP_OK, or the kind of the refusal */
	} cases[] = {
		{ MATCH_BY_ORGANISATION, true, MATCH_PROPOSED, MATCH_ACCEPTED, KP_OK },
		{ MATCH_BY_ORGANISATION, false, MATCH_PROPOSED, MATCH_ACCEPTED, KP_CONFLICT },
		{ MATCH_BY_VOLUNTEER, false, MATCH_PROPOSED, MATCH_ACCEPTED, KP_OK },
		{ MATCH_BY_VOLUNTEER, true, MATCH_PROPOSED, MATCH_ACCEPTED, KP_FORBIDDEN },
		{ MATCH_BY_VOLUNTEER, true, MATCH_CONTACTED, MATCH_ACCEPTED, KP_OK },
		{ MATCH_BY_VOLUNTEER, true, MATCH_PROPOSED, MATCH_CONTACTED, KP_FORBIDDEN },
		{ MATCH_BY_ORGANISATION, true, MATCH_ACCEPTED, MATCH_ACTIVE, KP_FORBIDDEN },
		{ MATCH_BY_ORGANISATION, true, MATCH_ACCEPTED, MATCH_DECLINED, KP_OK },
		{ MATCH_BY_ORGANISATION, true, MATCH_ACTIVE, MATCH_DECLINED, KP_CONFLICT },
		{ MATCH_BY_ORGANISATION, false, MATCH_PROPOSED, MATCH_CONTACTED, KP_OK },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct kp_error err = { 0 };
		int rc = match_check_step(cases[i].origin, cases[i].by_volunteer, cases[i].from,
		                          cases[i].to, "reden", &err);
		assert_int_equal(rc == KP_OK ? KP_OK : (int)err.kind, cases[i].kind);
	}
	assert_string_equal(match_origin_name(MATCH_BY_VOLUNTEER), "volunteer");
	assert_int_equal(match_origin_parse("organisation"), MATCH_BY_ORGANISATION);
	assert_int_equal(match_origin_parse("iemand"), -1);
}

static void names_round_trip(void **state)
{
	(void)state;
	static const char *const names[] = {
		"proposed", "contacted", "accepted", "declined", "active", "ended",
	};
	for (int s = 0; s < MATCH_STATUS_COUNT; s++) {
		assert_string_equal(match_status_name(s), names[s]);
		assert_int_equal(match_status_parse(names[s]), s);
	}
	assert_null(match_status_name(MATCH_STATUS_COUNT));
	assert_int_equal(match_status_parse("evaluated"), -1);
	assert_int_equal(match_status_parse(""), -1);
}

static void worked_together_from_the_yes(void **state)
{
	(void)state;
	for (int st = 0; st < MATCH_STATUS_COUNT; st++)
		assert_int_equal(match_worked_together(st),
		                 st == MATCH_ACCEPTED || st == MATCH_ACTIVE || st == MATCH_ENDED);
}

static void hide_people_keeps_only_the_own_name(void **state)
{
	(void)state;
	struct match m = { 0 };
	snprintf(m.volunteer_name, sizeof m.volunteer_name, "Anna de Vries");
	snprintf(m.volunteer_phone, sizeof m.volunteer_phone, "06-1");
	snprintf(m.volunteer_email, sizeof m.volunteer_email, "a@b.nl");
	snprintf(m.contact_name, sizeof m.contact_name, "Samira");
	snprintf(m.contact_email, sizeof m.contact_email, "s@b.nl");
	snprintf(m.contact_phone, sizeof m.contact_phone, "078");
	struct match own = m;
	match_hide_people(&own, true);
	assert_string_equal(own.volunteer_name, "Anna de Vries");
	assert_string_equal(own.volunteer_phone, "");
	assert_string_equal(own.contact_name, "");
	match_hide_people(&m, false);
	assert_string_equal(m.volunteer_name, "");
	assert_string_equal(m.volunteer_email, "");
	assert_string_equal(m.contact_email, "");
	assert_string_equal(m.contact_phone, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_pair_of_the_table),
		cmocka_unit_test(the_other_side_says_yes),
		cmocka_unit_test(out_of_range_statuses_refused),
		cmocka_unit_test(reasons_and_open),
		cmocka_unit_test(check_transition_allowed),
		cmocka_unit_test(check_transition_refused_is_409),
		cmocka_unit_test(check_transition_missing_reason),
		cmocka_unit_test(check_transition_unknown_target),
		cmocka_unit_test(names_round_trip),
		cmocka_unit_test(worked_together_from_the_yes),
		cmocka_unit_test(hide_people_keeps_only_the_own_name),
	};
	return cmocka_run_group_tests_name("model_match", tests, NULL, NULL);
}
