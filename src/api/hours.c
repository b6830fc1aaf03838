/* Hours: logging, correcting, approving, proposals and totals (api/hours.h). */
#include "api/hours.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/json_in.h"
#include "api/json_out.h"
#include "service/hours.h"
#include "util/parse.h"

json_t *hour_to_json(struct catalog *cat, const struct hour_entry *e)
{
	return json_pack("{s:I, s:I, s:I, s:o, s:o, s:s, s:i, s:s, s:s, s:o, s:o, s:I, s:o, "
	                 "s:o}", "id", (json_int_t)e->id, "volunteer_id",
	                 (json_int_t)e->volunteer_id, "organisation_id",
	                 (json_int_t)e->organisation_id, "match_id", jout_opt_id(e->match_id),
	                 "activity", jout_item(cat, e->activity_id), "worked_on", e->worked_on,
	                 "minutes", e->minutes, "note", e->note, "status",
	                 hour_status_name(e->status), "replaced_by", jout_opt_id(e->replaced_by),
	                 "created_by", jout_opt_id(e->created_by), "created_at",
	                 (json_int_t)e->created_at, "approved_by", jout_opt_id(e->approved_by),
	                 "approved_at", e->approved_at ? json_integer(e->approved_at) : json_null());
}

/* Collects JSON items: ctx is { struct api_call *, json_t *array }. */
static int add_entry(void *ctx, const struct hour_entry *e)
{
	struct api_call *c = ((void **)ctx)[0];
	return json_array_append_new(((void **)ctx)[1], hour_to_json(&c->app->lists, e));
}

/* A date query parameter into dst, "" when absent. */
static int query_date(struct api_call *c, const char *name, char dst[11])
{
	const char *s = http_query(c->req, name);
	dst[0] = '\0';
	if (s == NULL || *s == '\0')
		return KP_OK;
	if (!parse_is_date(s))
		return kp_fail(&c->err, KP_MALFORMED, "invalid_date", name);
	snprintf(dst, 11, "%s", s);
	return KP_OK;
}

int hours_index(struct api_call *c)
{
	struct hours_filter f = { .status = -1 };
	struct page pg;
	int64_t total = 0;
	if (api_page(c, &pg) || api_query_id(c, "volunteer_id", &f.volunteer_id) ||
	    api_query_id(c, "organisation_id", &f.organisation_id) ||
	    api_query_enum(c, "status", hour_status_parse, &f.status) ||
	    query_date(c, "from", f.from) || query_date(c, "to", f.to))
		return KP_ERR;
	json_t *items = json_array();
	void *ctx[2] = { c, items };
	if (hours_list(c->app, c->db, &c->who, &f, pg, add_entry, ctx, &total, &c->err)) {
		json_decref(items);
		return KP_ERR;
	}
	return api_reply(c, 200, api_list_doc(items, total, pg));
}

/* The fields of an entry in the body into e; `create` requires the date and minutes. */
static int read_entry(struct api_call *c, struct hour_entry *e, bool create)
{
	static const char *const fields[] = { "volunteer_id", "match_id", "activity", "worked_on",
	                                      "minutes", "note", NULL };
	static const char *const corrections[] = { "worked_on", "minutes", "note", "activity",
	                                           NULL };
	return jin_only(c->body, create ? fields : corrections, &c->err) ||
	       (create && (jin_id(c->body, "volunteer_id", true, &e->volunteer_id, &c->err) ||
	                   jin_id(c->body, "match_id", false, &e->match_id, &c->err))) ||
	       jin_item(c->body, "activity", &c->app->lists, LIST_ACTIVITY, false, &e->activity_id,
	                &c->err) ||
	       jin_date(c->body, "worked_on", create, e->worked_on, &c->err) ||
	       jin_int(c->body, "minutes", HOURS_MINUTES_MIN, HOURS_MINUTES_MAX, create,
	               &e->minutes, &c->err) ||
	       jin_text(c->body, "note", HOURS_NOTE_MAX, false, e->note, sizeof e->note, &c->err);
}

int hours_create(struct api_call *c)
{
	struct hour_entry *e = calloc(1, sizeof *e);
	int rc = KP_ERR;
	if (e == NULL)
		return kp_internal(&c->err);
	if (read_entry(c, e, true) == KP_OK &&
	    hour_log(c->app, c->db, &c->who, e, &c->err) == KP_OK)
		rc = api_reply(c, 201, hour_to_json(&c->app->lists, e));
	free(e);
	return rc;
}

int hours_show(struct api_call *c)
{
	json_t *items = json_array();
	void *ctx[2] = { c, items };
	if (hour_history(c->app, c->db, &c->who, c->id, add_entry, ctx, &c->err)) {
		json_decref(items);
		return KP_ERR;
	}
	json_t *doc = json_deep_copy(json_array_get(items, 0));
	json_array_remove(items, 0);
	json_object_set_new(doc, "history", items);
	return api_reply(c, 200, doc);
}

int hours_update(struct api_call *c)
{
	struct hour_entry *with = calloc(1, sizeof *with), *out = calloc(1, sizeof *out);
	int rc = KP_ERR;
	if (with == NULL || out == NULL) {
		rc = kp_internal(&c->err);
		goto end;
	}
	uint64_t mask = api_field_mask(c, &hour_fields);
	if (read_entry(c, with, false) == KP_OK &&
	    hour_correct(c->app, c->db, &c->who, c->id, with, mask, out, &c->err) == KP_OK)
		rc = api_reply(c, 200, hour_to_json(&c->app->lists, out));
end:
	free(with);
	free(out);
	return rc;
}

int hours_approve_many(struct api_call *c)
{
	static const char *const fields[] = { "ids", NULL };
	int64_t ids[HOURS_APPROVE_MAX];
	json_t *a = json_object_get(c->body, "ids");
	size_t n = json_array_size(a);
	if (jin_only(c->body, fields, &c->err))
		return KP_ERR;
	if (!json_is_array(a) || n == 0)
		return kp_invalid(&c->err, "ids", a == NULL ? "required" : "wrong_type");
	if (n > HOURS_APPROVE_MAX)
		return kp_fail_limit(&c->err, KP_INVALID, "too_many", "ids", HOURS_APPROVE_MAX);
	for (size_t i = 0; i < n; i++) {
		json_t *v = json_array_get(a, i);
		if (!json_is_integer(v) || json_integer_value(v) < 1)
			return kp_invalid(&c->err, "ids", "wrong_type");
		ids[i] = json_integer_value(v);
	}
	if (hours_approve(c->app, c->db, &c->who, ids, (int)n, &c->err))
		return KP_ERR;
	return api_reply(c, 200, json_pack("{s:i}", "approved", (int)n));
}

/* The month of a totals query: "YYYY-MM", "" for the current one. */
static int query_month(struct api_call *c, char month[8])
{
	const char *s = http_query(c->req, "month");
	char date[11];
	month[0] = '\0';
	if (s == NULL || *s == '\0')
		return KP_OK;
	snprintf(date, sizeof date, "%.7s-01", s);
	if (strlen(s) != 7 || !parse_is_date(date))
		return kp_fail(&c->err, KP_MALFORMED, "invalid_choice", "month");
	snprintf(month, 8, "%s", s);
	return KP_OK;
}

static int add_total(void *ctx, const struct hour_total *t)
{
	return json_array_append_new(ctx, json_pack("{s:I, s:I, s:I, s:I, s:I, s:I}",
	                                            "volunteer_id", (json_int_t)t->volunteer_id,
	                                            "organisation_id",
	                                            (json_int_t)t->organisation_id, "minutes",
	                                            (json_int_t)t->minutes, "approved_minutes",
	                                            (json_int_t)t->approved_minutes, "entries",
	                                            (json_int_t)t->entries, "expense_cents",
	                                            (json_int_t)t->expense_cents));
}

/* Reads the totals query and runs it; each gets ctx. */
static int run_totals(struct api_call *c, hour_total_fn each, void *ctx, char month[8])
{
	int64_t org = 0;
	if (query_month(c, month) || api_query_id(c, "organisation_id", &org))
		return KP_ERR;
	return hours_totals(c->app, c->db, &c->who, org, month, each, ctx, &c->err);
}

int hours_totals_show(struct api_call *c)
{
	json_t *items = json_array();
	char month[8];
	if (run_totals(c, add_total, items, month)) {
		json_decref(items);
		return KP_ERR;
	}
	return api_reply(c, 200, json_pack("{s:s, s:o}", "month", month, "items", items));
}

static int add_csv_line(void *ctx, const struct hour_total *t)
{
	return buf_printf(ctx, "%lld,%lld,%lld,%lld,%lld,%lld.%02lld\r\n",
	                  (long long)t->organisation_id, (long long)t->volunteer_id,
	                  (long long)t->entries, (long long)t->minutes,
	                  (long long)t->approved_minutes, (long long)(t->expense_cents / 100),
	                  (long long)(t->expense_cents % 100));
}

int hours_totals_csv(struct api_call *c)
{
	char month[8];
	struct buf *out = &c->res->body;
	out->len = 0;
	if (buf_appends(out, "organisation_id,volunteer_id,entries,minutes,approved_minutes,"
	                     "expenses_eur\r\n") != 0)
		return kp_internal(&c->err);
	if (run_totals(c, add_csv_line, out, month))
		return KP_ERR;
	c->res->status = 200;
	c->res->content_type = "text/csv; charset=utf-8";
	return KP_OK;
}

static int add_proposal(void *ctx, const struct hour_proposal *p)
{
	struct api_call *c = ((void **)ctx)[0];
	json_t *doc = hour_to_json(&c->app->lists, &p->entry);
	json_object_del(doc, "id");
	json_object_set_new(doc, "title", json_string(p->title));
	json_object_set_new(doc, "logged", json_boolean(p->logged));
	return json_array_append_new(((void **)ctx)[1], doc);
}

int volunteer_hours_today(struct api_call *c)
{
	json_t *items = json_array();
	void *ctx[2] = { c, items };
	if (hours_today(c->app, c->db, &c->who, c->id, add_proposal, ctx, &c->err)) {
		json_decref(items);
		return KP_ERR;
	}
	return api_reply(c, 200, json_pack("{s:o}", "items", items));
}

int volunteer_hours_repeat(struct api_call *c)
{
	static const char *const fields[] = { NULL };
	int created = 0;
	if (jin_only(c->body, fields, &c->err) ||
	    hours_repeat_week(c->app, c->db, &c->who, c->id, &created, &c->err))
		return KP_ERR;
	return api_reply(c, 200, json_pack("{s:i}", "created", created));
}

static int add_year_line(void *ctx, const struct year_line *l)
{
	json_t *items = ctx;
	return json_array_append_new(items, json_pack("{s:I, s:s, s:I, s:I, s:I, s:I, s:I, s:I}",
	                                              "organisation_id",
	                                              (json_int_t)l->organisation_id,
	                                              "organisation", l->organisation, "minutes",
	                                              (json_int_t)l->minutes, "approved_minutes",
	                                              (json_int_t)l->approved_minutes, "entries",
	                                              (json_int_t)l->entries, "allowance_cents",
	                                              (json_int_t)l->allowance_cents,
	                                              "costs_cents", (json_int_t)l->costs_cents,
	                                              "paid_cents", (json_int_t)l->paid_cents));
}

int volunteer_year_statement(struct api_call *c)
{
	const char *s = http_query(c->req, "year");
	long long year = 0;
	char name[VOLUNTEER_NAME_MAX * 8 + 2], today[11];
	if (s == NULL || *s == '\0') {
		parse_format_date(c->app->now(), today);
		today[4] = '\0';
		s = today;
	}
	if (parse_int(s, 2000, 2100, &year) != 0)
		return kp_fail_limit(&c->err, KP_MALFORMED, "out_of_range", "year", 2100);
	json_t *items = json_array();
	if (hours_year_statement(c->app, c->db, &c->who, c->id, (int)year, name, sizeof name,
	                         add_year_line, items, &c->err)) {
		json_decref(items);
		return KP_ERR;
	}
	json_int_t sums[6] = { 0 };
	static const char *const keys[6] = { "minutes", "approved_minutes", "entries",
		                             "allowance_cents", "costs_cents", "paid_cents" };
	size_t i;
	json_t *line;
	json_array_foreach(items, i, line)
		for (int k = 0; k < 6; k++)
			sums[k] += json_integer_value(json_object_get(line, keys[k]));
	json_t *total = json_object();
	for (int k = 0; k < 6; k++)
		json_object_set_new(total, keys[k], json_integer(sums[k]));
	return api_reply(c, 200, json_pack("{s:I, s:s, s:i, s:o, s:o}", "volunteer_id",
	                                   (json_int_t)c->id, "name", name, "year", (int)year,
	                                   "items", items, "total", total));
}
