/*
 * What a coordinator would notice about the matching engine, through a real
 * server: a car for a ride, reach by travel mode, forms of engagement and
 * hours as filters and as a budget, one-off calls in the past, proposal
 * totals without lived experience, and proposals that spread the work.
 * The server's clock is a file the test moves (KNOOPPUNT_NOW=@file).
 */
#include "support.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char clock_file[64] = "/tmp/match-quality-clock-XXXXXX";

/* Moves the server's clock to noon (UTC) of `date`. */
static void set_today(const char *date)
{
	fx_clock_set(clock_file, date);
}

/* Logs in again when the session ended at the new time. */
static void relogin(struct client *cl, const char *email, const char *password)
{
	long status = 0;
	json_decref(client_request(cl, "GET", "/api/session", NULL, &status));
	if (status != 200)
		assert_int_equal(client_login(cl, email, password), 201);
}

static void patch_volunteer(struct env *e, int64_t vol, const char *body)
{
	char path[64];
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)vol);
	json_decref(expect(&e->admin, "PATCH", path, body, 200));
}

/* A call of org from a JSON body without organisation_id; returns its id. */
static int64_t call_with(struct env *e, int64_t org, const char *fields)
{
	char body[512];
	snprintf(body, sizeof body,
	         "{\"title\":\"Oproep\",%s\"volunteers_needed\":1,\"organisation_id\":%lld,%s}",
	         strstr(fields, "\"activity\"") ? "" : "\"activity\":\"wandelen\",", (long long)org,
	         fields);
	json_t *doc = expect(&e->admin, "POST", "/api/calls", body, 201);
	int64_t id = json_id(doc, "id");
	json_decref(doc);
	return id;
}

static json_t *candidates(struct client *cl, int64_t call)
{
	char path[96];
	snprintf(path, sizeof path, "/api/calls/%lld/candidates?limit=20", (long long)call);
	return expect(cl, "GET", path, NULL, 200);
}

static json_t *item_of(json_t *doc, int64_t vol)
{
	return json_item_with(doc, "volunteer_id", vol);
}

static bool is_candidate(struct env *e, int64_t call, int64_t vol)
{
	json_t *doc = candidates(&e->admin, call);
	bool found = item_of(doc, vol) != NULL;
	json_decref(doc);
	return found;
}

/* A hospital ride needs a car: a licence alone, or a car without a licence,
   is not enough. Reach follows the travel mode within the own maximum. */
static void a_ride_needs_a_car(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Vervoersdienst");
	int64_t cyclist = fx_volunteer(&e->admin, org, "active");
	int64_t driver = fx_volunteer(&e->admin, org, "active");
	int64_t unlicensed = fx_volunteer(&e->admin, org, "active");
	patch_volunteer(e, cyclist, "{\"travel_mode\":\"bike\",\"driving_licence\":true}");
	patch_volunteer(e, driver, "{\"travel_mode\":\"car\",\"driving_licence\":true}");
	patch_volunteer(e, unlicensed, "{\"travel_mode\":\"car\",\"driving_licence\":false}");
	int64_t ride = call_with(e, org, "\"place\":\"Dordrecht\",\"dayparts\":[\"mon-morning\"],"
	                                 "\"requires_driving_licence\":true,\"requires_car\":true");
	char path[64];
	snprintf(path, sizeof path, "/api/calls/%lld", (long long)ride);
	json_t *doc = expect(&e->admin, "GET", path, NULL, 200);
	assert_true(json_is_true(json_object_get(doc, "requires_car")));
	json_decref(doc);
	doc = candidates(&e->admin, ride);
	assert_int_equal(json_integer_value(json_object_get(doc, "total")), 1);
	json_t *it = item_of(doc, driver);
	assert_non_null(it);
	assert_non_null(strstr(json_str(it, "explanation_text"), "heeft auto"));
	json_decref(doc);
	/* Without the car requirement the licence is enough again. */
	json_decref(expect(&e->admin, "PATCH", path, "{\"requires_car\":false}", 200));
	assert_true(is_candidate(e, ride, cyclist));
	assert_false(is_candidate(e, ride, unlicensed));

	/* Sliedrecht is about 7 km from Dordrecht: too far on foot, whatever the
	   own maximum says, and within reach by public transport. */
	int64_t walk = call_with(e, org, "\"place\":\"Sliedrecht\",\"dayparts\":[\"mon-morning\"]");
	patch_volunteer(e, cyclist, "{\"travel_mode\":\"walk\",\"max_distance_km\":30}");
	assert_false(is_candidate(e, walk, cyclist));
	patch_volunteer(e, cyclist, "{\"travel_mode\":\"public_transport\"}");
	assert_true(is_candidate(e, walk, cyclist));
	patch_volunteer(e, cyclist, "{\"max_distance_km\":3}");
	assert_false(is_candidate(e, walk, cyclist));
}

/* A one-off-only volunteer is not proposed for weekly work, and the hours of
   open matches count against the hours a volunteer has a week. */
static void engagement_and_hours(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Buurthuis");
	int64_t once = fx_volunteer(&e->admin, org, "active");
	int64_t weekly = fx_volunteer(&e->admin, org, "active");
	patch_volunteer(e, once, "{\"engagement\":[\"one_off\"],\"hours_per_week\":8}");
	patch_volunteer(e, weekly, "{\"engagement\":[\"structural\"],\"hours_per_week\":4,"
	                           "\"max_matches\":5}");
	int64_t work = call_with(e, org, "\"place\":\"Dordrecht\",\"dayparts\":[\"mon-morning\"],"
	                                 "\"engagement\":\"structural\",\"duration_minutes\":120");
	assert_false(is_candidate(e, work, once));
	assert_true(is_candidate(e, work, weekly));
	int64_t event = call_with(e, org, "\"place\":\"Dordrecht\",\"dayparts\":[\"mon-morning\"],"
	                                  "\"engagement\":\"one_off\",\"duration_minutes\":60");
	assert_true(is_candidate(e, event, once));
	assert_false(is_candidate(e, event, weekly));

	/* Four hours a week: a three-hour match leaves one, too little for two. */
	int64_t long_work = call_with(e, org, "\"place\":\"Dordrecht\","
	                                      "\"dayparts\":[\"wed-afternoon\"],"
	                                      "\"engagement\":\"structural\","
	                                      "\"duration_minutes\":180");
	fx_match(&e->admin, long_work, weekly);
	assert_false(is_candidate(e, work, weekly));
	patch_volunteer(e, weekly, "{\"hours_per_week\":5}");
	assert_true(is_candidate(e, work, weekly));
	/* A proposal keeps to the week too: four hours hold two calls of two. */
	int64_t busy = fx_organisation(&e->admin, "Weekbudget");
	int64_t four = fx_volunteer(&e->admin, busy, "active");
	patch_volunteer(e, four, "{\"hours_per_week\":4,\"max_matches\":3,"
	                         "\"availability\":[\"fri-morning\"]}");
	for (int i = 0; i < 3; i++)
		call_with(e, busy, "\"place\":\"Dordrecht\",\"dayparts\":[\"fri-morning\"],"
		                   "\"duration_minutes\":120");
	char body[64];
	snprintf(body, sizeof body, "{\"organisation_id\":%lld}", (long long)busy);
	json_t *doc = expect(&e->admin, "POST", "/api/proposals", body, 200);
	assert_int_equal(json_array_size(json_object_get(doc, "items")), 2);
	json_decref(doc);
	/* No hours given: no budget to keep. */
	patch_volunteer(e, weekly, "{\"hours_per_week\":0}");
	assert_true(is_candidate(e, work, weekly));
}

/* Distance weighs by how often the volunteer travels: for weekly work the
   neighbour outranks someone 20 km away who shares the call's theme; for a
   one-off call the theme wins. */
static void distance_weighs_by_how_often(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Wijkteam");
	int64_t near = fx_volunteer(&e->admin, org, "active");
	int64_t far = fx_volunteer(&e->admin, org, "active");
	patch_volunteer(e, near, "{\"availability\":[\"thu-morning\"]}");
	patch_volunteer(e, far, "{\"availability\":[\"thu-morning\"],\"place\":\"Gorinchem\","
	                        "\"themes\":[\"ouderen\"],\"travel_mode\":\"car\","
	                        "\"driving_licence\":true,\"max_distance_km\":40}");
	const char *kinds[] = { "structural", "one_off" };
	for (int i = 0; i < 2; i++) {
		char fields[160];
		snprintf(fields, sizeof fields, "\"place\":\"Dordrecht\",\"dayparts\":[\"thu-morning\"],"
		         "\"themes\":[\"ouderen\"],\"engagement\":\"%s\"", kinds[i]);
		int64_t call = call_with(e, org, fields);
		json_t *doc = candidates(&e->admin, call);
		assert_int_equal(json_array_size(json_object_get(doc, "items")), 2);
		json_t *first = json_array_get(json_object_get(doc, "items"), 0);
		assert_int_equal(json_id(first, "volunteer_id"), i == 0 ? near : far);
		json_decref(doc);
	}
}

/* A one-off call in the past is refused, naming the field; an open one
   stops having candidates after its day and is closed by the job. */
static void one_off_calls_in_the_past(void **state)
{
	struct env *e = *state;
	set_today("2026-06-01");
	relogin(&e->admin, ADMIN_EMAIL, ADMIN_PASSWORD);
	int64_t org = fx_organisation(&e->admin, "Evenementen");
	int64_t vol = fx_volunteer(&e->admin, org, "active");
	patch_volunteer(e, vol, "{\"availability\":[\"tue-morning\",\"tue-afternoon\"]}");
	char body[256];
	snprintf(body, sizeof body,
	         "{\"title\":\"Koffie schenken\",\"activity\":\"wandelen\",\"place\":\"Dordrecht\","
	         "\"one_off_date\":\"2026-05-26\",\"organisation_id\":%lld}", (long long)org);
	json_t *doc = expect(&e->admin, "POST", "/api/calls", body, 422);
	assert_problem(&e->admin, doc, 422, "one_off_date");
	json_decref(doc);
	/* 2026-06-02 is a Tuesday. */
	int64_t call = call_with(e, org, "\"place\":\"Dordrecht\",\"one_off_date\":\"2026-06-02\"");
	char path[64];
	snprintf(path, sizeof path, "/api/calls/%lld", (long long)call);
	doc = expect(&e->admin, "PATCH", path, "{\"one_off_date\":\"2026-05-30\"}", 422);
	assert_problem(&e->admin, doc, 422, "one_off_date");
	json_decref(doc);
	assert_true(is_candidate(e, call, vol));
	set_today("2026-06-02");
	relogin(&e->admin, ADMIN_EMAIL, ADMIN_PASSWORD);
	assert_true(is_candidate(e, call, vol)); /* on the day itself still */
	set_today("2026-06-03");
	relogin(&e->admin, ADMIN_EMAIL, ADMIN_PASSWORD);
	doc = candidates(&e->admin, call);
	assert_int_equal(json_array_size(json_object_get(doc, "items")), 0);
	json_decref(doc);
	/* The job closes it within a few seconds (it runs every second here). */
	const char *status = "open";
	for (int i = 0; i < 100 && strcmp(status, "closed") != 0; i++) {
		doc = expect(&e->admin, "GET", path, NULL, 200);
		status = strcmp(json_str(doc, "status"), "closed") == 0 ? "closed" : "open";
		json_decref(doc);
		if (strcmp(status, "closed") != 0)
			usleep(100 * 1000);
	}
	assert_string_equal(status, "closed");
	/* Opening it again on its past date is refused. */
	doc = expect(&e->admin, "PATCH", path, "{\"status\":\"open\"}", 422);
	assert_problem(&e->admin, doc, 422, "one_off_date");
	json_decref(doc);
}

static double real_of(json_t *doc, const char *key)
{
	return json_real_value(json_object_get(doc, key));
}

/* For a caller who may not see lived experience the proposal's totals are
   computed without it, as its pairs are. */
static void proposal_totals_without_experience(void **state)
{
	struct env *e = *state;
	int64_t home = fx_organisation(&e->admin, "Inloophuis Zwijndrecht");
	int64_t other = fx_organisation(&e->admin, "Kankerinloop");
	struct client cl;
	int64_t vol = fx_volunteer_account(&e->admin, home, "ervaringsdeskundige", &cl);
	patch_volunteer(e, vol, "{\"activities\":[\"lotgenotencontact\"],\"themes\":[\"kanker\"]}");
	char path[96], body[256];
	snprintf(path, sizeof path, "/api/volunteers/%lld/consent", (long long)vol);
	json_decref(expect(&cl, "PUT", path, "{\"profile_scope\":\"network\",\"lived_experience\":true,"
	                                 "\"text_version\":\"2026-1\"}", 200));
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)vol);
	json_decref(expect(&cl, "PATCH", path, "{\"lived_experience\":[\"kanker\"]}", 200));
	call_with(e, other, "\"activity\":\"lotgenotencontact\",\"themes\":[\"kanker\"],"
	                    "\"place\":\"Dordrecht\",\"dayparts\":[\"mon-morning\"]");
	char email[64];
	struct client coord;
	fx_email(&e->srv, "inloopcoordinator", email, sizeof email);
	fx_account(&e->admin, "coordinator", email, other, 0);
	client_init(&coord, &e->srv);
	assert_int_equal(client_login(&coord, email, FX_PASSWORD), 201);
	snprintf(body, sizeof body, "{\"organisation_id\":%lld}", (long long)other);
	json_t *seen = expect(&coord, "POST", "/api/proposals", body, 200);
	json_t *hidden = expect(&e->admin, "POST", "/api/proposals", body, 200);
	assert_int_equal(json_array_size(json_object_get(seen, "items")), 1);
	assert_int_equal(json_array_size(json_object_get(hidden, "items")), 1);
	double with = real_of(seen, "total_score"), without = real_of(hidden, "total_score");
	assert_true(with > without + 9.99 && with < without + 10.01); /* the weight: 10 */
	json_t *pair = json_array_get(json_object_get(hidden, "items"), 0);
	assert_true(fabs(real_of(pair, "score") - without) < 0.011);
	assert_true(fabs(real_of(hidden, "greedy_total_score") - without) < 0.011);
	assert_null(strstr(json_str(pair, "explanation_text"), "Ervaringsdeskundig"));
	json_decref(seen);
	json_decref(hidden);
	client_free(&coord);
	client_free(&cl);
}

/* Three calls, three volunteers alike in everything, three places each: the
   proposal gives each volunteer one call, not one volunteer all three. */
static void proposals_spread_the_work(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Spreiding");
	int64_t vols[3];
	for (int i = 0; i < 3; i++) {
		vols[i] = fx_volunteer(&e->admin, org, "active");
		patch_volunteer(e, vols[i], "{\"max_matches\":3,\"hours_per_week\":0,"
		                            "\"availability\":[\"sun-evening\"]}");
	}
	for (int i = 0; i < 3; i++)
		call_with(e, org, "\"place\":\"Dordrecht\",\"dayparts\":[\"sun-evening\"]");
	char body[64];
	snprintf(body, sizeof body, "{\"organisation_id\":%lld}", (long long)org);
	json_t *doc = expect(&e->admin, "POST", "/api/proposals", body, 200);
	json_t *items = json_object_get(doc, "items");
	assert_int_equal(json_array_size(items), 3);
	int per[3] = { 0 };
	size_t i;
	json_t *it;
	json_array_foreach(items, i, it)
		for (int v = 0; v < 3; v++)
			per[v] += json_id(it, "volunteer_id") == vols[v];
	assert_int_equal(per[0], 1);
	assert_int_equal(per[1], 1);
	assert_int_equal(per[2], 1);
	assert_int_equal(json_integer_value(json_object_get(doc, "volunteers")), 3);
	assert_int_equal(json_integer_value(json_object_get(doc, "max_per_volunteer")), 1);
	assert_true(real_of(doc, "gini") < 1e-9);
	assert_true(json_is_true(json_object_get(doc, "optimal")));
	assert_int_equal(json_integer_value(json_object_get(doc, "places_open")), 0);
	/* Spreading never costs score between volunteers alike. */
	assert_true(fabs(real_of(doc, "total_score") - real_of(doc, "greedy_total_score")) < 0.011);
	json_decref(doc);
}

/* A score a coordinator reads: out of 100, where 100 fits the call on every
   part that can count for it. A call posted just now has no waiting part,
   so the most is 96 of the default weights (lived experience only counts
   for peer support). */
static void a_score_out_of_100(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Honderd");
	int64_t likes = fx_volunteer(&e->admin, org, "active");
	int64_t other = fx_volunteer(&e->admin, org, "active");
	patch_volunteer(e, likes, "{\"availability\":[\"sat-morning\"],\"themes\":[\"ouderen\"]}");
	patch_volunteer(e, other, "{\"availability\":[\"sat-morning\"],"
	                          "\"activities\":[\"boodschappen\"]}");
	int64_t call = call_with(e, org, "\"place\":\"Dordrecht\",\"dayparts\":[\"sat-morning\"],"
	                                 "\"themes\":[\"ouderen\"]");
	json_t *doc = candidates(&e->admin, call);
	json_t *a = item_of(doc, likes), *b = item_of(doc, other);
	assert_non_null(a);
	assert_non_null(b);
	for (json_t *it = a; it != NULL; it = it == a ? b : NULL) {
		double score = real_of(it, "score");
		json_int_t fit = json_integer_value(json_object_get(it, "fit"));
		assert_true(fit > 0 && fit <= 100);
		assert_int_equal(fit, lround(100.0 * score / 96.0));
	}
	assert_true(json_integer_value(json_object_get(a, "fit")) >
	            json_integer_value(json_object_get(b, "fit")) + 40); /* activity and theme */
	assert_non_null(strstr(json_str(a, "explanation_text"), "Houdt van wandelen"));
	json_decref(doc);
	char body[64];
	snprintf(body, sizeof body, "{\"organisation_id\":%lld}", (long long)org);
	doc = expect(&e->admin, "POST", "/api/proposals", body, 200);
	json_t *pair = json_array_get(json_object_get(doc, "items"), 0);
	assert_int_equal(json_id(pair, "volunteer_id"), likes);
	assert_int_equal(json_integer_value(json_object_get(pair, "fit")),
	                 lround(100.0 * real_of(pair, "score") / 96.0));
	json_decref(doc);
}

int main(void)
{
	if (fx_clock_begin(clock_file, "2026-06-01"))
		return 1;
	setenv("KNOOPPUNT_JOB_PERIOD", "1", 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_ride_needs_a_car),
		cmocka_unit_test(engagement_and_hours),
		cmocka_unit_test(distance_weighs_by_how_often),
		cmocka_unit_test(one_off_calls_in_the_past),
		cmocka_unit_test(proposal_totals_without_experience),
		cmocka_unit_test(proposals_spread_the_work),
		cmocka_unit_test(a_score_out_of_100),
	};
	int rc = cmocka_run_group_tests_name("match_quality", tests, env_setup, env_teardown);
	fx_clock_end(clock_file);
	return rc;
}
