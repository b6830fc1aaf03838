/* Tests for src/db/journey.c, src/db/outbox.c and src/db/transfers.c against a
   real SQLite file: settings defaults and upsert, a journey with its steps,
   the stale-step guard (409 changed_meanwhile), requests closed by the step
   that answers them, the exit interview of the current step only, the
   facts the reminder rules read, outbox de-duplication, and the transfer
   list that hides an unconsented transfer from the receiver. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "db_fixture.h"
#include "util/parse.h"

static int64_t new_journey(struct fixture *f, int64_t vol, int64_t org, struct journey *j)
{
	struct kp_error err = { 0 };
	memset(j, 0, sizeof *j);
	j->volunteer_id = vol;
	j->organisation_id = org;
	j->step = STEP_SIGNED_UP;
	snprintf(j->step_on, sizeof j->step_on, "2026-03-01");
	snprintf(j->started_on, sizeof j->started_on, "2026-03-01");
	j->created_at = j->updated_at = f->now;
	if (store_journey_insert(f->db, j, 0, "aangemeld via de website", &err) != KP_OK)
		fail_msg("journey insert: %s %s", err.code, err.detail);
	return j->id;
}

static void settings_default_and_upsert(void **state)
{
	struct fixture *f = *state;
	struct journey_settings s;
	struct kp_error err = { 0 };
	assert_int_equal(store_journey_settings_get(f->db, f->org, &s, &err), KP_OK);
	assert_false(s.requires_vog);
	assert_true(s.requires_training);
	assert_int_equal(s.intake_days, 14);
	assert_int_equal(s.vog_max_age_months, 36); /* from the organisation */
	s.requires_vog = true;
	s.intake_days = 7;
	assert_int_equal(store_journey_settings_put(f->db, &s, f->now, &err), KP_OK);
	s.evaluation_months = 6;
	assert_int_equal(store_journey_settings_put(f->db, &s, f->now, &err), KP_OK);
	struct journey_settings back;
	assert_int_equal(store_journey_settings_get(f->db, f->org, &back, &err), KP_OK);
	assert_true(back.requires_vog);
	assert_int_equal(back.intake_days, 7);
	assert_int_equal(back.evaluation_months, 6);
	assert_int_equal(store_journey_settings_get(f->db, 999999, &back, &err), KP_ERR);
	assert_int_equal(err.kind, KP_NOT_FOUND);
}

static int count_step(void *ctx, const struct journey_step_row *r)
{
	int *n = ctx;
	(*n)++;
	assert_true(r->step >= 0);
	return 0;
}

static int count_journey(void *ctx, const struct journey *j)
{
	int *n = ctx;
	(*n)++;
	assert_true(j->id > 0);
	return 0;
}

static void steps_and_stale_guard(void **state)
{
	struct fixture *f = *state;
	struct kp_error err = { 0 };
	struct journey j, stale;
	int64_t vol = fixture_insert_volunteer(f, f->org, "Fatma", "Yilmaz", "Dordrecht");
	new_journey(f, vol, f->org, &j);
	assert_int_equal(store_journey_insert(f->db, &j, 0, "", &err), KP_ERR);
	assert_int_equal(err.kind, KP_CONFLICT);
	assert_string_equal(err.code, "journey_exists");
	stale = j;
	assert_int_equal(store_journey_step(f->db, &j, STEP_INTAKE, "2026-03-05", 0, "goed",
	                                    f->now, &err), KP_OK);
	assert_int_equal(j.step, STEP_INTAKE);
	assert_int_equal(store_journey_step(f->db, &stale, STEP_STOPPED, "2026-03-05", 0, "",
	                                    f->now, &err), KP_ERR);
	assert_int_equal(err.kind, KP_CONFLICT);
	assert_string_equal(err.code, "changed_meanwhile");
	int n = 0;
	assert_int_equal(store_journey_steps(f->db, j.id, count_step, &n, &err), KP_OK);
	assert_int_equal(n, 2);
	struct journey back;
	assert_int_equal(store_journey_find(f->db, vol, f->org, &back, &err), KP_OK);
	assert_int_equal(back.step, STEP_INTAKE);
	assert_string_equal(back.step_on, "2026-03-05");
	assert_int_equal(store_journey_find(f->db, vol, f->org2, &back, &err), KP_ERR);
	assert_int_equal(err.kind, KP_NOT_FOUND);
	n = 0;
	assert_int_equal(store_journey_each(f->db, count_journey, &n, &err), KP_OK);
	assert_int_equal(n, 1);
}

static int open_requests(void *ctx, const struct journey_request *r)
{
	int *n = ctx;
	*n += r->handled_at == 0;
	return 0;
}

static void requests_closed_by_answering_step(void **state)
{
	struct fixture *f = *state;
	struct kp_error err = { 0 };
	struct journey j;
	int64_t vol = fixture_insert_volunteer(f, f->org, "Kees", "Jansen", "Dordrecht");
	new_journey(f, vol, f->org, &j);
	struct journey_request pause = { .journey_id = j.id, .kind = REQUEST_PAUSE,
	                                 .created_at = f->now };
	struct journey_request stop = { .journey_id = j.id, .kind = REQUEST_STOP,
	                                .created_at = f->now };
	assert_int_equal(store_journey_request_insert(f->db, &pause, &err), KP_OK);
	assert_int_equal(store_journey_request_insert(f->db, &stop, &err), KP_OK);
	int n = 0;
	assert_int_equal(store_journey_requests(f->db, j.id, open_requests, &n, &err), KP_OK);
	assert_int_equal(n, 2);
	/* intake answers neither; exit_interview answers both */
	assert_int_equal(store_journey_step(f->db, &j, STEP_INTAKE, "2026-03-02", 0, "", f->now,
	                                    &err), KP_OK);
	n = 0;
	store_journey_requests(f->db, j.id, open_requests, &n, &err);
	assert_int_equal(n, 2);
	assert_int_equal(store_journey_step(f->db, &j, STEP_EXIT_INTERVIEW, "2026-03-03", 0, "",
	                                    f->now, &err), KP_OK);
	n = 0;
	store_journey_requests(f->db, j.id, open_requests, &n, &err);
	assert_int_equal(n, 0);
}

static void exit_interview_belongs_to_its_step(void **state)
{
	struct fixture *f = *state;
	struct kp_error err = { 0 };
	struct journey j;
	int outcome = 99;
	int64_t vol = fixture_insert_volunteer(f, f->org, "Els", "de Boer", "Dordrecht");
	new_journey(f, vol, f->org, &j);
	assert_int_equal(store_journey_step(f->db, &j, STEP_EXIT_INTERVIEW, "2026-03-02", 0, "",
	                                    f->now, &err), KP_OK);
	assert_int_equal(store_exit_interview_outcome(f->db, j.id, &outcome, &err), KP_OK);
	assert_int_equal(outcome, -1);
	struct exit_interview e = { .journey_id = j.id, .reason = EXIT_TIME,
	                            .outcome = OUTCOME_PAUSE, .created_at = f->now };
	snprintf(e.held_on, sizeof e.held_on, "2026-03-02");
	assert_int_equal(store_exit_interview_insert(f->db, &e, &err), KP_OK);
	assert_int_equal(store_exit_interview_outcome(f->db, j.id, &outcome, &err), KP_OK);
	assert_int_equal(outcome, OUTCOME_PAUSE);
	assert_int_equal(store_journey_step(f->db, &j, STEP_PAUSED, "2026-03-02", 0, "", f->now,
	                                    &err), KP_OK);
	assert_int_equal(store_journey_step(f->db, &j, STEP_EXIT_INTERVIEW, "2026-04-01", 0, "",
	                                    f->now, &err), KP_OK);
	assert_int_equal(store_exit_interview_outcome(f->db, j.id, &outcome, &err), KP_OK);
	assert_int_equal(outcome, -1); /* the earlier interview was for the earlier step */
}

struct seen_facts {
	int n;
	struct reminder_facts f;
	struct journey_settings s;
	char name[128];
};

static int take_facts(void *ctx, const struct journey_settings *s,
                      const struct reminder_facts *f, const char *name)
{
	struct seen_facts *seen = ctx;
	seen->n++;
	seen->f = *f;
	seen->s = *s;
	snprintf(seen->name, sizeof seen->name, "%s", name);
	return 0;
}

static void reminder_facts_of_open_journeys(void **state)
{
	struct fixture *f = *state;
	struct kp_error err = { 0 };
	struct journey j;
	int64_t vol = fixture_insert_volunteer(f, f->org, "Ria", "Bos", "Dordrecht");
	new_journey(f, vol, f->org, &j);
	assert_int_equal(store_volunteer_set_vog(f->db, vol, "2026-01-10", f->now, &err), KP_OK);
	assert_int_equal(store_journey_step(f->db, &j, STEP_INTAKE, "2026-03-02", 0, "", f->now,
	                                    &err), KP_OK);
	assert_int_equal(store_journey_step(f->db, &j, STEP_FIRST_DEPLOYMENT, "2026-03-10", 0, "",
	                                    f->now, &err), KP_OK);
	assert_int_equal(store_journey_step(f->db, &j, STEP_EVALUATION, "2026-09-10", 0, "",
	                                    f->now, &err), KP_OK);
	struct journey_request r = { .journey_id = j.id, .kind = REQUEST_PAUSE,
	                             .created_at = f->now };
	assert_int_equal(store_journey_request_insert(f->db, &r, &err), KP_OK);
	struct seen_facts seen = { 0 };
	assert_int_equal(store_reminder_facts(f->db, f->org, take_facts, &seen, &err), KP_OK);
	assert_int_equal(seen.n, 1);
	assert_int_equal(seen.f.journey_id, j.id);
	assert_int_equal(seen.f.step, STEP_EVALUATION);
	assert_int_equal(seen.f.started_on, parse_date_days("2026-03-01"));
	assert_int_equal(seen.f.vog_on, parse_date_days("2026-01-10"));
	assert_int_equal(seen.f.deployed_on, parse_date_days("2026-03-10"));
	assert_int_equal(seen.f.last_evaluation_on, parse_date_days("2026-09-10"));
	assert_int_equal(seen.f.request_id, r.id);
	assert_int_equal(seen.f.request_kind, REQUEST_PAUSE);
	assert_string_equal(seen.name, "Ria Bos");
	seen.n = 0;
	assert_int_equal(store_reminder_facts(f->db, f->org2, take_facts, &seen, &err), KP_OK);
	assert_int_equal(seen.n, 0);
	assert_int_equal(store_journey_step(f->db, &j, STEP_EXIT_INTERVIEW, "2026-09-11", 0, "",
	                                    f->now, &err), KP_OK);
	struct exit_interview e = { .journey_id = j.id, .reason = EXIT_MOVED,
	                            .outcome = OUTCOME_STOPS, .created_at = f->now };
	snprintf(e.held_on, sizeof e.held_on, "2026-09-11");
	assert_int_equal(store_exit_interview_insert(f->db, &e, &err), KP_OK);
	assert_int_equal(store_journey_step(f->db, &j, STEP_STOPPED, "2026-09-11", 0, "", f->now,
	                                    &err), KP_OK);
	seen.n = 0; /* a final journey has no facts */
	assert_int_equal(store_reminder_facts(f->db, 0, take_facts, &seen, &err), KP_OK);
	assert_int_equal(seen.n, 0);
}

static int count_mail(void *ctx, const struct outbox_mail *m)
{
	(void)m;
	(*(int *)ctx)++;
	return 0;
}

static void outbox_sends_a_key_once_per_recipient(void **state)
{
	struct fixture *f = *state;
	struct kp_error err = { 0 };
	struct outbox_mail *m = calloc(1, sizeof *m);
	bool added = false;
	int64_t total = 0;
	assert_non_null(m);
	snprintf(m->recipient, sizeof m->recipient, "coordinator@test.nl");
	snprintf(m->subject, sizeof m->subject, "Intakegesprek");
	snprintf(m->body, sizeof m->body, "Tekst");
	snprintf(m->dedupe_key, sizeof m->dedupe_key, "intake_due:1");
	m->organisation_id = f->org;
	m->created_at = f->now;
	assert_int_equal(store_outbox_add(f->db, m, &added, &err), KP_OK);
	assert_true(added);
	assert_int_equal(store_outbox_add(f->db, m, &added, &err), KP_OK);
	assert_false(added);
	snprintf(m->recipient, sizeof m->recipient, "tweede@test.nl");
	assert_int_equal(store_outbox_add(f->db, m, &added, &err), KP_OK);
	assert_true(added);
	struct page pg = { 50, 0 };
	int n = 0;
	assert_int_equal(store_outbox_list(f->db, OUTBOX_PENDING, f->org, pg, count_mail, &n,
	                                   &total, &err), KP_OK);
	assert_int_equal(total, 2);
	assert_int_equal(store_outbox_list(f->db, OUTBOX_PENDING, f->org2, pg, count_mail, &n,
	                                   &total, &err), KP_OK);
	assert_int_equal(total, 0);
	free(m);
}

static int count_transfer(void *ctx, const struct transfer *t)
{
	(void)t;
	(*(int *)ctx)++;
	return 0;
}

static void receiver_sees_transfer_only_after_consent(void **state)
{
	struct fixture *f = *state;
	struct kp_error err = { 0 };
	struct transfer *t = calloc(1, sizeof *t);
	struct page pg = { 50, 0 };
	int64_t total = 0;
	int n = 0;
	assert_non_null(t);
	t->volunteer_id = fixture_insert_volunteer(f, f->org, "Joop", "Smit", "Dordrecht");
	t->from_organisation = f->org;
	t->to_organisation = f->org2;
	t->status = TRANSFER_AWAITING_CONSENT;
	t->shared_parts = 1u << PART_CONTACT;
	t->created_at = t->updated_at = f->now;
	assert_int_equal(store_transfer_insert(f->db, t, &err), KP_OK);
	assert_int_equal(store_transfer_list(f->db, f->org, 0, -1, pg, count_transfer, &n, &total,
	                                     &err), KP_OK);
	assert_int_equal(total, 1);
	assert_int_equal(store_transfer_list(f->db, f->org2, 0, -1, pg, count_transfer, &n, &total,
	                                     &err), KP_OK);
	assert_int_equal(total, 0);
	t->status = TRANSFER_OFFERED;
	t->consent_at = f->now;
	assert_int_equal(store_transfer_update(f->db, t, TRANSFER_AWAITING_CONSENT, &err), KP_OK);
	assert_int_equal(store_transfer_list(f->db, f->org2, 0, TRANSFER_OFFERED, pg, count_transfer,
	                                     &n, &total, &err), KP_OK);
	assert_int_equal(total, 1);
	/* A decision against a status that moved on loses. */
	t->status = TRANSFER_ACCEPTED;
	assert_int_equal(store_transfer_update(f->db, t, TRANSFER_AWAITING_CONSENT, &err), KP_ERR);
	assert_int_equal(err.kind, KP_CONFLICT);
	struct transfer back;
	assert_int_equal(store_transfer_get(f->db, t->id, &back, &err), KP_OK);
	assert_int_equal(back.status, TRANSFER_OFFERED);
	assert_int_equal(back.shared_parts, 1u << PART_CONTACT);
	free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(settings_default_and_upsert, fixture_setup,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(steps_and_stale_guard, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(requests_closed_by_answering_step, fixture_setup,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(exit_interview_belongs_to_its_step, fixture_setup,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(reminder_facts_of_open_journeys, fixture_setup,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(outbox_sends_a_key_once_per_recipient, fixture_setup,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(receiver_sees_transfer_only_after_consent,
		                                fixture_setup, fixture_teardown),
	};
	return cmocka_run_group_tests_name("db_journey", tests, NULL, NULL);
}
