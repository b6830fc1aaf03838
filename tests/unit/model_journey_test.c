/* Tests for src/model/journey.c: the whole step table under two organisation
   settings, every guard of a step, the deployment gate used by POST
   /api/matches and the matching engine, and the day arithmetic. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "model/journey.h"
#include "model/volunteer.h"
#include "util/parse.h"

static long day(const char *date)
{
	return parse_date_days(date);
}

/* Allowed targets per step, in enum order: signed_up intake vog_requested
   vog_received basic_training first_deployment active evaluation paused
   exit_interview stopped referred. */
static const char *const default_table[STEP_COUNT] = {
	[STEP_SIGNED_UP] = "NYNNNNNNNYYN",
	[STEP_INTAKE] = "NNYYYNNNNYYN",
	[STEP_VOG_REQUESTED] = "NNNYYNNNNYNN",
	[STEP_VOG_RECEIVED] = "NNNNYNNNNYNN",
	[STEP_BASIC_TRAINING] = "NNNNNYNNNYNN",
	[STEP_FIRST_DEPLOYMENT] = "NNNNNNYYYYNN",
	[STEP_ACTIVE] = "NNNNNNNYYYNN",
	[STEP_EVALUATION] = "NNNNNNYNYYNN",
	[STEP_PAUSED] = "NNNNNNYNNYNN",
	[STEP_EXIT_INTERVIEW] = "NNNNNNYNYNYY",
	[STEP_STOPPED] = "YNNNNNNNNNNN",
	[STEP_REFERRED] = "YNNNNNNNNNNN",
};

/* VOG required, no basic training: the VOG may not be skipped, training may. */
static const char *const vog_table[STEP_COUNT] = {
	[STEP_SIGNED_UP] = "NYNNNNNNNYYN",
	[STEP_INTAKE] = "NNYYNNNNNYYN",
	[STEP_VOG_REQUESTED] = "NNNYNNNNNYNN",
	[STEP_VOG_RECEIVED] = "NNNNYYNNNYNN",
	[STEP_BASIC_TRAINING] = "NNNNNYNNNYNN",
	[STEP_FIRST_DEPLOYMENT] = "NNNNNNYYYYNN",
	[STEP_ACTIVE] = "NNNNNNNYYYNN",
	[STEP_EVALUATION] = "NNNNNNYNYYNN",
	[STEP_PAUSED] = "NNNNNNYNNYNN",
	[STEP_EXIT_INTERVIEW] = "NNNNNNYNYNYY",
	[STEP_STOPPED] = "YNNNNNNNNNNN",
	[STEP_REFERRED] = "YNNNNNNNNNNN",
};

static void check_table(const struct journey_settings *s, const char *const *table)
{
	int failures = 0;
	for (int from = 0; from < STEP_COUNT; from++) {
		assert_int_equal(strlen(table[from]), STEP_COUNT);
		for (int to = 0; to < STEP_COUNT; to++) {
			bool want = table[from][to] == 'Y';
			if (journey_can_step(s, from, to) != want) {
				print_message("%s -> %s: expected %s\n", journey_step_name(from),
				              journey_step_name(to), want ? "allowed" : "refused");
				failures++;
			}
		}
	}
	assert_int_equal(failures, 0);
}

static void step_table_default_settings(void **state)
{
	(void)state;
	struct journey_settings s;
	journey_settings_default(&s, 1);
	assert_false(s.requires_vog);
	assert_true(s.requires_training);
	check_table(&s, default_table);
}

static void step_table_vog_required_no_training(void **state)
{
	(void)state;
	struct journey_settings s;
	journey_settings_default(&s, 1);
	s.requires_vog = true;
	s.requires_training = false;
	check_table(&s, vog_table);
}

static void out_of_range_steps_refused(void **state)
{
	(void)state;
	struct journey_settings s;
	struct kp_error err = { 0 };
	struct journey_guard g = { day("2026-01-01"), day("2026-01-02"), day("2026-02-01"), -1, -1 };
	journey_settings_default(&s, 1);
	assert_false(journey_can_step(&s, -1, STEP_INTAKE));
	assert_false(journey_can_step(&s, STEP_INTAKE, STEP_COUNT));
	assert_int_equal(journey_check_step(&s, STEP_SIGNED_UP, 99, &g, &err), KP_ERR);
	assert_int_equal(err.kind, KP_INVALID);
	assert_string_equal(err.field, "step");
	assert_string_equal(err.code, "invalid_choice");
}

static struct journey_guard guard(const char *current, const char *on, const char *today)
{
	struct journey_guard g = { day(current), on ? day(on) : -1, day(today), -1, -1 };
	return g;
}

static void check_error(int rc, const struct kp_error *err, enum kp_kind kind, const char *code,
                        const char *field)
{
	assert_int_equal(rc, KP_ERR);
	assert_int_equal(err->kind, kind);
	assert_string_equal(err->code, code);
	assert_string_equal(err->field, field);
}

static void date_guards(void **state)
{
	(void)state;
	struct journey_settings s;
	struct kp_error err = { 0 };
	journey_settings_default(&s, 1);
	struct journey_guard g = guard("2026-03-10", "2026-03-10", "2026-03-10");
	assert_int_equal(journey_check_step(&s, STEP_SIGNED_UP, STEP_INTAKE, &g, &err), KP_OK);
	g = guard("2026-03-10", "2026-03-11", "2026-03-10");
	check_error(journey_check_step(&s, STEP_SIGNED_UP, STEP_INTAKE, &g, &err), &err, KP_INVALID,
	            "date_in_future", "on_date");
	g = guard("2026-03-10", "2026-03-09", "2026-03-12");
	check_error(journey_check_step(&s, STEP_SIGNED_UP, STEP_INTAKE, &g, &err), &err, KP_INVALID,
	            "date_before_current_step", "on_date");
	g = guard("2026-03-10", NULL, "2026-03-12");
	check_error(journey_check_step(&s, STEP_SIGNED_UP, STEP_INTAKE, &g, &err), &err, KP_INVALID,
	            "invalid_date", "on_date");
}

static void table_checked_before_guards(void **state)
{
	(void)state;
	struct journey_settings s;
	struct kp_error err = { 0 };
	journey_settings_default(&s, 1);
	struct journey_guard g = guard("2026-03-10", "2026-03-11", "2026-03-10");
	check_error(journey_check_step(&s, STEP_SIGNED_UP, STEP_ACTIVE, &g, &err), &err, KP_CONFLICT,
	            "invalid_step", "step");
	assert_non_null(strstr(err.detail, "signed_up"));
}

static void vog_received_needs_valid_vog(void **state)
{
	(void)state;
	struct journey_settings s;
	struct kp_error err = { 0 };
	journey_settings_default(&s, 1);
	s.requires_vog = true;
	s.vog_max_age_months = 6;
	struct journey_guard g = guard("2026-03-01", "2026-03-10", "2026-03-10");
	check_error(journey_check_step(&s, STEP_VOG_REQUESTED, STEP_VOG_RECEIVED, &g, &err), &err,
	            KP_CONFLICT, "vog_missing", "vog_date");
	g.vog_on = day("2025-09-09"); /* six months and a day before the step */
	check_error(journey_check_step(&s, STEP_VOG_REQUESTED, STEP_VOG_RECEIVED, &g, &err), &err,
	            KP_CONFLICT, "vog_expired", "vog_date");
	g.vog_on = day("2026-03-11"); /* issued after the step date */
	check_error(journey_check_step(&s, STEP_VOG_REQUESTED, STEP_VOG_RECEIVED, &g, &err), &err,
	            KP_CONFLICT, "vog_expired", "vog_date");
	g.vog_on = day("2025-09-10"); /* exactly six months: still valid */
	assert_int_equal(journey_check_step(&s, STEP_VOG_REQUESTED, STEP_VOG_RECEIVED, &g, &err),
	                 KP_OK);
}

static void exit_interview_outcome_decides_next_step(void **state)
{
	(void)state;
	struct journey_settings s;
	struct kp_error err = { 0 };
	journey_settings_default(&s, 1);
	struct journey_guard g = guard("2026-03-01", "2026-03-02", "2026-03-02");
	check_error(journey_check_step(&s, STEP_EXIT_INTERVIEW, STEP_STOPPED, &g, &err), &err,
	            KP_CONFLICT,
	            "exit_interview_required", "step");
	static const struct { int outcome, ok, wrong; } cases[] = {
		{ OUTCOME_SAME_ROLE, STEP_ACTIVE, STEP_STOPPED },
		{ OUTCOME_OTHER_ROLE, STEP_ACTIVE, STEP_PAUSED },
		{ OUTCOME_OTHER_ORGANISATION, STEP_REFERRED, STEP_STOPPED },
		{ OUTCOME_PAUSE, STEP_PAUSED, STEP_ACTIVE },
		{ OUTCOME_STOPS, STEP_STOPPED, STEP_REFERRED },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		g.exit_outcome = cases[i].outcome;
		assert_int_equal(exit_outcome_next_step(cases[i].outcome), cases[i].ok);
		assert_int_equal(journey_check_step(&s, STEP_EXIT_INTERVIEW, cases[i].ok, &g, &err),
		                 KP_OK);
		check_error(journey_check_step(&s, STEP_EXIT_INTERVIEW, cases[i].wrong, &g, &err),
		            &err, KP_CONFLICT, "exit_outcome_mismatch", "step");
	}
	assert_int_equal(exit_outcome_next_step(EXIT_OUTCOME_COUNT), -1);
}

/* Active (matchable) once the required steps are behind: the first
   deployment is no longer a step to take before any match can exist. */
static void volunteer_status_follows_step(void **state)
{
	(void)state;
	struct journey_settings s;
	journey_settings_default(&s, 1); /* basic training required, VOG not */
	assert_int_equal(journey_step_volunteer_status(&s, STEP_SIGNED_UP), VOLUNTEER_APPLIED);
	assert_int_equal(journey_step_volunteer_status(&s, STEP_INTAKE), VOLUNTEER_APPLIED);
	assert_int_equal(journey_step_volunteer_status(&s, STEP_VOG_RECEIVED), VOLUNTEER_APPLIED);
	assert_int_equal(journey_step_volunteer_status(&s, STEP_BASIC_TRAINING), VOLUNTEER_ACTIVE);
	assert_int_equal(journey_step_volunteer_status(&s, STEP_FIRST_DEPLOYMENT), VOLUNTEER_ACTIVE);
	assert_int_equal(journey_step_volunteer_status(&s, STEP_EVALUATION), VOLUNTEER_ACTIVE);
	assert_int_equal(journey_step_volunteer_status(&s, STEP_PAUSED), VOLUNTEER_PAUSED);
	assert_int_equal(journey_step_volunteer_status(&s, STEP_EXIT_INTERVIEW), -1);
	assert_int_equal(journey_step_volunteer_status(&s, STEP_STOPPED), VOLUNTEER_STOPPED);
	assert_int_equal(journey_step_volunteer_status(&s, STEP_REFERRED), VOLUNTEER_STOPPED);
	s.requires_training = false;
	assert_int_equal(journey_step_volunteer_status(&s, STEP_INTAKE), VOLUNTEER_ACTIVE);
	s.requires_vog = true;
	assert_int_equal(journey_step_volunteer_status(&s, STEP_VOG_REQUESTED), VOLUNTEER_APPLIED);
	assert_int_equal(journey_step_volunteer_status(&s, STEP_VOG_RECEIVED), VOLUNTEER_ACTIVE);
}

static void checklist_before_matching(void **state)
{
	(void)state;
	struct journey_settings s;
	struct journey_check c[JOURNEY_CHECKS];
	journey_settings_default(&s, 1);
	journey_checklist(&s, STEP_INTAKE, c);
	assert_int_equal(c[0].step, STEP_INTAKE);
	assert_true(c[0].required && c[0].done);
	assert_int_equal(c[1].step, STEP_VOG_RECEIVED);
	assert_true(!c[1].required && !c[1].done);
	assert_int_equal(c[2].step, STEP_BASIC_TRAINING);
	assert_true(c[2].required && !c[2].done);
	journey_checklist(&s, STEP_PAUSED, c);
	assert_true(c[0].done && c[1].done && c[2].done);
	journey_checklist(&s, STEP_STOPPED, c);
	assert_false(c[0].done);
}

static void requests_answered_by_steps(void **state)
{
	(void)state;
	assert_true(journey_request_answered_by(REQUEST_PAUSE, STEP_PAUSED));
	assert_true(journey_request_answered_by(REQUEST_PAUSE, STEP_EXIT_INTERVIEW));
	assert_false(journey_request_answered_by(REQUEST_PAUSE, STEP_ACTIVE));
	assert_false(journey_request_answered_by(REQUEST_STOP, STEP_PAUSED));
	assert_true(journey_request_answered_by(REQUEST_STOP, STEP_EXIT_INTERVIEW));
	assert_true(journey_request_answered_by(REQUEST_STOP, STEP_STOPPED));
}

static void deployment_gate(void **state)
{
	(void)state;
	struct kp_error err = { 0 };
	struct journey_settings s;
	journey_settings_default(&s, 1); /* basic training required */
	struct journey_gate g = { .step = -1, .vog_on = -1, .vog_max_age_months = 36,
	                          .today = day("2026-06-01") };
	assert_int_equal(journey_check_deployable(&g, &err), KP_OK); /* no journey, no VOG need */
	g.has_journey = true;
	for (int step = 0; step < STEP_COUNT; step++) {
		g.step = step;
		g.ready = journey_step_is_ready(&s, step);
		bool want = step == STEP_BASIC_TRAINING || step == STEP_FIRST_DEPLOYMENT ||
		            step == STEP_ACTIVE || step == STEP_EVALUATION;
		assert_int_equal(journey_is_deployable(&g), want);
	}
	g.step = STEP_VOG_RECEIVED;
	g.ready = false;
	check_error(journey_check_deployable(&g, &err), &err, KP_CONFLICT, "journey_not_ready",
	            "volunteer_id");
	g.step = STEP_ACTIVE;
	g.ready = true;
	g.needs_vog = true;
	check_error(journey_check_deployable(&g, &err), &err, KP_CONFLICT, "vog_missing",
	            "volunteer_id");
	g.vog_on = day("2023-05-31"); /* 36 months and a day */
	check_error(journey_check_deployable(&g, &err), &err, KP_CONFLICT, "vog_expired",
	            "volunteer_id");
	g.vog_on = day("2023-06-01");
	assert_int_equal(journey_check_deployable(&g, &err), KP_OK);
	g.has_journey = false; /* without a journey the VOG need still holds */
	g.vog_on = -1;
	check_error(journey_check_deployable(&g, &err), &err, KP_CONFLICT, "vog_missing",
	            "volunteer_id");
}

static void day_arithmetic(void **state)
{
	(void)state;
	char out[11];
	journey_day_format(journey_add_months(day("2026-01-31"), 1), out);
	assert_string_equal(out, "2026-02-28");
	journey_day_format(journey_add_months(day("2024-01-31"), 1), out);
	assert_string_equal(out, "2024-02-29");
	journey_day_format(journey_add_months(day("2026-11-15"), 3), out);
	assert_string_equal(out, "2027-02-15");
	journey_day_format(journey_add_months(day("2026-03-01"), 120), out);
	assert_string_equal(out, "2036-03-01");
	assert_int_equal(journey_day_parse(""), -1);
	assert_int_equal(journey_day_parse("2026-02-30"), -1);
	assert_int_equal(journey_day_of(86400 * 3 + 5), 3);
	assert_int_equal(journey_day_of(-1), -1);
	assert_true(journey_vog_valid(day("2026-01-01"), 12, day("2027-01-01")));
	assert_false(journey_vog_valid(day("2026-01-01"), 12, day("2027-01-02")));
	assert_false(journey_vog_valid(-1, 12, day("2026-01-02")));
}

static void settings_limits(void **state)
{
	(void)state;
	struct journey_settings s;
	struct kp_error err = { 0 };
	journey_settings_default(&s, 7);
	assert_int_equal(journey_settings_validate(&s, &err), KP_OK);
	s.intake_days = 0;
	check_error(journey_settings_validate(&s, &err), &err, KP_INVALID, "out_of_range",
	            "intake_days");
	s.intake_days = JOURNEY_INTAKE_DAYS_MAX;
	s.evaluation_months = JOURNEY_EVALUATION_MONTHS_MAX + 1;
	check_error(journey_settings_validate(&s, &err), &err, KP_INVALID, "out_of_range",
	            "evaluation_months");
	assert_int_equal(err.limit, JOURNEY_EVALUATION_MONTHS_MAX);
}

static void names_round_trip(void **state)
{
	(void)state;
	for (int i = 0; i < STEP_COUNT; i++) {
		assert_int_equal(journey_step_parse(journey_step_name(i)), i);
		assert_true(strlen(journey_step_label(i, "nl")) > 0);
		assert_true(strlen(journey_step_label(i, "en")) > 0);
	}
	for (int i = 0; i < EXIT_REASON_COUNT; i++)
		assert_int_equal(exit_reason_parse(exit_reason_name(i)), i);
	for (int i = 0; i < EXIT_OUTCOME_COUNT; i++)
		assert_int_equal(exit_outcome_parse(exit_outcome_name(i)), i);
	assert_int_equal(journey_step_parse("Intake"), -1);
	assert_int_equal(exit_reason_parse("geld"), -1);
	assert_null(journey_step_name(STEP_COUNT));
	assert_string_equal(journey_step_label(STEP_PAUSED, "nl"), "Pauze");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(step_table_default_settings),
		cmocka_unit_test(step_table_vog_required_no_training),
		cmocka_unit_test(out_of_range_steps_refused),
		cmocka_unit_test(date_guards),
		cmocka_unit_test(table_checked_before_guards),
		cmocka_unit_test(vog_received_needs_valid_vog),
		cmocka_unit_test(exit_interview_outcome_decides_next_step),
		cmocka_unit_test(volunteer_status_follows_step),
		cmocka_unit_test(checklist_before_matching),
		cmocka_unit_test(requests_answered_by_steps),
		cmocka_unit_test(deployment_gate),
		cmocka_unit_test(day_arithmetic),
		cmocka_unit_test(settings_limits),
		cmocka_unit_test(names_round_trip),
	};
	return cmocka_run_group_tests_name("model_journey", tests, NULL, NULL);
}
