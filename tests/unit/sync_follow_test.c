/* Tests for src/sync/follow.c against a real SQLite file: each change is
   handed to the hook once, in order, and a hook reads the database as it
   is when the hook runs, not as it was when the poll read the log; a
   refresh made in between must not be undone by an older picture. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "db_fixture.h"
#include "sync/follow.h"

struct seen {
	struct fixture *f;
	int64_t ids[8];
	int64_t changes_counted[8]; /* rows in `changes` as the hook saw them */
	int n;
};

static int64_t count_changes(struct db *db)
{
	struct db_stmt *st;
	struct kp_error err = { 0 };
	int64_t n = -1;
	assert_int_equal(db_prepare(db, "SELECT COUNT(*) FROM changes", &st, &err), KP_OK);
	assert_int_equal(db_query_int(st, &n, &err), KP_OK);
	db_finalize(st);
	return n;
}

/* On the first change, another connection commits a third one before the
   hook looks. */
static void hook(void *ctx, struct db *db, const struct change_entry *c)
{
	struct seen *s = ctx;
	struct kp_error err = { 0 };
	if (s->n == 0)
		assert_int_equal(store_change_record(s->f->db, CHANGE_VOLUNTEER, 3, 0, s->f->now, &err),
		                 KP_OK);
	s->ids[s->n] = c->ref_id;
	s->changes_counted[s->n++] = count_changes(db);
}

static void hook_reads_the_database_as_it_is_now(void **state)
{
	struct fixture *f = *state;
	struct seen s = { .f = f };
	struct follow *fl = NULL;
	struct kp_error err = { 0 };
	int64_t before = count_changes(f->db); /* the fixture's organisations */
	assert_int_equal(follow_open(f->path, hook, &s, &fl, &err), KP_OK);
	assert_int_equal(store_change_record(f->db, CHANGE_VOLUNTEER, 1, 0, f->now, &err), KP_OK);
	assert_int_equal(store_change_record(f->db, CHANGE_VOLUNTEER, 2, 0, f->now, &err), KP_OK);
	assert_int_equal(follow_poll(fl, &err), KP_OK);
	assert_int_equal(s.n, 2);
	assert_int_equal(s.ids[0], 1);
	assert_int_equal(s.ids[1], 2);
	/* Written while the poll ran, and seen by the hook at once. */
	assert_int_equal(s.changes_counted[0], before + 3);
	assert_int_equal(s.changes_counted[1], before + 3);
	/* The next poll brings the third change, once. */
	assert_int_equal(follow_poll(fl, &err), KP_OK);
	assert_int_equal(s.n, 3);
	assert_int_equal(s.ids[2], 3);
	assert_int_equal(follow_poll(fl, &err), KP_OK);
	assert_int_equal(s.n, 3);
	follow_close(fl);
}

/* follow_sync has the running thread read the log at once: a change written
   just before it has reached the hook when it returns, well before the
   thread's interval of 10 s would have brought it. */
static void sync_reads_the_log_at_once(void **state)
{
	struct fixture *f = *state;
	struct seen s = { .f = f, .n = 1 }; /* n > 0: the hook writes nothing */
	struct follow *fl = NULL;
	struct kp_error err = { 0 };
	assert_int_equal(follow_open(f->path, hook, &s, &fl, &err), KP_OK);
	assert_false(follow_sync(fl, 100)); /* not running yet */
	assert_int_equal(follow_start(fl, 10000, &err), KP_OK);
	assert_true(follow_sync(fl, 5000)); /* past the thread's first poll */
	int before = s.n;
	assert_int_equal(store_change_record(f->db, CHANGE_VOLUNTEER, 7, 0, f->now, &err), KP_OK);
	assert_true(follow_sync(fl, 5000));
	assert_int_equal(s.n, before + 1);
	assert_int_equal(s.ids[before], 7);
	follow_close(fl);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(hook_reads_the_database_as_it_is_now, fixture_setup,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(sync_reads_the_log_at_once, fixture_setup,
		                                fixture_teardown),
	};
	return cmocka_run_group_tests_name("sync_follow", tests, NULL, NULL);
}
