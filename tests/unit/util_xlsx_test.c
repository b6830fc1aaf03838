/* Tests for src/util/xlsx.c: a sheet with a header row and text, number,
   amount and date cells, read back from the zip file with Python's zipfile
   (python3 is needed to build anyway). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/xlsx.h"

/* The text of `member` in the zip file `data` into out. */
static void unzip(const struct buf *data, const char *member, char *out, size_t cap)
{
	char file[] = "/tmp/knooppunt-xlsx-test-XXXXXX", cmd[256];
	int fd = mkstemp(file);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, data->data, data->len), (ssize_t)data->len);
	close(fd);
	snprintf(cmd, sizeof cmd, "python3 -c 'import zipfile,sys; sys.stdout.write(zipfile."
	         "ZipFile(\"%s\").read(\"%s\").decode())'", file, member);
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	size_t n = fread(out, 1, cap - 1, p);
	out[n] = '\0';
	assert_int_equal(pclose(p), 0);
	unlink(file);
}

static void sheet_of_rows(void **state)
{
	(void)state;
	static const struct xlsx_column cols[] = {
		{ "Naam", XLSX_TEXT, 20 }, { "Aantal", XLSX_NUMBER, 0 },
		{ "Bedrag", XLSX_AMOUNT, 0 }, { "Datum", XLSX_DATE, 12 },
	};
	struct xlsx *x = xlsx_open("Blad", cols, 4);
	assert_non_null(x);
	struct xlsx_cell row1[] = { { "Zoë de Vries", 0 }, { NULL, 3 }, { NULL, 1250 },
		                    { "2025-06-02", 0 } };
	struct xlsx_cell row2[] = { { "Piet", 0 }, { NULL, -1 }, { NULL, 5 }, { "", 0 } };
	xlsx_row(x, row1);
	xlsx_row(x, row2);
	struct buf out;
	buf_init(&out, 1 << 20);
	assert_int_equal(xlsx_close(x, &out), 0);
	assert_memory_equal(out.data, "PK\x03\x04", 4);
	char *text = malloc(1 << 16);
	unzip(&out, "xl/sharedStrings.xml", text, 1 << 16);
	assert_non_null(strstr(text, "Zoë de Vries"));
	assert_non_null(strstr(text, "Naam"));
	unzip(&out, "xl/worksheets/sheet1.xml", text, 1 << 16);
	assert_non_null(strstr(text, "<v>3</v>"));
	assert_non_null(strstr(text, "<v>12.5</v>"));
	assert_non_null(strstr(text, "<v>45810</v>")); /* 2025-06-02 as a spreadsheet day */
	assert_non_null(strstr(text, "<v>0.05</v>"));
	assert_non_null(strstr(text, "<pane ")); /* the header stays in view */
	free(text);
	buf_free(&out);
	/* No columns: no writer; closing nothing fails. */
	assert_null(xlsx_open("Blad", cols, 0));
	assert_int_equal(xlsx_close(NULL, &out), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sheet_of_rows),
	};
	return cmocka_run_group_tests_name("util_xlsx", tests, NULL, NULL);
}
