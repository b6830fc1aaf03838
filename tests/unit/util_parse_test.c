/* Tests for src/util/parse.c: whole-string integers in range, real calendar
   dates, times, day numbers and clean UTF-8. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <string.h>

#include "util/parse.h"

static void int_in_range(void **state)
{
	(void)state;
	long long v = -1;
	assert_int_equal(parse_int("0", 0, 10, &v), 0);
	assert_int_equal(v, 0);
	assert_int_equal(parse_int("10", 0, 10, &v), 0);
	assert_int_equal(v, 10);
	assert_int_equal(parse_int("-5", -5, 5, &v), 0);
	assert_int_equal(v, -5);
	assert_int_equal(parse_int("9223372036854775807", 0, LLONG_MAX, &v), 0);
	assert_true(v == LLONG_MAX);
	assert_int_equal(parse_int("-9223372036854775808", LLONG_MIN, 0, &v), 0);
	assert_true(v == LLONG_MIN);
}

static void int_out_of_range_leaves_out_alone(void **state)
{
	(void)state;
	long long v = 77;
	assert_int_equal(parse_int("11", 0, 10, &v), -1);
	assert_int_equal(parse_int("-1", 0, 10, &v), -1);
	assert_int_equal(parse_int("9223372036854775808", 0, LLONG_MAX, &v), -1);
	assert_int_equal(parse_int("-9223372036854775809", LLONG_MIN, 0, &v), -1);
	assert_int_equal(parse_int("99999999999999999999999", 0, LLONG_MAX, &v), -1);
	assert_int_equal(v, 77);
}

static void int_junk(void **state)
{
	(void)state;
	long long v = 77;
	static const char *const junk[] = {
		"", " 5", "5 ", "5x", "x5", "0x10", "1e3", "1.0", "-", "+", "--1", "\t5", "5\n",
		"１２", "½",
	};
	for (size_t i = 0; i < sizeof junk / sizeof junk[0]; i++) {
		assert_int_equal(parse_int(junk[i], LLONG_MIN, LLONG_MAX, &v), -1);
		assert_int_equal(v, 77);
	}
	assert_int_equal(parse_int(NULL, 0, 10, &v), -1);
	assert_int_equal(v, 77);
}

static void dates_real_calendar(void **state)
{
	(void)state;
	assert_true(parse_is_date("2026-05-31"));
	assert_true(parse_is_date("2026-01-01"));
	assert_true(parse_is_date("2026-12-31"));
	assert_false(parse_is_date("2026-02-30"));
	assert_false(parse_is_date("2026-02-29"));
	assert_false(parse_is_date("2026-04-31"));
	assert_false(parse_is_date("2026-13-01"));
	assert_false(parse_is_date("2026-00-10"));
	assert_false(parse_is_date("2026-01-00"));
	assert_false(parse_is_date("2026-01-32"));
}

static void dates_leap_years(void **state)
{
	(void)state;
	assert_true(parse_is_date("2024-02-29"));   /* divisible by 4 */
	assert_true(parse_is_date("2000-02-29"));   /* divisible by 400 */
	assert_false(parse_is_date("1900-02-29"));  /* by 100, not by 400 */
	assert_false(parse_is_date("2100-02-29"));
	assert_false(parse_is_date("2023-02-29"));
	assert_true(parse_is_date("2023-02-28"));
}

static void dates_format_errors(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"", "2026-5-31", "2026-05-1", "26-05-31", "2026/05/31", "2026-05-31 ",
		" 2026-05-31", "2026-05-31T00:00", "20260531", "31-05-2026", "2026-0a-31",
		"+026-05-31", "-026-05-31", "2026-05-3\xc3", "1899-12-31", "2201-01-01",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_false(parse_is_date(bad[i]));
	assert_false(parse_is_date(NULL));
}

static void times(void **state)
{
	(void)state;
	assert_true(parse_is_time("00:00"));
	assert_true(parse_is_time("23:59"));
	assert_true(parse_is_time("14:30"));
	static const char *const bad[] = {
		"24:00", "23:60", "9:30", "09:3", "0930", "09-30", "09:30:00", " 9:30", "ab:cd",
		"", "-1:30", "09:+3",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_false(parse_is_time(bad[i]));
	assert_false(parse_is_time(NULL));
}

static void date_days_known_values(void **state)
{
	(void)state;
	/* Reference values computed independently (Python's datetime.date). */
	assert_int_equal(parse_date_days("1970-01-01"), 0);
	assert_int_equal(parse_date_days("1969-12-31"), -1);
	assert_int_equal(parse_date_days("2000-02-29"), 11016);
	assert_int_equal(parse_date_days("2000-03-01"), 11017);
	assert_int_equal(parse_date_days("2024-02-29"), 19782);
	assert_int_equal(parse_date_days("2026-11-22"), 20779);
	assert_int_equal(parse_date_days("1900-01-01"), -25567);
	assert_int_equal(parse_date_days("2200-12-31"), 84370);
}

static void format_date_round_trip(void **state)
{
	(void)state;
	char out[11];
	parse_format_date(0, out);
	assert_string_equal(out, "1970-01-01");
	parse_format_date(20779LL * 86400 + 86399, out);
	assert_string_equal(out, "2026-11-22");
	assert_int_equal(parse_date_days(out), 20779);
	parse_format_date(19782LL * 86400, out);
	assert_string_equal(out, "2024-02-29");
}

static void utf8_clean_accepts(void **state)
{
	(void)state;
	assert_true(parse_is_clean_utf8(""));
	assert_true(parse_is_clean_utf8("gewoon tekst"));
	assert_true(parse_is_clean_utf8("regel 1\nregel 2\tmet tab"));
	assert_true(parse_is_clean_utf8("co\xc3\xb6rdinator"));           /* ö */
	assert_true(parse_is_clean_utf8("\xe2\x82\xac 5"));                /* € */
	assert_true(parse_is_clean_utf8("\xf0\x9f\x98\x80"));              /* U+1F600 */
	assert_true(parse_is_clean_utf8("\xf4\x8f\xbf\xbf"));              /* U+10FFFF */
	assert_true(parse_is_clean_utf8("\xed\x9f\xbf"));                  /* U+D7FF */
	assert_true(parse_is_clean_utf8("\xee\x80\x80"));                  /* U+E000 */
	assert_true(parse_is_clean_utf8("\xc2\xa0"));                      /* U+00A0 */
}

static void utf8_rejects_overlong(void **state)
{
	(void)state;
	assert_false(parse_is_clean_utf8("\xc0\xaf"));          /* '/' in 2 bytes */
	assert_false(parse_is_clean_utf8("\xc1\xbf"));
	assert_false(parse_is_clean_utf8("\xe0\x80\xaf"));      /* '/' in 3 bytes */
	assert_false(parse_is_clean_utf8("\xe0\x9f\xbf"));      /* U+07FF in 3 bytes */
	assert_false(parse_is_clean_utf8("\xf0\x80\x80\xaf"));  /* '/' in 4 bytes */
	assert_false(parse_is_clean_utf8("\xf0\x8f\xbf\xbf"));  /* U+FFFF in 4 bytes */
}

static void utf8_rejects_surrogates_and_out_of_range(void **state)
{
	(void)state;
	assert_false(parse_is_clean_utf8("\xed\xa0\x80"));      /* U+D800 */
	assert_false(parse_is_clean_utf8("\xed\xbf\xbf"));      /* U+DFFF */
	assert_false(parse_is_clean_utf8("\xf4\x90\x80\x80"));  /* U+110000 */
	assert_false(parse_is_clean_utf8("\xf5\x80\x80\x80"));
	assert_false(parse_is_clean_utf8("\xff"));
	assert_false(parse_is_clean_utf8("\xfe"));
}

static void utf8_rejects_broken_sequences(void **state)
{
	(void)state;
	assert_false(parse_is_clean_utf8("\x80"));              /* lone continuation */
	assert_false(parse_is_clean_utf8("a\xc3"));             /* truncated at end */
	assert_false(parse_is_clean_utf8("\xe2\x82"));
	assert_false(parse_is_clean_utf8("\xe2\x82 x"));
	assert_false(parse_is_clean_utf8("\xf0\x9f\x98"));
	assert_false(parse_is_clean_utf8("\xc3\xc3\xb6"));
}

static void utf8_rejects_control_characters(void **state)
{
	(void)state;
	assert_false(parse_is_clean_utf8("a\rb"));
	assert_false(parse_is_clean_utf8("\x01"));
	assert_false(parse_is_clean_utf8("bel\x07"));
	assert_false(parse_is_clean_utf8("esc\x1b[31m"));
	assert_false(parse_is_clean_utf8("del\x7f"));
	assert_false(parse_is_clean_utf8("\xc2\x85"));          /* U+0085, C1 control NEL */
	assert_false(parse_is_clean_utf8("\xc2\x9b" "31m"));    /* U+009B, C1 CSI */
}

static void utf8_length_counts_code_points(void **state)
{
	(void)state;
	assert_int_equal(parse_utf8_length(""), 0);
	assert_int_equal(parse_utf8_length("abc"), 3);
	assert_int_equal(parse_utf8_length("co\xc3\xb6rdinator"), 11);
	assert_int_equal(parse_utf8_length("\xe2\x82\xac"), 1);
	assert_int_equal(parse_utf8_length("\xf0\x9f\x98\x80x"), 2);
	char many[201];
	for (int i = 0; i < 100; i++)
		memcpy(many + 2 * i, "\xc3\xa9", 2);
	many[200] = '\0';
	assert_int_equal(parse_utf8_length(many), 100);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(int_in_range),
		cmocka_unit_test(int_out_of_range_leaves_out_alone),
		cmocka_unit_test(int_junk),
		cmocka_unit_test(dates_real_calendar),
		cmocka_unit_test(dates_leap_years),
		cmocka_unit_test(dates_format_errors),
		cmocka_unit_test(times),
		cmocka_unit_test(date_days_known_values),
		cmocka_unit_test(format_date_round_trip),
		cmocka_unit_test(utf8_clean_accepts),
		cmocka_unit_test(utf8_rejects_overlong),
		cmocka_unit_test(utf8_rejects_surrogates_and_out_of_range),
		cmocka_unit_test(utf8_rejects_broken_sequences),
		cmocka_unit_test(utf8_rejects_control_characters),
		cmocka_unit_test(utf8_length_counts_code_points),
	};
	return cmocka_run_group_tests_name("util_parse", tests, NULL, NULL);
}
