/* /api/reports: figures as JSON, each table as CSV. */
#include "api/reports.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "service/reports.h"
#include "util/parse.h"

/* The period asked for, or the last twelve whole months and this one. */
static int read_period(struct api_call *c, const char **from, const char **to, char *def_from,
                       char *def_to)
{
	char today[11];
	parse_format_date(c->app->now(), today);
	unsigned y = (unsigned)strtol(today, NULL, 10) % 10000u;
	unsigned m = (unsigned)strtol(today + 5, NULL, 10) % 13u; /* 1..12 */
	snprintf(def_from, 11, "%04u-%02u-01", (y + 9999u) % 10000u, m);
	snprintf(def_to, 11, "%04u-%02u-01", m == 12 ? (y + 1) % 10000u : y, m % 12u + 1);
	*from = def_from;
	*to = def_to;
	return api_query_text(c, "from", 10, from) || api_query_text(c, "to", 10, to) ? KP_ERR
	                                                                             : KP_OK;
}

static int compute(struct api_call *c, struct report *r)
{
	struct report_ask ask = { 0 };
	char def_from[11], def_to[11];
	const char *value = NULL;
	long long cents = 0;
	if (api_query_id(c, "organisation_id", &ask.organisation_id) ||
	    api_query_text(c, "municipality", 100, &ask.municipality) ||
	    api_query_text(c, "hour_value_cents", 6, &value) ||
	    read_period(c, &ask.from, &ask.to, def_from, def_to))
		return KP_ERR;
	if (value != NULL && parse_int(value, 1, 100000, &cents) != 0)
		return kp_fail_limit(&c->err, KP_MALFORMED, "out_of_range", "hour_value_cents", 100000);
	ask.hour_value_cents = cents;
	return report_compute(c->app, c->db, &c->who, &ask, r, &c->err);
}

/* A count; -1 is one hidden in a municipality's view (service/reports.h). */
static json_t *count(int64_t n)
{
	return n < 0 ? json_string("< 5") : json_integer(n);
}

static json_t *day_or_null(int32_t days)
{
	return days >= 0 ? json_integer(days) : json_null();
}

static double round2(double v)
{
	return round(v * 10000.0) / 10000.0;
}

static json_t *months_json(const struct report *r)
{
	json_t *a = json_array();
	for (int i = 0; i < r->n_months; i++)
		json_array_append_new(a, json_pack("{s:s, s:o, s:o, s:o}", "month", r->months[i].month,
		                                   "inflow", count(r->months[i].inflow), "outflow",
		                                   count(r->months[i].outflow), "active",
		                                   count(r->months[i].active_end)));
	return a;
}

static json_t *cohort_json(const struct report_cohort *k)
{
	json_t *points = json_array();
	for (int i = 0; i < k->n_points; i++)
		json_array_append_new(points, json_pack("{s:i, s:f, s:i, s:i}", "day", k->points[i].day,
		                                        "survival", round2(k->points[i].survival),
		                                        "at_risk", k->points[i].at_risk, "stopped",
		                                        k->points[i].stopped));
	json_t *doc = json_pack("{s:i, s:o}", "volunteers", k->volunteers, "points", points);
	json_object_set_new(doc, "year", k->year ? json_integer(k->year) : json_null());
	json_object_set_new(doc, "median_days", day_or_null(k->median_days));
	return doc;
}

static json_t *counts_json(const struct report_count *rows, int n, const char *k1,
                           const char *k2)
{
	json_t *a = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(a, json_pack("{s:s, s:s, s:o}", k1, rows[i].key, k2,
		                                   rows[i].key2, "count", count(rows[i].n)));
	return a;
}

static json_t *time_json(const struct report_time *t)
{
	json_t *doc = json_pack("{s:o}", "volunteers", count(t->volunteers));
	json_object_set_new(doc, "median_days", day_or_null(t->median_days));
	json_object_set_new(doc, "p90_days", day_or_null(t->p90_days));
	return doc;
}

static json_t *orgs_json(const struct report *r)
{
	json_t *a = json_array();
	for (int i = 0; i < r->n_orgs; i++) {
		const struct report_org *o = &r->orgs[i];
		json_t *row = json_pack("{s:I, s:s, s:i, s:o, s:o}", "id", (json_int_t)o->id, "name",
		                        o->name, "employees", o->employees, "active", count(o->active),
		                        "volunteers", count(o->volunteers));
		json_object_set_new(row, "per_employee",
		                    o->employees > 0 && o->active >= 0
		                        ? json_real(round2((double)o->active / o->employees))
		                                     : json_null());
		json_array_append_new(a, row);
	}
	return a;
}

static json_t *hours_json(struct api_call *c, const struct report *r)
{
	json_t *rows = json_array();
	for (int i = 0; i < r->n_hours; i++) {
		struct catalog_item it;
		bool known = r->hours[i].activity_id &&
		             catalog_get(&c->app->lists, r->hours[i].activity_id, &it);
		json_array_append_new(rows, json_pack("{s:s, s:o, s:I}", "month", r->hours[i].month,
		                                      "activity", known ? json_string(it.code)
		                                                        : json_null(),
		                                      "minutes", (json_int_t)r->hours[i].minutes));
	}
	/* The economic value: hours worked at the chosen value of an hour. */
	int64_t value = r->minutes * r->hour_value_cents / 60;
	return json_pack("{s:I, s:I, s:I, s:I, s:o}", "minutes", (json_int_t)r->minutes,
	                 "minutes_before", (json_int_t)r->minutes_before, "hour_value_cents",
	                 (json_int_t)r->hour_value_cents, "value_cents", (json_int_t)value, "rows",
	                 rows);
}

static json_t *report_json(struct api_call *c, const struct report *r)
{
	json_t *cohorts = json_array();
	for (int i = 0; i < r->n_cohorts; i++)
		json_array_append_new(cohorts, cohort_json(&r->cohorts[i]));
	json_t *doc = json_pack(
		"{s:s, s:s, s:s, s:o, s:o, s:{s:o, s:o, s:o, s:o, s:f}, s:o, s:o}", "from", r->from,
		"to", r->to, "before_from", r->before_from, "volunteers", count(r->volunteers),
		"active_now", count(r->active_now), "flow", "inflow", count(r->inflow), "outflow",
		count(r->outflow), "inflow_before", count(r->inflow_before), "outflow_before",
		count(r->outflow_before), "turnover", round2(r->turnover), "months", months_json(r),
		"retention", cohorts);
	json_object_set_new(doc, "organisation_id",
	                    r->organisation_id ? json_integer(r->organisation_id) : json_null());
	json_object_set_new(doc, "municipality",
	                    r->municipality[0] ? json_string(r->municipality) : json_null());
	json_object_set_new(doc, "small_numbers_hidden", json_boolean(r->suppress_small));
	json_object_set_new(doc, "exits", json_pack("{s:o, s:o, s:o}", "interviews",
	                                            count(r->exit_interviews), "stayed",
	                                            count(r->exit_stayed), "rows",
	                                            counts_json(r->exits, r->n_exits, "reason",
	                                                        "outcome")));
	json_object_set_new(doc, "matches",
	                    json_pack("{s:o, s:o, s:o, s:o, s:o}", "proposed",
	                              count(r->matches_proposed), "accepted",
	                              count(r->matches_accepted), "declined",
	                              count(r->matches_declined), "open", count(r->matches_open),
	                              "rows", counts_json(r->matches, r->n_matches, "status",
	                                                  "reason")));
	json_object_set_new(doc, "time_to_intake", time_json(&r->to_intake));
	json_object_set_new(doc, "time_to_first_match", time_json(&r->to_first_match));
	json_object_set_new(doc, "organisations", orgs_json(r));
	json_object_set_new(doc, "hours", hours_json(c, r));
	return doc;
}

int reports_show(struct api_call *c)
{
	struct report *r = malloc(sizeof *r);
	int rc = r ? compute(c, r) : kp_internal(&c->err);
	if (rc == KP_OK)
		rc = api_reply(c, 200, report_json(c, r));
	free(r);
	return rc;
}

/* One CSV field: quoted when it holds the separator, a quote or a line break. */
static int csv_field(struct buf *b, const char *s, bool last)
{
	int rc = 0;
	if (strpbrk(s, ";\"\r\n") == NULL) {
		rc |= buf_appends(b, s);
	} else {
		rc |= buf_appends(b, "\"");
		for (const char *p = s; *p; p++)
			rc |= *p == '"' ? buf_appends(b, "\"\"") : buf_append(b, p, 1);
		rc |= buf_appends(b, "\"");
	}
	return rc | buf_appends(b, last ? "\r\n" : ";");
}

static int csv_int(struct buf *b, long long v, bool last)
{
	char s[24];
	snprintf(s, sizeof s, "%lld", v);
	return csv_field(b, s, last);
}

/* A count; -1 is one hidden in a municipality's view. */
static int csv_count(struct buf *b, int64_t n, bool last)
{
	return n < 0 ? csv_field(b, "< 5", last) : csv_int(b, n, last);
}

/* A decimal with a comma, as Dutch spreadsheets read it. */
static int csv_decimal(struct buf *b, double v, bool last)
{
	char s[32];
	snprintf(s, sizeof s, "%.4f", v);
	char *dot = strchr(s, '.');
	if (dot)
		*dot = ',';
	return csv_field(b, s, last);
}

static int csv_months(struct buf *b, const struct report *r)
{
	int rc = buf_appends(b, "maand;instroom;uitstroom;actief_eind_maand\r\n");
	for (int i = 0; i < r->n_months; i++)
		rc |= csv_field(b, r->months[i].month, false) | csv_count(b, r->months[i].inflow, false) |
		      csv_count(b, r->months[i].outflow, false) |
		      csv_count(b, r->months[i].active_end, true);
	return rc;
}

static int csv_retention(struct buf *b, const struct report *r)
{
	int rc = buf_appends(b, "startjaar;dag;nog_actief;aantal_in_beeld;gestopt\r\n");
	for (int i = 0; i < r->n_cohorts; i++) {
		const struct report_cohort *k = &r->cohorts[i];
		for (int j = 0; j < k->n_points; j++)
			rc |= (k->year ? csv_int(b, k->year, false) : csv_field(b, "alle", false)) |
			      csv_int(b, k->points[j].day, false) |
			      csv_decimal(b, k->points[j].survival, false) |
			      csv_int(b, k->points[j].at_risk, false) |
			      csv_int(b, k->points[j].stopped, true);
	}
	return rc;
}

static int csv_counts(struct buf *b, const char *head, const struct report_count *rows, int n)
{
	int rc = buf_appends(b, head);
	for (int i = 0; i < n; i++)
		rc |= csv_field(b, rows[i].key, false) | csv_field(b, rows[i].key2, false) |
		      csv_count(b, rows[i].n, true);
	return rc;
}

static int csv_orgs(struct buf *b, const struct report *r)
{
	int rc = buf_appends(b, "organisatie;medewerkers;actieve_vrijwilligers;vrijwilligers;"
	                        "actief_per_medewerker\r\n");
	for (int i = 0; i < r->n_orgs; i++) {
		const struct report_org *o = &r->orgs[i];
		rc |= csv_field(b, o->name, false) | csv_int(b, o->employees, false) |
		      csv_count(b, o->active, false) | csv_count(b, o->volunteers, false);
		bool ratio = o->employees > 0 && o->active >= 0;
		rc |= ratio ? csv_decimal(b, (double)o->active / o->employees, true)
		            : csv_field(b, "", true);
	}
	return rc;
}

static int csv_hours(struct buf *b, struct catalog *cat, const struct report *r)
{
	int rc = buf_appends(b, "maand;activiteit;uren\r\n");
	for (int i = 0; i < r->n_hours; i++) {
		struct catalog_item it;
		bool known = r->hours[i].activity_id && catalog_get(cat, r->hours[i].activity_id, &it);
		rc |= csv_field(b, r->hours[i].month, false) |
		      csv_field(b, known ? it.label_nl : "", false) |
		      csv_decimal(b, (double)r->hours[i].minutes / 60.0, true);
	}
	return rc;
}

/* Writes the table named kind; 1 when there is no such table. */
static int csv_table(struct buf *b, struct catalog *cat, const char *kind,
                     const struct report *r)
{
	if (strcmp(kind, "hours") == 0)
		return csv_hours(b, cat, r);
	if (strcmp(kind, "months") == 0)
		return csv_months(b, r);
	if (strcmp(kind, "retention") == 0)
		return csv_retention(b, r);
	if (strcmp(kind, "exits") == 0)
		return csv_counts(b, "reden;uitkomst;aantal\r\n", r->exits, r->n_exits);
	if (strcmp(kind, "matches") == 0)
		return csv_counts(b, "status;reden;aantal\r\n", r->matches, r->n_matches);
	if (strcmp(kind, "organisations") == 0)
		return csv_orgs(b, r);
	return 1;
}

int reports_table(struct api_call *c)
{
	/* The route names the table: /api/reports/months.csv and so on. */
	char kind[32];
	const char *name = strrchr(c->req->path, '/') + 1;
	snprintf(kind, sizeof kind, "%.*s", (int)strcspn(name, "."), name);
	struct report *r = malloc(sizeof *r);
	int rc = r ? compute(c, r) : kp_internal(&c->err);
	if (rc == KP_OK) {
		char disposition[96];
		c->res->body.len = 0;
		/* The byte order mark tells spreadsheet programs the text is UTF-8. */
		if (buf_appends(&c->res->body, "\xEF\xBB\xBF") ||
		    csv_table(&c->res->body, &c->app->lists, kind, r))
			rc = kp_internal(&c->err);
		snprintf(disposition, sizeof disposition, "attachment; filename=\"knooppunt-%s-%s.csv\"",
		         kind, r->from);
		http_response_header(c->res, "Content-Disposition", disposition);
		c->res->status = 200;
		c->res->content_type = "text/csv; charset=utf-8";
	}
	free(r);
	return rc;
}
