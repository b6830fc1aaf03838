/* Reading CSV files from spreadsheet programs (csv.h). */
#include "util/csv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Windows-1252 0x80..0x9f as Unicode code points; 0 where it has none. */
static const unsigned short cp1252_high[32] = {
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
	0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
};

/* Length of the valid UTF-8 sequence at s (n bytes left), or 0. */
static size_t utf8_sequence(const unsigned char *s, size_t n)
{
	size_t len;
	unsigned int min;
	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		len = 2, min = 0x80;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		len = 3, min = 0x800;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		len = 4, min = 0x10000;
	else
		return 0;
	if (len > n)
		return 0;
	unsigned int cp = s[0] & (0xff >> (len + 1));
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return len;
}

static bool valid_utf8(const char *data, size_t len)
{
	const unsigned char *s = (const unsigned char *)data;
	for (size_t i = 0; i < len;) {
		size_t n = utf8_sequence(s + i, len - i);
		if (n == 0)
			return false;
		i += n;
	}
	return true;
}

static size_t put_utf8(char *out, unsigned int cp)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	out[0] = (char)(0xe0 | (cp >> 12));
	out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[2] = (char)(0x80 | (cp & 0x3f));
	return 3;
}

/* A copy of data read as Windows-1252, in UTF-8 (at most 3 bytes a byte). */
static char *from_cp1252(const char *data, size_t len, size_t *out_len)
{
	char *out = malloc(len * 3 + 1);
	if (out == NULL)
		return NULL;
	size_t o = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)data[i];
		unsigned int cp = c;
		if (c >= 0x80 && c < 0xa0)
			cp = cp1252_high[c - 0x80] ? cp1252_high[c - 0x80] : 0xfffd;
		o += put_utf8(out + o, cp);
	}
	out[o] = '\0';
	*out_len = o;
	return out;
}

/* The separator of the first line: the most frequent of ';', ',' and tab
   outside quotes; ',' when there is none. */
static char detect_separator(const char *p, const char *end)
{
	int semicolons = 0, commas = 0, tabs = 0;
	bool quoted = false;
	for (; p < end; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (!quoted && (*p == '\n' || *p == '\r'))
			break;
		else if (!quoted)
			semicolons += *p == ';', commas += *p == ',', tabs += *p == '\t';
	}
	if (semicolons >= commas && semicolons >= tabs && semicolons > 0)
		return ';';
	if (tabs > commas)
		return '\t';
	return ',';
}

int csv_open(struct csv_reader *r, const char *data, size_t len, struct kp_error *err)
{
	r->owned = NULL;
	r->records = 0;
	if (len > CSV_FILE_MAX)
		return kp_fail_limit(err, KP_INVALID, "too_large", "file", (long long)CSV_FILE_MAX);
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		data += 3, len -= 3;
	if (!valid_utf8(data, len)) {
		r->owned = from_cp1252(data, len, &len);
		if (r->owned == NULL)
			return kp_internal(err);
		data = r->owned;
	}
	r->p = data;
	r->end = data + len;
	r->size = len;
	if (len == 0) {
		csv_close(r);
		return kp_invalid(err, "file", "empty");
	}
	r->sep = detect_separator(r->p, r->end);
	return KP_OK;
}

/* Fails naming the record and column (1-based) in err->field. */
static int fail_at(struct csv_reader *r, int column, const char *code, long long limit,
                   struct kp_error *err)
{
	kp_fail_limit(err, KP_INVALID, code, "", limit);
	if (err != NULL)
		snprintf(err->field, sizeof err->field, "row %ld, column %d", r->records, column);
	return KP_ERR;
}

struct cell_out {
	char *at;       /* where the next byte goes */
	char *limit;    /* end of the scratch for cell bytes */
	char *start;    /* the cell's first byte */
};

/* Appends c to the cell: 0, or -1 past a cap. */
static int put(struct cell_out *o, char c)
{
	if (o->at >= o->limit || o->at - o->start >= CSV_CELL_MAX)
		return -1;
	*o->at++ = c;
	return 0;
}

static bool record_end(const struct csv_reader *r, const char *p)
{
	return p >= r->end || *p == '\n' || *p == '\r';
}

/* Reads a quoted cell from just after its opening quote. */
static int quoted_cell(struct csv_reader *r, struct cell_out *o, int column,
                       struct kp_error *err)
{
	for (;;) {
		if (r->p >= r->end)
			return fail_at(r, column, "unclosed_quote", 0, err);
		char c = *r->p++;
		if (c == '"') {
			if (r->p < r->end && *r->p == '"')
				r->p++;
			else
				break;
		} else if (c == '\0') {
			return fail_at(r, column, "invalid_text", 0, err);
		}
		if (put(o, c))
			return fail_at(r, column, "too_long", CSV_CELL_MAX, err);
	}
	if (!record_end(r, r->p) && *r->p != r->sep)
		return fail_at(r, column, "stray_quote", 0, err);
	return KP_OK;
}

static int plain_cell(struct csv_reader *r, struct cell_out *o, int column,
                      struct kp_error *err)
{
	while (!record_end(r, r->p) && *r->p != r->sep) {
		if (*r->p == '\0')
			return fail_at(r, column, "invalid_text", 0, err);
		if (put(o, *r->p++))
			return fail_at(r, column, "too_long", CSV_CELL_MAX, err);
	}
	return KP_OK;
}

/* Reads one cell into o, NUL-terminated, and points row->cell[column-1] at it. */
static int read_cell(struct csv_reader *r, struct csv_row *row, struct cell_out *o,
                     struct kp_error *err)
{
	int column = row->n + 1;
	if (row->n == CSV_COLUMNS_MAX)
		return fail_at(r, column, "too_many", CSV_COLUMNS_MAX, err);
	o->start = o->at;
	int rc;
	if (r->p < r->end && *r->p == '"') {
		r->p++;
		rc = quoted_cell(r, o, column, err);
	} else {
		rc = plain_cell(r, o, column, err);
	}
	if (rc)
		return KP_ERR;
	*o->at++ = '\0'; /* the scratch keeps a byte per column for this */
	row->cell[row->n++] = o->start;
	return KP_OK;
}

int csv_next(struct csv_reader *r, struct csv_row *row, struct kp_error *err)
{
	row->n = 0;
	if (r->p >= r->end)
		return 0;
	if (r->records == CSV_RECORDS_MAX) {
		r->records++;
		return fail_at(r, 1, "too_many_rows", CSV_RECORDS_MAX, err);
	}
	row->record = ++r->records;
	struct cell_out o = { r->scratch, r->scratch + CSV_RECORD_MAX, r->scratch };
	for (;;) {
		if (read_cell(r, row, &o, err))
			return KP_ERR;
		if (r->p < r->end && *r->p == r->sep) {
			r->p++;
			continue;
		}
		break;
	}
	if (r->p < r->end && *r->p == '\r')
		r->p++;
	if (r->p < r->end && *r->p == '\n')
		r->p++;
	return 1;
}

size_t csv_offset(const struct csv_reader *r)
{
	return r->size - (size_t)(r->end - r->p);
}

bool csv_row_is_empty(const struct csv_row *row)
{
	for (int i = 0; i < row->n; i++)
		for (const char *c = row->cell[i]; *c; c++)
			if (*c != ' ' && *c != '\t')
				return false;
	return true;
}

void csv_close(struct csv_reader *r)
{
	free(r->owned);
	r->owned = NULL;
}

int csv_write_start(struct buf *out)
{
	return buf_appends(out, "\xef\xbb\xbf");
}

int csv_write_cell(struct buf *out, const char *s, bool neutralise)
{
	int rc = 0;
	if (neutralise && strchr("=+-@\t\r", s[0]) != NULL && s[0] != '\0')
		rc |= buf_appends(out, "'");
	if (strpbrk(s, ";\"\r\n") == NULL)
		return rc | buf_appends(out, s);
	rc |= buf_appends(out, "\"");
	for (const char *p = s; *p; p++)
		rc |= *p == '"' ? buf_appends(out, "\"\"") : buf_append(out, p, 1);
	return rc | buf_appends(out, "\"");
}

static int write_row(struct buf *out, const char *const *cells, int n, bool neutralise)
{
	int rc = 0;
	for (int i = 0; i < n && rc == 0; i++)
		rc = csv_write_cell(out, cells[i] ? cells[i] : "", neutralise) |
		     buf_appends(out, i + 1 < n ? ";" : "");
	return rc | buf_appends(out, "\r\n") ? -1 : 0;
}

int csv_write_row(struct buf *out, const char *const *cells, int n)
{
	return write_row(out, cells, n, true);
}

int csv_write_row_as_is(struct buf *out, const char *const *cells, int n)
{
	return write_row(out, cells, n, false);
}
