/* /api/calls: create (recurring and one-off), read, update, list filters. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void call_recurring_round_trip(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Oproepen");
	int64_t before = client_total(&e->admin, "/api/calls");
	json_t *in = json_pack("{s:I, s:s, s:s, s:s, s:s, s:[s,s], s:i, s:i, s:b, s:b, s:s, s:[s],"
	                       " s:[s]}",
	                       "organisation_id", (json_int_t)org, "title",
	                       "Wandelmaatje voor meneer De Boer", "description",
	                       "Meneer wandelt graag langs de rivier.", "activity", "wandelen",
	                       "place", "Hendrik-Ido-Ambacht", "dayparts", "tue-morning",
	                       "thu-morning", "duration_minutes", 90, "volunteers_needed", 2,
	                       "requires_vog", 1, "requires_driving_licence", 0, "engagement",
	                       "structural", "themes", "ouderen", "required_languages", "nl");
	json_t *doc = expect_json(&e->admin, "POST", "/api/calls", in, 201);
	int64_t id = json_id(doc, "id");
	assert_string_equal(json_str(doc, "status"), "open");
	assert_string_equal(json_str(doc, "source"), "organisation");
	json_decref(doc);
	assert_int_equal(client_total(&e->admin, "/api/calls"), before + 1);

	char path[64];
	snprintf(path, sizeof path, "/api/calls/%lld", (long long)id);
	doc = expect(&e->admin, "GET", path, NULL, 200);
	assert_string_equal(json_str(doc, "title"), "Wandelmaatje voor meneer De Boer");
	assert_string_equal(json_str(doc, "activity"), "wandelen");
	assert_string_equal(json_str(doc, "place"), "Hendrik-Ido-Ambacht");
	assert_int_equal(json_array_size(json_object_get(doc, "dayparts")), 2);
	assert_int_equal(json_integer_value(json_object_get(doc, "duration_minutes")), 90);
	assert_int_equal(json_integer_value(json_object_get(doc, "volunteers_needed")), 2);
	assert_true(json_is_true(json_object_get(doc, "requires_vog")));
	assert_string_equal(json_str(doc, "engagement"), "structural");
	assert_int_equal(json_array_size(json_object_get(doc, "themes")), 1);
	assert_true(json_is_null(json_object_get(doc, "one_off_date")));
	json_decref(doc);

	doc = expect(&e->admin, "PATCH", path, "{\"status\":\"filled\",\"volunteers_needed\":1}",
	             200);
	assert_string_equal(json_str(doc, "status"), "filled");
	assert_int_equal(json_integer_value(json_object_get(doc, "volunteers_needed")), 1);
	assert_string_equal(json_str(doc, "title"), "Wandelmaatje voor meneer De Boer");
	json_decref(doc);
}

static void call_one_off(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Eenmalig");
	json_t *doc = expect_json(&e->admin, "POST", "/api/calls",
	                          json_pack("{s:I, s:s, s:s, s:s, s:s, s:s}", "organisation_id",
	                                    (json_int_t)org, "title", "Rit naar het Albert Schweitzer",
	                                    "activity", "vervoer_ziekenhuis", "place", "Dordrecht",
	                                    "one_off_date", "2030-12-03", "start_time", "09:30"),
	                          201);
	assert_string_equal(json_str(doc, "one_off_date"), "2030-12-03");
	assert_string_equal(json_str(doc, "start_time"), "09:30");
	assert_int_equal(json_array_size(json_object_get(doc, "dayparts")), 0);
	char path[64];
	snprintf(path, sizeof path, "/api/calls/%lld", (long long)json_id(doc, "id"));
	json_decref(doc);
	/* Switching to a recurring schedule clears the date in the same request. */
	doc = expect(&e->admin, "PATCH", path,
	             "{\"one_off_date\":null,\"dayparts\":[\"wed-evening\"]}", 200);
	assert_true(json_is_null(json_object_get(doc, "one_off_date")));
	assert_int_equal(json_array_size(json_object_get(doc, "dayparts")), 1);
	json_decref(doc);
}

static void call_list_filters(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Filters");
	int64_t a = fx_call(&e->admin, org, "Boodschappenhulp Zuid");
	int64_t b = fx_call(&e->admin, org, "Wandelen in het park");
	char path[160], show[64];
	snprintf(show, sizeof show, "/api/calls/%lld", (long long)b);
	json_decref(expect(&e->admin, "PATCH", show, "{\"status\":\"closed\"}", 200));

	snprintf(path, sizeof path, "/api/calls?organisation_id=%lld", (long long)org);
	json_t *doc = expect(&e->admin, "GET", path, NULL, 200);
	assert_int_equal(json_integer_value(json_object_get(doc, "total")), 2);
	assert_true(list_has_id(doc, a) && list_has_id(doc, b));
	json_decref(doc);
	snprintf(path, sizeof path, "/api/calls?organisation_id=%lld&status=open", (long long)org);
	doc = expect(&e->admin, "GET", path, NULL, 200);
	assert_int_equal(json_integer_value(json_object_get(doc, "total")), 1);
	assert_true(list_has_id(doc, a));
	json_decref(doc);
	snprintf(path, sizeof path, "/api/calls?organisation_id=%lld&q=Boodschappenhulp",
	         (long long)org);
	assert_int_equal(client_total(&e->admin, path), 1);
	snprintf(path, sizeof path, "/api/calls?organisation_id=%lld&activity=wandelen",
	         (long long)org);
	assert_int_equal(client_total(&e->admin, path), 2);
	snprintf(path, sizeof path, "/api/calls?organisation_id=%lld&activity=koken",
	         (long long)org);
	assert_int_equal(client_total(&e->admin, path), 0);
	snprintf(path, sizeof path, "/api/calls?organisation_id=%lld&place=Dordrecht",
	         (long long)org);
	assert_int_equal(client_total(&e->admin, path), 2);
	snprintf(path, sizeof path, "/api/calls?organisation_id=%lld&limit=1", (long long)org);
	doc = expect(&e->admin, "GET", path, NULL, 200);
	assert_int_equal(json_array_size(json_object_get(doc, "items")), 1);
	json_decref(doc);
}

static void roles_create_calls(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Rollen");
	char email[64];

	/* A professional's call comes from a location of their organisation. */
	fx_email(&e->srv, "pro", email, sizeof email);
	fx_account(&e->admin, "professional", email, org, 0);
	struct client pro;
	client_init(&pro, &e->srv);
	assert_int_equal(client_login(&pro, email, FX_PASSWORD), 201);
	json_t *doc = expect(&pro, "POST", "/api/calls",
	                     "{\"title\":\"Gastvrouw dagbesteding\",\"activity\":\"gastvrouw\","
	                     "\"place\":\"Dordrecht\",\"dayparts\":[\"mon-afternoon\"]}",
	                     201);
	assert_string_equal(json_str(doc, "source"), "location");
	assert_int_equal(json_id(doc, "organisation_id"), org);
	json_decref(doc);
	client_free(&pro);

	/* A referrer names the receiving organisation. */
	fx_email(&e->srv, "verwijzer", email, sizeof email);
	fx_account(&e->admin, "referrer", email, 0, 0);
	struct client ref;
	client_init(&ref, &e->srv);
	assert_int_equal(client_login(&ref, email, FX_PASSWORD), 201);
	char body[256];
	snprintf(body, sizeof body,
	         "{\"organisation_id\":%lld,\"title\":\"Hulpvraag boodschappen\","
	         "\"activity\":\"boodschappen\",\"place\":\"Zwijndrecht\","
	         "\"one_off_date\":\"2030-12-10\"}",
	         (long long)org);
	doc = expect(&ref, "POST", "/api/calls", body, 201);
	assert_string_equal(json_str(doc, "source"), "referrer");
	int64_t id = json_id(doc, "id");
	json_decref(doc);
	char path[64];
	snprintf(path, sizeof path, "/api/calls/%lld", (long long)id);
	json_decref(expect(&ref, "GET", path, NULL, 200));
	doc = expect(&ref, "GET", "/api/calls", NULL, 200);
	assert_int_equal(json_integer_value(json_object_get(doc, "total")), 1);
	assert_true(list_has_id(doc, id));
	json_decref(doc);
	client_free(&ref);

	/* A volunteer offers help: the offer is theirs and their organisation's. */
	int64_t vol = fx_volunteer(&e->admin, org, "active");
	fx_email(&e->srv, "aanbod", email, sizeof email);
	fx_account(&e->admin, "volunteer", email, 0, vol);
	struct client v;
	client_init(&v, &e->srv);
	assert_int_equal(client_login(&v, email, FX_PASSWORD), 201);
	doc = expect(&v, "POST", "/api/calls",
	             "{\"title\":\"Ik help met de computer\",\"activity\":\"computerhulp\","
	             "\"place\":\"Dordrecht\",\"dayparts\":[\"sat-morning\"]}",
	             201);
	assert_string_equal(json_str(doc, "source"), "volunteer");
	assert_int_equal(json_id(doc, "volunteer_id"), vol);
	assert_int_equal(json_id(doc, "organisation_id"), org);
	json_decref(doc);
	client_free(&v);
}

/* Offers once showed to every volunteer as calls with a respond button, and
   counted as open calls nobody had answered. */
static void an_offer_is_for_the_coordinators(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Aanbod");
	struct client v[2];
	int64_t vol[2];
	char email[64], path[64], body[64];
	for (int i = 0; i < 2; i++) {
		vol[i] = fx_volunteer(&e->admin, org, "active");
		fx_email(&e->srv, "aanbieder", email, sizeof email);
		fx_account(&e->admin, "volunteer", email, 0, vol[i]);
		client_init(&v[i], &e->srv);
		assert_int_equal(client_login(&v[i], email, FX_PASSWORD), 201);
	}
	json_t *doc = expect(&e->admin, "GET", "/api/dashboard", NULL, 200);
	json_int_t before = json_integer_value(
		json_object_get(json_object_get(doc, "unmatched_calls"), "total"));
	json_decref(doc);
	doc = expect(&v[0], "POST", "/api/calls",
	             "{\"title\":\"Ik repareer fietsen\",\"activity\":\"klussen\","
	             "\"place\":\"Dordrecht\",\"dayparts\":[\"sat-morning\"]}", 201);
	int64_t offer = json_id(doc, "id");
	json_decref(doc);
	int64_t call = fx_call(&e->admin, org, "Fietsmaatje");
	snprintf(path, sizeof path, "/api/calls/%lld", (long long)offer);
	/* Its owner and the coordinators see it; another volunteer neither lists nor opens it. */
	doc = expect(&v[0], "GET", "/api/calls?limit=100", NULL, 200);
	assert_true(list_has_id(doc, offer) && list_has_id(doc, call));
	json_decref(doc);
	doc = expect(&v[1], "GET", "/api/calls?limit=100", NULL, 200);
	assert_false(list_has_id(doc, offer));
	assert_true(list_has_id(doc, call));
	json_decref(doc);
	json_decref(expect(&v[1], "GET", path, NULL, 403));
	json_decref(expect(&e->admin, "GET", path, NULL, 200));
	/* Nobody responds to it as to a call, and it is not a call waiting for a volunteer. */
	snprintf(body, sizeof body, "{\"call_id\":%lld}", (long long)offer);
	doc = expect(&v[1], "POST", "/api/matches", body, 409);
	assert_problem(&v[1], doc, 409, "call_id");
	json_decref(doc);
	doc = expect(&e->admin, "GET", "/api/dashboard", NULL, 200);
	assert_int_equal(json_integer_value(
	                     json_object_get(json_object_get(doc, "unmatched_calls"), "total")),
	                 before + 1); /* the call, not the offer */
	json_decref(doc);
	client_free(&v[0]);
	client_free(&v[1]);
}

/* A help request in a list reads differently by reader: its coordinators see
   its own title, a volunteer only its public text. Each reader keeps getting
   their own, in whichever order they list it, and an edit shows to both. */
static void a_request_lists_as_each_reader_may_see_it(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Lezers");
	struct client coord, ref, vol;
	fx_login(e, &coord, "coordinator", org, 0);
	fx_login(e, &ref, "referrer", 0, 0);
	fx_volunteer_account(&e->admin, org, "lezer", &vol);
	char body[512], path[64];
	snprintf(body, sizeof body,
	         "{\"organisation_id\":%lld,\"title\":\"Mevrouw De Wit (89) valt vaak\","
	         "\"description\":\"Dementie, dochter woont ver weg\",\"activity\":\"wandelen\","
	         "\"place\":\"Dordrecht\",\"dayparts\":[\"wed-afternoon\"]}",
	         (long long)org);
	json_t *doc = expect(&ref, "POST", "/api/calls", body, 201);
	int64_t id = json_id(doc, "id");
	json_decref(doc);
	snprintf(path, sizeof path, "/api/calls/%lld", (long long)id);
	/* The receiving organisation writes the public text. */
	json_decref(expect(&coord, "PATCH", path,
	                   "{\"public_title\":\"Gezelschap voor een oudere dame\","
	                   "\"public_description\":\"Een wekelijkse wandeling\"}",
	                   200));

	for (int round = 0; round < 2; round++) {
		struct client *first = round == 0 ? &coord : &vol;
		struct client *second = round == 0 ? &vol : &coord;
		for (int k = 0; k < 2; k++) {
			struct client *cl = k == 0 ? first : second;
			doc = expect(cl, "GET", "/api/calls?limit=100", NULL, 200);
			json_t *row = list_find(doc, "id", id);
			assert_non_null(row);
			assert_string_equal(json_str(row, "description"), "Een wekelijkse wandeling");
			if (cl == &coord) {
				assert_string_equal(json_str(row, "title"), "Mevrouw De Wit (89) valt vaak");
			} else {
				assert_string_equal(json_str(row, "title"),
				                    "Gezelschap voor een oudere dame");
				char *text = json_dumps(doc, 0);
				assert_null(strstr(text, "De Wit"));
				assert_null(strstr(text, "Dementie"));
				free(text);
			}
			json_decref(doc);
		}
	}
	json_decref(expect(&coord, "PATCH", path,
	                   "{\"public_title\":\"Wandelmaatje voor een oudere dame\"}", 200));
	doc = expect(&vol, "GET", "/api/calls?limit=100", NULL, 200);
	assert_string_equal(json_str(list_find(doc, "id", id), "title"),
	                    "Wandelmaatje voor een oudere dame");
	json_decref(doc);
	client_free(&coord);
	client_free(&ref);
	client_free(&vol);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(call_recurring_round_trip),
		cmocka_unit_test(call_one_off),
		cmocka_unit_test(call_list_filters),
		cmocka_unit_test(roles_create_calls),
		cmocka_unit_test(an_offer_is_for_the_coordinators),
		cmocka_unit_test(a_request_lists_as_each_reader_may_see_it),
	};
	return cmocka_run_group_tests_name("calls", tests, env_setup, env_teardown);
}
