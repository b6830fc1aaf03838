/* /api/organisations and /api/lists: success paths, filters and paging. */
#include "support.h"

#include <stdio.h>
#include <string.h>

static void organisation_create_show_update(void **state)
{
	struct env *e = *state;
	int64_t before = client_total(&e->admin, "/api/organisations");
	json_t *doc = expect_json(&e->admin, "POST", "/api/organisations",
	                          json_pack("{s:s, s:s, s:s, s:i, s:i, s:s, s:s}", "name",
	                                    "Stichting Zorgzaam Papendrecht", "kind",
	                                    "care_provider", "municipality", "Papendrecht",
	                                    "employees", 240, "vog_max_age_months", 24, "email",
	                                    "info@zorgzaam.nl", "description",
	                                    "Thuiszorg en dagbesteding"),
	                          201);
	int64_t id = json_id(doc, "id");
	assert_string_equal(json_str(doc, "kind"), "care_provider");
	json_decref(doc);
	assert_int_equal(client_total(&e->admin, "/api/organisations"), before + 1);

	char path[64];
	snprintf(path, sizeof path, "/api/organisations/%lld", (long long)id);
	doc = expect(&e->admin, "GET", path, NULL, 200);
	assert_string_equal(json_str(doc, "name"), "Stichting Zorgzaam Papendrecht");
	assert_string_equal(json_str(doc, "municipality"), "Papendrecht");
	assert_int_equal(json_integer_value(json_object_get(doc, "employees")), 240);
	assert_int_equal(json_integer_value(json_object_get(doc, "vog_max_age_months")), 24);
	json_decref(doc);

	doc = expect(&e->admin, "PATCH", path, "{\"employees\":250,\"phone\":\"078-1234567\"}", 200);
	assert_int_equal(json_integer_value(json_object_get(doc, "employees")), 250);
	assert_string_equal(json_str(doc, "phone"), "078-1234567");
	assert_string_equal(json_str(doc, "name"), "Stichting Zorgzaam Papendrecht");
	json_decref(doc);
	doc = expect(&e->admin, "GET", path, NULL, 200);
	assert_int_equal(json_integer_value(json_object_get(doc, "employees")), 250);
	json_decref(doc);
}

static void organisation_list_filters_and_pages(void **state)
{
	struct env *e = *state;
	int64_t a = fx_organisation(&e->admin, "Filtertest Alfa");
	int64_t b = fx_organisation(&e->admin, "Filtertest Beta");
	json_t *doc = expect(&e->admin, "GET", "/api/organisations?q=Filtertest", NULL, 200);
	assert_int_equal(json_integer_value(json_object_get(doc, "total")), 2);
	assert_true(list_has_id(doc, a) && list_has_id(doc, b));
	json_decref(doc);

	doc = expect(&e->admin, "GET", "/api/organisations?q=Filtertest&limit=1&offset=1", NULL,
	             200);
	assert_int_equal(json_integer_value(json_object_get(doc, "total")), 2);
	assert_int_equal(json_integer_value(json_object_get(doc, "limit")), 1);
	assert_int_equal(json_integer_value(json_object_get(doc, "offset")), 1);
	assert_int_equal(json_array_size(json_object_get(doc, "items")), 1);
	json_decref(doc);

	doc = expect(&e->admin, "GET", "/api/organisations?municipality=Dordrecht&limit=100", NULL,
	             200);
	assert_true(list_has_id(doc, a));
	json_decref(doc);
	doc = expect(&e->admin, "GET", "/api/organisations?municipality=Sliedrecht&limit=100",
	             NULL, 200);
	assert_false(list_has_id(doc, a));
	json_decref(doc);

	/* The public social map lists organisations without logging in. */
	struct client anon;
	client_init(&anon, &e->srv);
	doc = expect(&anon, "GET", "/api/organisations?q=Filtertest", NULL, 200);
	assert_int_equal(json_integer_value(json_object_get(doc, "total")), 2);
	json_decref(doc);
	client_free(&anon);
}

static void coordinator_updates_own_organisation(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Eigen organisatie");
	char email[64], path[64];
	fx_email(&e->srv, "co", email, sizeof email);
	fx_account(&e->admin, "coordinator", email, org, 0);
	struct client co;
	client_init(&co, &e->srv);
	assert_int_equal(client_login(&co, email, FX_PASSWORD), 201);
	snprintf(path, sizeof path, "/api/organisations/%lld", (long long)org);
	json_t *doc = expect(&co, "PATCH", path, "{\"website\":\"https://example.nl\"}", 200);
	assert_string_equal(json_str(doc, "website"), "https://example.nl");
	json_decref(doc);
	client_free(&co);
}

static void lists_index_and_kinds(void **state)
{
	struct env *e = *state;
	struct client anon;
	client_init(&anon, &e->srv);
	json_t *doc = expect(&anon, "GET", "/api/lists", NULL, 200);
	json_t *kinds = json_object_get(doc, "kinds");
	assert_true(json_array_size(kinds) >= 6);
	size_t i;
	json_t *k;
	json_array_foreach(kinds, i, k) {
		char path[64];
		snprintf(path, sizeof path, "/api/lists/%s?all=1", json_string_value(k));
		json_t *list = expect(&anon, "GET", path, NULL, 200);
		assert_true(json_integer_value(json_object_get(list, "total")) > 0);
		/* The index carries the same items, so a page needs one request. */
		json_t *inline_items = json_object_get(json_object_get(doc, "lists"),
		                                       json_string_value(k));
		assert_true(json_equal(inline_items, json_object_get(list, "items")));
		json_decref(list);
	}
	json_decref(doc);

	doc = expect(&anon, "GET", "/api/lists/activity", NULL, 200);
	bool walking = false;
	json_array_foreach(json_object_get(doc, "items"), i, k) {
		if (strcmp(json_str(k, "code"), "wandelen") == 0)
			walking = strcmp(json_str(k, "label_nl"), "Wandelen") == 0;
	}
	assert_true(walking);
	json_decref(doc);
	client_free(&anon);
}

static void list_item_create_update(void **state)
{
	struct env *e = *state;
	int64_t before = client_total(&e->admin, "/api/lists/activity");
	json_t *doc = expect(&e->admin, "POST", "/api/lists/activity",
	                     "{\"code\":\"fietsmaatje\",\"label_nl\":\"Fietsmaatje\","
	                     "\"label_en\":\"Cycling buddy\",\"position\":5}",
	                     201);
	int64_t id = json_id(doc, "id");
	assert_string_equal(json_str(doc, "kind"), "activity");
	json_decref(doc);
	assert_int_equal(client_total(&e->admin, "/api/lists/activity"), before + 1);

	/* The new code is usable right away. */
	int64_t org = fx_organisation(&e->admin, "Fietsen");
	json_t *call = expect_json(&e->admin, "POST", "/api/calls",
	                           json_pack("{s:I, s:s, s:s, s:s, s:[s]}", "organisation_id",
	                                     (json_int_t)org, "title", "Duofiets", "activity",
	                                     "fietsmaatje", "place", "Dordrecht", "dayparts",
	                                     "sat-afternoon"),
	                           201);
	assert_string_equal(json_str(call, "activity"), "fietsmaatje");
	json_decref(call);

	char path[64];
	snprintf(path, sizeof path, "/api/lists/activity/%lld", (long long)id);
	doc = expect(&e->admin, "PATCH", path, "{\"label_nl\":\"Duofietsen\",\"active\":false}",
	             200);
	assert_string_equal(json_str(doc, "label_nl"), "Duofietsen");
	assert_false(json_is_true(json_object_get(doc, "active")));
	/* Only the fields the edit names change. */
	assert_string_equal(json_str(doc, "label_en"), "Cycling buddy");
	assert_int_equal(json_integer_value(json_object_get(doc, "position")), 5);
	assert_string_equal(json_str(doc, "code"), "fietsmaatje");
	json_decref(doc);
	/* The item is edited on its own list only. */
	snprintf(path, sizeof path, "/api/lists/theme/%lld", (long long)id);
	json_decref(expect(&e->admin, "PATCH", path, "{\"position\":1}", 404));
	/* Inactive items leave the public list but stay for the administrator. */
	assert_int_equal(client_total(&e->admin, "/api/lists/activity"), before);
	assert_int_equal(client_total(&e->admin, "/api/lists/activity?all=1"), before + 1);
}

/* Switching a value off once dropped it from the profiles that had it, showed
   its raw code, and broke filtering by it. */
static void a_switched_off_value_stays_on_its_records(void **state)
{
	struct env *e = *state;
	json_t *doc = expect(&e->admin, "POST", "/api/lists/activity",
	                     "{\"code\":\"ommetjeplus\",\"label_nl\":\"Ommetje plus\"}", 201);
	int64_t item = json_id(doc, "id");
	json_decref(doc);
	int64_t org = fx_organisation(&e->admin, "Uitgezet");
	int64_t had = fx_volunteer(&e->admin, org, "active");
	int64_t other = fx_volunteer(&e->admin, org, "active");
	char path[64], other_path[64];
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)had);
	snprintf(other_path, sizeof other_path, "/api/volunteers/%lld", (long long)other);
	const char *both = "{\"activities\":[\"wandelen\",\"ommetjeplus\"]}";
	json_decref(expect(&e->admin, "PATCH", path, both, 200));
	char item_path[64];
	snprintf(item_path, sizeof item_path, "/api/lists/activity/%lld", (long long)item);
	json_decref(expect(&e->admin, "PATCH", item_path, "{\"active\":false}", 200));

	/* The record keeps it, saving the record as it is keeps it too. */
	json_decref(expect(&e->admin, "PATCH", path,
	                   "{\"activities\":[\"ommetjeplus\",\"wandelen\"],"
	                   "\"hours_per_week\":5}", 200));
	doc = expect(&e->admin, "GET", path, NULL, 200);
	assert_int_equal(json_array_size(json_object_get(doc, "activities")), 2);
	json_decref(doc);
	/* Nobody chooses it anew: not on another profile, not on a call. */
	doc = expect(&e->admin, "PATCH", other_path, both, 422);
	assert_problem(&e->admin, doc, 422, "activities");
	assert_string_equal(json_str(doc, "code"), "item_inactive");
	json_decref(doc);
	doc = expect_json(&e->admin, "POST", "/api/calls",
	                  json_pack("{s:I, s:s, s:s, s:s, s:[s]}", "organisation_id", (json_int_t)org,
	                            "title", "Rolstoel", "activity", "ommetjeplus", "place",
	                            "Dordrecht", "dayparts", "sat-afternoon"),
	                  422);
	assert_problem(&e->admin, doc, 422, "activity");
	json_decref(doc);
	/* Filtering by it finds who still has it; its label is still known. */
	char query[128];
	snprintf(query, sizeof query, "/api/volunteers?activity=ommetjeplus&organisation_id=%lld",
	         (long long)org);
	doc = expect(&e->admin, "GET", query, NULL, 200);
	assert_int_equal(json_integer_value(json_object_get(doc, "total")), 1);
	assert_true(list_has_id(doc, had));
	json_decref(doc);
	doc = expect(&e->admin, "GET", "/api/lists", NULL, 200);
	json_t *activities = json_object_get(json_object_get(doc, "lists"), "activity");
	bool labelled = false;
	size_t i;
	json_t *it;
	json_array_foreach(activities, i, it)
		if (json_id(it, "id") == item)
			labelled = strcmp(json_str(it, "label_nl"), "Ommetje plus") == 0 &&
			           json_is_false(json_object_get(it, "active"));
	assert_true(labelled);
	json_decref(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(organisation_create_show_update),
		cmocka_unit_test(organisation_list_filters_and_pages),
		cmocka_unit_test(coordinator_updates_own_organisation),
		cmocka_unit_test(lists_index_and_kinds),
		cmocka_unit_test(list_item_create_update),
		cmocka_unit_test(a_switched_off_value_stays_on_its_records),
	};
	return cmocka_run_group_tests_name("organisations_lists", tests, env_setup, env_teardown);
}
