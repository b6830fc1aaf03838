/* The matching engine through a real server: candidates, suggestions, proposals, freshness. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
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

static bool suggested(struct client *cl, int64_t vol, int64_t call)
{
	char path[96];
	snprintf(path, sizeof path, "/api/volunteers/%lld/suggestions", (long long)vol);
	json_t *doc = expect(cl, "GET", path, NULL, 200);
	json_t *items = json_object_get(doc, "items");
	bool found = false;
	for (size_t i = 0; i < json_array_size(items); i++)
		found = found || json_id(json_array_get(items, i), "call_id") == call;
	json_decref(doc);
	return found;
}

/* Volunteer-first from the day she applies: a volunteer who waits for her
   intake sees the calls that fit her (and so does her coordinator), but no
   call finds her and no proposal names her until she is active; once paused
   she sees none. The same after the index is rebuilt from the database. */
static void waiting_volunteer_sees_what_fits_but_is_no_candidate(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Wachten op intake");
	int64_t vol = fx_volunteer(&e->admin, org, "applied");
	int64_t call = fx_call(&e->admin, org, "Wandelen in het Weizigtpark");
	char path[96], body[96];
	assert_true(suggested(&e->admin, vol, call));
	json_t *doc = candidates(&e->admin, call, 200);
	assert_int_equal(total_of(doc), 0);
	json_decref(doc);
	snprintf(body, sizeof body, "{\"organisation_id\":%lld}", (long long)org);
	doc = expect(&e->admin, "POST", "/api/proposals", body, 200);
	assert_int_equal(json_array_size(json_object_get(doc, "items")), 0);
	json_decref(doc);

	/* a second server loads its index from the database */
	struct server second;
	struct client admin2;
	assert_int_equal(server_start_on(&second, &e->srv), 0);
	client_init(&admin2, &second);
	assert_int_equal(client_login(&admin2, ADMIN_EMAIL, ADMIN_PASSWORD), 201);
	assert_true(suggested(&admin2, vol, call));
	doc = candidates(&admin2, call, 200);
	assert_int_equal(total_of(doc), 0);
	json_decref(doc);
	client_free(&admin2);
	assert_int_equal(server_stop(&second), 0);

	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)vol);
	json_decref(expect(&e->admin, "PATCH", path, "{\"status\":\"active\"}", 200));
	doc = candidates(&e->admin, call, 200);
	assert_int_equal(total_of(doc), 1);
	assert_int_equal(json_id(json_array_get(json_object_get(doc, "items"), 0), "volunteer_id"),
	                 vol);
	json_decref(doc);
	json_decref(expect(&e->admin, "PATCH", path, "{\"status\":\"paused\"}", 200));
	assert_false(suggested(&e->admin, vol, call));
}

static void consent(struct client *cl, int64_t vol, const char *scope, int64_t org,
                    bool experience)
{
	char path[96], body[256];
	snprintf(path, sizeof path, "/api/volunteers/%lld/consent", (long long)vol);
	if (org)
		snprintf(body, sizeof body, "{\"profile_scope\":\"%s\",\"organisations\":[%lld],"
		         "\"lived_experience\":%s,\"text_version\":\"2026-1\"}", scope,
		         (long long)org, experience ? "true" : "false");
	else
		snprintf(body, sizeof body, "{\"profile_scope\":\"%s\",\"lived_experience\":%s,"
		         "\"text_version\":\"2026-1\"}", scope, experience ? "true" : "false");
	json_decref(expect(cl, "PUT", path, body, 200));
}

static void withdraw(struct client *cl, int64_t vol)
{
	char path[96];
	snprintf(path, sizeof path, "/api/volunteers/%lld/consent", (long long)vol);
	json_decref(expect(cl, "DELETE", path, NULL, 200));
}

/* Candidates never include a volunteer of another organisation without
   their consent; consent for that organisation opens it, withdrawal closes
   it on the next question. total counts the same volunteers. */
static void candidates_only_with_consent(void **state)
{
	struct env *e = *state;
	int64_t home = fx_organisation(&e->admin, "Eigen club");
	int64_t other = fx_organisation(&e->admin, "Andere club");
	int64_t third = fx_organisation(&e->admin, "Derde club");
	struct client cl;
	int64_t vol = fx_volunteer_account(&e->admin, home, "koppelvrijwilliger", &cl);
	int64_t theirs = fx_volunteer(&e->admin, other, "active");
	int64_t call = fx_call(&e->admin, other, "Wandelmaatje in Sterrenburg");
	json_t *doc = candidates(&e->admin, call, 200);
	assert_int_equal(total_of(doc), 1);
	assert_non_null(list_find(doc, "volunteer_id", theirs));
	assert_null(list_find(doc, "volunteer_id", vol));
	json_decref(doc);
	consent(&cl, vol, "organisations", third, false);
	doc = candidates(&e->admin, call, 200);
	assert_int_equal(total_of(doc), 1);
	assert_null(list_find(doc, "volunteer_id", vol));
	json_decref(doc);
	consent(&cl, vol, "organisations", other, false);
	doc = candidates(&e->admin, call, 200);
	assert_int_equal(total_of(doc), 2);
	assert_non_null(list_find(doc, "volunteer_id", vol));
	json_decref(doc);
	withdraw(&cl, vol);
	doc = candidates(&e->admin, call, 200);
	assert_int_equal(total_of(doc), 1);
	assert_null(list_find(doc, "volunteer_id", vol));
	json_decref(doc);
	/* The own organisation's calls never needed it. */
	int64_t own_call = fx_call(&e->admin, home, "Wandelmaatje thuis");
	doc = candidates(&e->admin, own_call, 200);
	assert_non_null(list_find(doc, "volunteer_id", vol));
	json_decref(doc);
	client_free(&cl);
}

/* Lived experience counts for peer support with its consent, and the
   candidate list then says "Ervaringsdeskundig" to the call's coordinator,
   never the condition; the network administrator, who may not see health
   data, hears nothing of it. */
static void peer_support_uses_lived_experience_under_consent(void **state)
{
	struct env *e = *state;
	int64_t home = fx_organisation(&e->admin, "Inloophuis");
	int64_t other = fx_organisation(&e->admin, "Kankercentrum");
	struct client cl;
	int64_t vol = fx_volunteer_account(&e->admin, home, "koppelvrijwilliger", &cl);
	char path[64];
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)vol);
	json_decref(expect(&e->admin, "PATCH", path,
	                   "{\"activities\":[\"lotgenotencontact\"],\"themes\":[\"kanker\"]}", 200));
	consent(&cl, vol, "network", 0, true);
	json_decref(expect(&cl, "PATCH", path, "{\"lived_experience\":[\"kanker\"]}", 200));
	char body[256];
	snprintf(body, sizeof body,
	         "{\"title\":\"Lotgenotencontact bij slokdarmkanker\",\"activity\":"
	         "\"lotgenotencontact\",\"themes\":[\"kanker\"],\"place\":\"Dordrecht\","
	         "\"dayparts\":[\"mon-morning\"],\"volunteers_needed\":1,\"organisation_id\":%lld}",
	         (long long)other);
	json_t *made = expect(&e->admin, "POST", "/api/calls", body, 201);
	int64_t call = json_id(made, "id");
	json_decref(made);
	char email[64];
	struct client coord;
	fx_email(&e->srv, "kankercoordinator", email, sizeof email);
	fx_account(&e->admin, "coordinator", email, other, 0);
	client_init(&coord, &e->srv);
	assert_int_equal(client_login(&coord, email, FX_PASSWORD), 201);
	json_t *doc = candidates(&coord, call, 200);
	json_t *it = list_find(doc, "volunteer_id", vol);
	assert_non_null(it);
	double with = json_real_value(json_object_get(it, "score"));
	assert_true(json_real_value(json_object_get(json_object_get(it, "parts"), "experience")) > 0);
	assert_non_null(strstr(json_str(it, "explanation_text"), "Ervaringsdeskundig"));
	assert_null(strstr(json_str(it, "explanation_text"), "gehad"));
	json_decref(doc);
	doc = candidates(&e->admin, call, 200);
	it = list_find(doc, "volunteer_id", vol);
	assert_non_null(it);
	double hidden = json_real_value(json_object_get(it, "score"));
	assert_true(json_real_value(json_object_get(json_object_get(it, "parts"), "experience")) == 0);
	assert_null(strstr(json_str(it, "explanation_text"), "Ervaringsdeskundig"));
	json_decref(doc);
	/* Profile consent only: a candidate, scored as if without experience. */
	consent(&cl, vol, "network", 0, false);
	doc = candidates(&coord, call, 200);
	it = list_find(doc, "volunteer_id", vol);
	assert_non_null(it);
	assert_true(json_real_value(json_object_get(json_object_get(it, "parts"), "experience")) == 0);
	assert_null(strstr(json_str(it, "explanation_text"), "Ervaringsdeskundig"));
	assert_true(json_real_value(json_object_get(it, "score")) < with);
	assert_true(json_real_value(json_object_get(it, "score")) == hidden);
	json_decref(doc);
	client_free(&coord);
	client_free(&cl);
}

/* Scores in a candidate list never rise going down: each caller sees an order
   that its own scores explain. */
static void assert_order_follows_scores(json_t *doc)
{
	size_t i;
	json_t *it;
	double last = 1e300;
	json_array_foreach(json_object_get(doc, "items"), i, it) {
		double score = json_real_value(json_object_get(it, "score"));
		assert_true(score <= last + 1e-9);
		last = score;
	}
}

/* A volunteer whose lived experience lifts her above a nearer one for the
   call's coordinator must not stay above him, with a lower score, for the
   network administrator: that order would give her experience away. */
static void candidate_order_follows_shown_scores(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Lotgenoten Drechtsteden");
	struct client cl;
	int64_t her = fx_volunteer_account(&e->admin, org, "koppelvrijwilliger", &cl);
	int64_t him = fx_volunteer(&e->admin, org, "active");
	char path[64];
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)her);
	json_decref(expect(&e->admin, "PATCH", path,
	                   "{\"activities\":[\"lotgenotencontact\"],\"themes\":[\"kanker\"],"
	                   "\"place\":\"Sliedrecht\",\"max_distance_km\":30}", 200));
	consent(&cl, her, "network", 0, true);
	json_decref(expect(&cl, "PATCH", path, "{\"lived_experience\":[\"kanker\"]}", 200));
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)him);
	json_decref(expect(&e->admin, "PATCH", path,
	                   "{\"activities\":[\"lotgenotencontact\"],\"themes\":[\"kanker\"]}",
	                   200));
	char body[256], email[64];
	snprintf(body, sizeof body,
	         "{\"title\":\"Lotgenotencontact na borstkanker\",\"activity\":"
	         "\"lotgenotencontact\",\"themes\":[\"kanker\"],\"place\":\"Dordrecht\","
	         "\"dayparts\":[\"mon-morning\"],\"organisation_id\":%lld}", (long long)org);
	json_t *made = expect(&e->admin, "POST", "/api/calls", body, 201);
	int64_t call = json_id(made, "id");
	json_decref(made);
	struct client coord;
	fx_email(&e->srv, "lotgenotencoordinator", email, sizeof email);
	fx_account(&e->admin, "coordinator", email, org, 0);
	client_init(&coord, &e->srv);
	assert_int_equal(client_login(&coord, email, FX_PASSWORD), 201);
	struct client *callers[] = { &coord, &e->admin };
	for (int k = 0; k < 2; k++) {
		json_t *doc = candidates(callers[k], call, 200);
		assert_non_null(list_find(doc, "volunteer_id", her));
		assert_non_null(list_find(doc, "volunteer_id", him));
		assert_order_follows_scores(doc);
		/* The case bites: with her experience she is first for the coordinator. */
		if (k == 0)
			assert_int_equal(json_id(json_array_get(json_object_get(doc, "items"), 0),
			                         "volunteer_id"), her);
		json_decref(doc);
	}
	client_free(&coord);
	client_free(&cl);
}

/* A call of `org` that asks for the first training of the shared list, whose
   code goes into code; returns the call. */
static int64_t call_needing_training(struct client *cl, int64_t org, char *code, size_t cap)
{
	json_t *lists = expect(cl, "GET", "/api/lists/training", NULL, 200);
	snprintf(code, cap, "%s", json_str(json_array_get(json_object_get(lists, "items"), 0),
	                                   "code"));
	json_decref(lists);
	assert_true(strlen(code) > 0);
	json_t *in = json_pack("{s:s, s:s, s:s, s:[s], s:i, s:I, s:[s]}", "title", "Met training",
	                       "activity", "wandelen", "place", "Dordrecht", "dayparts",
	                       "mon-morning", "volunteers_needed", 1, "organisation_id",
	                       (json_int_t)org, "required_trainings", code);
	char *body = json_dumps(in, JSON_COMPACT);
	json_t *doc = expect(cl, "POST", "/api/calls", body, 201);
	int64_t id = json_id(doc, "id");
	json_decref(doc);
	free(body);
	json_decref(in);
	return id;
}

/* A training from the shared list, once recorded, counts for matching at once. */
static void recorded_training_counts_at_once(void **state)
{
	struct env *e = *state;
	char code[64], path[96], body[160];
	int64_t org = fx_organisation(&e->admin, "Getraind");
	int64_t call = call_needing_training(&e->admin, org, code, sizeof code);
	int64_t vol = fx_volunteer(&e->admin, org, "active");
	json_t *doc = candidates(&e->admin, call, 200);
	assert_int_equal(total_of(doc), 0);
	json_decref(doc);
	snprintf(path, sizeof path, "/api/volunteers/%lld/trainings", (long long)vol);
	snprintf(body, sizeof body, "{\"training\":\"%s\",\"completed_on\":\"2020-05-20\"}",
	         code);
	json_decref(expect(&e->admin, "POST", path, body, 201));
	doc = candidates(&e->admin, call, 200);
	assert_int_equal(total_of(doc), 1);
	assert_int_equal(json_id(json_array_get(json_object_get(doc, "items"), 0), "volunteer_id"),
	                 vol);
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
		cmocka_unit_test(waiting_volunteer_sees_what_fits_but_is_no_candidate),
		cmocka_unit_test(limit_is_checked),
		cmocka_unit_test(recorded_training_counts_at_once),
		cmocka_unit_test(candidates_only_with_consent),
		cmocka_unit_test(peer_support_uses_lived_experience_under_consent),
		cmocka_unit_test(candidate_order_follows_shown_scores),
	};
	return cmocka_run_group_tests_name("suggestions", tests, env_setup, env_teardown);
}
