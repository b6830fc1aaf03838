/* The matching engine through a real server: candidates, suggestions, proposals, freshness. */
#include "support.h"

#include <stdio.h>
#include <string.h>

static json_t *candidates(struct client *cl, int64_t call, long status)
{
	char path[96];
	snprintf(path, sizeof path, "/api/calls/%lld/candidates?limit=20", (long long)call);
	return expect(cl, "GET", path, NULL, status);
}

static int64_t total_of(json_t *doc)
{
	return json_integer_value(json_object_get(doc, "total"));
}

static void candidates_explain_and_stay_fresh(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Koppelen");
	int64_t vol = fx_volunteer(&e->admin, org, "active");
	int64_t call = fx_call(&e->admin, org, "Wandelmaatje op maandag");
	json_t *doc = candidates(&e->admin, call, 200);
	assert_int_equal(total_of(doc), 1);
	json_t *item = json_array_get(json_object_get(doc, "items"), 0);
	assert_int_equal(json_id(item, "volunteer_id"), vol);
	assert_non_null(strstr(json_str(item, "explanation_text"), "Houdt van wandelen"));
	assert_non_null(strstr(json_str(item, "explanation_text"), "maandagochtend beschikbaar"));
	assert_string_equal(json_str(item, "place"), "Dordrecht");
	assert_true(json_is_object(json_object_get(item, "parts")));
	assert_true(json_array_size(json_object_get(item, "explanation")) >= 3);
	json_decref(doc);

	/* A changed availability counts at once, without a restart. */
	char path[96];
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)vol);
	json_decref(expect(&e->admin, "PATCH", path, "{\"availability\":[\"fri-evening\"]}", 200));
	doc = candidates(&e->admin, call, 200);
	assert_int_equal(total_of(doc), 0);
	json_decref(doc);
	json_decref(expect(&e->admin, "PATCH", path, "{\"availability\":[\"mon-morning\"]}", 200));
	int64_t vol2 = fx_volunteer(&e->admin, org, "active");
	doc = candidates(&e->admin, call, 200);
	assert_int_equal(total_of(doc), 2);
	json_decref(doc);

	/* A proposal writes nothing; a match made from it leaves the candidates. */
	char body[96];
	snprintf(body, sizeof body, "{\"organisation_id\":%lld}", (long long)org);
	int64_t matches = count_rows(&e->srv, "matches");
	doc = expect(&e->admin, "POST", "/api/proposals", body, 200);
	assert_int_equal(count_rows(&e->srv, "matches"), matches);
	assert_int_equal(json_array_size(json_object_get(doc, "items")), 1);
	assert_int_equal(json_integer_value(json_object_get(doc, "calls")), 1);
	item = json_array_get(json_object_get(doc, "items"), 0);
	int64_t chosen = json_id(item, "volunteer_id");
	assert_true(chosen == vol || chosen == vol2);
	assert_true(strlen(json_str(item, "explanation_text")) > 0);
	json_decref(doc);
	fx_match(&e->admin, call, chosen);
	doc = candidates(&e->admin, call, 200);
	assert_int_equal(total_of(doc), 1);
	item = json_array_get(json_object_get(doc, "items"), 0);
	assert_int_not_equal(json_id(item, "volunteer_id"), chosen);
	json_decref(doc);
}

static void suggestions_for_a_volunteer(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Suggesties");
	int64_t vol = fx_volunteer(&e->admin, org, "active");
	int64_t call = fx_call(&e->admin, org, "Wandelen langs de Merwede");
	char path[96];
	snprintf(path, sizeof path, "/api/volunteers/%lld/suggestions", (long long)vol);
	json_t *doc = expect(&e->admin, "GET", path, NULL, 200);
	json_t *items = json_object_get(doc, "items");
	bool found = false;
	for (size_t i = 0; i < json_array_size(items); i++) {
		json_t *it = json_array_get(items, i);
		if (json_id(it, "call_id") != call)
			continue;
		found = true;
		assert_string_equal(json_str(it, "title"), "Wandelen langs de Merwede");
		assert_string_equal(json_str(it, "activity"), "wandelen");
		assert_non_null(strstr(json_str(it, "explanation_text"), "Houdt van wandelen"));
	}
	assert_true(found);
	json_decref(doc);
	/* A closed call is no suggestion any more. */
	snprintf(path, sizeof path, "/api/calls/%lld", (long long)call);
	json_decref(expect(&e->admin, "PATCH", path, "{\"status\":\"closed\"}", 200));
	snprintf(path, sizeof path, "/api/volunteers/%lld/suggestions", (long long)vol);
	doc = expect(&e->admin, "GET", path, NULL, 200);
	items = json_object_get(doc, "items");
	for (size_t i = 0; i < json_array_size(items); i++)
		assert_int_not_equal(json_id(json_array_get(items, i), "call_id"), call);
	json_decref(doc);
}

static void limit_is_checked(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Grenzen");
	int64_t call = fx_call(&e->admin, org, "Wandelmaatje");
	char path[96];
	snprintf(path, sizeof path, "/api/calls/%lld/candidates?limit=0", (long long)call);
	json_t *doc = client_request(&e->admin, "GET", path, NULL, NULL);
	assert_problem(&e->admin, doc, 400, "limit");
	json_decref(doc);
	snprintf(path, sizeof path, "/api/calls/%lld/candidates?limit=101", (long long)call);
	doc = client_request(&e->admin, "GET", path, NULL, NULL);
	assert_problem(&e->admin, doc, 400, "limit");
	json_decref(doc);
	doc = client_request(&e->admin, "POST", "/api/proposals", "{\"organisatie\":1}", NULL);
	assert_problem(&e->admin, doc, 0, "organisatie");
	json_decref(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(candidates_explain_and_stay_fresh),
		cmocka_unit_test(suggestions_for_a_volunteer),
		cmocka_unit_test(limit_is_checked),
	};
	return cmocka_run_group_tests_name("suggestions", tests, env_setup, env_teardown);
}
