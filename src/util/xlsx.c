/* Tables as .xlsx workbooks (xlsx.h). */
#include "util/xlsx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

struct xlsx {
	lxw_workbook *book;
	lxw_worksheet *sheet;
	lxw_format *bold;
	lxw_row_t row;         /* the next row to write */
	char path[256];        /* the temporary file */
};

int xlsx_open(struct xlsx **out, const char *sheet, struct kp_error *err)
{
	struct xlsx *x = calloc(1, sizeof *x);
	const char *dir = getenv("TMPDIR");
	*out = NULL;
	if (x == NULL)
		return kp_internal(err);
	snprintf(x->path, sizeof x->path, "%s/knooppunt-XXXXXX", dir && *dir ? dir : "/tmp");
	int fd = mkstemp(x->path);
	if (fd < 0) {
		free(x);
		return kp_internal(err);
	}
	close(fd);
	lxw_workbook_options opt = { .constant_memory = LXW_TRUE };
	x->book = workbook_new_opt(x->path, &opt);
	x->sheet = x->book ? workbook_add_worksheet(x->book, sheet) : NULL;
	if (x->sheet == NULL) {
		xlsx_free(x);
		return kp_internal(err);
	}
	x->bold = workbook_add_format(x->book);
	format_set_bold(x->bold);
	worksheet_freeze_panes(x->sheet, 1, 0);
	*out = x;
	return KP_OK;
}

/* Bytes of s that hold at most XLSX_CELL_MAX characters. */
static size_t fitting(const char *s)
{
	long chars = 0;
	size_t i = 0;
	for (; s[i]; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80 && ++chars > XLSX_CELL_MAX)
			break;
	return i;
}

static int write_cell(struct xlsx *x, int col, const char *s)
{
	size_t n = fitting(s);
	char *cut = NULL;
	if (s[n] != '\0') {
		if ((cut = strndup(s, n)) == NULL)
			return -1;
		s = cut;
	}
	lxw_error rc = worksheet_write_string(x->sheet, x->row, (lxw_col_t)col, s,
	                                      x->row == 0 ? x->bold : NULL);
	free(cut);
	return rc == LXW_NO_ERROR ? 0 : -1;
}

int xlsx_row(struct xlsx *x, const char *const *cells, int n, struct kp_error *err)
{
	if (x->row > XLSX_ROWS_MAX)
		return kp_fail_limit(err, KP_INVALID, "too_many_rows", "", XLSX_ROWS_MAX);
	for (int i = 0; i < n; i++)
		if (cells[i] && cells[i][0] && write_cell(x, i, cells[i]))
			return kp_internal(err);
	x->row++;
	return KP_OK;
}

int xlsx_finish(struct xlsx *x, struct buf *out, struct kp_error *err)
{
	int rc = workbook_close(x->book) == LXW_NO_ERROR ? KP_OK : kp_internal(err);
	x->book = NULL;
	FILE *f = rc == KP_OK ? fopen(x->path, "rb") : NULL;
	char chunk[65536];
	size_t n;
	if (rc == KP_OK && f == NULL)
		rc = kp_internal(err);
	while (rc == KP_OK && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
		if (buf_append(out, chunk, n) != 0)
			rc = kp_fail_limit(err, KP_INVALID, "too_large", "", (long long)out->max);
	if (f != NULL)
		fclose(f);
	xlsx_free(x);
	return rc;
}

void xlsx_free(struct xlsx *x)
{
	if (x == NULL)
		return;
	if (x->book != NULL)
		workbook_close(x->book);
	unlink(x->path);
	free(x);
}
