/* Tests for src/auth/ratelimit.c: failures per key within a window. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <sodium.h>
#include <stdio.h>

#include "auth/ratelimit.h"

static void fifth_failure_blocks_until_the_window_passes(void **state)
{
	(void)state;
	struct ratelimit *rl = ratelimit_new(5, 900, 16);
	assert_non_null(rl);
	for (int i = 0; i < 5; i++) {
		assert_true(ratelimit_allowed(rl, "account:a@b.nl", 1000 + i));
		ratelimit_fail(rl, "account:a@b.nl", 1000 + i);
	}
	assert_false(ratelimit_allowed(rl, "account:a@b.nl", 1005));
	assert_false(ratelimit_allowed(rl, "account:a@b.nl", 1899));
	/* Other keys are not affected. */
	assert_true(ratelimit_allowed(rl, "account:c@d.nl", 1005));
	/* The oldest failure ages out at 1000 + 900. */
	assert_true(ratelimit_allowed(rl, "account:a@b.nl", 1900));
	ratelimit_fail(rl, "account:a@b.nl", 1900);
	assert_false(ratelimit_allowed(rl, "account:a@b.nl", 1900));
	/* 1001 leaves the window at 1901: four failures remain. */
	assert_true(ratelimit_allowed(rl, "account:a@b.nl", 1901));
	ratelimit_free(rl);
}

static void clear_forgets_the_failures(void **state)
{
	(void)state;
	struct ratelimit *rl = ratelimit_new(3, 60, 16);
	for (int i = 0; i < 3; i++)
		ratelimit_fail(rl, "k", 10);
	assert_false(ratelimit_allowed(rl, "k", 11));
	ratelimit_clear(rl, "k");
	assert_true(ratelimit_allowed(rl, "k", 11));
	ratelimit_free(rl);
}

static void a_full_table_evicts_the_stalest_key(void **state)
{
	(void)state;
	struct ratelimit *rl = ratelimit_new(2, 1000, 4);
	ratelimit_fail(rl, "old", 1);
	ratelimit_fail(rl, "old", 2);
	char key[16];
	for (int i = 0; i < 4; i++) {
		snprintf(key, sizeof key, "k%d", i);
		ratelimit_fail(rl, key, 100 + i);
		ratelimit_fail(rl, key, 100 + i);
	}
	/* "old" was evicted to make room; the newest keys are still blocked. */
	assert_true(ratelimit_allowed(rl, "old", 200));
	assert_false(ratelimit_allowed(rl, "k3", 200));
	assert_false(ratelimit_allowed(rl, "k2", 200));
	ratelimit_free(rl);
}

static void bad_parameters_are_refused(void **state)
{
	(void)state;
	assert_null(ratelimit_new(0, 60, 16));
	assert_null(ratelimit_new(5, 0, 16));
	assert_null(ratelimit_new(5, 60, 0));
	assert_null(ratelimit_new(1000, 60, 16));
}

int main(void)
{
	if (sodium_init() < 0)
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fifth_failure_blocks_until_the_window_passes),
		cmocka_unit_test(clear_forgets_the_failures),
		cmocka_unit_test(a_full_table_evicts_the_stalest_key),
		cmocka_unit_test(bad_parameters_are_refused),
	};
	return cmocka_run_group_tests_name("auth_ratelimit", tests, NULL, NULL);
}
