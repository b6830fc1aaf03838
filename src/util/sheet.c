/* Tables as CSV or .xlsx (sheet.h). */
#include "util/sheet.h"

#include <stdio.h>
#include <string.h>

#include "util/csv.h"
#include "util/xlsx.h"

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

/* The workbook, its header row written bold and frozen by util/xlsx.h. */
static int workbook_open(struct sheet *s, const char *title, const char *const *header)
{
	struct xlsx_column cols[XLSX_COLUMNS_MAX];
	int n = 0;
	for (; header[n] != NULL && n < XLSX_COLUMNS_MAX; n++)
		cols[n] = (struct xlsx_column){ header[n], XLSX_TEXT, 0 };
	char name[32];
	snprintf(name, sizeof name, "%.31s", title);
	s->xlsx = xlsx_open(name, cols, n);
	return s->xlsx != NULL ? 0 : -1;
}

int sheet_open(struct sheet *s, int format, const char *title, const char *const *header,
               struct buf *out)
{
	*s = (struct sheet){ .format = format, .out = out };
	if (format == SHEET_CSV) {
		/* The byte order mark tells spreadsheet programs the text is UTF-8. */
		if (buf_appends(out, "\xEF\xBB\xBF"))
			return -1;
	} else {
		if (workbook_open(s, title, header) != 0)
			return -1;
		s->row = 1;
		return 0;
	}
	for (; *header; header++) {
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
		xlsx_put_text(s->xlsx, text);
	else
		csv_field(s, text);
	s->col++;
}

void sheet_int(struct sheet *s, int64_t v)
{
	char text[24];
	if (s->format == SHEET_XLSX) {
		xlsx_put_number(s->xlsx, (double)v);
		s->col++;
		return;
	}
	snprintf(text, sizeof text, "%lld", (long long)v);
	sheet_text(s, text);
}

void sheet_decimal(struct sheet *s, double v)
{
	char text[32];
	if (s->format == SHEET_XLSX) {
		xlsx_put_number(s->xlsx, v);
		s->col++;
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
	if (s->format == SHEET_XLSX)
		xlsx_next_row(s->xlsx);
	else if (!s->failed)
		s->failed = buf_appends(s->out, "\r\n") != 0;
	s->row++;
	s->col = 0;
}

int sheet_close(struct sheet *s)
{
	if (s->format == SHEET_XLSX) /* closing also removes the temporary file */
		s->failed |= xlsx_close(s->xlsx, s->out) != 0;
	return s->failed ? -1 : 0;
}
