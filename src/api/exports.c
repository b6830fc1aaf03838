/* Lists as spreadsheets (exports.h). */
#include "api/exports.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api/calls.h"
#include "api/hours.h"
#include "api/matches.h"
#include "api/volunteers.h"
#include "util/csv.h"
#include "util/xlsx.h"

#define EXPORT_COLUMNS_MAX 64
#define EXPORT_CELL_TEXT 512   /* a joined list or a number; longer text is borrowed */

/* The table on its way out: CSV into the answer, or an .xlsx workbook. */
struct export {
	struct api_call *c;
	struct xlsx *xlsx;                        /* NULL for CSV */
	const char *columns[EXPORT_COLUMNS_MAX];  /* keys of the first row, owned by `first` */
	int n_columns;
	json_t *first;                            /* the first row, kept for its keys */
	long rows;
};

/* A time stamp (unix seconds) as a date and time spreadsheets read. */
static void format_time(json_int_t t, char *out, size_t size)
{
	time_t s = (time_t)t;
	struct tm tm;
	if (gmtime_r(&s, &tm) == NULL || strftime(out, size, "%Y-%m-%d %H:%M", &tm) == 0)
		snprintf(out, size, "%lld", (long long)t);
}

static void scalar_text(json_t *v, const char *key, char *out, size_t size)
{
	size_t klen = strlen(key);
	out[0] = '\0';
	if (json_is_integer(v) && klen > 3 && strcmp(key + klen - 3, "_at") == 0)
		format_time(json_integer_value(v), out, size);
	else if (json_is_integer(v))
		snprintf(out, size, "%lld", (long long)json_integer_value(v));
	else if (json_is_real(v))
		snprintf(out, size, "%.6g", json_real_value(v));
	else if (json_is_boolean(v))
		snprintf(out, size, "%s", json_is_true(v) ? "ja" : "nee");
}

/* A list of values ("wandelen, koken") into out. */
static void list_text(json_t *v, const char *key, char *out, size_t size)
{
	size_t i, o = 0;
	json_t *e;
	out[0] = '\0';
	json_array_foreach(v, i, e) {
		char one[64];
		const char *s = json_is_string(e) ? json_string_value(e) : one;
		if (!json_is_string(e))
			scalar_text(e, key, one, sizeof one);
		int n = snprintf(out + o, size - o, "%s%s", i ? ", " : "", s);
		if (n < 0 || (size_t)n >= size - o)
			break;
		o += (size_t)n;
	}
}

/* The cell text of field key of row: text is borrowed, the rest formatted into tmp. */
static const char *cell_text(json_t *row, const char *key, char *tmp, size_t size)
{
	json_t *v = json_object_get(row, key);
	if (json_is_string(v))
		return json_string_value(v);
	if (json_is_array(v))
		list_text(v, key, tmp, size);
	else
		scalar_text(v, key, tmp, size);
	return tmp;
}

static int put_row(struct export *x, const char *const *cells)
{
	struct kp_error *err = &x->c->err;
	if (x->xlsx != NULL)
		return xlsx_row(x->xlsx, cells, x->n_columns, err);
	if (csv_write_row(&x->c->res->body, cells, x->n_columns) != 0)
		return kp_fail_limit(err, KP_INVALID, "too_large", "", HTTP_RESPONSE_MAX);
	return KP_OK;
}

/* The header from the first row's keys. */
static int put_header(struct export *x, json_t *row)
{
	const char *key;
	json_t *v;
	x->first = json_incref(row);
	json_object_foreach(row, key, v) {
		if (x->n_columns < EXPORT_COLUMNS_MAX && !json_is_object(v))
			x->columns[x->n_columns++] = key;
	}
	return put_row(x, x->columns);
}

static int put_item(struct export *x, json_t *row)
{
	static const size_t size = EXPORT_CELL_TEXT;
	const char *cells[EXPORT_COLUMNS_MAX];
	char *tmp = malloc((size_t)EXPORT_COLUMNS_MAX * size);
	if (tmp == NULL)
		return kp_internal(&x->c->err);
	for (int i = 0; i < x->n_columns; i++)
		cells[i] = cell_text(row, x->columns[i], tmp + (size_t)i * size, size);
	int rc = put_row(x, cells);
	free(tmp);
	x->rows++;
	return rc;
}

/* Runs the list handler for one page and writes its rows; *n gets their number. */
static int export_page(struct export *x, api_handler list, struct buf *page, int *n)
{
	struct api_call *c = x->c;
	struct buf *out = &c->res->body;
	size_t i;
	json_t *row;
	/* The list answers into a buffer of its own; the table grows in the answer. */
	struct buf kept = *out;
	*out = *page;
	out->len = 0;
	int rc = list(c);
	*page = *out;
	*out = kept;
	if (rc != KP_OK)
		return KP_ERR;
	json_t *doc = json_loadb(page->data, page->len, 0, NULL);
	json_t *items = json_object_get(doc, "items");
	*n = (int)json_array_size(items);
	json_array_foreach(items, i, row) {
		if ((x->rows == 0 && x->first == NULL && put_header(x, row)) || put_item(x, row)) {
			rc = KP_ERR;
			break;
		}
	}
	json_decref(doc);
	return rc;
}

static int export_rows(struct export *x, api_handler list)
{
	struct page pg = { EXPORT_PAGE, 0 };
	struct buf page;
	int n = 0, rc = KP_OK;
	buf_init(&page, HTTP_RESPONSE_MAX);
	x->c->export_page = &pg;
	while (rc == KP_OK && pg.offset < EXPORT_ROWS_MAX) {
		rc = export_page(x, list, &page, &n);
		if (n < pg.limit)
			break;
		pg.offset += n;
	}
	x->c->export_page = NULL;
	buf_free(&page);
	return rc;
}

static bool wants_xlsx(const struct api_call *c)
{
	size_t n = strlen(c->req->path);
	return n > 5 && strcmp(c->req->path + n - 5, ".xlsx") == 0;
}

/* Answers list's rows as a spreadsheet file called name (.csv or .xlsx). */
static int export_list(struct api_call *c, api_handler list, const char *name)
{
	struct export x = { .c = c };
	bool xlsx = wants_xlsx(c);
	char disposition[96];
	c->res->body.len = 0;
	int rc = xlsx ? xlsx_open(&x.xlsx, name, &c->err)
	              : (csv_write_start(&c->res->body) ? kp_internal(&c->err) : KP_OK);
	if (rc == KP_OK)
		rc = export_rows(&x, list);
	if (rc == KP_OK && xlsx) {
		rc = xlsx_finish(x.xlsx, &c->res->body, &c->err);
		x.xlsx = NULL;
	}
	xlsx_free(x.xlsx);
	json_decref(x.first);
	if (rc != KP_OK) {
		c->res->body.len = 0;
		return KP_ERR;
	}
	snprintf(disposition, sizeof disposition, "attachment; filename=\"%s.%s\"", name,
	         xlsx ? "xlsx" : "csv");
	http_response_header(c->res, "Content-Disposition", disposition);
	c->res->status = 200;
	c->res->content_type = xlsx ? "application/vnd.openxmlformats-officedocument."
	                              "spreadsheetml.sheet"
	                            : "text/csv; charset=utf-8";
	return KP_OK;
}

int volunteers_export(struct api_call *c)
{
	return export_list(c, volunteers_list, "vrijwilligers");
}

int calls_export(struct api_call *c)
{
	return export_list(c, calls_list, "oproepen");
}

int matches_export(struct api_call *c)
{
	return export_list(c, matches_list, "koppelingen");
}

int hours_export(struct api_call *c)
{
	return export_list(c, hours_index, "uren");
}
