/* Tests for src/util/csv.c: the byte order mark, the separator taken from
   the first line, quotes and doubled quotes, records across lines, CRLF and
   lone CR, Windows-1252 files, and the limits, whose errors name the row and
   column. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "util/csv.h"

static struct csv_reader *opened(const char *text, size_t len)
{
	struct csv_reader *r = malloc(sizeof *r);
	struct kp_error err = { 0 };
	assert_non_null(r);
	assert_int_equal(csv_open(r, text, len, &err), KP_OK);
	return r;
}

static void next_ok(struct csv_reader *r, struct csv_row *row, int cells)
{
	struct kp_error err = { 0 };
	assert_int_equal(csv_next(r, row, &err), 1);
	assert_int_equal(row->n, cells);
}

static void done(struct csv_reader *r)
{
	struct csv_row row;
	struct kp_error err = { 0 };
	assert_int_equal(csv_next(r, &row, &err), 0);
	csv_close(r);
	free(r);
}

static void bom_semicolons_and_crlf(void **state)
{
	(void)state;
	const char text[] = "\xef\xbb\xbfVoornaam;Woonplaats\r\nJo\xc3\xabl;Dordrecht\r\n";
	struct csv_reader *r = opened(text, strlen(text));
	struct csv_row row;
	assert_int_equal(r->sep, ';');
	next_ok(r, &row, 2);
	assert_string_equal(row.cell[0], "Voornaam");
	assert_int_equal(row.record, 1);
	next_ok(r, &row, 2);
	assert_string_equal(row.cell[0], "Jo\xc3\xabl");
	assert_string_equal(row.cell[1], "Dordrecht");
	assert_int_equal(row.record, 2);
	done(r);
}

static void commas_quotes_and_lines_inside_quotes(void **state)
{
	(void)state;
	const char text[] = "a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,,";
	struct csv_reader *r = opened(text, strlen(text));
	struct csv_row row;
	assert_int_equal(r->sep, ',');
	next_ok(r, &row, 3);
	next_ok(r, &row, 3);
	assert_string_equal(row.cell[0], "x, y");
	assert_string_equal(row.cell[1], "say \"hi\"");
	assert_string_equal(row.cell[2], "two\nlines");
	next_ok(r, &row, 3);
	assert_string_equal(row.cell[0], "last");
	assert_string_equal(row.cell[2], "");
	assert_int_equal(row.record, 3);
	done(r);
}

static void tabs_and_lone_cr(void **state)
{
	(void)state;
	const char text[] = "a\tb\rc\td\r";
	struct csv_reader *r = opened(text, strlen(text));
	struct csv_row row;
	assert_int_equal(r->sep, '\t');
	next_ok(r, &row, 2);
	next_ok(r, &row, 2);
	assert_string_equal(row.cell[1], "d");
	done(r);
}

static void semicolon_inside_quotes_does_not_decide(void **state)
{
	(void)state;
	const char text[] = "\"a;b;c\",d\n";
	struct csv_reader *r = opened(text, strlen(text));
	assert_int_equal(r->sep, ',');
	csv_close(r);
	free(r);
}

static void windows_1252_becomes_utf8(void **state)
{
	(void)state;
	const char text[] = "naam;plaats\nZo\xeb;\x80 5\n";
	struct csv_reader *r = opened(text, strlen(text));
	struct csv_row row;
	next_ok(r, &row, 2);
	next_ok(r, &row, 2);
	assert_string_equal(row.cell[0], "Zo\xc3\xab");
	assert_string_equal(row.cell[1], "\xe2\x82\xac 5");
	done(r);
}

static void empty_rows_are_recognised(void **state)
{
	(void)state;
	const char text[] = "a;b\n;\n \n";
	struct csv_reader *r = opened(text, strlen(text));
	struct csv_row row;
	next_ok(r, &row, 2);
	assert_false(csv_row_is_empty(&row));
	next_ok(r, &row, 2);
	assert_true(csv_row_is_empty(&row));
	next_ok(r, &row, 1);
	assert_true(csv_row_is_empty(&row));
	done(r);
}

/* Reads until the error; returns it. */
static struct kp_error failure_of(const char *text, size_t len)
{
	struct csv_reader *r = opened(text, len);
	struct csv_row row;
	struct kp_error err = { 0 };
	int got;
	while ((got = csv_next(r, &row, &err)) == 1)
		;
	assert_int_equal(got, KP_ERR);
	assert_int_equal(err.kind, KP_INVALID);
	csv_close(r);
	free(r);
	return err;
}

static void unclosed_quote_names_row_and_column(void **state)
{
	(void)state;
	const char text[] = "a;b\nx;y\nz;\"never closed\n";
	struct kp_error err = failure_of(text, strlen(text));
	assert_string_equal(err.code, "unclosed_quote");
	assert_string_equal(err.field, "row 3, column 2");
}

static void stray_text_after_quote(void **state)
{
	(void)state;
	const char text[] = "a;b\n\"x\"y;z\n";
	struct kp_error err = failure_of(text, strlen(text));
	assert_string_equal(err.code, "stray_quote");
	assert_string_equal(err.field, "row 2, column 1");
}

static void nul_byte_is_refused(void **state)
{
	(void)state;
	const char text[] = "a;b\nx;y\0z\n";
	struct kp_error err = failure_of(text, sizeof text - 1);
	assert_string_equal(err.code, "invalid_text");
	assert_string_equal(err.field, "row 2, column 2");
}

static void cell_and_column_limits(void **state)
{
	(void)state;
	size_t n = CSV_CELL_MAX + 10;
	char *text = malloc(n + 8);
	assert_non_null(text);
	memcpy(text, "a;b\nx;", 6);
	memset(text + 6, 'q', n);
	struct kp_error err = failure_of(text, n + 6);
	assert_string_equal(err.code, "too_long");
	assert_int_equal(err.limit, CSV_CELL_MAX);
	assert_string_equal(err.field, "row 2, column 2");
	/* exactly CSV_CELL_MAX bytes is fine */
	struct csv_reader *r = opened(text, 6 + CSV_CELL_MAX);
	struct csv_row row;
	next_ok(r, &row, 2);
	next_ok(r, &row, 2);
	assert_int_equal(strlen(row.cell[1]), CSV_CELL_MAX);
	done(r);
	size_t cols = CSV_COLUMNS_MAX + 1, at = 0;
	for (size_t i = 0; i < cols; i++)
		text[at++] = 'c', text[at++] = ';';
	err = failure_of(text, at);
	assert_string_equal(err.code, "too_many");
	free(text);
}

static void file_limits(void **state)
{
	(void)state;
	struct csv_reader *r = malloc(sizeof *r);
	struct kp_error err = { 0 };
	assert_non_null(r);
	assert_int_equal(csv_open(r, "x", CSV_FILE_MAX + 1, &err), KP_ERR);
	assert_string_equal(err.code, "too_large");
	err = (struct kp_error){ 0 };
	assert_int_equal(csv_open(r, "\xef\xbb\xbf", 3, &err), KP_ERR);
	assert_string_equal(err.code, "empty");
	free(r);
}

static void writing_quotes_and_neutralises_formulas(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 4096);
	const char *head[] = { "naam", "notitie" };
	const char *row[] = { "=SUM(A1:A9)", "a;b \"c\"", "+31 6", "", "Zo\xc3\xab" };
	assert_int_equal(csv_write_start(&b), 0);
	assert_int_equal(csv_write_row(&b, head, 2), 0);
	assert_int_equal(csv_write_row(&b, row, 5), 0);
	assert_string_equal(b.data, "\xef\xbb\xbfnaam;notitie\r\n"
	                            "'=SUM(A1:A9);\"a;b \"\"c\"\"\";'+31 6;;Zo\xc3\xab\r\n");
	/* what was written reads back as the cells (the neutralising quote aside) */
	struct csv_reader *r = opened(b.data, b.len);
	struct csv_row got;
	next_ok(r, &got, 2);
	next_ok(r, &got, 5);
	assert_string_equal(got.cell[1], "a;b \"c\"");
	done(r);
	buf_free(&b);
	struct buf tiny;
	buf_init(&tiny, 8);
	assert_int_equal(csv_write_row(&tiny, row, 5), -1);
	buf_free(&tiny);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(bom_semicolons_and_crlf),
		cmocka_unit_test(commas_quotes_and_lines_inside_quotes),
		cmocka_unit_test(tabs_and_lone_cr),
		cmocka_unit_test(semicolon_inside_quotes_does_not_decide),
		cmocka_unit_test(windows_1252_becomes_utf8),
		cmocka_unit_test(empty_rows_are_recognised),
		cmocka_unit_test(unclosed_quote_names_row_and_column),
		cmocka_unit_test(stray_text_after_quote),
		cmocka_unit_test(nul_byte_is_refused),
		cmocka_unit_test(cell_and_column_limits),
		cmocka_unit_test(file_limits),
		cmocka_unit_test(writing_quotes_and_neutralises_formulas),
	};
	return cmocka_run_group_tests_name("util_csv", tests, NULL, NULL);
}
