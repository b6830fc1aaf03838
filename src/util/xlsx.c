/* A one-sheet spreadsheet through libxlsxwriter (xlsx.h). */
#include "util/xlsx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "util/parse.h"

struct xlsx {
	char path[64];
	lxw_workbook *book;
	lxw_worksheet *sheet;
	lxw_format *bold, *amount, *date;
	struct xlsx_column cols[XLSX_COLUMNS_MAX];
	int n;
	lxw_row_t row;
	lxw_col_t col;           /* the next cell of xlsx_put_* */
	bool failed;
};

struct xlsx *xlsx_open(const char *sheet, const struct xlsx_column *cols, int n)
{
	struct xlsx *x = calloc(1, sizeof *x);
	const char *dir = getenv("TMPDIR");
	if (x == NULL || n < 1 || n > XLSX_COLUMNS_MAX)
		goto fail;
	snprintf(x->path, sizeof x->path, "%.40s/knooppunt-XXXXXX", dir && *dir ? dir : "/tmp");
	int fd = mkstemp(x->path);
	if (fd < 0)
		goto fail;
	close(fd);
	x->book = workbook_new(x->path);
	if (x->book == NULL || (x->sheet = workbook_add_worksheet(x->book, sheet)) == NULL)
		goto fail;
	x->bold = workbook_add_format(x->book);
	x->amount = workbook_add_format(x->book);
	x->date = workbook_add_format(x->book);
	format_set_bold(x->bold);
	format_set_num_format(x->amount, "#,##0.00");
	format_set_num_format(x->date, "dd-mm-yyyy");
	memcpy(x->cols, cols, (size_t)n * sizeof *cols);
	x->n = n;
	for (int i = 0; i < n; i++) {
		if (cols[i].width > 0)
			worksheet_set_column(x->sheet, (lxw_col_t)i, (lxw_col_t)i, cols[i].width,
			                     NULL);
		if (worksheet_write_string(x->sheet, 0, (lxw_col_t)i, cols[i].header, x->bold))
			x->failed = true;
	}
	worksheet_freeze_panes(x->sheet, 1, 0);
	x->row = 1;
	return x;
fail:
	if (x != NULL && x->book != NULL)
		workbook_close(x->book);
	if (x != NULL && x->path[0] != '\0')
		unlink(x->path);
	free(x);
	return NULL;
}

/* Text as a string cell (never a formula), cut at XLSX_CELL_MAX characters on
   a character boundary. */
static lxw_error write_text(struct xlsx *x, lxw_col_t col, const char *s)
{
	long chars = 0;
	size_t n = 0;
	for (; s[n]; n++)
		if (((unsigned char)s[n] & 0xc0) != 0x80 && ++chars > XLSX_CELL_MAX)
			break;
	char *cut = s[n] != '\0' ? strndup(s, n) : NULL;
	if (s[n] != '\0' && cut == NULL)
		return LXW_ERROR_MEMORY_MALLOC_FAILED;
	lxw_error rc = worksheet_write_string(x->sheet, x->row, col, cut ? cut : s, NULL);
	free(cut);
	return rc;
}

static lxw_error write_date(struct xlsx *x, lxw_col_t col, const char *text)
{
	long long y = 0, m = 0, d = 0;
	char part[5];
	if (text == NULL || !parse_is_date(text))
		return worksheet_write_blank(x->sheet, x->row, col, NULL);
	snprintf(part, sizeof part, "%.4s", text);
	parse_int(part, 1, 9999, &y);
	snprintf(part, sizeof part, "%.2s", text + 5);
	parse_int(part, 1, 12, &m);
	snprintf(part, sizeof part, "%.2s", text + 8);
	parse_int(part, 1, 31, &d);
	lxw_datetime when = { (int)y, (int)m, (int)d, 0, 0, 0 };
	return worksheet_write_datetime(x->sheet, x->row, col, &when, x->date);
}

void xlsx_row(struct xlsx *x, const struct xlsx_cell *cells)
{
	if (x == NULL || x->failed)
		return;
	for (int i = 0; i < x->n; i++) {
		lxw_col_t col = (lxw_col_t)i;
		lxw_error rc;
		switch (x->cols[i].type) {
		case XLSX_NUMBER:
			rc = worksheet_write_number(x->sheet, x->row, col, (double)cells[i].number,
			                            NULL);
			break;
		case XLSX_AMOUNT:
			rc = worksheet_write_number(x->sheet, x->row, col,
			                            (double)cells[i].number / 100.0, x->amount);
			break;
		case XLSX_DATE:
			rc = write_date(x, col, cells[i].text);
			break;
		default:
			rc = write_text(x, col, cells[i].text ? cells[i].text : "");
		}
		if (rc != LXW_NO_ERROR)
			x->failed = true;
	}
	x->row++;
}

void xlsx_put_text(struct xlsx *x, const char *text)
{
	if (x != NULL && !x->failed)
		x->failed = write_text(x, x->col, text) != LXW_NO_ERROR;
	if (x != NULL)
		x->col++;
}

void xlsx_put_number(struct xlsx *x, double v)
{
	if (x != NULL && !x->failed)
		x->failed = worksheet_write_number(x->sheet, x->row, x->col, v, NULL) != LXW_NO_ERROR;
	if (x != NULL)
		x->col++;
}

void xlsx_next_row(struct xlsx *x)
{
	if (x != NULL) {
		x->row++;
		x->col = 0;
	}
}

static int read_file(const char *path, struct buf *out)
{
	FILE *f = fopen(path, "rb");
	char chunk[8192];
	size_t n;
	int rc = f == NULL ? -1 : 0;
	while (rc == 0 && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
		rc = buf_append(out, chunk, n);
	if (f != NULL && ferror(f))
		rc = -1;
	if (f != NULL)
		fclose(f);
	return rc;
}

int xlsx_close(struct xlsx *x, struct buf *out)
{
	if (x == NULL)
		return -1;
	int rc = workbook_close(x->book) == LXW_NO_ERROR && !x->failed ? 0 : -1;
	if (rc == 0)
		rc = read_file(x->path, out);
	unlink(x->path);
	free(x);
	return rc;
}
