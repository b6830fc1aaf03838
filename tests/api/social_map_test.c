/* The network's public face: the social map (an organisation's offer through
   GET/PUT /api/organisations/{id}/offer, the public search GET /api/public/map)
   and the calls organisations put on the public pages (GET /api/public/calls),
   who may keep them, the health word warning on a public text, and that the
   public answers carry no person's data. */
#include "support.h"

#include <stdio.h>
#include <string.h>

static void offer_path(int64_t org, char *out, size_t cap)
{
	snprintf(out, cap, "/api/organisations/%lld/offer", (long long)org);
}

/* Whether the "items" of a map answer hold the organisation id. */
static bool on_map(struct client *cl, const char *query, int64_t id)
{
	char path[256];
	snprintf(path, sizeof path, "/api/public/map?limit=200%s", query);
	json_t *doc = expect(cl, "GET", path, NULL, 200);
	bool found = list_has_id(doc, id);
	json_decref(doc);
	return found;
}

static void empty_offer_then_edit(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Humanitas Drechtsteden");
	char path[64];
	offer_path(org, path, sizeof path);
	struct client anon;
	client_init(&anon, &e->srv);
	json_t *doc = expect(&anon, "GET", path, NULL, 200);
	assert_true(json_is_true(json_object_get(doc, "new_clients")));
	assert_int_equal(json_array_size(json_object_get(doc, "activities")), 0);
	assert_true(json_is_null(json_object_get(doc, "updated_at")));
	json_decref(doc);

	doc = expect(&e->admin, "PUT", path,
	             "{\"address\":\"Johan de Wittstraat 1, Dordrecht\",\"activities\":"
	             "[\"huisbezoek\",\"thuisadministratie\"],\"themes\":[\"eenzaamheid\"],"
	             "\"places\":[\"Dordrecht\",\"Zwijndrecht\"],\"new_volunteers\":false}",
	             200);
	assert_string_equal(json_str(doc, "address"), "Johan de Wittstraat 1, Dordrecht");
	assert_int_equal(json_array_size(json_object_get(doc, "activities")), 2);
	assert_int_equal(json_array_size(json_object_get(doc, "places")), 2);
	assert_false(json_is_true(json_object_get(doc, "new_volunteers")));
	assert_true(json_is_true(json_object_get(doc, "new_clients")));
	json_decref(doc);

	/* Only the fields an edit names change. */
	doc = expect(&e->admin, "PUT", path, "{\"new_clients\":false}", 200);
	assert_false(json_is_true(json_object_get(doc, "new_clients")));
	assert_int_equal(json_array_size(json_object_get(doc, "activities")), 2);
	assert_int_equal(json_array_size(json_object_get(doc, "themes")), 1);
	json_decref(doc);
	doc = expect(&anon, "GET", path, NULL, 200);
	assert_string_equal(json_string_value(json_array_get(json_object_get(doc, "themes"), 0)),
	                    "eenzaamheid");
	assert_false(json_is_null(json_object_get(doc, "updated_at")));
	json_decref(doc);
	client_free(&anon);
}

static void offer_input_refused(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Invoercontrole");
	char path[64];
	offer_path(org, path, sizeof path);
	uint64_t before = db_fingerprint(&e->srv);
	json_t *doc = expect(&e->admin, "PUT", path, "{\"activities\":[\"vliegeren\"]}", 422);
	assert_problem(&e->admin, doc, 422, "activities");
	json_decref(doc);
	doc = expect(&e->admin, "PUT", path, "{\"themes\":[\"wandelen\"]}", 422);
	assert_problem(&e->admin, doc, 422, "themes");
	json_decref(doc);
	doc = expect(&e->admin, "PUT", path, "{\"places\":[\"  \"]}", 422);
	assert_problem(&e->admin, doc, 422, "places");
	json_decref(doc);
	doc = expect(&e->admin, "PUT", path, "{\"places\":\"Dordrecht\"}", 422);
	assert_problem(&e->admin, doc, 422, "places");
	json_decref(doc);
	doc = expect(&e->admin, "PUT", path, "{\"volunteers\":[]}", 422);
	assert_problem(&e->admin, doc, 422, "volunteers");
	json_decref(doc);
	assert_true(db_fingerprint(&e->srv) == before);
	/* the same place twice, in another case, is one place */
	doc = expect(&e->admin, "PUT", path, "{\"places\":[\"Dordrecht\",\"dordrecht\"]}", 200);
	assert_int_equal(json_array_size(json_object_get(doc, "places")), 1);
	json_decref(doc);
	json_decref(expect(&e->admin, "PUT", "/api/organisations/999999/offer",
	                   "{\"new_clients\":true}", 404));
}

static void coordinators_keep_their_own_offer(void **state)
{
	struct env *e = *state;
	int64_t own = fx_organisation(&e->admin, "Eigen aanbod");
	int64_t other = fx_organisation(&e->admin, "Ander aanbod");
	char email[64], path[64];
	fx_email(&e->srv, "kaart", email, sizeof email);
	fx_account(&e->admin, "coordinator", email, own, 0);
	struct client co;
	client_init(&co, &e->srv);
	assert_int_equal(client_login(&co, email, FX_PASSWORD), 201);
	offer_path(own, path, sizeof path);
	json_decref(expect(&co, "PUT", path, "{\"activities\":[\"klussen\"]}", 200));
	offer_path(other, path, sizeof path);
	uint64_t before = db_fingerprint(&e->srv);
	json_decref(expect(&co, "PUT", path, "{\"activities\":[\"klussen\"]}", 403));
	assert_true(db_fingerprint(&e->srv) == before);
	client_free(&co);

	struct client anon;
	client_init(&anon, &e->srv);
	json_decref(expect(&anon, "PUT", path, "{\"activities\":[\"klussen\"]}", 401));
	client_free(&anon);
}

static void map_searches_place_activity_theme(void **state)
{
	struct env *e = *state;
	int64_t a = fx_organisation(&e->admin, "Kaart Vervoer");
	int64_t b = fx_organisation(&e->admin, "Kaart Maatjes");
	char path[64];
	offer_path(a, path, sizeof path);
	json_decref(expect(&e->admin, "PUT", path,
	                   "{\"activities\":[\"vervoer_ziekenhuis\"],\"themes\":[\"ouderen\"],"
	                   "\"places\":[\"Sliedrecht\",\"Wijk Oostpolder\"]}", 200));
	offer_path(b, path, sizeof path);
	json_decref(expect(&e->admin, "PUT", path,
	                   "{\"activities\":[\"maatje\"],\"themes\":[\"ggz\"],"
	                   "\"places\":[\"Papendrecht\"]}", 200));
	struct client anon;
	client_init(&anon, &e->srv);
	/* by a place served, ignoring case, and by the own municipality */
	assert_true(on_map(&anon, "&place=sliedrecht", a));
	assert_true(on_map(&anon, "&place=Wijk%20Oostpolder", a));
	assert_false(on_map(&anon, "&place=Sliedrecht", b));
	assert_true(on_map(&anon, "&place=Dordrecht", b));
	/* by activity and theme, together */
	assert_true(on_map(&anon, "&activity=vervoer_ziekenhuis", a));
	assert_false(on_map(&anon, "&activity=vervoer_ziekenhuis", b));
	assert_true(on_map(&anon, "&theme=ggz&place=Papendrecht", b));
	assert_false(on_map(&anon, "&theme=ggz&place=Sliedrecht", b));
	assert_false(on_map(&anon, "&theme=ouderen&activity=maatje", a));
	json_t *doc = expect(&anon, "GET", "/api/public/map?activity=vliegeren", NULL, 400);
	assert_problem(&anon, doc, 400, "activity");
	json_decref(doc);

	/* an inactive organisation leaves the map */
	char org[64];
	snprintf(org, sizeof org, "/api/organisations/%lld", (long long)b);
	json_decref(expect(&e->admin, "PATCH", org, "{\"active\":false}", 200));
	assert_false(on_map(&anon, "&activity=maatje", b));
	client_free(&anon);
}

/* A map entry is the organisation's public face: its contact data and offer,
   nothing about the people it works with. */
static void map_carries_no_personal_data(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Kaart Privacy");
	int64_t vol = fx_volunteer(&e->admin, org, "active");
	char path[64];
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)vol);
	json_t *v = expect(&e->admin, "GET", path, NULL, 200);
	char last[128];
	snprintf(last, sizeof last, "%s", json_str(v, "last_name"));
	json_decref(v);
	fx_call(&e->admin, org, "Wandelmaatje gezocht");
	offer_path(org, path, sizeof path);
	json_decref(expect(&e->admin, "PUT", path, "{\"activities\":[\"wandelen\"]}", 200));

	struct client anon;
	client_init(&anon, &e->srv);
	json_t *doc = expect(&anon, "GET", "/api/public/map?activity=wandelen&limit=200", NULL,
	                     200);
	assert_true(list_has_id(doc, org));
	assert_null(strstr(anon.raw, last));
	size_t i;
	json_t *it;
	static const char *const allowed[] = {
		"id", "name", "kind", "municipality", "description", "phone", "email", "website",
		"address", "new_clients", "new_volunteers", "activities", "themes", "places",
		"updated_at", NULL,
	};
	json_array_foreach(json_object_get(doc, "items"), i, it) {
		const char *key;
		json_t *val;
		json_object_foreach(it, key, val) {
			bool known = false;
			for (int k = 0; allowed[k] && !known; k++)
				known = strcmp(allowed[k], key) == 0;
			if (!known)
				fail_msg("unexpected field %s on the public map", key);
		}
	}
	json_decref(doc);
	client_free(&anon);
}

static void login_as(struct env *e, struct client *cl, const char *role, int64_t org)
{
	char email[64];
	fx_email(&e->srv, role, email, sizeof email);
	fx_account(&e->admin, role, email, org, 0);
	client_init(cl, &e->srv);
	assert_int_equal(client_login(cl, email, FX_PASSWORD), 201);
}

static bool publicly_listed(struct client *cl, int64_t call)
{
	json_t *doc = expect(cl, "GET", "/api/public/calls?limit=200", NULL, 200);
	bool found = list_has_id(doc, call);
	json_decref(doc);
	return found;
}

/* An organisation puts a call on the public pages, and takes it off again. */
static void organisation_publishes_a_call(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Openbare oproepen");
	struct client co, anon;
	login_as(e, &co, "coordinator", org);
	client_init(&anon, &e->srv);
	int64_t call = fx_call(&co, org, "Wandelmaatje voor de zaterdag");
	char path[64], pub[64];
	snprintf(path, sizeof path, "/api/calls/%lld", (long long)call);
	snprintf(pub, sizeof pub, "/api/public/calls/%lld", (long long)call);
	assert_false(publicly_listed(&anon, call));
	json_decref(expect(&anon, "GET", pub, NULL, 404));

	json_t *doc = expect(&co, "PATCH", path, "{\"public_page\":true}", 200);
	assert_true(json_is_true(json_object_get(doc, "public_page")));
	assert_int_equal(json_array_size(json_object_get(doc, "health_words")), 0);
	json_decref(doc);
	/* The coordinator's list shows the whole call; the public list, read
	   after it, only what the public pages show. */
	doc = expect(&co, "GET", "/api/calls?limit=200", NULL, 200);
	assert_non_null(json_object_get(list_find(doc, "id", call), "created_by"));
	json_decref(doc);
	doc = expect(&anon, "GET", "/api/public/calls?limit=200", NULL, 200);
	json_t *row = list_find(doc, "id", call);
	assert_non_null(row);
	assert_null(json_object_get(row, "created_by"));
	assert_null(json_object_get(row, "location_id"));
	json_decref(doc);
	assert_true(publicly_listed(&anon, call));
	doc = expect(&anon, "GET", pub, NULL, 200);
	assert_string_equal(json_str(doc, "title"), "Wandelmaatje voor de zaterdag");
	assert_null(json_object_get(doc, "created_by"));
	assert_null(json_object_get(doc, "location_id"));
	json_decref(doc);
	doc = expect(&anon, "GET", "/api/public/calls?activity=wandelen&place=Dordrecht&limit=200",
	             NULL, 200);
	assert_true(list_has_id(doc, call));
	json_decref(doc);
	doc = expect(&anon, "GET", "/api/public/calls?activity=klussen&limit=200", NULL, 200);
	assert_false(list_has_id(doc, call));
	json_decref(doc);

	/* a filled call leaves the public pages */
	json_decref(expect(&co, "PATCH", path, "{\"status\":\"filled\"}", 200));
	assert_false(publicly_listed(&anon, call));
	json_decref(expect(&anon, "GET", pub, NULL, 404));
	client_free(&co);
	client_free(&anon);
}

/* A help request goes public only with the text its organisation wrote, never
   with the referrer's confidential intake; health words in it are flagged. */
static void help_request_public_text_and_health_words(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Ontvangt hulpvragen");
	struct client co, ref, anon;
	login_as(e, &co, "coordinator", org);
	login_as(e, &ref, "referrer", 0);
	client_init(&anon, &e->srv);
	char body[512], path[64];
	snprintf(body, sizeof body,
	         "{\"title\":\"Mevrouw Jansen\",\"description\":\"VERTROUWELIJK: Dorpsstraat 1\","
	         "\"activity\":\"wandelen\",\"place\":\"Dordrecht\",\"dayparts\":[\"tue-morning\"],"
	         "\"organisation_id\":%lld}", (long long)org);
	json_t *doc = expect(&ref, "POST", "/api/calls", body, 201);
	int64_t call = json_id(doc, "id");
	assert_null(json_object_get(doc, "health_words")); /* the referrer does not edit it */
	json_decref(doc);
	snprintf(path, sizeof path, "/api/calls/%lld", (long long)call);

	uint64_t before = db_fingerprint(&e->srv);
	doc = expect(&co, "PATCH", path, "{\"public_page\":true}", 422);
	assert_problem(&co, doc, 422, "public_page");
	json_decref(doc);
	assert_true(db_fingerprint(&e->srv) == before);

	doc = expect(&co, "PATCH", path,
	             "{\"public_title\":\"Wandelen met een oudere dame\",\"public_description\":"
	             "\"Zij heeft Dementie en wil graag naar buiten.\",\"public_page\":true}", 200);
	json_t *words = json_object_get(doc, "health_words");
	assert_int_equal(json_array_size(words), 1);
	assert_string_equal(json_string_value(json_array_get(words, 0)), "dementie");
	json_decref(doc);
	doc = expect(&co, "PATCH", path,
	             "{\"public_description\":\"Zij wil graag naar buiten, in de Wielewaal.\"}", 200);
	assert_int_equal(json_array_size(json_object_get(doc, "health_words")), 0);
	json_decref(doc);

	/* Its coordinator's list shows its own title; the public pages never do,
	   not to the coordinator either, whichever was read first. */
	doc = expect(&co, "GET", "/api/calls?limit=200", NULL, 200);
	assert_string_equal(json_str(list_find(doc, "id", call), "title"), "Mevrouw Jansen");
	json_decref(doc);
	assert_true(publicly_listed(&anon, call));
	json_decref(expect(&anon, "GET", "/api/public/calls?limit=200", NULL, 200));
	assert_null(strstr(anon.raw, "VERTROUWELIJK"));
	assert_null(strstr(anon.raw, "Jansen"));
	json_decref(expect(&co, "GET", "/api/public/calls?limit=200", NULL, 200));
	assert_null(strstr(co.raw, "Jansen"));
	assert_null(strstr(co.raw, "created_by"));
	doc = expect(&co, "GET", "/api/calls?limit=200", NULL, 200);
	assert_string_equal(json_str(list_find(doc, "id", call), "title"), "Mevrouw Jansen");
	json_decref(doc);

	/* A new public text is on the public pages at once. */
	json_decref(expect(&co, "PATCH", path, "{\"public_title\":\"Wandelmaatje gezocht\"}", 200));
	doc = expect(&anon, "GET", "/api/public/calls?limit=200", NULL, 200);
	assert_string_equal(json_str(list_find(doc, "id", call), "title"), "Wandelmaatje gezocht");
	json_decref(doc);
	client_free(&co);
	client_free(&ref);
	client_free(&anon);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(empty_offer_then_edit),
		cmocka_unit_test(offer_input_refused),
		cmocka_unit_test(coordinators_keep_their_own_offer),
		cmocka_unit_test(map_searches_place_activity_theme),
		cmocka_unit_test(map_carries_no_personal_data),
		cmocka_unit_test(organisation_publishes_a_call),
		cmocka_unit_test(help_request_public_text_and_health_words),
	};
	return cmocka_run_group_tests_name("social_map", tests, env_setup, env_teardown);
}
