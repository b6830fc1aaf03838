/* Tests for src/service/journey.c against a real SQLite file, without HTTP:
   a journey started and moved by its coordinator, a step refused to another
   organisation's coordinator with nothing written, the deployment gate, and
   a settings edit that changes only the fields it names. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "db_fixture.h"
#include "service/journey.h"

static int64_t clock_at;

static int64_t test_now(void)
{
	return clock_at;
}

static struct app test_app(struct fixture *f)
{
	clock_at = f->now;
	return (struct app){ .now = test_now };
}

static struct principal coordinator_of(int64_t org)
{
	return (struct principal){ .account_id = 0, .role = ROLE_COORDINATOR,
	                           .organisation_id = org };
}

/* A journey of a new volunteer of f->org, started by its coordinator. */
static struct journey started(struct fixture *f, struct app *app)
{
	struct principal who = coordinator_of(f->org);
	struct journey_start *in = calloc(1, sizeof *in);
	struct kp_error err = { 0 };
	assert_non_null(in);
	in->volunteer_id = fixture_insert_volunteer(f, f->org, "Noor", "Bakker", "Dordrecht");
	snprintf(in->on, sizeof in->on, "2026-11-01");
	assert_int_equal(journey_create(app, f->db, &who, in, &err), KP_OK);
	struct journey j = in->out;
	free(in);
	return j;
}

static void test_start_and_step(void **state)
{
	struct fixture *f = *state;
	struct app app = test_app(f);
	struct principal who = coordinator_of(f->org);
	struct kp_error err = { 0 };
	struct journey j = started(f, &app);
	assert_true(j.id > 0);
	assert_int_equal(j.organisation_id, f->org);
	assert_int_equal(j.step, STEP_SIGNED_UP);
	struct journey_move m = { .id = j.id, .to = STEP_INTAKE };
	snprintf(m.on, sizeof m.on, "2026-11-05");
	assert_int_equal(journey_step_add(&app, f->db, &who, &m, &err), KP_OK);
	assert_int_equal(m.out.step, STEP_INTAKE);
	assert_string_equal(m.out.step_on, "2026-11-05");
}

static void test_step_of_another_organisation_is_forbidden(void **state)
{
	struct fixture *f = *state;
	struct app app = test_app(f);
	struct principal other = coordinator_of(f->org2);
	struct kp_error err = { 0 };
	struct journey j = started(f, &app), now;
	struct journey_move m = { .id = j.id, .to = STEP_INTAKE };
	snprintf(m.on, sizeof m.on, "2026-11-05");
	assert_int_equal(journey_step_add(&app, f->db, &other, &m, &err), KP_ERR);
	assert_int_equal(err.kind, KP_FORBIDDEN);
	err = (struct kp_error){ 0 };
	assert_int_equal(store_journey_get(f->db, j.id, &now, &err), KP_OK);
	assert_int_equal(now.step, STEP_SIGNED_UP);
}

static void test_gate_needs_a_deployable_journey(void **state)
{
	struct fixture *f = *state;
	struct app app = test_app(f);
	struct principal who = coordinator_of(f->org);
	struct kp_error err = { 0 };
	struct journey j = started(f, &app);
	struct volunteer *v = malloc(sizeof *v);
	struct call *c = malloc(sizeof *c);
	assert_non_null(v);
	assert_non_null(c);
	assert_int_equal(store_volunteer_get(f->db, j.volunteer_id, false, v, &err), KP_OK);
	fixture_call(f, c, f->org, "Wandelen in het park");
	struct svc s = { .app = &app, .db = f->db, .who = &who, .now = f->now, .err = &err };
	assert_int_equal(journey_check_deployable_for(&s, v, c), KP_ERR);
	assert_int_equal(err.kind, KP_CONFLICT);
	assert_string_equal(err.code, "journey_not_ready");
	assert_string_equal(err.field, "volunteer_id");
	free(v);
	free(c);
}

static void test_settings_edit_changes_only_named_fields(void **state)
{
	struct fixture *f = *state;
	struct app app = test_app(f);
	struct principal who = coordinator_of(f->org);
	struct kp_error err = { 0 };
	struct journey_settings_edit vog = { .organisation_id = f->org,
	                                     .given = SETTING_REQUIRES_VOG };
	vog.patch.requires_vog = true;
	assert_int_equal(journey_settings_set(&app, f->db, &who, &vog, &err), KP_OK);
	struct journey_settings_edit intake = { .organisation_id = f->org,
	                                        .given = SETTING_INTAKE_DAYS };
	intake.patch.intake_days = 21;
	assert_int_equal(journey_settings_set(&app, f->db, &who, &intake, &err), KP_OK);
	struct journey_settings now;
	assert_int_equal(journey_settings_get(&app, f->db, &who, f->org, &now, &err), KP_OK);
	assert_true(now.requires_vog);
	assert_int_equal(now.intake_days, 21);
	struct principal other = coordinator_of(f->org2);
	assert_int_equal(journey_settings_set(&app, f->db, &other, &intake, &err), KP_ERR);
	assert_int_equal(err.kind, KP_FORBIDDEN);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_start_and_step, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_step_of_another_organisation_is_forbidden,
		                                fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_gate_needs_a_deployable_journey, fixture_setup,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_settings_edit_changes_only_named_fields,
		                                fixture_setup, fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
