/*
 * Databases for tests that run on both backends: a fresh SQLite file in a
 * temporary directory, and fresh databases on one throwaway PostgreSQL
 * cluster started with scripts/pg-test-cluster (KNOOPPUNT_SRC names the
 * source tree) and stopped by test_pg_stop.
 */
#ifndef KP_TESTS_DB_TEST_SUPPORT_H
#define KP_TESTS_DB_TEST_SUPPORT_H

#include <stdbool.h>
#include <stddef.h>

/* A path for a new SQLite file; static storage, valid until the next call. */
const char *test_sqlite_path(const char *name);

/* True when the PostgreSQL server binaries are installed. */
bool test_pg_available(void);

/* Starts the cluster on first use and creates a new empty database in it;
   writes its URL into url. Returns 0, or -1 after printing why. */
int test_pg_url(char *url, size_t cap);

/* Stops the cluster (when one was started) and removes its directory. */
void test_pg_stop(void);

#endif
