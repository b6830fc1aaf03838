/* Tests for src/util/ical.c: TEXT escaping, CRLF line ends, folding at 75
   octets without cutting a UTF-8 character, and the buffer's cap. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "util/ical.h"

static void escapes_text(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 1024);
	assert_int_equal(ical_text(&b, "SUMMARY", "a,b;c\\d\ne\r\tf"), 0);
	assert_string_equal(b.data, "SUMMARY:a\\,b\\;c\\\\d\\ne f\r\n");
	b.len = 0;
	/* Values that are not TEXT go as they are. */
	assert_int_equal(ical_line(&b, "RRULE", "FREQ=WEEKLY;BYDAY=MO,TU"), 0);
	assert_string_equal(b.data, "RRULE:FREQ=WEEKLY;BYDAY=MO,TU\r\n");
	buf_free(&b);
}

/* Every line of text ends in CRLF and has at most 75 octets; unfolded it is
   `line`. */
static void check_folded(const char *text, const char *line)
{
	char unfolded[2048];
	size_t n = 0;
	const char *p = text;
	while (*p) {
		const char *end = strstr(p, "\r\n");
		assert_non_null(end);
		assert_true(end - p <= ICAL_LINE_OCTETS);
		if (p != text) {
			assert_int_equal(*p, ' ');
			p++;
		}
		/* no line starts with a UTF-8 continuation byte */
		assert_true(p == end || ((unsigned char)*p & 0xC0) != 0x80);
		memcpy(unfolded + n, p, (size_t)(end - p));
		n += (size_t)(end - p);
		p = end + 2;
	}
	unfolded[n] = '\0';
	assert_string_equal(unfolded, line);
}

static void folds_long_lines(void **state)
{
	(void)state;
	struct buf b;
	char value[400], line[420];
	buf_init(&b, 4096);
	/* 3-octet characters, so that a fold at 75 octets would cut one. */
	value[0] = '\0';
	for (int i = 0; i < 40; i++)
		memcpy(value + strlen(value), i % 2 ? "x€" : "é", (i % 2 ? 5 : 3));
	assert_int_equal(ical_text(&b, "SUMMARY", value), 0);
	assert_true(b.len > ICAL_LINE_OCTETS + 2);
	memcpy(line, "SUMMARY:", 9);
	memcpy(line + 8, value, strlen(value) + 1);
	check_folded(b.data, line);
	/* Exactly 75 octets: not folded. */
	b.len = 0;
	memset(value, 'a', 70);
	value[70] = '\0';
	assert_int_equal(ical_line(&b, "X-AB", value), 0);
	assert_int_equal(b.len, 77);
	assert_non_null(strstr(b.data, "\r\n"));
	assert_null(strstr(b.data, "\r\n "));
	buf_free(&b);
}

static void refuses_past_the_cap(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 16);
	assert_int_equal(ical_text(&b, "SUMMARY", "veel te lange tekst"), -1);
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(escapes_text),
		cmocka_unit_test(folds_long_lines),
		cmocka_unit_test(refuses_past_the_cap),
	};
	return cmocka_run_group_tests_name("util_ical", tests, NULL, NULL);
}
