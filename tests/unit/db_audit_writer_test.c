/* Tests for src/db/audit_writer.c against a real SQLite file: rows from
   many threads at once all arrive, share transactions (fewer commits than
   rows), and each append returns only once its rows are readable by another
   connection, i.e. committed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdatomic.h>
#include <unistd.h>

#include "db_fixture.h"
#include "db/audit_writer.h"

#define THREADS 16
#define PER_THREAD 50

struct appender {
	struct audit_writer *w;
	const char *path;
	int64_t volunteer;     /* this thread's rows are about this id */
	int failures;          /* appends that failed or were not readable after */
};

static int64_t rows_about(struct db *db, int64_t volunteer)
{
	struct db_stmt *st;
	struct kp_error err = { 0 };
	int64_t n = -1;
	if (db_prepare(db, "SELECT COUNT(*) FROM audit_log WHERE volunteer_id = ?", &st, &err))
		return -1;
	db_bind_int(st, 1, volunteer);
	if (db_query_int(st, &n, &err))
		n = -1;
	db_finalize(st);
	return n;
}

static void *append_many(void *arg)
{
	struct appender *a = arg;
	struct db *reader = NULL;
	struct kp_error err = { 0 };
	if (db_open(a->path, &reader, &err)) {
		a->failures = PER_THREAD;
		return NULL;
	}
	for (int i = 0; i < PER_THREAD; i++) {
		struct audit_entry e[2] = { 0 };
		for (int k = 0; k < 2; k++) {
			e[k].at = 1764547200 + i;
			e[k].role = ROLE_ADMIN;
			e[k].volunteer_id = a->volunteer;
			e[k].record_id = a->volunteer;
			snprintf(e[k].action, sizeof e[k].action, "view");
			snprintf(e[k].resource, sizeof e[k].resource, k ? "experience" : "volunteer");
		}
		if (audit_writer_append(a->w, e, 2, &err) != KP_OK ||
		    rows_about(reader, a->volunteer) != 2 * (i + 1))
			a->failures++;
	}
	db_close(reader);
	return NULL;
}

static void concurrent_appends_share_commits(void **state)
{
	struct fixture *f = *state;
	struct audit_writer *w = NULL;
	struct kp_error err = { 0 };
	assert_int_equal(audit_writer_open(f->path, &w, &err), KP_OK);
	pthread_t t[THREADS];
	struct appender a[THREADS];
	int64_t org = fixture_org(f, "Audit Dordrecht", "Dordrecht");
	for (int i = 0; i < THREADS; i++) {
		a[i] = (struct appender){ w, f->path, fixture_insert_volunteer(f, org, "Kees", "Bakker",
		                                                               "Dordrecht"), 0 };
		assert_int_equal(pthread_create(&t[i], NULL, append_many, &a[i]), 0);
	}
	for (int i = 0; i < THREADS; i++) {
		pthread_join(t[i], NULL);
		assert_int_equal(a[i].failures, 0);
		assert_int_equal(rows_about(f->db, a[i].volunteer), 2 * PER_THREAD);
	}
	long long rows = 0, commits = 0;
	audit_writer_stats(w, &rows, &commits);
	print_message("# %lld rows in %lld commits\n", rows, commits);
	assert_int_equal(rows, 2LL * THREADS * PER_THREAD);
	assert_true(commits < rows / 2); /* the two rows of one append share a commit, and more */
	audit_writer_close(w);
}

/* What the done function of a ticket saw. */
struct verdict {
	const char *path;
	int64_t volunteer;
	atomic_int calls;
	atomic_bool ok;
	atomic_llong rows;       /* readable by another connection when it ran */
};

static void on_done(void *arg, bool ok)
{
	struct verdict *v = arg;
	struct db *reader = NULL;
	struct kp_error err = { 0 };
	if (db_open(v->path, &reader, &err) == KP_OK) {
		atomic_store(&v->rows, rows_about(reader, v->volunteer));
		db_close(reader);
	}
	atomic_store(&v->ok, ok);
	atomic_fetch_add(&v->calls, 1);
}

/* Entries submitted without waiting, in two submits under one ticket: the
   done function runs once, after both are committed. */
static void submits_settle_their_ticket_once_committed(void **state)
{
	struct fixture *f = *state;
	struct audit_writer *w = NULL;
	struct audit_ticket *t = NULL;
	struct kp_error err = { 0 };
	assert_int_equal(audit_writer_open(f->path, &w, &err), KP_OK);
	int64_t org = fixture_org(f, "Audit Zwijndrecht", "Zwijndrecht");
	struct verdict v = { .path = f->path,
	                     .volunteer = fixture_insert_volunteer(f, org, "Anna", "Smit",
	                                                           "Zwijndrecht") };
	struct audit_entry e[3] = { 0 };
	for (int k = 0; k < 3; k++) {
		e[k].at = 1764547200;
		e[k].role = ROLE_ADMIN;
		e[k].volunteer_id = v.volunteer;
		snprintf(e[k].action, sizeof e[k].action, "view");
		snprintf(e[k].resource, sizeof e[k].resource, "volunteer");
	}
	assert_int_equal(audit_writer_submit(w, e, 2, &t, &err), KP_OK);
	assert_non_null(t);
	assert_int_equal(audit_writer_submit(w, e + 2, 1, &t, &err), KP_OK);
	audit_ticket_wait(t, on_done, &v);
	for (int ms = 0; atomic_load(&v.calls) == 0 && ms < 5000; ms++)
		usleep(1000);
	audit_writer_close(w); /* the writer has finished: no later call */
	assert_int_equal(atomic_load(&v.calls), 1);
	assert_true(atomic_load(&v.ok));
	assert_int_equal(atomic_load(&v.rows), 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(submits_settle_their_ticket_once_committed,
		                                fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(concurrent_appends_share_commits, fixture_setup,
		                                fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
