/* Tests for src/model/reminder.c: every reminder rule the day before it is
   due (nothing), on the day (the reminder with its key), and the
   circumstances that switch it off, with the clock passed in as a day. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "model/reminder.h"
#include "util/parse.h"

static long day(const char *date)
{
	return parse_date_days(date);
}

static struct journey_settings settings(bool vog)
{
	struct journey_settings s;
	journey_settings_default(&s, 5);
	s.requires_vog = vog;
	s.intake_days = 14;
	s.evaluation_months = 12;
	s.vog_max_age_months = 36;
	return s;
}

static struct reminder_facts facts(int step, const char *step_on)
{
	struct reminder_facts f = {
		.journey_id = 12, .volunteer_id = 34, .organisation_id = 5, .step = step,
		.step_on = day(step_on), .started_on = day("2026-01-01"), .vog_on = -1,
		.last_evaluation_on = -1, .deployed_on = -1, .last_activity_on = -1,
	};
	return f;
}

/* The reminders of kind `kind` on `today`: their number, the first in *out. */
static int run(const struct journey_settings *s, const struct reminder_facts *f,
               const char *today, int kind, struct reminder *out)
{
	struct reminder all[REMINDER_PER_JOURNEY_MAX];
	int n = reminder_for_journey(s, f, day(today), all, REMINDER_PER_JOURNEY_MAX), found = 0;
	for (int i = 0; i < n; i++) {
		assert_int_equal(all[i].journey_id, 12);
		assert_int_equal(all[i].volunteer_id, 34);
		assert_int_equal(all[i].organisation_id, 5);
		if (all[i].kind == kind && found++ == 0 && out != NULL)
			*out = all[i];
	}
	return found;
}

static void due(long d, const char *date)
{
	char out[11];
	journey_day_format(d, out);
	assert_string_equal(out, date);
}

static void intake_due_after_n_days(void **state)
{
	(void)state;
	struct journey_settings s = settings(false);
	struct reminder_facts f = facts(STEP_SIGNED_UP, "2026-01-01");
	struct reminder r;
	assert_int_equal(run(&s, &f, "2026-01-14", REMINDER_INTAKE_DUE, NULL), 0);
	assert_int_equal(run(&s, &f, "2026-01-15", REMINDER_INTAKE_DUE, &r), 1);
	due(r.due_on, "2026-01-15");
	assert_string_equal(r.key, "intake_due:12");
	s.intake_days = 30;
	assert_int_equal(run(&s, &f, "2026-01-15", REMINDER_INTAKE_DUE, NULL), 0);
	f.step = STEP_INTAKE; /* held: no reminder, however late */
	assert_int_equal(run(&s, &f, "2026-06-01", REMINDER_INTAKE_DUE, NULL), 0);
}

static void vog_missing_after_grace(void **state)
{
	(void)state;
	struct journey_settings s = settings(true);
	struct reminder r;
	struct reminder_facts f = facts(STEP_INTAKE, "2026-02-01");
	assert_int_equal(run(&s, &f, "2026-02-07", REMINDER_VOG_MISSING, NULL), 0);
	assert_int_equal(run(&s, &f, "2026-02-08", REMINDER_VOG_MISSING, &r), 1);
	assert_string_equal(r.key, "vog_missing:12");
	f = facts(STEP_VOG_REQUESTED, "2026-02-01");
	assert_int_equal(run(&s, &f, "2026-02-28", REMINDER_VOG_MISSING, NULL), 0);
	assert_int_equal(run(&s, &f, "2026-03-01", REMINDER_VOG_MISSING, &r), 1);
	due(r.due_on, "2026-03-01");
	f = facts(STEP_ACTIVE, "2026-02-01"); /* deployed without a VOG: at once */
	assert_int_equal(run(&s, &f, "2026-02-01", REMINDER_VOG_MISSING, NULL), 1);
	f.vog_on = day("2026-01-20");
	assert_int_equal(run(&s, &f, "2026-02-01", REMINDER_VOG_MISSING, NULL), 0);
	f = facts(STEP_PAUSED, "2026-02-01"); /* not while paused */
	assert_int_equal(run(&s, &f, "2026-05-01", REMINDER_VOG_MISSING, NULL), 0);
	f = facts(STEP_SIGNED_UP, "2026-02-01"); /* the intake comes first */
	assert_int_equal(run(&s, &f, "2026-05-01", REMINDER_VOG_MISSING, NULL), 0);
	s = settings(false); /* the organisation does not ask for one */
	f = facts(STEP_ACTIVE, "2026-02-01");
	assert_int_equal(run(&s, &f, "2026-05-01", REMINDER_VOG_MISSING, NULL), 0);
}

static void vog_expired_after_max_age(void **state)
{
	(void)state;
	struct journey_settings s = settings(true);
	struct reminder r;
	struct reminder_facts f = facts(STEP_ACTIVE, "2026-02-01");
	f.vog_on = day("2024-03-15");
	f.last_activity_on = day("2027-03-10");
	assert_int_equal(run(&s, &f, "2027-03-15", REMINDER_VOG_EXPIRED, NULL), 0);
	assert_int_equal(run(&s, &f, "2027-03-16", REMINDER_VOG_EXPIRED, &r), 1);
	due(r.due_on, "2027-03-16");
	assert_string_equal(r.key, "vog_expired:12:2024-03-15");
	s.vog_max_age_months = 48;
	assert_int_equal(run(&s, &f, "2027-03-16", REMINDER_VOG_EXPIRED, NULL), 0);
	s.vog_max_age_months = 36;
	f.vog_on = day("2027-03-01"); /* a new VOG ends it */
	assert_int_equal(run(&s, &f, "2027-03-16", REMINDER_VOG_EXPIRED, NULL), 0);
}

static void evaluation_due_yearly(void **state)
{
	(void)state;
	struct journey_settings s = settings(false);
	struct reminder r;
	struct reminder_facts f = facts(STEP_ACTIVE, "2026-02-01");
	f.deployed_on = day("2026-02-01");
	f.last_activity_on = day("2027-01-31");
	assert_int_equal(run(&s, &f, "2027-01-31", REMINDER_EVALUATION_DUE, NULL), 0);
	assert_int_equal(run(&s, &f, "2027-02-01", REMINDER_EVALUATION_DUE, &r), 1);
	assert_string_equal(r.key, "evaluation_due:12:2027-02-01");
	f.last_evaluation_on = day("2027-02-10"); /* held: next one a year later */
	assert_int_equal(run(&s, &f, "2027-02-11", REMINDER_EVALUATION_DUE, NULL), 0);
	assert_int_equal(run(&s, &f, "2028-02-10", REMINDER_EVALUATION_DUE, &r), 1);
	assert_string_equal(r.key, "evaluation_due:12:2028-02-10");
	s.evaluation_months = 6;
	assert_int_equal(run(&s, &f, "2027-08-10", REMINDER_EVALUATION_DUE, NULL), 1);
	f.step = STEP_PAUSED;
	assert_int_equal(run(&s, &f, "2029-01-01", REMINDER_EVALUATION_DUE, NULL), 0);
}

static void inactive_after_three_months(void **state)
{
	(void)state;
	struct journey_settings s = settings(false);
	struct reminder r;
	struct reminder_facts f = facts(STEP_ACTIVE, "2026-02-01");
	f.last_activity_on = day("2026-04-15");
	assert_int_equal(run(&s, &f, "2026-07-14", REMINDER_INACTIVE, NULL), 0);
	assert_int_equal(run(&s, &f, "2026-07-15", REMINDER_INACTIVE, &r), 1);
	assert_string_equal(r.key, "inactive:12:2026-04-15");
	f.last_activity_on = -1; /* the step itself counts as activity */
	assert_int_equal(run(&s, &f, "2026-04-30", REMINDER_INACTIVE, NULL), 0);
	assert_int_equal(run(&s, &f, "2026-05-01", REMINDER_INACTIVE, NULL), 1);
	f.step = STEP_PAUSED; /* a pause is not inactivity */
	assert_int_equal(run(&s, &f, "2026-12-01", REMINDER_INACTIVE, NULL), 0);
}

static void volunteer_request_until_handled(void **state)
{
	(void)state;
	struct journey_settings s = settings(false);
	struct reminder r;
	struct reminder_facts f = facts(STEP_ACTIVE, "2026-02-01");
	f.last_activity_on = day("2026-03-01");
	assert_int_equal(run(&s, &f, "2026-03-02", REMINDER_REQUEST, NULL), 0);
	f.request_id = 77;
	f.request_kind = REQUEST_STOP;
	f.request_on = day("2026-03-02");
	assert_int_equal(run(&s, &f, "2026-03-02", REMINDER_REQUEST, &r), 1);
	assert_int_equal(r.ref_id, 77);
	assert_int_equal(r.request_kind, REQUEST_STOP);
	assert_string_equal(r.key, "request:77");
}

static void anniversaries_one_five_ten(void **state)
{
	(void)state;
	struct journey_settings s = settings(false);
	struct reminder r;
	struct reminder_facts f = facts(STEP_PAUSED, "2026-02-01"); /* paused: no other rules */
	f.started_on = day("2020-06-15");
	assert_int_equal(run(&s, &f, "2021-05-31", REMINDER_ANNIVERSARY, NULL), 0);
	assert_int_equal(run(&s, &f, "2021-06-01", REMINDER_ANNIVERSARY, &r), 1);
	assert_int_equal(r.years, 1);
	due(r.due_on, "2021-06-15");
	assert_string_equal(r.key, "anniversary:12:1");
	assert_int_equal(run(&s, &f, "2021-07-15", REMINDER_ANNIVERSARY, NULL), 1);
	assert_int_equal(run(&s, &f, "2021-07-16", REMINDER_ANNIVERSARY, NULL), 0);
	assert_int_equal(run(&s, &f, "2023-06-15", REMINDER_ANNIVERSARY, NULL), 0); /* 3 years */
	assert_int_equal(run(&s, &f, "2025-06-15", REMINDER_ANNIVERSARY, &r), 1);
	assert_int_equal(r.years, 5);
	assert_int_equal(run(&s, &f, "2030-06-20", REMINDER_ANNIVERSARY, &r), 1);
	assert_int_equal(r.years, 10);
	f.step = STEP_STOPPED;
	assert_int_equal(run(&s, &f, "2030-06-20", REMINDER_ANNIVERSARY, NULL), 0);
}

static void aftercare_two_to_three_weeks(void **state)
{
	(void)state;
	struct reminder r;
	struct aftercare_facts f = { 9, 34, 5, day("2026-04-01"), false };
	assert_false(reminder_for_aftercare(&f, day("2026-04-14"), &r));
	assert_true(reminder_for_aftercare(&f, day("2026-04-15"), &r));
	assert_int_equal(r.kind, REMINDER_AFTERCARE_DUE);
	assert_int_equal(r.ref_id, 9);
	assert_false(r.overdue);
	assert_string_equal(r.key, "aftercare:9");
	assert_true(reminder_for_aftercare(&f, day("2026-04-22"), &r));
	assert_false(r.overdue);
	assert_true(reminder_for_aftercare(&f, day("2026-04-23"), &r));
	assert_true(r.overdue);
	f.answered = true;
	assert_false(reminder_for_aftercare(&f, day("2026-04-23"), &r));
}

/* Nazorg may be answered from the day the question comes up: two weeks after
   the (last) start, at any hour of that start; any day when it is unknown. */
static void aftercare_answered_from_the_day_it_is_asked(void **state)
{
	(void)state;
	int64_t start = (int64_t)day("2026-04-01") * 86400 + 23 * 3600;
	assert_int_equal(reminder_aftercare_from(start), day("2026-04-15"));
	assert_int_equal(reminder_aftercare_from((int64_t)day("2026-04-01") * 86400),
	                 day("2026-04-15"));
	assert_int_equal(reminder_aftercare_from(0), -1);
}

static void final_steps_have_no_reminders(void **state)
{
	(void)state;
	struct journey_settings s = settings(true);
	struct reminder out[REMINDER_PER_JOURNEY_MAX];
	struct reminder_facts f = facts(STEP_STOPPED, "2026-02-01");
	f.request_id = 0;
	assert_int_equal(reminder_for_journey(&s, &f, day("2031-01-01"), out,
	                                      REMINDER_PER_JOURNEY_MAX), 0);
	f.step = STEP_SIGNED_UP; /* capacity is respected */
	assert_int_equal(reminder_for_journey(&s, &f, day("2027-01-01"), out, 0), 0);
}

static void names_round_trip(void **state)
{
	(void)state;
	for (int k = 0; k < REMINDER_KIND_COUNT; k++) {
		assert_int_equal(reminder_kind_parse(reminder_kind_name(k)), k);
		assert_true(strlen(reminder_kind_label(k, "nl")) > 0);
		assert_true(strlen(reminder_kind_label(k, "en")) > 0);
	}
	assert_int_equal(reminder_kind_parse("nope"), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(intake_due_after_n_days),
		cmocka_unit_test(vog_missing_after_grace),
		cmocka_unit_test(vog_expired_after_max_age),
		cmocka_unit_test(evaluation_due_yearly),
		cmocka_unit_test(inactive_after_three_months),
		cmocka_unit_test(volunteer_request_until_handled),
		cmocka_unit_test(anniversaries_one_five_ten),
		cmocka_unit_test(aftercare_two_to_three_weeks),
		cmocka_unit_test(aftercare_answered_from_the_day_it_is_asked),
		cmocka_unit_test(final_steps_have_no_reminders),
		cmocka_unit_test(names_round_trip),
	};
	return cmocka_run_group_tests_name("model_reminder", tests, NULL, NULL);
}
