/* Tests for src/db/pool.c: connections handed to several threads at once,
   never the same one to two threads, every write arriving. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>

#include "db_fixture.h"

enum { POOL_SIZE = 3, THREADS = 6, ROUNDS = 40 };

struct shared {
	struct db_pool *pool;
	pthread_mutex_t lock;
	struct db *in_use[THREADS];   /* connection each thread holds, NULL when none */
	int double_handout;
	int failures;
	int max_concurrent;
	int concurrent;
};

struct worker {
	struct shared *s;
	int index;
};

static void *work(void *p)
{
	struct worker *w = p;
	struct shared *s = w->s;
	for (int r = 0; r < ROUNDS; r++) {
		struct db *db = db_pool_acquire(s->pool);
		pthread_mutex_lock(&s->lock);
		for (int i = 0; i < THREADS; i++)
			if (s->in_use[i] == db)
				s->double_handout++;
		s->in_use[w->index] = db;
		if (++s->concurrent > s->max_concurrent)
			s->max_concurrent = s->concurrent;
		pthread_mutex_unlock(&s->lock);

		struct kp_error err = { 0 };
		struct db_stmt *st;
		char sql[128];
		snprintf(sql, sizeof sql, "INSERT INTO networks (name, region, created_at) "
		         "VALUES ('t%d-%d', '', 0)", w->index, r);
		if (db_begin(db, &err) || db_exec(db, sql, &err) || db_commit(db, &err)) {
			db_rollback(db);
			pthread_mutex_lock(&s->lock);
			s->failures++;
			pthread_mutex_unlock(&s->lock);
		}
		/* a half-finished transaction is rolled back by release */
		if (r % 10 == 0 && db_begin(db, &err) == KP_OK &&
		    db_prepare(db, "INSERT INTO networks (name, region, created_at) "
		                   "VALUES ('abandoned', '', 0)", &st, &err) == KP_OK) {
			db_step(st, &err);
			db_finalize(st);
		}

		pthread_mutex_lock(&s->lock);
		s->in_use[w->index] = NULL;
		s->concurrent--;
		pthread_mutex_unlock(&s->lock);
		db_pool_release(s->pool, db);
	}
	return NULL;
}

static void threads_share_the_pool(void **state)
{
	struct fixture *f = *state;
	struct kp_error err = { 0 };
	struct shared s = { 0 };
	pthread_mutex_init(&s.lock, NULL);
	assert_int_equal(db_pool_open(f->path, POOL_SIZE, &s.pool, &err), KP_OK);
	pthread_t t[THREADS];
	struct worker w[THREADS];
	for (int i = 0; i < THREADS; i++) {
		w[i] = (struct worker){ &s, i };
		assert_int_equal(pthread_create(&t[i], NULL, work, &w[i]), 0);
	}
	for (int i = 0; i < THREADS; i++)
		pthread_join(t[i], NULL);
	assert_int_equal(s.double_handout, 0);
	assert_int_equal(s.failures, 0);
	assert_true(s.max_concurrent <= POOL_SIZE);
	assert_true(s.max_concurrent >= 1);

	struct db *db = db_pool_acquire(s.pool);
	struct db_stmt *st;
	int64_t n = -1;
	assert_int_equal(db_prepare(db, "SELECT COUNT(*) FROM networks WHERE name LIKE 't%'", &st,
	                            &err), KP_OK);
	assert_int_equal(db_query_int(st, &n, &err), KP_OK);
	db_finalize(st);
	assert_int_equal(n, THREADS * ROUNDS);
	assert_int_equal(db_prepare(db, "SELECT COUNT(*) FROM networks WHERE name = 'abandoned'",
	                            &st, &err), KP_OK);
	assert_int_equal(db_query_int(st, &n, &err), KP_OK);
	db_finalize(st);
	assert_int_equal(n, 0);
	db_pool_release(s.pool, db);
	db_pool_close(s.pool);
	pthread_mutex_destroy(&s.lock);
}

static void open_failure_cleans_up(void **state)
{
	(void)state;
	struct kp_error err = { 0 };
	struct db_pool *pool = NULL;
	assert_int_equal(db_pool_open("/nonexistent-dir/x/knooppunt.db", 2, &pool, &err), KP_ERR);
	assert_null(pool);
	assert_true(err.kind != KP_NONE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(threads_share_the_pool, fixture_setup, fixture_teardown),
		cmocka_unit_test(open_failure_cleans_up),
	};
	return cmocka_run_group_tests_name("db_pool", tests, NULL, NULL);
}
