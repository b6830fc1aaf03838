/* A workbook's first worksheet as CSV text (xlsx_read.h). */
#include "util/xlsx_read.h"

#include <expat.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "util/csv.h"

/* The shared strings of a workbook: every <si>, its <t> texts joined. */
struct strings {
	char **s;
	size_t n, cap;
	struct buf cur;        /* the <si> being read */
	int in_si, in_t, in_ruby;
	bool failed;
	XML_Parser p;
};

/* The worksheet being turned into rows. */
struct sheet {
	const struct strings *strings;
	struct buf *out;
	struct buf cells[CSV_COLUMNS_MAX];  /* the row being read */
	int n_cells;                        /* columns used in it */
	long row, written;                  /* its number; rows written so far */
	int col;                            /* the cell being read */
	char type[16];                      /* its t attribute */
	bool has_formula;
	struct buf value, formula;
	int in_v, in_f, in_t;
	struct kp_error *err;
	bool failed;
	XML_Parser p;
};

/* Empties b, keeping its memory and the NUL after its text. */
static void clear(struct buf *b)
{
	b->len = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
}

bool xlsx_is_zip(const char *data, size_t len)
{
	return len >= 4 && memcmp(data, "PK\x03\x04", 4) == 0;
}

static const char *attr(const XML_Char **atts, const char *name)
{
	for (int i = 0; atts[i] != NULL; i += 2)
		if (strcmp(atts[i], name) == 0)
			return atts[i + 1];
	return NULL;
}

static void strings_start(void *ctx, const XML_Char *name, const XML_Char **atts)
{
	struct strings *st = ctx;
	(void)atts;
	if (strcmp(name, "si") == 0) {
		st->in_si = 1;
		clear(&st->cur);
	} else if (strcmp(name, "rPh") == 0) {
		st->in_ruby++;
	} else if (strcmp(name, "t") == 0 && st->in_si) {
		st->in_t = 1;
	}
}

static void strings_end(void *ctx, const XML_Char *name)
{
	struct strings *st = ctx;
	if (strcmp(name, "t") == 0) {
		st->in_t = 0;
	} else if (strcmp(name, "rPh") == 0) {
		st->in_ruby--;
	} else if (strcmp(name, "si") == 0) {
		st->in_si = 0;
		if (st->n == st->cap) {
			size_t cap = st->cap ? st->cap * 2 : 256;
			char **s = cap <= XLSX_READ_STRINGS_MAX ? realloc(st->s, cap * sizeof *s) : NULL;
			if (s == NULL) {
				st->failed = true;
				XML_StopParser(st->p, XML_FALSE);
				return;
			}
			st->s = s;
			st->cap = cap;
		}
		if ((st->s[st->n] = strdup(st->cur.data ? st->cur.data : "")) == NULL) {
			st->failed = true;
			XML_StopParser(st->p, XML_FALSE);
			return;
		}
		st->n++;
	}
}

static void strings_text(void *ctx, const XML_Char *s, int len)
{
	struct strings *st = ctx;
	if (st->in_t && !st->in_ruby && buf_append(&st->cur, s, (size_t)len) != 0) {
		st->failed = true;
		XML_StopParser(st->p, XML_FALSE);
	}
}

/* The column of a cell reference ("B3" is 1), or -1. */
static int column_of(const char *ref)
{
	int col = 0, letters = 0;
	for (; *ref >= 'A' && *ref <= 'Z'; ref++, letters++)
		col = col * 26 + (*ref - 'A' + 1);
	return letters == 0 || letters > 3 ? -1 : col - 1;
}

static void sheet_fail(struct sheet *sh, const char *code, long long limit)
{
	if (!sh->failed)
		kp_fail_limit(sh->err, KP_INVALID, code, "file", limit);
	sh->failed = true;
	XML_StopParser(sh->p, XML_FALSE);
}

static int write_row(struct sheet *sh, int n)
{
	const char *cells[CSV_COLUMNS_MAX] = { "" };
	for (int i = 0; i < n; i++)
		cells[i] = sh->cells[i].data ? sh->cells[i].data : "";
	return csv_write_row_as_is(sh->out, cells, n > 0 ? n : 1);
}

static void row_start(struct sheet *sh, const XML_Char **atts)
{
	const char *r = attr(atts, "r");
	long n = r ? strtol(r, NULL, 10) : sh->written + 1;
	if (n <= sh->written || n > CSV_RECORDS_MAX)
		return sheet_fail(sh, "too_many_rows", CSV_RECORDS_MAX);
	/* rows the workbook leaves out keep their numbers as empty rows */
	for (; sh->written + 1 < n; sh->written++)
		if (write_row(sh, 0) != 0)
			return sheet_fail(sh, "too_large", (long long)CSV_FILE_MAX);
	sh->row = n;
	for (int i = 0; i < sh->n_cells; i++)
		clear(&sh->cells[i]);
	sh->n_cells = 0;
	sh->col = -1;
}

static void cell_start(struct sheet *sh, const XML_Char **atts)
{
	const char *r = attr(atts, "r"), *t = attr(atts, "t");
	sh->col = r ? column_of(r) : sh->col + 1;
	if (sh->col < 0 || sh->col >= CSV_COLUMNS_MAX)
		return sheet_fail(sh, "too_many", CSV_COLUMNS_MAX);
	snprintf(sh->type, sizeof sh->type, "%s", t ? t : "n");
	clear(&sh->value);
	clear(&sh->formula);
	sh->has_formula = false;
}

static void sheet_start(void *ctx, const XML_Char *name, const XML_Char **atts)
{
	struct sheet *sh = ctx;
	if (strcmp(name, "row") == 0)
		row_start(sh, atts);
	else if (strcmp(name, "c") == 0)
		cell_start(sh, atts);
	else if (strcmp(name, "v") == 0)
		sh->in_v = 1;
	else if (strcmp(name, "t") == 0)
		sh->in_t = 1;
	else if (strcmp(name, "f") == 0)
		sh->in_f = 1, sh->has_formula = true;
}

/* The text of the cell just read. */
static const char *cell_text(struct sheet *sh)
{
	const char *v = sh->value.data ? sh->value.data : "";
	if (strcmp(sh->type, "s") == 0) {
		char *end;
		long i = strtol(v, &end, 10);
		return *v && *end == '\0' && i >= 0 && (size_t)i < sh->strings->n
		       ? sh->strings->s[i] : "";
	}
	return v;
}

static void cell_end(struct sheet *sh)
{
	struct buf *c = &sh->cells[sh->col];
	int rc = 0;
	clear(c);
	if (sh->has_formula) /* "=" and the formula, so that the import refuses it */
		rc = buf_appends(c, "=") | buf_appends(c, sh->formula.data ? sh->formula.data : "");
	else
		rc = buf_appends(c, cell_text(sh));
	if (rc != 0)
		return sheet_fail(sh, "too_long", CSV_CELL_MAX);
	if (sh->col + 1 > sh->n_cells)
		sh->n_cells = sh->col + 1;
}

static void sheet_end(void *ctx, const XML_Char *name)
{
	struct sheet *sh = ctx;
	if (strcmp(name, "v") == 0) {
		sh->in_v = 0;
	} else if (strcmp(name, "t") == 0) {
		sh->in_t = 0;
	} else if (strcmp(name, "f") == 0) {
		sh->in_f = 0;
	} else if (strcmp(name, "c") == 0 && sh->col >= 0 && !sh->failed) {
		cell_end(sh);
	} else if (strcmp(name, "row") == 0 && !sh->failed) {
		if (write_row(sh, sh->n_cells) != 0)
			return sheet_fail(sh, "too_large", (long long)CSV_FILE_MAX);
		sh->written = sh->row;
	}
}

static void sheet_text(void *ctx, const XML_Char *s, int len)
{
	struct sheet *sh = ctx;
	struct buf *to = sh->in_f ? &sh->formula : (sh->in_v || sh->in_t) ? &sh->value : NULL;
	if (to != NULL && buf_append(to, s, (size_t)len) != 0)
		sheet_fail(sh, "too_long", CSV_CELL_MAX);
}

/* The unpacked bytes of entry `name` (NUL-terminated); NULL when absent or too large. */
static char *entry(zip_t *z, const char *name, size_t *len, bool *too_large)
{
	zip_stat_t st;
	*too_large = false;
	if (zip_stat(z, name, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))
		return NULL;
	if (st.size > CSV_FILE_MAX) {
		*too_large = true;
		return NULL;
	}
	zip_file_t *f = zip_fopen(z, name, 0);
	char *data = f ? malloc(st.size + 1) : NULL;
	zip_int64_t got = data ? zip_fread(f, data, st.size) : -1;
	if (f != NULL)
		zip_fclose(f);
	if (got != (zip_int64_t)st.size) {
		free(data);
		return NULL;
	}
	data[st.size] = '\0';
	*len = st.size;
	return data;
}

static bool parse(XML_Parser p, const char *xml, size_t len)
{
	return len <= (size_t)INT32_MAX && XML_Parse(p, xml, (int)len, XML_TRUE) == XML_STATUS_OK;
}

static int read_strings(zip_t *z, struct strings *st, struct kp_error *err)
{
	size_t len = 0;
	bool too_large;
	char *xml = entry(z, "xl/sharedStrings.xml", &len, &too_large);
	if (xml == NULL) /* a workbook without text has none */
		return too_large ? kp_fail_limit(err, KP_INVALID, "too_large", "file",
		                                 (long long)CSV_FILE_MAX) : KP_OK;
	st->p = XML_ParserCreate("UTF-8");
	buf_init(&st->cur, CSV_CELL_MAX);
	XML_SetUserData(st->p, st);
	XML_SetElementHandler(st->p, strings_start, strings_end);
	XML_SetCharacterDataHandler(st->p, strings_text);
	bool ok = st->p != NULL && parse(st->p, xml, len) && !st->failed;
	XML_ParserFree(st->p);
	buf_free(&st->cur);
	free(xml);
	return ok ? KP_OK : kp_invalid(err, "file", "not_a_workbook");
}

static int read_sheet(zip_t *z, struct sheet *sh, struct kp_error *err)
{
	size_t len = 0;
	bool too_large;
	char *xml = entry(z, "xl/worksheets/sheet1.xml", &len, &too_large);
	if (xml == NULL)
		return too_large ? kp_fail_limit(err, KP_INVALID, "too_large", "file",
		                                 (long long)CSV_FILE_MAX)
		                 : kp_invalid(err, "file", "not_a_workbook");
	for (int i = 0; i < CSV_COLUMNS_MAX; i++)
		buf_init(&sh->cells[i], CSV_CELL_MAX);
	buf_init(&sh->value, CSV_CELL_MAX);
	buf_init(&sh->formula, CSV_CELL_MAX);
	sh->p = XML_ParserCreate("UTF-8");
	XML_SetUserData(sh->p, sh);
	XML_SetElementHandler(sh->p, sheet_start, sheet_end);
	XML_SetCharacterDataHandler(sh->p, sheet_text);
	bool ok = sh->p != NULL && parse(sh->p, xml, len);
	XML_ParserFree(sh->p);
	for (int i = 0; i < CSV_COLUMNS_MAX; i++)
		buf_free(&sh->cells[i]);
	buf_free(&sh->value);
	buf_free(&sh->formula);
	free(xml);
	if (sh->failed)
		return KP_ERR;
	return ok ? KP_OK : kp_invalid(err, "file", "not_a_workbook");
}

int xlsx_to_csv(const char *data, size_t len, struct buf *out, struct kp_error *err)
{
	zip_error_t zerr;
	zip_error_init(&zerr);
	zip_source_t *src = zip_source_buffer_create(data, len, 0, &zerr);
	zip_t *z = src ? zip_open_from_source(src, ZIP_RDONLY, &zerr) : NULL;
	zip_error_fini(&zerr);
	if (z == NULL) {
		zip_source_free(src);
		return kp_invalid(err, "file", "not_a_workbook");
	}
	struct strings st = { 0 };
	struct sheet *sh = calloc(1, sizeof *sh);
	int rc = sh ? read_strings(z, &st, err) : kp_internal(err);
	if (rc == KP_OK) {
		sh->strings = &st;
		sh->out = out;
		sh->err = err;
		rc = read_sheet(z, sh, err);
	}
	for (size_t i = 0; i < st.n; i++)
		free(st.s[i]);
	free(st.s);
	free(sh);
	zip_close(z);
	return rc;
}
