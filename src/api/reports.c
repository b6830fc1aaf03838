/* /api/reports: figures as JSON, each table as CSV and as .xlsx. */
#include "api/reports.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "service/reports.h"
#include "util/parse.h"
#include "util/sheet.h"

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

/* Days or hours; -1 (none, or hidden) is null. */
static json_t *count_or_null(int32_t n)
{
	return n >= 0 ? json_integer(n) : json_null();
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
	json_object_set_new(doc, "median_days", count_or_null(k->median_days));
	return doc;
}

static json_t *counts_json(const struct report_count *rows, int n, const char *k1,
                           const char *k2)
{
	json_t *a = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(a, k2 ? json_pack("{s:s, s:s, s:o}", k1, rows[i].key, k2,
		                                        rows[i].key2, "count", count(rows[i].n))
		                            : json_pack("{s:s, s:o}", k1, rows[i].key, "count",
		                                        count(rows[i].n)));
	return a;
}

/* The days from one moment to another, over `who` (volunteers, calls). */
static json_t *time_json(const struct report_time *t, const char *who)
{
	json_t *doc = json_pack("{s:o}", who, count(t->volunteers));
	json_object_set_new(doc, "median_days", count_or_null(t->median_days));
	json_object_set_new(doc, "p90_days", count_or_null(t->p90_days));
	return doc;
}

/* part / whole, or null when either is hidden or the whole is nothing. */
static json_t *share(int64_t part, int64_t whole)
{
	return part >= 0 && whole > 0 ? json_real(round2((double)part / (double)whole))
	                               : json_null();
}

/* Organisations (with their ids) or municipalities, against their employees. */
static json_t *orgs_json(const struct report_org *orgs, int n, bool with_id)
{
	json_t *a = json_array();
	for (int i = 0; i < n; i++) {
		const struct report_org *o = &orgs[i];
		json_t *row = json_pack("{s:s, s:i, s:o, s:o}", "name", o->name, "employees",
		                        o->employees, "active", count(o->active), "volunteers",
		                        count(o->volunteers));
		if (with_id)
			json_object_set_new(row, "id", json_integer(o->id));
		json_object_set_new(row, "per_employee", share(o->active, o->employees));
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

static json_t *contact_json(const struct report_contact *k)
{
	json_t *doc = json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "in",
	                        count(k->in), "in_before", count(k->in_before), "routed",
	                        count(k->routed), "picked_up", count(k->picked_up), "handed_back",
	                        count(k->handed_back), "advice", count(k->advice), "not_served",
	                        count(k->not_served), "open", count(k->open), "share_picked_up",
	                        share(k->picked_up, k->in));
	json_object_set_new(doc, "time_to_pickup",
	                    json_pack("{s:o, s:o, s:o}", "requests", count(k->picked_up_timed),
	                              "median_hours", count_or_null(k->pickup_median_hours),
	                              "p90_hours", count_or_null(k->pickup_p90_hours)));
	json_object_set_new(doc, "channels",
	                    counts_json(k->channels, k->n_channels, "channel", NULL));
	json_object_set_new(doc, "not_served_reasons",
	                    counts_json(k->reasons, k->n_reasons, "outcome", NULL));
	return doc;
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
	json_object_set_new(json_object_get(doc, "flow"), "turnover_before",
	                    json_real(round2(r->turnover_before)));
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
	json_object_set_new(doc, "time_to_intake", time_json(&r->to_intake, "volunteers"));
	json_object_set_new(doc, "time_to_first_match", time_json(&r->to_first_match, "volunteers"));
	json_object_set_new(doc, "calls",
	                    json_pack("{s:o, s:o, s:o, s:o}", "posted", count(r->calls_posted),
	                              "filled", count(r->calls_filled), "share_filled",
	                              share(r->calls_filled, r->calls_posted), "time_to_fill",
	                              time_json(&r->to_fill, "calls")));
	json_object_set_new(doc, "aftercare",
	                    json_pack("{s:o, s:o, s:o, s:o}", "answers", count(r->answers_total),
	                              "good", count(r->answers_good), "share_good",
	                              share(r->answers_good, r->answers_total), "rows",
	                              counts_json(r->answers, r->n_answers, "answer", NULL)));
	json_object_set_new(doc, "organisations", orgs_json(r->orgs, r->n_orgs, true));
	json_object_set_new(doc, "municipalities",
	                    orgs_json(r->municipalities, r->n_municipalities, false));
	json_object_set_new(doc, "hours", hours_json(c, r));
	json_object_set_new(doc, "contact_point", contact_json(&r->contact));
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

/* A count; -1 is one hidden in a municipality's view. */
static void cell_count(struct sheet *sh, int64_t n)
{
	if (n < 0)
		sheet_text(sh, "< 5");
	else
		sheet_int(sh, n);
}

static void table_months(struct sheet *sh, const struct report *r)
{
	for (int i = 0; i < r->n_months; i++) {
		sheet_text(sh, r->months[i].month);
		cell_count(sh, r->months[i].inflow);
		cell_count(sh, r->months[i].outflow);
		cell_count(sh, r->months[i].active_end);
		sheet_row_end(sh);
	}
}

static void table_retention(struct sheet *sh, const struct report *r)
{
	for (int i = 0; i < r->n_cohorts; i++) {
		const struct report_cohort *k = &r->cohorts[i];
		for (int j = 0; j < k->n_points; j++) {
			if (k->year)
				sheet_int(sh, k->year);
			else
				sheet_text(sh, "alle");
			sheet_int(sh, k->points[j].day);
			sheet_decimal(sh, k->points[j].survival);
			sheet_int(sh, k->points[j].at_risk);
			sheet_int(sh, k->points[j].stopped);
			sheet_row_end(sh);
		}
	}
}

static void table_counts(struct sheet *sh, const struct report_count *rows, int n, bool two)
{
	for (int i = 0; i < n; i++) {
		sheet_text(sh, rows[i].key);
		if (two)
			sheet_text(sh, rows[i].key2);
		cell_count(sh, rows[i].n);
		sheet_row_end(sh);
	}
}

/* Organisations or municipalities: volunteers against employees. */
static void table_orgs(struct sheet *sh, const struct report_org *orgs, int n)
{
	for (int i = 0; i < n; i++) {
		const struct report_org *o = &orgs[i];
		sheet_text(sh, o->name);
		sheet_int(sh, o->employees);
		cell_count(sh, o->active);
		cell_count(sh, o->volunteers);
		if (o->employees > 0 && o->active >= 0)
			sheet_decimal(sh, (double)o->active / o->employees);
		else
			sheet_text(sh, "");
		sheet_row_end(sh);
	}
}

static void table_hours(struct sheet *sh, struct catalog *cat, const struct report *r)
{
	for (int i = 0; i < r->n_hours; i++) {
		struct catalog_item it;
		bool known = r->hours[i].activity_id && catalog_get(cat, r->hours[i].activity_id, &it);
		sheet_text(sh, r->hours[i].month);
		sheet_text(sh, known ? it.label_nl : "");
		sheet_decimal(sh, (double)r->hours[i].minutes / 60.0);
		sheet_row_end(sh);
	}
}

/* The contact point as (part, what, count) rows: the totals, the channels
   requests came in by, and why requests were not served. */
static void table_contact(struct sheet *sh, const struct report_contact *k)
{
	static const char *const names[] = { "binnengekomen", "binnengekomen_periode_ervoor",
		                             "doorgezet", "opgepakt", "teruggegeven",
		                             "advies_steunpunt", "niet_geholpen", "open" };
	const int64_t totals[] = { k->in, k->in_before, k->routed, k->picked_up, k->handed_back,
		                   k->advice, k->not_served, k->open };
	for (size_t i = 0; i < sizeof totals / sizeof totals[0]; i++) {
		sheet_text(sh, "totaal");
		sheet_text(sh, names[i]);
		cell_count(sh, totals[i]);
		sheet_row_end(sh);
	}
	for (int i = 0; i < k->n_channels; i++) {
		sheet_text(sh, "kanaal");
		sheet_text(sh, k->channels[i].key);
		cell_count(sh, k->channels[i].n);
		sheet_row_end(sh);
	}
	for (int i = 0; i < k->n_reasons; i++) {
		sheet_text(sh, "niet_geholpen_omdat");
		sheet_text(sh, k->reasons[i].key);
		cell_count(sh, k->reasons[i].n);
		sheet_row_end(sh);
	}
}

/* The tables, their columns (Dutch, as the spreadsheet's users read them). */
enum table { T_MONTHS, T_RETENTION, T_EXITS, T_MATCHES, T_AFTERCARE, T_ORGS, T_MUNICIPALITIES,
	     T_HOURS, T_CONTACT, T_COUNT };
static const struct {
	const char *name;
	const char *const header[6];
} tables[T_COUNT] = {
	[T_MONTHS] = { "months", { "maand", "instroom", "uitstroom", "actief_eind_maand" } },
	[T_RETENTION] = { "retention", { "startjaar", "dag", "nog_actief", "aantal_in_beeld",
	                                 "gestopt" } },
	[T_EXITS] = { "exits", { "reden", "uitkomst", "aantal" } },
	[T_MATCHES] = { "matches", { "status", "reden", "aantal" } },
	[T_AFTERCARE] = { "aftercare", { "nazorg_antwoord", "aantal" } },
	[T_ORGS] = { "organisations", { "organisatie", "medewerkers", "actieve_vrijwilligers",
	                                "vrijwilligers", "actief_per_medewerker" } },
	[T_MUNICIPALITIES] = { "municipalities", { "gemeente", "medewerkers",
	                                           "actieve_vrijwilligers", "vrijwilligers",
	                                           "actief_per_medewerker" } },
	[T_HOURS] = { "hours", { "maand", "activiteit", "uren" } },
	[T_CONTACT] = { "contact_point", { "deel", "wat", "aantal" } },
};

static void table_rows(struct sheet *sh, struct catalog *cat, int t, const struct report *r)
{
	switch (t) {
	case T_MONTHS: table_months(sh, r); break;
	case T_RETENTION: table_retention(sh, r); break;
	case T_EXITS: table_counts(sh, r->exits, r->n_exits, true); break;
	case T_MATCHES: table_counts(sh, r->matches, r->n_matches, true); break;
	case T_AFTERCARE: table_counts(sh, r->answers, r->n_answers, false); break;
	case T_ORGS: table_orgs(sh, r->orgs, r->n_orgs); break;
	case T_MUNICIPALITIES: table_orgs(sh, r->municipalities, r->n_municipalities); break;
	case T_CONTACT: table_contact(sh, &r->contact); break;
	default: table_hours(sh, cat, r); break;
	}
}

/* The table and format a path names: /api/reports/months.csv, hours.xlsx… */
static int table_of(const char *path, int *format)
{
	const char *name = strrchr(path, '/') + 1;
	size_t len = strcspn(name, ".");
	*format = sheet_format_of(name[len] ? name + len + 1 : "");
	for (int t = 0; t < T_COUNT; t++)
		if (strlen(tables[t].name) == len && strncmp(tables[t].name, name, len) == 0)
			return *format < 0 ? -1 : t;
	return -1;
}

int reports_table(struct api_call *c)
{
	int format, t = table_of(c->req->path, &format);
	if (t < 0)
		return kp_fail(&c->err, KP_NOT_FOUND, "not_found", "table");
	struct report *r = malloc(sizeof *r);
	int rc = r ? compute(c, r) : kp_internal(&c->err);
	if (rc == KP_OK) {
		struct sheet sh;
		char disposition[96];
		c->res->body.len = 0;
		if (sheet_open(&sh, format, tables[t].name, tables[t].header, &c->res->body) != 0) {
			rc = kp_internal(&c->err);
		} else {
			table_rows(&sh, &c->app->lists, t, r);
			if (sheet_close(&sh) != 0)
				rc = kp_internal(&c->err);
		}
		snprintf(disposition, sizeof disposition, "attachment; filename=\"knooppunt-%s-%s.%s\"",
		         tables[t].name, r->from, format == SHEET_XLSX ? "xlsx" : "csv");
		http_response_header(c->res, "Content-Disposition", disposition);
		c->res->status = 200;
		c->res->content_type = sheet_content_type(format);
	}
	free(r);
	return rc;
}
