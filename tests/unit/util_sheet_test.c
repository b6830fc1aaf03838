/* Tests for src/util/sheet.c: CSV for Dutch spreadsheets (byte order mark,
   ';', decimal commas, quoting), a workbook that is a zip holding the sheet,
   a full buffer reported at close, and file extensions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "util/sheet.h"

static const char *const header[] = { "naam", "aantal", "gemiddeld", NULL };

static void csv_for_dutch_spreadsheets(void **state)
{
	(void)state;
	struct buf b;
	struct sheet s;
	buf_init(&b, 4096);
	assert_int_equal(sheet_open(&s, SHEET_CSV, "proef", header, &b), 0);
	sheet_text(&s, "Zorg; en \"welzijn\"");
	sheet_int(&s, -42);
	sheet_decimal(&s, 0.5);
	sheet_row_end(&s);
	sheet_text(&s, "twee\nregels");
	sheet_text(&s, "< 5");
	sheet_text(&s, "");
	sheet_row_end(&s);
	assert_int_equal(sheet_close(&s), 0);
	assert_string_equal(b.data, "\xEF\xBB\xBF" "naam;aantal;gemiddeld\r\n"
	                            "\"Zorg; en \"\"welzijn\"\"\";-42;0,5000\r\n"
	                            "\"twee\nregels\";< 5;\r\n");
	buf_free(&b);
}

static void workbook_is_a_zip(void **state)
{
	(void)state;
	struct buf b;
	struct sheet s;
	buf_init(&b, 1 << 20);
	assert_int_equal(sheet_open(&s, SHEET_XLSX, "een heel lange naam van meer dan 31 tekens",
	                            header, &b), 0);
	for (int i = 0; i < 100; i++) {
		sheet_text(&s, "Dordrecht");
		sheet_int(&s, i);
		sheet_decimal(&s, i / 3.0);
		sheet_row_end(&s);
	}
	assert_int_equal(sheet_close(&s), 0);
	assert_true(b.len > 1000);
	assert_memory_equal(b.data, "PK\x03\x04", 4);
	assert_non_null(memmem(b.data, b.len, "xl/worksheets/sheet1.xml", 24));
	buf_free(&b);
}

static void a_full_buffer_fails_at_close(void **state)
{
	(void)state;
	struct buf b;
	struct sheet s;
	buf_init(&b, 40);
	assert_int_equal(sheet_open(&s, SHEET_CSV, "proef", header, &b), 0);
	for (int i = 0; i < 10; i++) {
		sheet_text(&s, "nog een rij");
		sheet_row_end(&s);
	}
	assert_int_equal(sheet_close(&s), -1);
	buf_free(&b);
	buf_init(&b, 100);
	assert_int_equal(sheet_open(&s, SHEET_XLSX, "proef", header, &b), 0);
	assert_int_equal(sheet_close(&s), -1); /* a workbook is larger than 100 bytes */
	buf_free(&b);
}

static void formats_by_extension(void **state)
{
	(void)state;
	assert_int_equal(sheet_format_of("csv"), SHEET_CSV);
	assert_int_equal(sheet_format_of("xlsx"), SHEET_XLSX);
	assert_int_equal(sheet_format_of("xls"), -1);
	assert_int_equal(sheet_format_of(""), -1);
	assert_non_null(strstr(sheet_content_type(SHEET_XLSX), "spreadsheetml"));
	assert_non_null(strstr(sheet_content_type(SHEET_CSV), "text/csv"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(csv_for_dutch_spreadsheets),
		cmocka_unit_test(workbook_is_a_zip),
		cmocka_unit_test(a_full_buffer_fails_at_close),
		cmocka_unit_test(formats_by_extension),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
