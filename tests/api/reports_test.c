/* /api/reports on a small network worked out by hand, with the clock fixed
   at 2026-06-15: three volunteers signed up in February and March, one of
   them stopped today; two matches proposed, one declined. The same figures
   on SQLite and PostgreSQL; tables as CSV for Dutch spreadsheets; a
   coordinator sees the own organisation only. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	json_decref(client_request(&coord, "GET", "/api/reports/hours.csv?from=2026-01-01"
	                           "&to=2026-07-01", NULL, NULL));
	assert_non_null(strstr(coord.raw, "maand;activiteit;uren\r\n2026-05;"));
	assert_non_null(strstr(coord.raw, ";1,5000\r\n"));
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

int main(void)
{
	setenv("KNOOPPUNT_NOW", "2026-06-15", 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(figures_of_a_small_network),
		cmocka_unit_test(municipality_view_hides_small_numbers),
	};
	return cmocka_run_group_tests_name("reports", tests, env_setup, env_teardown);
}
