/* Tests for src/util/xlsx_read.c (and its counterpart src/util/xlsx.c):
   workbooks made with libxlsxwriter read back as CSV text, with shared and
   inline strings, Dutch diacritics, numbers and dates as day numbers, a
   formula as "=" and its text (never its value), rows the workbook leaves
   out as empty rows; a zip that is no workbook and bytes that are no zip are
   refused naming the file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "util/xlsx.h"
#include "util/xlsx_read.h"

/* The bytes of the file at path into b. */
static void slurp(const char *path, struct buf *b)
{
	FILE *f = fopen(path, "rb");
	char chunk[4096];
	size_t n;
	assert_non_null(f);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		assert_int_equal(buf_append(b, chunk, n), 0);
	fclose(f);
}

static void shared_strings_numbers_formulas_and_gaps(void **state)
{
	(void)state;
	char path[] = "/tmp/xlsx-read-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Leden");
	worksheet_write_string(ws, 0, 0, "Voornaam", NULL);
	worksheet_write_string(ws, 0, 1, "Achternaam", NULL);
	worksheet_write_string(ws, 0, 2, "Startdatum", NULL);
	worksheet_write_string(ws, 1, 0, "Jo\xc3\xabl", NULL);
	worksheet_write_string(ws, 1, 1, "de Vries; jr.", NULL);
	worksheet_write_number(ws, 1, 2, 46082, NULL);
	worksheet_write_string(ws, 3, 0, "Kees", NULL);
	worksheet_write_formula(ws, 3, 1, "=HYPERLINK(\"http://x\")", NULL);
	worksheet_write_string(ws, 3, 3, "Zo\xc3\xab", NULL);
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
	struct buf file, csv;
	struct kp_error err = { 0 };
	buf_init(&file, 1 << 20);
	buf_init(&csv, 1 << 20);
	slurp(path, &file);
	unlink(path);
	assert_true(xlsx_is_zip(file.data, file.len));
	assert_int_equal(xlsx_to_csv(file.data, file.len, &csv, &err), KP_OK);
	assert_string_equal(csv.data, "Voornaam;Achternaam;Startdatum\r\n"
	                              "Jo\xc3\xabl;\"de Vries; jr.\";46082\r\n"
	                              "\r\n"
	                              "Kees;\"=HYPERLINK(\"\"http://x\"\")\";;Zo\xc3\xab\r\n");
	buf_free(&file);
	buf_free(&csv);
}

static void the_export_writer_reads_back(void **state)
{
	(void)state;
	struct xlsx *x = NULL;
	struct kp_error err = { 0 };
	struct buf file, csv;
	buf_init(&file, 1 << 20);
	buf_init(&csv, 1 << 20);
	const char *head[] = { "id", "title" }, *row[] = { "7", "=1+1 is geen formule hier" };
	assert_int_equal(xlsx_open(&x, "oproepen", &err), KP_OK);
	assert_int_equal(xlsx_row(x, head, 2, &err), KP_OK);
	assert_int_equal(xlsx_row(x, row, 2, &err), KP_OK);
	assert_int_equal(xlsx_finish(x, &file, &err), KP_OK);
	assert_int_equal(xlsx_to_csv(file.data, file.len, &csv, &err), KP_OK);
	/* written as text, so it comes back as that text, not as a formula */
	assert_string_equal(csv.data, "id;title\r\n7;=1+1 is geen formule hier\r\n");
	buf_free(&file);
	buf_free(&csv);
}

static void not_a_workbook(void **state)
{
	(void)state;
	struct buf csv;
	struct kp_error err = { 0 };
	buf_init(&csv, 1024);
	assert_false(xlsx_is_zip("Voornaam;Achternaam", 19));
	assert_int_equal(xlsx_to_csv("PK\x03\x04rubbish", 12, &csv, &err), KP_ERR);
	assert_string_equal(err.code, "not_a_workbook");
	assert_string_equal(err.field, "file");
	buf_free(&csv);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(shared_strings_numbers_formulas_and_gaps),
		cmocka_unit_test(the_export_writer_reads_back),
		cmocka_unit_test(not_a_workbook),
	};
	return cmocka_run_group_tests_name("util_xlsx_read", tests, NULL, NULL);
}
