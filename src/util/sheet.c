/* Tables as CSV or .xlsx (sheet.h). */
#include "util/sheet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "util/csv.h"

int sheet_format_of(const char *extension)
{
	if (strcmp(extension, "csv") == 0)
		return SHEET_CSV;
	if (strcmp(extension, "xlsx") == 0)
		return SHEET_XLSX;
	return -1;
}

const char *sheet_content_type(int format)
{
	return format == SHEET_XLSX
	               ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	               : "text/csv; charset=utf-8";
}

/* Figures, not free text: a negative number stays a number, not neutralised. */
static void csv_field(struct sheet *s, const char *text)
{
	int rc = s->col > 0 ? buf_appends(s->out, ";") : 0;
	s->failed |= (rc | csv_write_cell(s->out, text, false)) != 0;
}

static int xlsx_open(struct sheet *s, const char *title)
{
	const char *dir = getenv("TMPDIR");
	snprintf(s->path, sizeof s->path, "%.40s/knooppunt-XXXXXX", dir && *dir ? dir : "/tmp");
	int fd = mkstemp(s->path);
	if (fd < 0)
		return -1;
	close(fd);
	char name[32];
	snprintf(name, sizeof name, "%.31s", title);
	s->workbook = workbook_new(s->path);
	s->worksheet = s->workbook ? workbook_add_worksheet(s->workbook, name) : NULL;
	if (s->worksheet == NULL) {
		if (s->workbook)
			workbook_close(s->workbook);
		unlink(s->path);
		return -1;
	}
	s->bold = workbook_add_format(s->workbook);
	format_set_bold(s->bold);
	return 0;
}

int sheet_open(struct sheet *s, int format, const char *title, const char *const *header,
               struct buf *out)
{
	*s = (struct sheet){ .format = format, .out = out };
	if (format == SHEET_CSV) {
		/* The byte order mark tells spreadsheet programs the text is UTF-8. */
		if (buf_appends(out, "\xEF\xBB\xBF"))
			return -1;
	} else if (xlsx_open(s, title) != 0) {
		return -1;
	}
	for (; *header; header++) {
		if (format == SHEET_XLSX)
			s->failed |= worksheet_write_string(s->worksheet, 0, (lxw_col_t)s->col,
			                                    *header, s->bold) != LXW_NO_ERROR;
		else
			csv_field(s, *header);
		s->col++;
	}
	sheet_row_end(s);
	return 0;
}

void sheet_text(struct sheet *s, const char *text)
{
	if (s->failed)
		return;
	if (s->format == SHEET_XLSX)
		s->failed = worksheet_write_string(s->worksheet, s->row, (lxw_col_t)s->col, text,
		                                   NULL) != LXW_NO_ERROR;
	else
		csv_field(s, text);
	s->col++;
}

void sheet_int(struct sheet *s, int64_t v)
{
	char text[24];
	if (s->format == SHEET_XLSX && !s->failed) {
		s->failed = worksheet_write_number(s->worksheet, s->row, (lxw_col_t)s->col++,
		                                   (double)v, NULL) != LXW_NO_ERROR;
		return;
	}
	snprintf(text, sizeof text, "%lld", (long long)v);
	sheet_text(s, text);
}

void sheet_decimal(struct sheet *s, double v)
{
	char text[32];
	if (s->format == SHEET_XLSX && !s->failed) {
		s->failed = worksheet_write_number(s->worksheet, s->row, (lxw_col_t)s->col++, v,
		                                   NULL) != LXW_NO_ERROR;
		return;
	}
	snprintf(text, sizeof text, "%.4f", v);
	char *dot = strchr(text, '.');
	if (dot)
		*dot = ','; /* a decimal comma, as Dutch spreadsheets read it */
	sheet_text(s, text);
}

void sheet_row_end(struct sheet *s)
{
	if (s->format == SHEET_CSV && !s->failed)
		s->failed = buf_appends(s->out, "\r\n") != 0;
	s->row++;
	s->col = 0;
}

/* Reads the finished workbook into out. */
static int slurp(struct sheet *s)
{
	FILE *f = fopen(s->path, "rb");
	if (f == NULL)
		return -1;
	char chunk[8192];
	size_t n;
	int rc = 0;
	while (rc == 0 && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
		rc = buf_append(s->out, chunk, n);
	rc |= ferror(f) ? -1 : 0;
	fclose(f);
	return rc;
}

int sheet_close(struct sheet *s)
{
	if (s->format == SHEET_XLSX) {
		s->failed |= workbook_close(s->workbook) != LXW_NO_ERROR;
		s->failed |= !s->failed && slurp(s) != 0;
		unlink(s->path);
	}
	return s->failed ? -1 : 0;
}
