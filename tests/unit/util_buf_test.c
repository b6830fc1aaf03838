/* Tests for src/util/buf.c: the hard cap, all-or-nothing appends, take. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

static void append_within_cap(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 10);
	assert_int_equal(buf_appends(&b, "abc"), 0);
	assert_int_equal(buf_append(&b, "defghij", 7), 0);
	assert_int_equal(b.len, 10);
	assert_string_equal(b.data, "abcdefghij");
	assert_int_equal(b.data[b.len], '\0');
	buf_free(&b);
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.max, 10);
}

static void append_past_cap_leaves_buffer_unchanged(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 8);
	assert_int_equal(buf_appends(&b, "12345"), 0);
	assert_int_equal(buf_appends(&b, "6789"), -1);
	assert_int_equal(b.len, 5);
	assert_string_equal(b.data, "12345");
	assert_int_equal(buf_printf(&b, "%s", "abcd"), -1);
	assert_int_equal(b.len, 5);
	assert_string_equal(b.data, "12345");
	/* exactly up to the cap still fits */
	assert_int_equal(buf_appends(&b, "678"), 0);
	assert_string_equal(b.data, "12345678");
	assert_int_equal(buf_append(&b, "x", 1), -1);
	assert_int_equal(buf_append(&b, "", 0), 0);
	assert_string_equal(b.data, "12345678");
	buf_free(&b);
}

static void first_append_past_cap_allocates_nothing(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 3);
	assert_int_equal(buf_appends(&b, "abcd"), -1);
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	buf_free(&b);
}

static void grows_beyond_first_allocation(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 100000);
	char chunk[1000];
	memset(chunk, 'x', sizeof chunk);
	for (int i = 0; i < 100; i++)
		assert_int_equal(buf_append(&b, chunk, sizeof chunk), 0);
	assert_int_equal(b.len, 100000);
	assert_true(b.cap_alloc > b.len);
	assert_int_equal(b.data[99999], 'x');
	assert_int_equal(b.data[100000], '\0');
	assert_int_equal(buf_append(&b, "y", 1), -1);
	buf_free(&b);
}

static void printf_formats_and_appends(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 64);
	assert_int_equal(buf_printf(&b, "%d-%s", 42, "vrijwilliger"), 0);
	assert_int_equal(buf_printf(&b, "/%05.1f", 3.14159), 0);
	assert_string_equal(b.data, "42-vrijwilliger/003.1");
	assert_int_equal(b.len, strlen("42-vrijwilliger/003.1"));
	assert_int_equal(buf_printf(&b, "%s", ""), 0);
	assert_int_equal(b.len, strlen("42-vrijwilliger/003.1"));
	buf_free(&b);
}

static void printf_exactly_to_cap(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 6);
	assert_int_equal(buf_printf(&b, "%06d", 7), 0);
	assert_string_equal(b.data, "000007");
	assert_int_equal(buf_printf(&b, "%d", 1), -1);
	assert_string_equal(b.data, "000007");
	buf_free(&b);
}

static void take_hands_over_and_resets(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 32);
	assert_int_equal(buf_appends(&b, "koppeling"), 0);
	char *p = buf_take(&b);
	assert_string_equal(p, "koppeling");
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.max, 32);
	/* the buffer is usable again after take */
	assert_int_equal(buf_appends(&b, "oproep"), 0);
	assert_string_equal(b.data, "oproep");
	assert_string_equal(p, "koppeling");
	free(p);
	buf_free(&b);
}

static void take_of_empty_buffer_is_empty_string(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 32);
	char *p = buf_take(&b);
	assert_non_null(p);
	assert_string_equal(p, "");
	free(p);
}

static void zero_cap_refuses_everything_but_empty(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 0);
	assert_int_equal(buf_appends(&b, "a"), -1);
	assert_int_equal(buf_appends(&b, ""), 0);
	assert_string_equal(b.data, "");
	buf_free(&b);
}

static void reset_empties_and_keeps_the_cap(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 8);
	buf_reset(&b); /* nothing allocated yet */
	assert_null(b.data);
	assert_int_equal(buf_appends(&b, "12345678"), 0);
	buf_reset(&b);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.data, "");
	assert_int_equal(buf_appends(&b, "abcdefgh"), 0);
	assert_int_equal(buf_appends(&b, "i"), -1);
	assert_string_equal(b.data, "abcdefgh");
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(append_within_cap),
		cmocka_unit_test(append_past_cap_leaves_buffer_unchanged),
		cmocka_unit_test(first_append_past_cap_allocates_nothing),
		cmocka_unit_test(grows_beyond_first_allocation),
		cmocka_unit_test(printf_formats_and_appends),
		cmocka_unit_test(printf_exactly_to_cap),
		cmocka_unit_test(take_hands_over_and_resets),
		cmocka_unit_test(take_of_empty_buffer_is_empty_string),
		cmocka_unit_test(zero_cap_refuses_everything_but_empty),
		cmocka_unit_test(reset_empties_and_keeps_the_cap),
	};
	return cmocka_run_group_tests_name("util_buf", tests, NULL, NULL);
}
