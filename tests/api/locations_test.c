/* /api/locations: an organisation's locations, where its care professionals
   work, and what that means for the calls and matches a professional sees
   and acts on. One test per rule. */
#include "support.h"

#include <stdio.h>
#include <string.h>

struct site {
	int64_t org, a, b;          /* the organisation and two of its locations */
	int64_t pro_id;             /* a professional's account */
	struct client coord, pro;
};

static int64_t add_location(struct client *cl, const char *name, const char *place)
{
	char body[256];
	snprintf(body, sizeof body, "{\"name\":\"%s\",\"address\":\"Dokweg 1\",\"place\":\"%s\"}",
	         name, place);
	json_t *doc = expect(cl, "POST", "/api/locations", body, 201);
	int64_t id = json_id(doc, "id");
	json_decref(doc);
	return id;
}

static void assign(struct client *cl, int64_t account, const char *ids, long status)
{
	char path[64], body[128];
	snprintf(path, sizeof path, "/api/accounts/%lld/locations", (long long)account);
	snprintf(body, sizeof body, "{\"location_ids\":%s}", ids);
	json_decref(expect(cl, "PUT", path, body, status));
}

static void make_site(struct env *e, struct site *s)
{
	char email[64];
	s->org = fx_organisation(&e->admin, "Zorggroep");
	fx_login(e, &s->coord, "coordinator", s->org, 0);
	s->a = add_location(&s->coord, "De Kastanjehof", "dordrecht");
	s->b = add_location(&s->coord, "Het Rivierhuis", "Zwijndrecht");
	fx_email(&e->srv, "pro", email, sizeof email);
	s->pro_id = fx_account(&e->admin, "professional", email, s->org, 0);
	client_init(&s->pro, &e->srv);
	assert_int_equal(client_login(&s->pro, email, FX_PASSWORD), 201);
}

static void free_site(struct site *s)
{
	client_free(&s->coord);
	client_free(&s->pro);
}

static int64_t call_at(struct client *cl, int64_t location, const char *title)
{
	char body[256];
	snprintf(body, sizeof body, "{\"title\":\"%s\",\"activity\":\"wandelen\",\"place\":"
	         "\"Dordrecht\",\"dayparts\":[\"mon-morning\"],\"location_id\":%lld}", title,
	         (long long)location);
	json_t *doc = expect(cl, "POST", "/api/calls", body, 201);
	int64_t id = json_id(doc, "id");
	json_decref(doc);
	return id;
}

static json_t *location_of(json_t *list, int64_t id)
{
	return list_find(list, "id", id);
}

/* Coordinators add, rename and switch off their own locations; the
   professional reads them; nobody else touches them. */
static void coordinator_manages_own_locations(void **state)
{
	struct env *e = *state;
	struct site s;
	struct client other, vol;
	make_site(e, &s);
	json_t *doc = expect(&s.coord, "GET", "/api/locations", NULL, 200);
	json_t *a = location_of(doc, s.a);
	assert_string_equal(json_str(a, "place"), "Dordrecht"); /* as the place table names it */
	assert_string_equal(json_str(a, "address"), "Dokweg 1");
	assert_true(json_is_true(json_object_get(a, "active")));
	json_decref(doc);

	char path[64];
	snprintf(path, sizeof path, "/api/locations/%lld", (long long)s.a);
	doc = expect(&s.coord, "PATCH", path, "{\"name\":\"De Kastanjehof (oost)\"}", 200);
	assert_string_equal(json_str(doc, "name"), "De Kastanjehof (oost)");
	assert_string_equal(json_str(doc, "address"), "Dokweg 1");
	json_decref(doc);

	json_decref(expect(&s.pro, "GET", "/api/locations", NULL, 200));
	json_decref(expect(&s.pro, "POST", "/api/locations",
	                   "{\"name\":\"Eigen plek\",\"place\":\"Dordrecht\"}", 403));
	json_decref(expect(&s.pro, "PATCH", path, "{\"name\":\"x\"}", 403));

	int64_t org2 = fx_organisation(&e->admin, "Buren");
	fx_login(e, &other, "coordinator", org2, 0);
	json_decref(expect(&other, "PATCH", path, "{\"name\":\"x\"}", 403));
	doc = expect(&other, "GET", "/api/locations", NULL, 200);
	assert_null(location_of(doc, s.a)); /* each organisation its own */
	json_decref(doc);
	char q[64];
	snprintf(q, sizeof q, "/api/locations?organisation_id=%lld", (long long)s.org);
	json_decref(expect(&other, "GET", q, NULL, 403));
	doc = expect(&e->admin, "GET", q, NULL, 200);
	assert_int_equal(json_array_size(json_object_get(doc, "items")), 2);
	json_decref(doc);

	int64_t v = fx_volunteer(&e->admin, s.org, "active");
	fx_login(e, &vol, "volunteer", 0, v);
	json_decref(expect(&vol, "GET", "/api/locations", NULL, 403));
	client_free(&other);
	client_free(&vol);
	free_site(&s);
}

static void bad_locations_name_their_field_and_write_nothing(void **state)
{
	struct env *e = *state;
	struct site s;
	make_site(e, &s);
	uint64_t before = db_fingerprint(&e->srv);
	json_t *doc = expect(&s.coord, "POST", "/api/locations", "{\"place\":\"Dordrecht\"}", 422);
	assert_problem(&s.coord, doc, 422, "name");
	json_decref(doc);
	doc = expect(&s.coord, "POST", "/api/locations",
	             "{\"name\":\"Nergens\",\"place\":\"Atlantis\"}", 422);
	assert_problem(&s.coord, doc, 422, "place");
	json_decref(doc);
	doc = expect(&s.coord, "POST", "/api/locations",
	             "{\"name\":\"Het Rivierhuis\",\"place\":\"Dordrecht\"}", 409);
	assert_problem(&s.coord, doc, 409, "name");
	json_decref(doc);
	char path[64];
	snprintf(path, sizeof path, "/api/locations/%lld", (long long)s.a);
	doc = expect(&s.coord, "PATCH", path, "{\"organisation_id\":1}", 422);
	assert_problem(&s.coord, doc, 422, "organisation_id");
	json_decref(doc);
	doc = expect(&s.coord, "PATCH", path, "{\"name\":\"\"}", 422);
	assert_problem(&s.coord, doc, 422, "name");
	json_decref(doc);
	assert_true(db_fingerprint(&e->srv) == before);
	free_site(&s);
}

/* A location switched off keeps its name on the calls that have it, and is
   not chosen for a new call or a professional. */
static void switched_off_location_stays_on_old_calls(void **state)
{
	struct env *e = *state;
	struct site s;
	make_site(e, &s);
	int64_t call = call_at(&s.coord, s.a, "Voorlezen");
	char path[64], body[160];
	snprintf(path, sizeof path, "/api/locations/%lld", (long long)s.a);
	json_decref(expect(&s.coord, "PATCH", path, "{\"active\":false}", 200));

	json_t *doc = expect(&s.coord, "GET", "/api/locations", NULL, 200);
	json_t *a = location_of(doc, s.a);
	assert_string_equal(json_str(a, "name"), "De Kastanjehof");
	assert_true(json_is_false(json_object_get(a, "active")));
	/* the active ones first */
	assert_int_equal(json_id(json_array_get(json_object_get(doc, "items"), 0), "id"), s.b);
	json_decref(doc);

	snprintf(path, sizeof path, "/api/calls/%lld", (long long)call);
	doc = expect(&s.coord, "PATCH", path, "{\"title\":\"Voorlezen op dinsdag\"}", 200);
	assert_int_equal(json_id(doc, "location_id"), s.a);
	json_decref(doc);

	snprintf(body, sizeof body, "{\"title\":\"Nieuw\",\"activity\":\"wandelen\",\"place\":"
	         "\"Dordrecht\",\"location_id\":%lld}", (long long)s.a);
	doc = expect(&s.coord, "POST", "/api/calls", body, 422);
	assert_problem(&s.coord, doc, 422, "location_id");
	json_decref(doc);
	snprintf(body, sizeof body, "[%lld]", (long long)s.a);
	assign(&s.coord, s.pro_id, body, 422);
	free_site(&s);
}

/* A location's new name shows on its calls at once, in a list as in the
   call itself, though the calls did not change their version. */
static void renamed_location_shows_on_its_calls(void **state)
{
	struct env *e = *state;
	struct site s;
	make_site(e, &s);
	int64_t call = call_at(&s.coord, s.a, "Koffie schenken");
	int64_t other = call_at(&s.coord, s.b, "Tuinieren");
	char path[64], list[96];
	snprintf(list, sizeof list, "/api/calls?organisation_id=%lld", (long long)s.org);
	json_t *doc = expect(&s.coord, "GET", list, NULL, 200);
	json_t *row = list_find(doc, "id", call);
	assert_string_equal(json_str(row, "location_name"), "De Kastanjehof");
	int64_t version = json_id(row, "version");
	json_decref(doc);

	snprintf(path, sizeof path, "/api/locations/%lld", (long long)s.a);
	json_decref(expect(&s.coord, "PATCH", path,
	                   "{\"name\":\"Kastanjehof Zuid\",\"address\":\"Lindelaan 4\"}", 200));
	doc = expect(&s.coord, "GET", list, NULL, 200);
	row = list_find(doc, "id", call);
	assert_string_equal(json_str(row, "location_name"), "Kastanjehof Zuid");
	assert_string_equal(json_str(row, "location_address"), "Lindelaan 4");
	assert_int_equal(json_id(row, "version"), version);
	assert_string_equal(json_str(list_find(doc, "id", other), "location_name"),
	                    "Het Rivierhuis");
	json_decref(doc);
	snprintf(path, sizeof path, "/api/calls/%lld", (long long)call);
	doc = expect(&s.coord, "GET", path, NULL, 200);
	assert_string_equal(json_str(doc, "location_name"), "Kastanjehof Zuid");
	json_decref(doc);
	free_site(&s);
}

static void call_location_is_of_the_calls_organisation(void **state)
{
	struct env *e = *state;
	struct site s, t;
	make_site(e, &s);
	make_site(e, &t);
	char body[256];
	snprintf(body, sizeof body, "{\"title\":\"Elders\",\"activity\":\"wandelen\",\"place\":"
	         "\"Dordrecht\",\"location_id\":%lld}", (long long)t.a);
	json_t *doc = expect(&s.coord, "POST", "/api/calls", body, 422);
	assert_problem(&s.coord, doc, 422, "location_id");
	json_decref(doc);
	snprintf(body, sizeof body, "{\"title\":\"Elders\",\"activity\":\"wandelen\",\"place\":"
	         "\"Dordrecht\",\"location_id\":999999}");
	doc = expect(&s.coord, "POST", "/api/calls", body, 422);
	assert_problem(&s.coord, doc, 422, "location_id");
	json_decref(doc);
	free_site(&s);
	free_site(&t);
}

/* Coordinators say where their professionals work: locations of their own
   organisation, for professionals only. */
static void coordinator_assigns_professionals(void **state)
{
	struct env *e = *state;
	struct site s, t;
	make_site(e, &s);
	make_site(e, &t);
	char ids[64];
	snprintf(ids, sizeof ids, "[%lld,%lld]", (long long)s.a, (long long)s.b);
	assign(&s.coord, s.pro_id, ids, 200);
	json_t *doc = expect(&s.pro, "GET", "/api/locations", NULL, 200);
	assert_true(json_is_true(json_object_get(location_of(doc, s.a), "mine")));
	assert_int_equal(json_integer_value(json_array_get(
	                         json_object_get(location_of(doc, s.b), "account_ids"), 0)),
	                 s.pro_id);
	json_decref(doc);

	assign(&s.pro, s.pro_id, "[]", 403);            /* not her own to decide */
	assign(&t.coord, s.pro_id, "[]", 403);          /* another organisation's */
	snprintf(ids, sizeof ids, "[%lld]", (long long)t.a);
	assign(&s.coord, s.pro_id, ids, 422);           /* a location of another organisation */
	char email[64];
	fx_email(&e->srv, "co2", email, sizeof email);
	int64_t coord2 = fx_account(&e->admin, "coordinator", email, s.org, 0);
	snprintf(ids, sizeof ids, "[%lld]", (long long)s.a);
	assign(&s.coord, coord2, ids, 422);             /* not a professional */
	assign(&s.coord, s.pro_id, "[0]", 422);
	assign(&s.coord, s.pro_id, "[]", 200);          /* back to the whole organisation */
	free_site(&s);
	free_site(&t);
}

/* "Mijn locatie": a professional who works at locations lists the calls
   and matches of those only; one without locations the whole organisation. */
static void professional_lists_her_locations_only(void **state)
{
	struct env *e = *state;
	struct site s;
	make_site(e, &s);
	int64_t ca = call_at(&s.coord, s.a, "Bij A");
	int64_t cb = call_at(&s.coord, s.b, "Bij B");
	int64_t none = fx_call(&s.coord, 0, "Overal");
	int64_t v = fx_volunteer(&e->admin, s.org, "active");
	int64_t ma = fx_match(&s.coord, ca, v);
	int64_t mb = fx_match(&s.coord, cb, v);

	json_t *doc = expect(&s.pro, "GET", "/api/calls", NULL, 200);
	assert_true(list_has_id(doc, ca) && list_has_id(doc, cb) && list_has_id(doc, none));
	json_decref(doc);

	char ids[32];
	snprintf(ids, sizeof ids, "[%lld]", (long long)s.a);
	assign(&s.coord, s.pro_id, ids, 200);
	doc = expect(&s.pro, "GET", "/api/calls", NULL, 200);
	assert_int_equal(json_array_size(json_object_get(doc, "items")), 1);
	assert_true(list_has_id(doc, ca));
	assert_int_equal(json_integer_value(json_object_get(doc, "total")), 1);
	json_decref(doc);
	doc = expect(&s.pro, "GET", "/api/matches", NULL, 200);
	assert_true(list_has_id(doc, ma));
	assert_false(list_has_id(doc, mb));
	json_decref(doc);
	/* The coordinator still sees the whole organisation. */
	doc = expect(&s.coord, "GET", "/api/matches", NULL, 200);
	assert_true(list_has_id(doc, mb));
	json_decref(doc);
	free_site(&s);
}

/* She reads the rest of the organisation's calls, but posts, edits and
   confirms only at her own locations, and learns who comes only there. */
static void professional_acts_at_her_locations_only(void **state)
{
	struct env *e = *state;
	struct site s;
	make_site(e, &s);
	int64_t cb = call_at(&s.coord, s.b, "Bij B");
	int64_t v = fx_volunteer(&e->admin, s.org, "active");
	int64_t mb = fx_match(&s.coord, cb, v);
	char ids[32], path[64];
	snprintf(ids, sizeof ids, "[%lld]", (long long)s.a);
	assign(&s.coord, s.pro_id, ids, 200);

	snprintf(path, sizeof path, "/api/calls/%lld", (long long)cb);
	json_decref(expect(&s.pro, "GET", path, NULL, 200));
	json_t *doc = expect(&s.pro, "PATCH", path, "{\"title\":\"Niet van mij\"}", 403);
	assert_problem(&s.pro, doc, 403, "location_id");
	json_decref(doc);
	snprintf(path, sizeof path, "/api/matches/%lld", (long long)mb);
	json_decref(expect(&s.pro, "PATCH", path, "{\"status\":\"contacted\"}", 403));
	json_decref(expect(&s.coord, "PATCH", path, "{\"status\":\"contacted\"}", 200));
	doc = expect(&s.pro, "GET", path, NULL, 200);
	assert_true(json_is_null(json_object_get(doc, "volunteer_name")));
	json_decref(doc);

	/* A call without a location is the organisation's, not hers to post. */
	doc = expect(&s.pro, "POST", "/api/calls", "{\"title\":\"Overal\",\"activity\":"
	             "\"wandelen\",\"place\":\"Dordrecht\"}", 403);
	assert_problem(&s.pro, doc, 403, "location_id");
	json_decref(doc);
	int64_t ca = call_at(&s.pro, s.a, "Bij A");
	snprintf(path, sizeof path, "/api/calls/%lld", (long long)ca);
	json_decref(expect(&s.pro, "PATCH", path, "{\"title\":\"Bij A, op dinsdag\"}", 200));
	char body[64];
	snprintf(body, sizeof body, "{\"location_id\":%lld}", (long long)s.b);
	doc = expect(&s.pro, "PATCH", path, body, 403);  /* not to a location of another */
	assert_problem(&s.pro, doc, 403, "location_id");
	json_decref(doc);
	int64_t ma = fx_match(&s.coord, ca, v);
	snprintf(path, sizeof path, "/api/matches/%lld", (long long)ma);
	json_decref(expect(&s.pro, "PATCH", path, "{\"status\":\"contacted\"}", 200));
	free_site(&s);
}

/* Whoever may see a call reads its location's name and address with it, in
   the call and in the list; staff narrow the list to one location. */
static void call_shows_its_location_to_everyone_who_sees_it(void **state)
{
	struct env *e = *state;
	struct site s;
	struct client vol;
	make_site(e, &s);
	int64_t ca = call_at(&s.coord, s.a, "Bij A");
	int64_t cb = call_at(&s.coord, s.b, "Bij B");
	int64_t none = fx_call(&s.coord, s.org, "Overal");
	fx_volunteer_account(&e->admin, s.org, "loc-vol", &vol);

	char path[96];
	snprintf(path, sizeof path, "/api/calls/%lld", (long long)ca);
	json_t *doc = expect(&vol, "GET", path, NULL, 200);
	assert_string_equal(json_str(doc, "location_name"), "De Kastanjehof");
	assert_string_equal(json_str(doc, "location_address"), "Dokweg 1");
	json_decref(doc);
	doc = expect(&vol, "GET", "/api/calls?limit=100", NULL, 200);
	json_t *row = list_find(doc, "id", cb);
	assert_non_null(row);
	assert_string_equal(json_str(row, "location_name"), "Het Rivierhuis");
	row = list_find(doc, "id", none);
	assert_non_null(row);
	assert_true(json_is_null(json_object_get(row, "location_name")));
	json_decref(doc);

	snprintf(path, sizeof path, "/api/calls?location_id=%lld", (long long)s.a);
	doc = expect(&s.coord, "GET", path, NULL, 200);
	assert_true(list_has_id(doc, ca));
	assert_false(list_has_id(doc, cb) || list_has_id(doc, none));
	assert_int_equal(json_integer_value(json_object_get(doc, "total")), 1);
	json_decref(doc);
	doc = expect(&s.coord, "GET", "/api/calls?location_id=abc", NULL, 400);
	assert_problem(&s.coord, doc, 400, "location_id");
	json_decref(doc);

	/* Moved to another location, or to none, the call reads the new one. */
	char body[64];
	snprintf(path, sizeof path, "/api/calls/%lld", (long long)ca);
	snprintf(body, sizeof body, "{\"location_id\":%lld}", (long long)s.b);
	doc = expect(&s.coord, "PATCH", path, body, 200);
	assert_string_equal(json_str(doc, "location_name"), "Het Rivierhuis");
	json_decref(doc);
	doc = expect(&s.coord, "PATCH", path, "{\"location_id\":null}", 200);
	assert_true(json_is_null(json_object_get(doc, "location_name")));
	assert_true(json_is_null(json_object_get(doc, "location_address")));
	json_decref(doc);
	client_free(&vol);
	free_site(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(coordinator_manages_own_locations),
		cmocka_unit_test(bad_locations_name_their_field_and_write_nothing),
		cmocka_unit_test(switched_off_location_stays_on_old_calls),
		cmocka_unit_test(renamed_location_shows_on_its_calls),
		cmocka_unit_test(call_location_is_of_the_calls_organisation),
		cmocka_unit_test(coordinator_assigns_professionals),
		cmocka_unit_test(professional_lists_her_locations_only),
		cmocka_unit_test(professional_acts_at_her_locations_only),
		cmocka_unit_test(call_shows_its_location_to_everyone_who_sees_it),
	};
	return cmocka_run_group_tests_name("locations", tests, env_setup, env_teardown);
}
