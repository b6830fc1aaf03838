/* Tests for src/util/error.c: kp_fail* fill the caller's error, truncate
   safely and tolerate a NULL error. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "util/error.h"

static void fail_fills_in(void **state)
{
	(void)state;
	struct kp_error e;
	memset(&e, 0x55, sizeof e);
	assert_int_equal(kp_fail(&e, KP_NOT_FOUND, "not_found", "id"), KP_ERR);
	assert_int_equal(e.kind, KP_NOT_FOUND);
	assert_string_equal(e.code, "not_found");
	assert_string_equal(e.field, "id");
	assert_int_equal(e.limit, 0);
	assert_string_equal(e.detail, "");
}

static void fail_limit_fills_in(void **state)
{
	(void)state;
	struct kp_error e = { 0 };
	assert_int_equal(kp_fail_limit(&e, KP_INVALID, "too_long", "title", 160), KP_ERR);
	assert_int_equal(e.kind, KP_INVALID);
	assert_string_equal(e.code, "too_long");
	assert_string_equal(e.field, "title");
	assert_int_equal(e.limit, 160);
}

static void later_failure_overwrites_earlier(void **state)
{
	(void)state;
	struct kp_error e = { 0 };
	kp_fail_detail(&e, KP_INVALID, "unknown_item", "themes", "code %d", 7);
	assert_string_equal(e.detail, "code 7");
	kp_fail_limit(&e, KP_CONFLICT, "conflict", NULL, 3);
	assert_int_equal(e.kind, KP_CONFLICT);
	assert_string_equal(e.code, "conflict");
	assert_string_equal(e.field, "");
	assert_string_equal(e.detail, "");
	assert_int_equal(e.limit, 3);
}

static void shorthands(void **state)
{
	(void)state;
	struct kp_error e = { 0 };
	assert_int_equal(kp_invalid(&e, "email", "invalid_email"), KP_ERR);
	assert_int_equal(e.kind, KP_INVALID);
	assert_string_equal(e.field, "email");
	assert_string_equal(e.code, "invalid_email");
	assert_int_equal(kp_internal(&e), KP_ERR);
	assert_int_equal(e.kind, KP_INTERNAL);
	assert_string_equal(e.code, "internal");
	assert_string_equal(e.field, "");
}

static void long_values_are_truncated_not_overflowed(void **state)
{
	(void)state;
	struct {
		struct kp_error e;
		char guard[16];
	} s;
	memset(&s, 0, sizeof s);
	memset(s.guard, 'G', sizeof s.guard);
	char longtext[600];
	memset(longtext, 'x', sizeof longtext - 1);
	longtext[sizeof longtext - 1] = '\0';
	kp_fail_detail(&s.e, KP_INVALID, longtext, longtext, "%s", longtext);
	assert_int_equal(strlen(s.e.code), sizeof s.e.code - 1);
	assert_int_equal(strlen(s.e.field), sizeof s.e.field - 1);
	assert_int_equal(strlen(s.e.detail), sizeof s.e.detail - 1);
	for (size_t i = 0; i < sizeof s.guard; i++)
		assert_int_equal(s.guard[i], 'G');
}

static void null_error_is_tolerated(void **state)
{
	(void)state;
	assert_int_equal(kp_fail(NULL, KP_INVALID, "required", "x"), KP_ERR);
	assert_int_equal(kp_fail_limit(NULL, KP_INVALID, "too_long", "x", 5), KP_ERR);
	assert_int_equal(kp_fail_detail(NULL, KP_INVALID, "required", "x", "%s", "y"), KP_ERR);
	assert_int_equal(kp_invalid(NULL, "x", "required"), KP_ERR);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fail_fills_in),
		cmocka_unit_test(fail_limit_fills_in),
		cmocka_unit_test(later_failure_overwrites_earlier),
		cmocka_unit_test(shorthands),
		cmocka_unit_test(long_values_are_truncated_not_overflowed),
		cmocka_unit_test(null_error_is_tolerated),
	};
	return cmocka_run_group_tests_name("util_error", tests, NULL, NULL);
}
