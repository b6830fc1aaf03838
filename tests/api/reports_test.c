/* /api/reports on a small network worked out by hand, with the clock fixed
   at 2026-06-15: three volunteers signed up in February and March, one of
   them stopped today; two matches proposed, one declined. The same figures
   on SQLite and PostgreSQL; tables as CSV for Dutch spreadsheets; a
   coordinator sees the own organisation only. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <unistd.h>
#include <zlib.h>

static int64_t volunteer_on(struct client *admin, int64_t org, const char *started_on)
{
	char body[256];
	snprintf(body, sizeof body,
	         "{\"organisation_id\":%lld,\"first_name\":\"Mila\",\"last_name\":\"Jansen\","
	         "\"place\":\"Dordrecht\",\"status\":\"active\",\"started_on\":\"%s\","
	         "\"availability\":[\"mon-morning\"],\"activities\":[\"wandelen\"],"
	         "\"max_matches\":2}", (long long)org, started_on);
	json_t *doc = expect(admin, "POST", "/api/volunteers", body, 201);
	int64_t id = json_id(doc, "id");
	json_decref(doc);
	return id;
}

static json_t *month_of(json_t *doc, const char *month)
{
	size_t i;
	json_t *it;
	json_array_foreach(json_object_get(doc, "months"), i, it)
		if (strcmp(json_str(it, "month"), month) == 0)
			return it;
	fail_msg("no month %s", month);
	return NULL;
}

static int64_t num(json_t *doc, const char *key)
{
	return json_integer_value(json_object_get(doc, key));
}

static void figures_of_a_small_network(void **state)
{
	struct env *e = *state;
	json_t *made = expect(&e->admin, "POST", "/api/organisations",
	                      "{\"name\":\"Cijferclub\",\"kind\":\"welfare\","
	                      "\"municipality\":\"Dordrecht\",\"employees\":4}", 201);
	int64_t org = json_id(made, "id");
	json_decref(made);
	int64_t a = volunteer_on(&e->admin, org, "2026-02-10");
	int64_t b = volunteer_on(&e->admin, org, "2026-03-05");
	int64_t c = volunteer_on(&e->admin, org, "2026-03-20");
	char path[160];
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)c);
	json_decref(expect(&e->admin, "PATCH", path, "{\"status\":\"stopped\"}", 200));
	int64_t call = fx_call(&e->admin, org, "Wandelen in het Wantijpark");
	fx_match(&e->admin, call, a);
	int64_t declined = fx_match(&e->admin, call, b);
	snprintf(path, sizeof path, "/api/matches/%lld", (long long)declined);
	json_decref(expect(&e->admin, "PATCH", path,
	                   "{\"status\":\"declined\",\"reason\":\"Geen tijd\"}", 200));

	snprintf(path, sizeof path,
	         "/api/reports?organisation_id=%lld&from=2026-01-01&to=2026-07-01", (long long)org);
	json_t *doc = expect(&e->admin, "GET", path, NULL, 200);
	assert_int_equal(num(doc, "volunteers"), 3);
	assert_int_equal(num(doc, "active_now"), 2);
	json_t *flow = json_object_get(doc, "flow");
	assert_int_equal(num(flow, "inflow"), 3);
	assert_int_equal(num(flow, "outflow"), 1);
	assert_int_equal(num(flow, "inflow_before"), 0);
	assert_int_equal(json_array_size(json_object_get(doc, "months")), 6);
	assert_int_equal(num(month_of(doc, "2026-01"), "active"), 0);
	assert_int_equal(num(month_of(doc, "2026-02"), "inflow"), 1);
	assert_int_equal(num(month_of(doc, "2026-03"), "inflow"), 2);
	assert_int_equal(num(month_of(doc, "2026-05"), "active"), 3);
	assert_int_equal(num(month_of(doc, "2026-06"), "outflow"), 1);
	assert_int_equal(num(month_of(doc, "2026-06"), "active"), 2);
	/* Retention: c stopped after 87 days (2026-03-20 to 2026-06-15) with all
	   three at risk, so S = 2/3 from day 87; the median is not reached. */
	json_t *all = json_array_get(json_object_get(doc, "retention"), 0);
	assert_true(json_is_null(json_object_get(all, "year")));
	assert_int_equal(num(all, "volunteers"), 3);
	assert_true(json_is_null(json_object_get(all, "median_days")));
	json_t *point = json_array_get(json_object_get(all, "points"), 0);
	assert_int_equal(num(point, "day"), 87);
	assert_int_equal(num(point, "at_risk"), 3);
	assert_true(json_real_value(json_object_get(point, "survival")) > 0.6666 &&
	            json_real_value(json_object_get(point, "survival")) <= 0.6667);
	json_t *matches = json_object_get(doc, "matches");
	assert_int_equal(num(matches, "proposed"), 2);
	assert_int_equal(num(matches, "declined"), 1);
	assert_int_equal(num(matches, "open"), 1);
	json_t *o = json_array_get(json_object_get(doc, "organisations"), 0);
	assert_int_equal(num(o, "employees"), 4);
	assert_int_equal(num(o, "active"), 2);
	assert_true(json_real_value(json_object_get(o, "per_employee")) == 0.5);
	json_decref(doc);

	/* The same tables as CSV: a byte order mark, ';' and decimal commas. */
	snprintf(path, sizeof path, "/api/reports/organisations.csv?organisation_id=%lld",
	         (long long)org);
	json_decref(client_request(&e->admin, "GET", path, NULL, NULL));
	assert_status(&e->admin, 200);
	assert_non_null(strstr(e->admin.content_type, "text/csv"));
	assert_memory_equal(e->admin.raw, "\xEF\xBB\xBF" "organisatie;medewerkers;", 27);
	assert_non_null(strstr(e->admin.raw, "\r\nCijferclub;4;2;3;0,5000\r\n"));
	snprintf(path, sizeof path, "/api/reports/matches.csv?organisation_id=%lld",
	         (long long)org);
	json_decref(client_request(&e->admin, "GET", path, NULL, NULL));
	assert_non_null(strstr(e->admin.raw, "declined;Geen tijd;1\r\n"));

	/* Bad periods are named. */
	doc = expect(&e->admin, "GET", "/api/reports?from=2026-05-01&to=2026-04-01", NULL, 422);
	assert_problem(&e->admin, doc, 422, "to");
	json_decref(doc);
	doc = expect(&e->admin, "GET", "/api/reports?from=gisteren", NULL, 422);
	assert_problem(&e->admin, doc, 422, "from");
	json_decref(doc);

	/* A coordinator gets the own organisation, whatever is asked. */
	char email[64];
	struct client coord;
	fx_email(&e->srv, "cijfercoordinator", email, sizeof email);
	fx_account(&e->admin, "coordinator", email, org, 0);
	client_init(&coord, &e->srv);
	assert_int_equal(client_login(&coord, email, FX_PASSWORD), 201);
	doc = expect(&coord, "GET", "/api/reports?organisation_id=1", NULL, 200);
	assert_int_equal(num(doc, "organisation_id"), org);
	assert_int_equal(num(doc, "volunteers"), 3);
	json_decref(doc);

	/* Hours by month and activity, and their value: 90 + 30 minutes in the
	   period, 45 before it; an hour at the default € 5, or at € 8 when asked. */
	const struct { const char *on; int minutes; } worked[] = {
		{ "2026-05-10", 90 }, { "2026-06-01", 30 }, { "2025-11-20", 45 },
	};
	for (int i = 0; i < 3; i++) {
		char body[200];
		snprintf(body, sizeof body, "{\"volunteer_id\":%lld,\"activity\":\"wandelen\","
		         "\"worked_on\":\"%s\",\"minutes\":%d}", (long long)a, worked[i].on,
		         worked[i].minutes);
		json_decref(expect(&coord, "POST", "/api/hours", body, 201));
	}
	doc = expect(&coord, "GET", "/api/reports?from=2026-01-01&to=2026-07-01", NULL, 200);
	json_t *hours = json_object_get(doc, "hours");
	assert_int_equal(num(hours, "minutes"), 120);
	assert_int_equal(num(hours, "minutes_before"), 45);
	assert_int_equal(num(hours, "value_cents"), 1000);
	assert_int_equal(json_array_size(json_object_get(hours, "rows")), 2);
	json_t *may = json_array_get(json_object_get(hours, "rows"), 0);
	assert_string_equal(json_str(may, "month"), "2026-05");
	assert_string_equal(json_str(may, "activity"), "wandelen");
	assert_int_equal(num(may, "minutes"), 90);
	json_decref(doc);
	doc = expect(&coord, "GET", "/api/reports?from=2026-01-01&to=2026-07-01&hour_value_cents=800",
	             NULL, 200);
	assert_int_equal(num(json_object_get(doc, "hours"), "value_cents"), 1600);
	json_decref(doc);
	/* Periods that cut months: whole months from the monthly totals, the
	   edges from the entries themselves; a correction replaces its entry. */
	const struct { const char *from, *to; int minutes; } cut[] = {
		{ "2026-04-20", "2026-06-15", 120 }, { "2026-05-11", "2026-06-01", 0 },
		{ "2026-05-10", "2026-05-11", 90 }, { "2026-05-05", "2026-06-02", 120 },
		{ "2025-11-01", "2026-06-01", 135 },
	};
	for (int i = 0; i < 5; i++) {
		snprintf(path, sizeof path, "/api/reports?from=%s&to=%s", cut[i].from, cut[i].to);
		doc = expect(&coord, "GET", path, NULL, 200);
		assert_int_equal(num(json_object_get(doc, "hours"), "minutes"), cut[i].minutes);
		json_decref(doc);
	}
	doc = expect(&coord, "GET", "/api/hours?from=2026-05-10&to=2026-05-10", NULL, 200);
	snprintf(path, sizeof path, "/api/hours/%lld",
	         (long long)json_id(json_array_get(json_object_get(doc, "items"), 0), "id"));
	json_decref(doc);
	json_decref(expect(&coord, "PATCH", path, "{\"minutes\":60}", 200));
	doc = expect(&coord, "GET", "/api/reports?from=2026-01-01&to=2026-07-01", NULL, 200);
	assert_int_equal(num(json_object_get(doc, "hours"), "minutes"), 90);
	json_decref(doc);
	json_decref(client_request(&coord, "GET", "/api/reports/hours.csv?from=2026-01-01"
	                           "&to=2026-07-01", NULL, NULL));
	assert_non_null(strstr(coord.raw, "maand;activiteit;uren\r\n2026-05;"));
	assert_non_null(strstr(coord.raw, ";1,0000\r\n")); /* 90 minutes corrected to 60 */
	client_free(&coord);
}

/* A municipality's view: only the organisations there, every count under 5
   shown as "< 5" and small cohorts left out; for the administrator only. */
static void municipality_view_hides_small_numbers(void **state)
{
	struct env *e = *state;
	json_t *made = expect(&e->admin, "POST", "/api/organisations",
	                      "{\"name\":\"Alblasserdamse club\",\"kind\":\"welfare\","
	                      "\"municipality\":\"Alblasserdam\",\"employees\":2}", 201);
	int64_t org = json_id(made, "id");
	json_decref(made);
	for (int i = 0; i < 3; i++)
		volunteer_on(&e->admin, org, "2026-04-01");
	json_t *doc = expect(&e->admin, "GET",
	                     "/api/reports?municipality=Alblasserdam&from=2026-01-01&to=2026-07-01",
	                     NULL, 200);
	assert_true(json_is_true(json_object_get(doc, "small_numbers_hidden")));
	assert_string_equal(json_str(doc, "municipality"), "Alblasserdam");
	assert_string_equal(json_str(doc, "volunteers"), "< 5");
	assert_string_equal(json_str(json_object_get(doc, "flow"), "inflow"), "< 5");
	assert_string_equal(json_str(month_of(doc, "2026-04"), "inflow"), "< 5");
	assert_int_equal(num(month_of(doc, "2026-03"), "inflow"), 0);
	assert_int_equal(json_array_size(json_object_get(doc, "retention")), 0);
	assert_int_equal(json_array_size(json_object_get(doc, "organisations")), 1);
	json_decref(doc);
	json_decref(client_request(&e->admin, "GET",
	                           "/api/reports/months.csv?municipality=Alblasserdam&from=2026-04-01"
	                           "&to=2026-05-01", NULL, NULL));
	assert_non_null(strstr(e->admin.raw, "\r\n2026-04;< 5;0;< 5\r\n"));
	char path[128];
	snprintf(path, sizeof path, "/api/reports?municipality=Alblasserdam&organisation_id=%lld",
	         (long long)org);
	doc = expect(&e->admin, "GET", path, NULL, 422);
	assert_problem(&e->admin, doc, 422, "municipality");
	json_decref(doc);
	char email[64];
	struct client coord;
	fx_email(&e->srv, "gemeentecoordinator", email, sizeof email);
	fx_account(&e->admin, "coordinator", email, org, 0);
	client_init(&coord, &e->srv);
	assert_int_equal(client_login(&coord, email, FX_PASSWORD), 201);
	json_decref(expect(&coord, "GET", "/api/reports?municipality=Alblasserdam", NULL, 403));
	client_free(&coord);
}

static char clock_file[64] = "/tmp/reports-clock-XXXXXX";

/* Moves the server's clock to noon (UTC) of `date`; the administrator's
   session may end with the move, so it signs in again. */
static void set_today(struct env *e, const char *date)
{
	fx_clock_set(clock_file, date);
	if (e == NULL)
		return;
	long status = 0;
	json_decref(client_request(&e->admin, "GET", "/api/session", NULL, &status));
	if (status != 200)
		assert_int_equal(client_login(&e->admin, ADMIN_EMAIL, ADMIN_PASSWORD), 201);
}

static void patch_match(struct client *cl, int64_t match, const char *body)
{
	char path[80];
	snprintf(path, sizeof path, "/api/matches/%lld", (long long)match);
	json_decref(expect(cl, "PATCH", path, body, 200));
}

/* Proposes v for call and has it accepted and started today. */
static int64_t started_match(struct client *cl, int64_t call, int64_t v)
{
	int64_t m = fx_match(cl, call, v);
	patch_match(cl, m, "{\"status\":\"contacted\"}");
	patch_match(cl, m, "{\"status\":\"accepted\"}");
	patch_match(cl, m, "{\"status\":\"active\"}");
	return m;
}

static void nazorg(struct client *cl, int64_t match, const char *answer)
{
	char path[80], body[64];
	snprintf(path, sizeof path, "/api/matches/%lld/aftercare", (long long)match);
	snprintf(body, sizeof body, "{\"answer\":\"%s\"}", answer);
	json_decref(expect(cl, "PUT", path, body, 200));
}

/* Starts v's journey on `on` with an intake on `intake`; returns its id. */
static int64_t journey_with_intake(struct client *cl, int64_t v, const char *on,
                                   const char *intake)
{
	char body[128], path[80];
	snprintf(body, sizeof body, "{\"volunteer_id\":%lld,\"on_date\":\"%s\"}", (long long)v, on);
	json_t *doc = expect(cl, "POST", "/api/journeys", body, 201);
	int64_t journey = json_id(doc, "id");
	snprintf(path, sizeof path, "/api/journeys/%lld/steps", (long long)journey);
	json_decref(doc);
	snprintf(body, sizeof body, "{\"step\":\"intake\",\"on_date\":\"%s\"}", intake);
	json_decref(expect(cl, "POST", path, body, 200));
	return journey;
}

static json_t *time_of(json_t *doc, const char *key, const char *what)
{
	return json_object_get(json_object_get(doc, key), what);
}

static uint32_t le(const unsigned char *p, int bytes)
{
	uint32_t v = 0;
	for (int i = bytes - 1; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

/* The text of member `name` of the .xlsx (a zip) in raw[0, len), inflated
   into out; 0 when found. */
static int xlsx_member(const char *raw, size_t len, const char *name, char *out, size_t cap)
{
	const unsigned char *p = (const unsigned char *)raw, *end = p + len;
	while (p + 30 <= end && le(p, 4) == 0x04034b50) {
		uint32_t size = le(p + 18, 4), n = le(p + 26, 2), extra = le(p + 28, 2);
		const unsigned char *data = p + 30 + n + extra;
		if (n == strlen(name) && memcmp(p + 30, name, n) == 0 && data + size <= end) {
			z_stream z = { .next_in = (unsigned char *)data, .avail_in = size,
			               .next_out = (unsigned char *)out, .avail_out = (uInt)cap - 1 };
			if (inflateInit2(&z, -15) != Z_OK)
				return -1;
			int rc = inflate(&z, Z_FINISH);
			out[cap - 1 - z.avail_out] = '\0';
			inflateEnd(&z);
			return rc == Z_STREAM_END ? 0 : -1;
		}
		p = data + size;
	}
	return -1;
}

static void check_time(json_t *t, const char *who, int n, int median, int p90)
{
	assert_int_equal(num(t, who), n);
	assert_int_equal(num(t, "median_days"), median);
	assert_int_equal(num(t, "p90_days"), p90);
}

/* An organisation in Papendrecht with 10 employees, worked out by hand:
   - before the period [2026-01-01, 2026-07-01), that is in [2025-07-04,
     2026-01-01): t (from 2025-07-01) stays, s (from 2025-08-01) stops on
     2025-09-01. Active at the six month ends: 1, 2, 1, 1, 1, 1, mean 7/6,
     so the turnover before is 1 / (7/6) = 0.8571.
   - p, q and r sign up on 2026-03-01 and three calls are posted that day:
     X for one volunteer, Y for two, Z for one. p is accepted on X on
     03-04, q on Y on 03-11, r on Y on 03-21: X filled in 3 days, Y in 20,
     Z not: 2 of 3 filled (0.67), median 3 (nearest rank), p90 20 days.
     First matches after 3, 10 and 20 days: median 10, p90 20.
   - nazorg on 03-25: good, adjust, good: 3 answers, 2 good (0.67).
   - intakes of p and q after 5 and 14 days: median 5, p90 14; their
     journeys start at sign-up, so they are applicants again, not active.
   - volunteers in Papendrecht: t and r active of 5, 0.2 per employee; with
     a second organisation there of 5 employees, 2 of 15 (0.1333). */
static void calls_nazorg_intake_and_municipalities(void **state)
{
	struct env *e = *state;
	set_today(e, "2025-09-01");
	json_t *made = expect(&e->admin, "POST", "/api/organisations",
	                      "{\"name\":\"Koppelclub\",\"kind\":\"welfare\","
	                      "\"municipality\":\"Papendrecht\",\"employees\":10}", 201);
	int64_t org = json_id(made, "id");
	json_decref(made);
	json_decref(expect(&e->admin, "POST", "/api/organisations",
	                   "{\"name\":\"Papendrechtse buren\",\"kind\":\"welfare\","
	                   "\"municipality\":\"Papendrecht\",\"employees\":5}", 201));
	volunteer_on(&e->admin, org, "2025-07-01");
	int64_t s = volunteer_on(&e->admin, org, "2025-08-01");
	char path[200];
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)s);
	json_decref(expect(&e->admin, "PATCH", path, "{\"status\":\"stopped\"}", 200));

	set_today(e, "2026-03-01");
	int64_t p = volunteer_on(&e->admin, org, "2026-03-01");
	int64_t q = volunteer_on(&e->admin, org, "2026-03-01");
	int64_t r = volunteer_on(&e->admin, org, "2026-03-01");
	int64_t x = fx_call(&e->admin, org, "Boodschappen");
	json_t *in = json_pack("{s:I, s:s, s:s, s:s, s:[s], s:i}", "organisation_id",
	                       (json_int_t)org, "title", "Uitje", "activity", "wandelen", "place",
	                       "Papendrecht", "dayparts", "mon-morning", "volunteers_needed", 2);
	json_t *doc = check_request_json(&e->admin, "POST", "/api/calls", in, 201, __FILE__,
	                                 __LINE__);
	int64_t y = json_id(doc, "id");
	json_decref(doc); /* check_request_json took `in` */
	fx_call(&e->admin, org, "Voorlezen");
	set_today(e, "2026-03-04");
	int64_t mp = started_match(&e->admin, x, p);
	set_today(e, "2026-03-11");
	int64_t mq = started_match(&e->admin, y, q);
	set_today(e, "2026-03-21");
	int64_t mr = started_match(&e->admin, y, r);
	set_today(e, "2026-03-25");
	nazorg(&e->admin, mp, "good");
	nazorg(&e->admin, mq, "adjust");
	journey_with_intake(&e->admin, p, "2026-03-01", "2026-03-06");
	journey_with_intake(&e->admin, q, "2026-03-01", "2026-03-15");
	set_today(e, "2026-04-04"); /* nazorg two weeks after the start */
	nazorg(&e->admin, mr, "good");
	set_today(e, "2026-06-15");

	snprintf(path, sizeof path,
	         "/api/reports?organisation_id=%lld&from=2026-01-01&to=2026-07-01", (long long)org);
	doc = expect(&e->admin, "GET", path, NULL, 200);
	json_t *flow = json_object_get(doc, "flow");
	assert_int_equal(num(flow, "outflow_before"), 1);
	assert_int_equal(num(flow, "inflow_before"), 1); /* t came before 2025-07-04 */
	assert_true(fabs(json_real_value(json_object_get(flow, "turnover_before")) - 0.8571) < 1e-9);
	json_t *calls = json_object_get(doc, "calls");
	assert_int_equal(num(calls, "posted"), 3);
	assert_int_equal(num(calls, "filled"), 2);
	assert_true(json_real_value(json_object_get(calls, "share_filled")) == 0.6667);
	check_time(time_of(doc, "calls", "time_to_fill"), "calls", 2, 3, 20);
	check_time(json_object_get(doc, "time_to_first_match"), "volunteers", 3, 10, 20);
	check_time(json_object_get(doc, "time_to_intake"), "volunteers", 2, 5, 14);
	json_t *aftercare = json_object_get(doc, "aftercare");
	assert_int_equal(num(aftercare, "answers"), 3);
	assert_int_equal(num(aftercare, "good"), 2);
	assert_true(json_real_value(json_object_get(aftercare, "share_good")) == 0.6667);
	json_t *rows = json_object_get(aftercare, "rows");
	assert_int_equal(json_array_size(rows), 2);
	assert_string_equal(json_str(json_array_get(rows, 0), "answer"), "adjust");
	assert_int_equal(num(json_array_get(rows, 1), "count"), 2);
	json_t *m = json_array_get(json_object_get(doc, "municipalities"), 0);
	assert_int_equal(json_array_size(json_object_get(doc, "municipalities")), 1);
	assert_string_equal(json_str(m, "name"), "Papendrecht");
	assert_int_equal(num(m, "employees"), 10);
	assert_int_equal(num(m, "active"), 2);
	assert_int_equal(num(m, "volunteers"), 5);
	assert_true(json_real_value(json_object_get(m, "per_employee")) == 0.2);
	json_decref(doc);

	/* The network: two organisations in Papendrecht make one row, with the
	   employees of both (10 + 5) against the same 2 active volunteers. */
	doc = expect(&e->admin, "GET", "/api/reports?from=2026-01-01&to=2026-07-01", NULL, 200);
	size_t i, papendrecht = 0;
	json_array_foreach(json_object_get(doc, "municipalities"), i, m)
		if (strcmp(json_str(m, "name"), "Papendrecht") == 0) {
			papendrecht++;
			assert_int_equal(num(m, "employees"), 15);
			assert_int_equal(num(m, "volunteers"), 5);
			assert_true(json_real_value(json_object_get(m, "per_employee")) == 0.1333);
		}
	assert_int_equal(papendrecht, 1);
	json_decref(doc);

	/* As the municipality sees it: counts under 5 hidden, 5 shown. */
	doc = expect(&e->admin, "GET", "/api/reports?municipality=Papendrecht&from=2026-01-01"
	             "&to=2026-07-01", NULL, 200);
	m = json_array_get(json_object_get(doc, "municipalities"), 0);
	assert_string_equal(json_str(m, "active"), "< 5");
	assert_int_equal(num(m, "volunteers"), 5);
	assert_string_equal(json_str(json_object_get(doc, "calls"), "posted"), "< 5");
	assert_true(json_is_null(json_object_get(json_object_get(doc, "calls"), "share_filled")));
	assert_true(json_is_null(json_object_get(time_of(doc, "calls", "time_to_fill"),
	                                         "median_days")));
	assert_string_equal(json_str(json_object_get(doc, "aftercare"), "answers"), "< 5");
	json_decref(doc);
	json_decref(client_request(&e->admin, "GET", "/api/reports/municipalities.csv?"
	                           "municipality=Papendrecht", NULL, NULL));
	assert_non_null(strstr(e->admin.raw, "\r\nPapendrecht;15;< 5;5;\r\n"));
	snprintf(path, sizeof path, "/api/reports/aftercare.csv?organisation_id=%lld"
	         "&from=2026-01-01&to=2026-07-01", (long long)org);
	json_decref(client_request(&e->admin, "GET", path, NULL, NULL));
	assert_non_null(strstr(e->admin.raw, "nazorg_antwoord;aantal\r\nadjust;1\r\ngood;2\r\n"));

	/* The same table as a workbook: text and number cells in one sheet. */
	snprintf(path, sizeof path, "/api/reports/municipalities.xlsx?organisation_id=%lld",
	         (long long)org);
	json_decref(client_request(&e->admin, "GET", path, NULL, NULL));
	assert_status(&e->admin, 200);
	assert_string_equal(e->admin.content_type,
	                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	char xml[8192];
	assert_int_equal(xlsx_member(e->admin.raw, e->admin.raw_len, "xl/sharedStrings.xml", xml,
	                             sizeof xml), 0);
	assert_non_null(strstr(xml, "<t>gemeente</t>"));
	assert_non_null(strstr(xml, "<t>Papendrecht</t>"));
	assert_int_equal(xlsx_member(e->admin.raw, e->admin.raw_len, "xl/worksheets/sheet1.xml",
	                             xml, sizeof xml), 0);
	assert_non_null(strstr(xml, "<c r=\"B2\"><v>10</v></c>"));
	assert_non_null(strstr(xml, "<c r=\"E2\"><v>0.2</v></c>"));
	json_decref(client_request(&e->admin, "GET", "/api/reports/fees.xlsx", NULL, NULL));
	assert_status(&e->admin, 404);
}


#define NETWORK_REPORT "/api/reports?from=2026-01-01&to=2026-07-01"

/* The network's figures on server b (right after a write on a) and on a
   agree; returns b's for the caller's checks. */
static json_t *network_on_both(struct client *on_a, struct client *on_b)
{
	json_t *a = expect(on_a, "GET", NETWORK_REPORT, NULL, 200);
	json_t *b = expect(on_b, "GET", NETWORK_REPORT, NULL, 200);
	assert_true(json_equal(a, b));
	json_decref(a);
	return b;
}

static int64_t time_count(json_t *doc, const char *key)
{
	return json_integer_value(time_of(doc, key, "volunteers"));
}

/* The figures of the network and of a municipality count the volunteers from
   each server's copy in memory. Every write that moves a volunteer's place
   in them (sign-up, intake, first match, stop, a stop step, another
   organisation, erasure), made on one server, shows at once on a second
   server on the same database, and a third started afterwards, which reads
   every row, reports the same. */
static void figures_follow_every_write_at_once(void **state)
{
	struct env *e = *state;
	struct server b, c;
	struct client on_b, on_c;
	set_today(e, "2026-06-15");
	assert_int_equal(server_start_on(&b, &e->srv), 0);
	client_init(&on_b, &b);
	assert_int_equal(client_login(&on_b, ADMIN_EMAIL, ADMIN_PASSWORD), 201);
	json_t *doc = network_on_both(&e->admin, &on_b);
	int64_t volunteers = num(doc, "volunteers");
	int64_t outflow = num(json_object_get(doc, "flow"), "outflow");
	int64_t intakes = time_count(doc, "time_to_intake");
	int64_t matched = time_count(doc, "time_to_first_match");
	json_decref(doc);

	int64_t org = fx_organisation(&e->admin, "Volgclub");
	int64_t other = fx_organisation(&e->admin, "Volgclub twee");
	int64_t v = volunteer_on(&e->admin, org, "2026-05-02");
	int64_t w = volunteer_on(&e->admin, org, "2026-05-03");
	doc = network_on_both(&e->admin, &on_b);
	assert_int_equal(num(doc, "volunteers"), volunteers + 2);
	json_decref(doc);

	int64_t journey = journey_with_intake(&e->admin, v, "2026-05-02", "2026-05-09");
	doc = network_on_both(&e->admin, &on_b);
	assert_int_equal(time_count(doc, "time_to_intake"), intakes + 1);
	json_decref(doc);

	started_match(&e->admin, fx_call(&e->admin, org, "Samen naar de markt"), w);
	doc = network_on_both(&e->admin, &on_b);
	assert_int_equal(time_count(doc, "time_to_first_match"), matched + 1);
	json_decref(doc);

	char path[96];
	snprintf(path, sizeof path, "/api/journeys/%lld/steps", (long long)journey);
	json_decref(expect(&e->admin, "POST", path,
	                   "{\"step\":\"stopped\",\"on_date\":\"2026-06-01\"}", 200));
	doc = network_on_both(&e->admin, &on_b);
	assert_int_equal(num(json_object_get(doc, "flow"), "outflow"), outflow + 1);
	json_decref(doc);

	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)w);
	char body[64];
	snprintf(body, sizeof body, "{\"organisation_id\":%lld}", (long long)other);
	json_decref(expect(&e->admin, "PATCH", path, body, 200));
	json_decref(network_on_both(&e->admin, &on_b));
	snprintf(path, sizeof path, "/api/volunteers/%lld/erasure", (long long)w);
	json_decref(expect(&e->admin, "POST", path, "{\"reason\":\"verzoek\"}", 200));
	doc = network_on_both(&e->admin, &on_b);
	assert_int_equal(num(json_object_get(doc, "flow"), "outflow"), outflow + 2);

	assert_int_equal(server_start_on(&c, &e->srv), 0);
	client_init(&on_c, &c);
	assert_int_equal(client_login(&on_c, ADMIN_EMAIL, ADMIN_PASSWORD), 201);
	json_t *fresh = expect(&on_c, "GET", NETWORK_REPORT, NULL, 200);
	assert_true(json_equal(doc, fresh));
	json_decref(fresh);
	json_decref(doc);
	client_free(&on_c);
	client_free(&on_b);
	assert_int_equal(server_stop(&c), 0);
	assert_int_equal(server_stop(&b), 0);
}

int main(void)
{
	int fd = mkstemp(clock_file);
	if (fd < 0) {
		perror("mkstemp");
		return 1;
	}
	close(fd);
	set_today(NULL, "2026-06-15");
	char value[80];
	snprintf(value, sizeof value, "@%s", clock_file);
	setenv("KNOOPPUNT_NOW", value, 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(figures_of_a_small_network),
		cmocka_unit_test(municipality_view_hides_small_numbers),
		cmocka_unit_test(calls_nazorg_intake_and_municipalities),
		cmocka_unit_test(figures_follow_every_write_at_once),
	};
	int rc = cmocka_run_group_tests_name("reports", tests, env_setup, env_teardown);
	unlink(clock_file);
	return rc;
}
