/* /api/volunteers: create, read, update and the list with its filters. */
#include "support.h"

#include <stdio.h>
#include <string.h>

static bool array_has(json_t *arr, const char *s)
{
	size_t i;
	json_t *v;
	json_array_foreach(arr, i, v) {
		if (strcmp(json_string_value(v), s) == 0)
			return true;
	}
	return false;
}

static void volunteer_full_profile_round_trip(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Profiel");
	int64_t before = client_total(&e->admin, "/api/volunteers");
	json_t *in = json_pack(
		"{s:I, s:s, s:s, s:s, s:s, s:i, s:s, s:s, s:[s,s,s], s:i, s:[s,s], s:i, s:s, s:b,"
		" s:i, s:s, s:s, s:s, s:[s,s], s:[s], s:[], s:[], s:[], s:[]}",
		"organisation_id", (json_int_t)org, "first_name", "Mieke", "last_name", "Bakker",
		"email", "mieke@test.nl", "phone", "06-12345678", "birth_year", 1956, "status",
		"active", "place", "Sliedrecht", "availability", "mon-morning", "tue-afternoon",
		"sun-evening", "hours_per_week", 6, "engagement", "structural", "flexible",
		"max_distance_km", 15, "travel_mode", "bike", "driving_licence", 1, "max_matches", 3,
		"vog_date", "2025-03-01", "motivation_text", "Ik wil graag iets betekenen voor ouderen.",
		"started_on", "2024-09-01", "activities", "wandelen", "huisbezoek", "themes",
		"ouderen", "motives", "talents", "trainings", "languages");
	json_t *doc = expect_json(&e->admin, "POST", "/api/volunteers", in, 201);
	int64_t id = json_id(doc, "id");
	assert_int_equal(json_id(doc, "organisation_id"), org);
	assert_string_equal(json_str(doc, "place"), "Sliedrecht");
	assert_true(json_real_value(json_object_get(doc, "lat")) > 51.7);
	assert_true(json_real_value(json_object_get(doc, "lon")) > 4.7);
	json_decref(doc);
	assert_int_equal(client_total(&e->admin, "/api/volunteers"), before + 1);

	char path[64];
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)id);
	doc = expect(&e->admin, "GET", path, NULL, 200);
	assert_string_equal(json_str(doc, "first_name"), "Mieke");
	assert_string_equal(json_str(doc, "phone"), "06-12345678");
	assert_int_equal(json_integer_value(json_object_get(doc, "birth_year")), 1956);
	assert_string_equal(json_str(doc, "status"), "active");
	assert_int_equal(json_array_size(json_object_get(doc, "availability")), 3);
	assert_true(array_has(json_object_get(doc, "availability"), "sun-evening"));
	assert_true(array_has(json_object_get(doc, "engagement"), "structural"));
	assert_true(array_has(json_object_get(doc, "activities"), "huisbezoek"));
	assert_true(array_has(json_object_get(doc, "themes"), "ouderen"));
	assert_int_equal(json_integer_value(json_object_get(doc, "max_distance_km")), 15);
	assert_string_equal(json_str(doc, "travel_mode"), "bike");
	assert_true(json_is_true(json_object_get(doc, "driving_licence")));
	assert_string_equal(json_str(doc, "vog_date"), "2025-03-01");
	assert_string_equal(json_str(doc, "started_on"), "2024-09-01");
	json_decref(doc);
}

static void volunteer_update_changes_only_given_fields(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Wijzigen");
	int64_t id = fx_volunteer(&e->admin, org, "applied");
	char path[64];
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)id);
	json_t *doc = expect(&e->admin, "PATCH", path,
	                     "{\"status\":\"active\",\"place\":\"Alblasserdam\","
	                     "\"availability\":[\"fri-evening\"],\"activities\":[\"klussen\"]}",
	                     200);
	assert_string_equal(json_str(doc, "status"), "active");
	assert_string_equal(json_str(doc, "place"), "Alblasserdam");
	assert_string_equal(json_str(doc, "last_name"), "de Vries");
	json_decref(doc);
	doc = expect(&e->admin, "GET", path, NULL, 200);
	assert_int_equal(json_array_size(json_object_get(doc, "availability")), 1);
	assert_true(array_has(json_object_get(doc, "availability"), "fri-evening"));
	assert_true(array_has(json_object_get(doc, "activities"), "klussen"));
	assert_false(array_has(json_object_get(doc, "activities"), "wandelen"));
	assert_int_equal(json_integer_value(json_object_get(doc, "hours_per_week")), 4);
	json_decref(doc);

	/* An administrator moves the volunteer to another organisation. */
	int64_t other = fx_organisation(&e->admin, "Nieuw thuis");
	char body[64];
	snprintf(body, sizeof body, "{\"organisation_id\":%lld}", (long long)other);
	doc = expect(&e->admin, "PATCH", path, body, 200);
	assert_int_equal(json_id(doc, "organisation_id"), other);
	json_decref(doc);
}

static void volunteer_list_filters(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Lijst");
	int64_t a = fx_volunteer(&e->admin, org, "active");
	int64_t b = fx_volunteer(&e->admin, org, "paused");
	char path[160];

	snprintf(path, sizeof path, "/api/volunteers?organisation_id=%lld", (long long)org);
	json_t *doc = expect(&e->admin, "GET", path, NULL, 200);
	assert_int_equal(json_integer_value(json_object_get(doc, "total")), 2);
	assert_true(list_has_id(doc, a) && list_has_id(doc, b));
	json_decref(doc);

	snprintf(path, sizeof path, "/api/volunteers?organisation_id=%lld&status=paused",
	         (long long)org);
	doc = expect(&e->admin, "GET", path, NULL, 200);
	assert_int_equal(json_integer_value(json_object_get(doc, "total")), 1);
	assert_true(list_has_id(doc, b));
	json_decref(doc);

	snprintf(path, sizeof path, "/api/volunteers?organisation_id=%lld&activity=wandelen",
	         (long long)org);
	assert_int_equal(client_total(&e->admin, path), 2);
	snprintf(path, sizeof path, "/api/volunteers?organisation_id=%lld&activity=klussen",
	         (long long)org);
	assert_int_equal(client_total(&e->admin, path), 0);
	snprintf(path, sizeof path, "/api/volunteers?organisation_id=%lld&place=Dordrecht",
	         (long long)org);
	assert_int_equal(client_total(&e->admin, path), 2);
	snprintf(path, sizeof path, "/api/volunteers?organisation_id=%lld&place=Gorinchem",
	         (long long)org);
	assert_int_equal(client_total(&e->admin, path), 0);

	/* q searches names: fx_volunteer names them AnnaN. */
	char show[64];
	snprintf(show, sizeof show, "/api/volunteers/%lld", (long long)a);
	doc = expect(&e->admin, "GET", show, NULL, 200);
	snprintf(path, sizeof path, "/api/volunteers?q=%s", json_str(doc, "first_name"));
	json_decref(doc);
	doc = expect(&e->admin, "GET", path, NULL, 200);
	assert_true(list_has_id(doc, a));
	assert_false(list_has_id(doc, b));
	json_decref(doc);

	snprintf(path, sizeof path, "/api/volunteers?organisation_id=%lld&limit=1&offset=1",
	         (long long)org);
	doc = expect(&e->admin, "GET", path, NULL, 200);
	assert_int_equal(json_array_size(json_object_get(doc, "items")), 1);
	assert_int_equal(json_integer_value(json_object_get(doc, "total")), 2);
	json_decref(doc);
}

/* A coordinator's list shows other organisations' volunteers that
   consented; asked for the own organisation it shows that one only (asking
   for another is refused); activity and theme together both apply. */
/* The search box found names only: not an e-mail address or a phone number. */
static void search_by_name_email_or_phone(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Zoeken");
	int64_t vol = fx_volunteer(&e->admin, org, "active");
	char path[64], query[128];
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)vol);
	json_decref(expect(&e->admin, "PATCH", path,
	                   "{\"email\":\"hakan.arslan@voorbeeld.nl\",\"phone\":\"06-1234 5678\"}",
	                   200));
	static const char *const asks[] = { "hakan.arslan%40voorbeeld", "0612345678", "06%2012%2034",
	                                    "de%20Vries" };
	for (size_t i = 0; i < sizeof asks / sizeof asks[0]; i++) {
		snprintf(query, sizeof query, "/api/volunteers?organisation_id=%lld&q=%s", (long long)org,
		         asks[i]);
		json_t *doc = expect(&e->admin, "GET", query, NULL, 200);
		assert_true(list_has_id(doc, vol));
		json_decref(doc);
	}
	snprintf(query, sizeof query, "/api/volunteers?organisation_id=%lld&q=0699999999",
	         (long long)org);
	json_t *doc = expect(&e->admin, "GET", query, NULL, 200);
	assert_false(list_has_id(doc, vol));
	json_decref(doc);
}

static void coordinator_list_filters_by_organisation_and_items(void **state)
{
	struct env *e = *state;
	int64_t home = fx_organisation(&e->admin, "Thuisclub");
	int64_t other = fx_organisation(&e->admin, "Buurclub");
	int64_t mine = fx_volunteer(&e->admin, home, "active");
	int64_t theirs = fx_volunteer(&e->admin, other, "active");
	char email[64], path[160];
	struct client vol, coord;
	fx_email(&e->srv, "buurvrijwilliger", email, sizeof email);
	fx_account(&e->admin, "volunteer", email, other, theirs);
	client_init(&vol, &e->srv);
	assert_int_equal(client_login(&vol, email, FX_PASSWORD), 201);
	snprintf(path, sizeof path, "/api/volunteers/%lld/consent", (long long)theirs);
	json_decref(expect(&vol, "PUT", path, "{\"profile_scope\":\"network\","
	                   "\"lived_experience\":false,\"text_version\":\"2026-1\"}", 200));
	fx_email(&e->srv, "thuiscoordinator", email, sizeof email);
	fx_account(&e->admin, "coordinator", email, home, 0);
	client_init(&coord, &e->srv);
	assert_int_equal(client_login(&coord, email, FX_PASSWORD), 201);

	json_t *doc = expect(&coord, "GET", "/api/volunteers?limit=200", NULL, 200);
	assert_true(list_has_id(doc, mine) && list_has_id(doc, theirs));
	json_decref(doc);
	snprintf(path, sizeof path, "/api/volunteers?limit=200&organisation_id=%lld",
	         (long long)home);
	doc = expect(&coord, "GET", path, NULL, 200);
	assert_true(list_has_id(doc, mine) && !list_has_id(doc, theirs));
	json_decref(doc);
	snprintf(path, sizeof path, "/api/volunteers?limit=200&organisation_id=%lld",
	         (long long)other);
	json_decref(expect(&coord, "GET", path, NULL, 403));

	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)mine);
	json_decref(expect(&e->admin, "PATCH", path, "{\"themes\":[\"ouderen\"]}", 200));
	snprintf(path, sizeof path,
	         "/api/volunteers?limit=200&organisation_id=%lld&activity=wandelen&theme=ouderen",
	         (long long)home);
	doc = expect(&coord, "GET", path, NULL, 200);
	assert_int_equal(json_integer_value(json_object_get(doc, "total")), 1);
	assert_true(list_has_id(doc, mine));
	json_decref(doc);
	snprintf(path, sizeof path,
	         "/api/volunteers?limit=200&organisation_id=%lld&activity=klussen&theme=ouderen",
	         (long long)home);
	assert_int_equal(client_total(&coord, path), 0);
	client_free(&coord);
	client_free(&vol);
}

/* Registering the same person twice is refused with the existing record
   named, until the coordinator confirms it is someone else. */
static void likely_duplicate_is_named(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Dubbelclub");
	char body[320];
	snprintf(body, sizeof body,
	         "{\"organisation_id\":%lld,\"first_name\":\"Hakan\",\"last_name\":\"Arslan\","
	         "\"email\":\"h.arslan@voorbeeld.nl\",\"birth_year\":1968,"
	         "\"place\":\"Zwijndrecht\"}", (long long)org);
	json_t *doc = expect(&e->admin, "POST", "/api/volunteers", body, 201);
	int64_t first = json_id(doc, "id");
	json_decref(doc);
	doc = expect(&e->admin, "POST", "/api/volunteers", body, 409);
	assert_problem(&e->admin, doc, 409, "email");
	assert_string_equal(json_str(doc, "code"), "likely_duplicate");
	assert_int_equal(json_id(json_object_get(doc, "current"), "id"), first);
	json_decref(doc);
	/* Another address, but the same name, birth year and place. */
	snprintf(body, sizeof body,
	         "{\"organisation_id\":%lld,\"first_name\":\"hakan\",\"last_name\":\"ARSLAN\","
	         "\"birth_year\":1968,\"place\":\"Zwijndrecht\"}", (long long)org);
	doc = expect(&e->admin, "POST", "/api/volunteers", body, 409);
	assert_problem(&e->admin, doc, 409, "last_name");
	json_decref(doc);
	snprintf(body, sizeof body,
	         "{\"organisation_id\":%lld,\"first_name\":\"Hakan\",\"last_name\":\"Arslan\","
	         "\"birth_year\":1968,\"place\":\"Zwijndrecht\",\"confirm_new\":true}",
	         (long long)org);
	json_decref(expect(&e->admin, "POST", "/api/volunteers", body, 201));
	/* A namesake in another organisation is no business of this one. */
	int64_t other = fx_organisation(&e->admin, "Andere dubbelclub");
	snprintf(body, sizeof body,
	         "{\"organisation_id\":%lld,\"first_name\":\"Hakan\",\"last_name\":\"Arslan\","
	         "\"email\":\"h.arslan@voorbeeld.nl\",\"birth_year\":1968,"
	         "\"place\":\"Zwijndrecht\"}", (long long)other);
	json_decref(expect(&e->admin, "POST", "/api/volunteers", body, 201));
}

/* The ids of a list, in order, by pages of two that each start after the
   last row of the one before (keyset); the number of pages into *pages. */
static int ids_by_keyset(struct client *cl, const char *list, int64_t *ids, int cap, int *pages)
{
	char path[160];
	int n = 0;
	int64_t after = 0;
	for (*pages = 0; *pages < 100; (*pages)++) {
		snprintf(path, sizeof path, "%s%slimit=2", list, strchr(list, '?') ? "&" : "?");
		if (after)
			snprintf(path + strlen(path), sizeof path - strlen(path), "&after=%lld",
			         (long long)after);
		json_t *doc = expect(cl, "GET", path, NULL, 200);
		json_t *items = json_object_get(doc, "items");
		size_t k = json_array_size(items);
		for (size_t i = 0; i < k && n < cap; i++)
			ids[n++] = after = json_id(json_array_get(items, i), "id");
		json_decref(doc);
		if (k < 2)
			break;
	}
	return n;
}

/* Pages by keyset: after=ID gives the rows that follow row ID in the list's
   own order, so that paging through gives the whole list once, in order,
   however deep; a row the caller cannot list is refused, so that its place
   in the order does not show; after and offset do not go together. */
static void lists_page_by_keyset(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Bladeren");
	int64_t other = fx_organisation(&e->admin, "Elders");
	for (int i = 0; i < 5; i++)
		fx_volunteer(&e->admin, org, "active");
	int64_t hidden = fx_volunteer(&e->admin, other, "active");
	struct client coord;
	fx_login(e, &coord, "coordinator", org, 0);
	int64_t whole[16], paged[16];
	int pages = 0, n = 0;
	char own[96];  /* her own organisation's: others' may be open to her too */
	snprintf(own, sizeof own, "/api/volunteers?organisation_id=%lld", (long long)org);
	char all[128];
	snprintf(all, sizeof all, "%s&limit=200", own);
	json_t *doc = expect(&coord, "GET", all, NULL, 200);
	json_t *items = json_object_get(doc, "items");
	for (size_t i = 0; i < json_array_size(items) && n < 16; i++)
		whole[n++] = json_id(json_array_get(items, i), "id");
	assert_int_equal(json_integer_value(json_object_get(doc, "total")), 5);
	json_decref(doc);
	assert_int_equal(n, 5);
	assert_int_equal(ids_by_keyset(&coord, own, paged, 16, &pages), 5);
	assert_int_equal(pages, 2);
	assert_memory_equal(paged, whole, 5 * sizeof *whole);
	/* a list ordered newest first, with equal times broken by id */
	for (int i = 0; i < 3; i++)
		fx_call(&coord, org, "Koffie schenken");
	snprintf(own, sizeof own, "/api/calls?organisation_id=%lld", (long long)org);
	snprintf(all, sizeof all, "%s&limit=200", own);
	doc = expect(&coord, "GET", all, NULL, 200);
	items = json_object_get(doc, "items");
	n = 0;
	for (size_t i = 0; i < json_array_size(items) && n < 16; i++)
		whole[n++] = json_id(json_array_get(items, i), "id");
	json_decref(doc);
	assert_int_equal(n, 3);
	assert_int_equal(ids_by_keyset(&coord, own, paged, 16, &pages), n);
	assert_memory_equal(paged, whole, (size_t)n * sizeof *whole);

	char path[96];
	snprintf(path, sizeof path, "/api/volunteers?after=%lld", (long long)hidden);
	doc = expect(&coord, "GET", path, NULL, 422);
	assert_problem(&coord, doc, 422, "after");
	json_decref(doc);
	snprintf(path, sizeof path, "/api/volunteers?after=%lld&offset=2", (long long)whole[0]);
	doc = expect(&coord, "GET", path, NULL, 400);
	assert_problem(&coord, doc, 400, "offset");
	json_decref(doc);
	doc = expect(&coord, "GET", "/api/volunteers?after=nul", NULL, 400);
	assert_problem(&coord, doc, 400, "after");
	json_decref(doc);
	doc = expect(&e->admin, "GET", "/api/audit?after=1", NULL, 422); /* by position only */
	assert_problem(&e->admin, doc, 422, "after");
	json_decref(doc);
	client_free(&coord);
}

static void volunteer_reads_and_updates_self(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Zelf");
	int64_t id = fx_volunteer(&e->admin, org, "active");
	char email[64], path[64];
	fx_email(&e->srv, "zelf", email, sizeof email);
	fx_account(&e->admin, "volunteer", email, 0, id);
	struct client me;
	client_init(&me, &e->srv);
	assert_int_equal(client_login(&me, email, FX_PASSWORD), 201);
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)id);
	json_t *doc = expect(&me, "PATCH", path, "{\"hours_per_week\":8}", 200);
	assert_int_equal(json_integer_value(json_object_get(doc, "hours_per_week")), 8);
	json_decref(doc);
	doc = expect(&me, "GET", "/api/volunteers", NULL, 200);
	assert_int_equal(json_integer_value(json_object_get(doc, "total")), 1);
	assert_true(list_has_id(doc, id));
	json_decref(doc);
	client_free(&me);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(volunteer_full_profile_round_trip),
		cmocka_unit_test(volunteer_update_changes_only_given_fields),
		cmocka_unit_test(volunteer_list_filters),
		cmocka_unit_test(coordinator_list_filters_by_organisation_and_items),
		cmocka_unit_test(search_by_name_email_or_phone),
		cmocka_unit_test(likely_duplicate_is_named),
		cmocka_unit_test(volunteer_reads_and_updates_self),
		cmocka_unit_test(lists_page_by_keyset),
	};
	return cmocka_run_group_tests_name("volunteers", tests, env_setup, env_teardown);
}
