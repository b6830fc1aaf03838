/* Tests for src/sync/jobs.c against a real SQLite file: the reminder job runs
   once per period for the whole network (a second server ticking within the
   period skips it), its run queues each reminder mail once, and with the
   test clock it queues nothing, since tests queue reminders themselves; a
   server that cannot do a job leaves it to one that can. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "db_fixture.h"
#include "sync/jobs.h"
#include "util/testclock.h"

static int64_t clock_at; /* the runners' clock, moved by the tests */

static int64_t test_now(void)
{
	return clock_at;
}

static const struct job *reminder_job(void)
{
	for (int i = 0; i < jobs_builtin_count; i++)
		if (strcmp(jobs_builtin[i].name, "reminders") == 0)
			return &jobs_builtin[i];
	fail_msg("no reminders job");
	return NULL;
}

/* An organisation with an e-mail address and a volunteer whose intake is
   due on 2026-03-15 (signed up 2026-03-01, intake within 14 days). */
static void intake_due(struct fixture *f)
{
	struct organisation o;
	struct journey j;
	struct kp_error err = { 0 };
	organisation_init(&o);
	o.network_id = f->network;
	snprintf(o.name, sizeof o.name, "Reis Dordrecht");
	snprintf(o.municipality, sizeof o.municipality, "Dordrecht");
	snprintf(o.email, sizeof o.email, "reis@example.nl");
	o.created_at = o.updated_at = f->now;
	assert_int_equal(store_organisation_insert(f->db, &o, &err), KP_OK);
	memset(&j, 0, sizeof j);
	j.volunteer_id = fixture_insert_volunteer(f, o.id, "Fatma", "Yilmaz", "Dordrecht");
	j.organisation_id = o.id;
	j.step = STEP_SIGNED_UP;
	snprintf(j.step_on, sizeof j.step_on, "2026-03-01");
	snprintf(j.started_on, sizeof j.started_on, "2026-03-01");
	j.created_at = j.updated_at = f->now;
	assert_int_equal(store_journey_insert(f->db, &j, 0, "", &err), KP_OK);
}

static int count_mail(void *ctx, const struct outbox_mail *m)
{
	int *n = ctx;
	assert_string_equal(m->recipient, "reis@example.nl");
	(*n)++;
	return 0;
}

static int pending_mails(struct fixture *f)
{
	struct page pg = { PAGE_MAX, 0 };
	struct kp_error err = { 0 };
	int64_t total = 0;
	int n = 0;
	assert_int_equal(store_outbox_list(f->db, OUTBOX_PENDING, 0, pg, count_mail, &n, &total, &err),
	                 KP_OK);
	return n;
}

static int tick(struct jobs *j)
{
	struct kp_error err = { 0 };
	int ran = -1;
	assert_int_equal(jobs_tick(j, &ran, &err), KP_OK);
	return ran;
}

static struct jobs *runner(struct fixture *f, const char *server)
{
	struct jobs *j = NULL;
	struct kp_error err = { 0 };
	assert_int_equal(jobs_open(f->path, reminder_job(), 1, server, 0, test_now, NULL, &j, &err),
	                 KP_OK);
	return j;
}

static void reminders_run_once_per_period_for_the_network(void **state)
{
	struct fixture *f = *state;
	struct kp_error err = { 0 };
	int64_t last = 0;
	unsetenv("KNOOPPUNT_NOW");
	intake_due(f);
	struct jobs *a = runner(f, "a:8080"), *b = runner(f, "b:8080");
	clock_at = testclock_parse("2026-03-14");
	assert_int_equal(tick(a), 1);
	assert_int_equal(pending_mails(f), 0); /* not due yet */
	clock_at += JOBS_REMINDERS_PERIOD_S / 2;
	assert_int_equal(tick(a), 0);
	assert_int_equal(tick(b), 0); /* the other server: already run this period */
	clock_at = testclock_parse("2026-03-15");
	assert_int_equal(tick(b), 1);
	assert_int_equal(pending_mails(f), 1);
	assert_int_equal(tick(a), 0);
	clock_at += JOBS_REMINDERS_PERIOD_S;
	assert_int_equal(tick(a), 1);
	assert_int_equal(pending_mails(f), 1); /* the same task mails once */
	assert_int_equal(store_job_last_run(f->db, "reminders", &last, &err), KP_OK);
	assert_int_equal(last, clock_at);
	jobs_close(a);
	jobs_close(b);
}

static void no_reminders_with_the_test_clock(void **state)
{
	struct fixture *f = *state;
	intake_due(f);
	setenv("KNOOPPUNT_NOW", "2026-03-15", 1);
	struct jobs *a = runner(f, "a:8080");
	clock_at = testclock_parse("2026-03-15");
	assert_int_equal(tick(a), 1);
	unsetenv("KNOOPPUNT_NOW");
	assert_int_equal(pending_mails(f), 0);
	jobs_close(a);
}

static bool able_flag;

static bool able(void *ctx)
{
	(void)ctx;
	return able_flag;
}

static int note(void *ctx, struct db *db, int64_t now, char *result, size_t cap,
                struct kp_error *err)
{
	(void)ctx;
	(void)db;
	(void)now;
	(void)err;
	snprintf(result, cap, "gedaan");
	return KP_OK;
}

/* A server that cannot do a job (sending without an SMTP server) neither
   runs it nor records a run for the network, so a server that can still
   runs it within the period. */
static void a_server_that_cannot_leaves_the_job_to_one_that_can(void **state)
{
	struct fixture *f = *state;
	static const struct job job = { "only_some", 0x6b6e6f6f70ffLL, 3600, note, NULL, able };
	struct kp_error err = { 0 };
	struct jobs *unable = NULL, *capable = NULL;
	int64_t last = 0;
	assert_int_equal(jobs_open(f->path, &job, 1, "a:8080", 0, test_now, NULL, &unable, &err),
	                 KP_OK);
	assert_int_equal(jobs_open(f->path, &job, 1, "b:8080", 0, test_now, NULL, &capable, &err),
	                 KP_OK);
	clock_at = testclock_parse("2026-03-14");
	able_flag = false;
	assert_int_equal(tick(unable), 0);
	assert_int_equal(store_job_last_run(f->db, "only_some", &last, &err), KP_OK);
	assert_int_equal(last, 0);
	able_flag = true;
	assert_int_equal(tick(capable), 1);
	assert_int_equal(store_job_last_run(f->db, "only_some", &last, &err), KP_OK);
	assert_int_equal(last, clock_at);
	jobs_close(unable);
	jobs_close(capable);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(reminders_run_once_per_period_for_the_network,
		                                fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(a_server_that_cannot_leaves_the_job_to_one_that_can,
		                                fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(no_reminders_with_the_test_clock, fixture_setup,
		                                fixture_teardown),
	};
	return cmocka_run_group_tests_name("sync_jobs", tests, NULL, NULL);
}
