/*
 * The organisation boundary: a coordinator of A never sees or changes what
 * belongs to B; a volunteer sees only themselves; a referrer only their own
 * calls; anonymous callers only health, session, sign-up, lists and
 * organisations. Every refused write leaves the database as it was.
 */
#include "support.h"

#include <stdio.h>
#include <string.h>

#include "api/api.h"

static struct world {
	int64_t org_a, org_b;
	int64_t vol_a, vol_b, call_a, call_b, match_a, match_b;
	int64_t vol_a2;
	struct client co_a, vol_client, ref_client, anon;
	int64_t ref_call, other_ref_call;
} w;

static int setup(void **state)
{
	if (env_setup(state) != 0)
		return -1;
	struct env *e = *state;
	struct client *a = &e->admin;
	char email[64];
	w.org_a = fx_organisation(a, "Organisatie A");
	w.org_b = fx_organisation(a, "Organisatie B");
	w.vol_a = fx_volunteer(a, w.org_a, "active");
	w.vol_a2 = fx_volunteer(a, w.org_a, "active");
	w.vol_b = fx_volunteer(a, w.org_b, "active");
	w.call_a = fx_call(a, w.org_a, "Oproep A");
	w.call_b = fx_call(a, w.org_b, "Oproep B");
	w.match_a = fx_match(a, w.call_a, w.vol_a);
	w.match_b = fx_match(a, w.call_b, w.vol_b);

	fx_email(&e->srv, "coordinator-a", email, sizeof email);
	fx_account(a, "coordinator", email, w.org_a, 0);
	client_init(&w.co_a, &e->srv);
	if (client_login(&w.co_a, email, FX_PASSWORD) != 201)
		return -1;

	fx_email(&e->srv, "vrijwilliger-a", email, sizeof email);
	fx_account(a, "volunteer", email, 0, w.vol_a);
	client_init(&w.vol_client, &e->srv);
	if (client_login(&w.vol_client, email, FX_PASSWORD) != 201)
		return -1;

	/* Two referrers, each with a call of their own. */
	char body[256];
	snprintf(body, sizeof body,
	         "{\"organisation_id\":%lld,\"title\":\"Hulpvraag\",\"activity\":\"boodschappen\","
	         "\"place\":\"Dordrecht\",\"one_off_date\":\"2030-12-10\"}",
	         (long long)w.org_a);
	struct client other;
	fx_email(&e->srv, "verwijzer-2", email, sizeof email);
	fx_account(a, "referrer", email, 0, 0);
	client_init(&other, &e->srv);
	if (client_login(&other, email, FX_PASSWORD) != 201)
		return -1;
	json_t *doc = client_request(&other, "POST", "/api/calls", body, NULL);
	w.other_ref_call = json_integer_value(json_object_get(doc, "id"));
	json_decref(doc);
	client_free(&other);

	fx_email(&e->srv, "verwijzer", email, sizeof email);
	fx_account(a, "referrer", email, 0, 0);
	client_init(&w.ref_client, &e->srv);
	if (client_login(&w.ref_client, email, FX_PASSWORD) != 201)
		return -1;
	doc = client_request(&w.ref_client, "POST", "/api/calls", body, NULL);
	w.ref_call = json_integer_value(json_object_get(doc, "id"));
	json_decref(doc);
	client_init(&w.anon, &e->srv);
	return w.ref_call > 0 && w.other_ref_call > 0 ? 0 : -1;
}

static int teardown(void **state)
{
	client_free(&w.co_a);
	client_free(&w.vol_client);
	client_free(&w.ref_client);
	client_free(&w.anon);
	return env_teardown(state);
}

/* Sends a request that must be refused with `status` and change nothing. */
static void refused(struct env *e, struct client *cl, const char *method, const char *path,
                    const char *body, long status, const char *file, int line)
{
	uint64_t before = db_fingerprint(&e->srv);
	json_t *doc = client_request(cl, method, path, body, NULL);
	uint64_t after = db_fingerprint(&e->srv);
	check_problem(cl, doc, status, NULL, file, line);
	json_decref(doc);
	if (before != after) {
		print_error("%s:%d: %s %s wrote to the database\n", file, line, method, path);
		_fail(file, line);
	}
}
#define assert_refused(e, cl, method, path, body, status) \
	refused((e), (cl), (method), (path), (body), (status), __FILE__, __LINE__)

static void path_of(char *out, size_t cap, const char *kind, int64_t id)
{
	snprintf(out, cap, "/api/%s/%lld", kind, (long long)id);
}

static void coordinator_lists_only_own_organisation(void **state)
{
	struct env *e = *state;
	static const char *const kinds[] = { "volunteers", "calls", "matches" };
	int64_t own[] = { w.vol_a, w.call_a, w.match_a }, other[] = { w.vol_b, w.call_b, w.match_b };
	for (int i = 0; i < 3; i++) {
		char path[96];
		snprintf(path, sizeof path, "/api/%s?limit=100", kinds[i]);
		json_t *doc = expect(&w.co_a, "GET", path, NULL, 200);
		assert_true(list_has_id(doc, own[i]));
		assert_false(list_has_id(doc, other[i]));
		size_t j;
		json_t *it;
		json_array_foreach(json_object_get(doc, "items"), j, it) {
			assert_int_equal(json_integer_value(json_object_get(it, "organisation_id")),
			                 w.org_a);
		}
		json_decref(doc);
		/* Asking for B explicitly is refused, not silently widened. */
		snprintf(path, sizeof path, "/api/%s?organisation_id=%lld", kinds[i],
		         (long long)w.org_b);
		if (i < 2)
			assert_refused(e, &w.co_a, "GET", path, NULL, 403);
	}
	/* Filtering matches by B's call or volunteer finds nothing. */
	char path[96];
	snprintf(path, sizeof path, "/api/matches?call_id=%lld", (long long)w.call_b);
	assert_int_equal(client_total(&w.co_a, path), 0);
	snprintf(path, sizeof path, "/api/matches?volunteer_id=%lld", (long long)w.vol_b);
	assert_int_equal(client_total(&w.co_a, path), 0);
	/* Accounts: only A's. */
	json_t *doc = expect(&w.co_a, "GET", "/api/accounts?limit=100", NULL, 200);
	size_t j;
	json_t *it;
	json_array_foreach(json_object_get(doc, "items"), j, it) {
		assert_int_equal(json_integer_value(json_object_get(it, "organisation_id")), w.org_a);
	}
	json_decref(doc);
}

static void coordinator_cannot_read_other_organisation(void **state)
{
	struct env *e = *state;
	char path[64];
	path_of(path, sizeof path, "volunteers", w.vol_b);
	assert_refused(e, &w.co_a, "GET", path, NULL, 403);
	path_of(path, sizeof path, "calls", w.call_b);
	assert_refused(e, &w.co_a, "GET", path, NULL, 403);
	path_of(path, sizeof path, "matches", w.match_b);
	assert_refused(e, &w.co_a, "GET", path, NULL, 403);
	/* The own organisation's are readable. */
	path_of(path, sizeof path, "volunteers", w.vol_a);
	json_decref(expect(&w.co_a, "GET", path, NULL, 200));
	path_of(path, sizeof path, "calls", w.call_a);
	json_decref(expect(&w.co_a, "GET", path, NULL, 200));
	path_of(path, sizeof path, "matches", w.match_a);
	json_decref(expect(&w.co_a, "GET", path, NULL, 200));
}

static void coordinator_cannot_change_other_organisation(void **state)
{
	struct env *e = *state;
	char path[64];
	path_of(path, sizeof path, "volunteers", w.vol_b);
	assert_refused(e, &w.co_a, "PATCH", path, "{\"hours_per_week\":1}", 403);
	path_of(path, sizeof path, "calls", w.call_b);
	assert_refused(e, &w.co_a, "PATCH", path, "{\"title\":\"Overgenomen\"}", 403);
	path_of(path, sizeof path, "matches", w.match_b);
	assert_refused(e, &w.co_a, "PATCH", path, "{\"status\":\"contacted\"}", 403);
	path_of(path, sizeof path, "organisations", w.org_b);
	assert_refused(e, &w.co_a, "PATCH", path, "{\"employees\":1}", 403);
}

static void coordinator_cannot_create_in_other_organisation(void **state)
{
	struct env *e = *state;
	char body[256];
	snprintf(body, sizeof body,
	         "{\"organisation_id\":%lld,\"first_name\":\"Indringer\",\"last_name\":\"X\","
	         "\"place\":\"Dordrecht\"}",
	         (long long)w.org_b);
	assert_refused(e, &w.co_a, "POST", "/api/volunteers", body, 403);
	snprintf(body, sizeof body,
	         "{\"organisation_id\":%lld,\"title\":\"Indringer\",\"activity\":\"wandelen\","
	         "\"place\":\"Dordrecht\",\"dayparts\":[\"mon-morning\"]}",
	         (long long)w.org_b);
	assert_refused(e, &w.co_a, "POST", "/api/calls", body, 403);
	/* A match of A's volunteer on B's call, and of B's volunteer on A's call. */
	snprintf(body, sizeof body, "{\"call_id\":%lld,\"volunteer_id\":%lld}",
	         (long long)w.call_b, (long long)w.vol_a2);
	assert_refused(e, &w.co_a, "POST", "/api/matches", body, 403);
	snprintf(body, sizeof body, "{\"call_id\":%lld,\"volunteer_id\":%lld}",
	         (long long)w.call_a, (long long)w.vol_b);
	assert_refused(e, &w.co_a, "POST", "/api/matches", body, 403);
	/* Accounts for B, and roles above a coordinator's own. */
	snprintf(body, sizeof body,
	         "{\"email\":\"b-co@test.nl\","
	         "\"display_name\":\"B\",\"role\":\"coordinator\",\"organisation_id\":%lld}",
	         (long long)w.org_b);
	assert_refused(e, &w.co_a, "POST", "/api/accounts", body, 403);
	snprintf(body, sizeof body,
	         "{\"email\":\"baas@test.nl\","
	         "\"display_name\":\"Baas\",\"role\":\"admin\",\"organisation_id\":%lld}",
	         (long long)w.org_a);
	assert_refused(e, &w.co_a, "POST", "/api/accounts", body, 403);
	snprintf(body, sizeof body,
	         "{\"email\":\"vw-b@test.nl\","
	         "\"display_name\":\"Vw B\",\"role\":\"volunteer\",\"volunteer_id\":%lld}",
	         (long long)w.vol_b);
	assert_refused(e, &w.co_a, "POST", "/api/accounts", body, 403);
	/* Organisations and shared lists belong to the network administrator. */
	assert_refused(e, &w.co_a, "POST", "/api/organisations",
	               "{\"name\":\"Eigen club\",\"kind\":\"welfare\",\"municipality\":\"Dordrecht\"}",
	               403);
	assert_refused(e, &w.co_a, "POST", "/api/lists/activity",
	               "{\"code\":\"eigen\",\"label_nl\":\"Eigen\"}", 403);
}

static void coordinator_cannot_move_volunteer_or_call_to_other_organisation(void **state)
{
	struct env *e = *state;
	char path[64], body[64];
	snprintf(body, sizeof body, "{\"organisation_id\":%lld}", (long long)w.org_b);
	path_of(path, sizeof path, "volunteers", w.vol_a);
	assert_refused(e, &w.co_a, "PATCH", path, body, 403);
	path_of(path, sizeof path, "calls", w.call_a);
	assert_refused(e, &w.co_a, "PATCH", path, body, 403);
	/* Still in A. */
	path_of(path, sizeof path, "volunteers", w.vol_a);
	json_t *doc = expect(&w.co_a, "GET", path, NULL, 200);
	assert_int_equal(json_id(doc, "organisation_id"), w.org_a);
	json_decref(doc);
}

static void volunteer_sees_only_self(void **state)
{
	struct env *e = *state;
	char path[64];
	path_of(path, sizeof path, "volunteers", w.vol_a2);
	assert_refused(e, &w.vol_client, "GET", path, NULL, 403);
	assert_refused(e, &w.vol_client, "PATCH", path, "{\"hours_per_week\":1}", 403);
	path_of(path, sizeof path, "volunteers", w.vol_b);
	assert_refused(e, &w.vol_client, "GET", path, NULL, 403);
	path_of(path, sizeof path, "volunteers", w.vol_a);
	json_decref(expect(&w.vol_client, "GET", path, NULL, 200));
	char body[64];
	snprintf(body, sizeof body, "{\"organisation_id\":%lld}", (long long)w.org_b);
	assert_refused(e, &w.vol_client, "PATCH", path, body, 403);

	json_t *doc = expect(&w.vol_client, "GET", "/api/volunteers?limit=100", NULL, 200);
	assert_int_equal(json_integer_value(json_object_get(doc, "total")), 1);
	assert_true(list_has_id(doc, w.vol_a));
	json_decref(doc);
	doc = expect(&w.vol_client, "GET", "/api/matches?limit=100", NULL, 200);
	assert_true(list_has_id(doc, w.match_a));
	assert_false(list_has_id(doc, w.match_b));
	json_decref(doc);
	path_of(path, sizeof path, "matches", w.match_b);
	assert_refused(e, &w.vol_client, "GET", path, NULL, 403);
	char q[96];
	snprintf(q, sizeof q, "/api/matches?volunteer_id=%lld", (long long)w.vol_b);
	assert_refused(e, &w.vol_client, "GET", q, NULL, 403);
	/* A match for someone else, proposed by a volunteer. */
	snprintf(body, sizeof body, "{\"call_id\":%lld,\"volunteer_id\":%lld}",
	         (long long)w.call_a, (long long)w.vol_a2);
	assert_refused(e, &w.vol_client, "POST", "/api/matches", body, 403);
	/* Creating volunteers or organisations is not a volunteer's business. */
	assert_refused(e, &w.vol_client, "POST", "/api/volunteers",
	               "{\"first_name\":\"Nep\",\"last_name\":\"X\",\"place\":\"Dordrecht\"}", 403);
	assert_refused(e, &w.vol_client, "GET", "/api/accounts", NULL, 403);
}

static void referrer_sees_only_own_calls(void **state)
{
	struct env *e = *state;
	json_t *doc = expect(&w.ref_client, "GET", "/api/calls?limit=100", NULL, 200);
	assert_int_equal(json_integer_value(json_object_get(doc, "total")), 1);
	assert_true(list_has_id(doc, w.ref_call));
	assert_false(list_has_id(doc, w.other_ref_call));
	assert_false(list_has_id(doc, w.call_a));
	json_decref(doc);
	char path[64];
	path_of(path, sizeof path, "calls", w.ref_call);
	json_decref(expect(&w.ref_client, "GET", path, NULL, 200));
	path_of(path, sizeof path, "calls", w.other_ref_call);
	assert_refused(e, &w.ref_client, "GET", path, NULL, 403);
	path_of(path, sizeof path, "calls", w.call_a);
	assert_refused(e, &w.ref_client, "GET", path, NULL, 403);
	path_of(path, sizeof path, "volunteers", w.vol_a);
	assert_refused(e, &w.ref_client, "GET", path, NULL, 403);
	assert_refused(e, &w.ref_client, "GET", "/api/volunteers", NULL, 403);
	assert_refused(e, &w.ref_client, "GET", "/api/matches", NULL, 403);
	path_of(path, sizeof path, "calls", w.ref_call);
	assert_refused(e, &w.ref_client, "PATCH", path, "{\"title\":\"Gewijzigd\"}", 403);
}

struct anon_case {
	const char *method, *path, *body;
	long status;
};

static void anonymous_gets_401_outside_public_endpoints(void **state)
{
	struct env *e = *state;
	char vol[64], call[64], match[64], org[64];
	path_of(vol, sizeof vol, "volunteers", w.vol_a);
	path_of(call, sizeof call, "calls", w.call_a);
	path_of(match, sizeof match, "matches", w.match_a);
	path_of(org, sizeof org, "organisations", w.org_a);
	const struct anon_case closed[] = {
		{ "GET", "/api/volunteers", NULL, 401 },
		{ "GET", "/api/volunteers/999999", NULL, 401 }, /* not 404: ids stay secret */
		{ "PATCH", "/api/calls/999999", "{\"title\":\"A\"}", 401 },
		{ "POST", "/api/volunteers", "{\"first_name\":\"A\",\"last_name\":\"B\"}", 401 },
		{ "GET", vol, NULL, 401 },
		{ "PATCH", vol, "{\"hours_per_week\":1}", 401 },
		{ "GET", "/api/calls", NULL, 401 },
		{ "POST", "/api/calls", "{\"title\":\"A\"}", 401 },
		{ "GET", call, NULL, 401 },
		{ "PATCH", call, "{\"title\":\"A\"}", 401 },
		{ "GET", "/api/matches", NULL, 401 },
		{ "POST", "/api/matches", "{\"call_id\":1}", 401 },
		{ "GET", match, NULL, 401 },
		{ "PATCH", match, "{\"status\":\"contacted\"}", 401 },
		{ "GET", "/api/accounts", NULL, 401 },
		{ "POST", "/api/accounts", "{\"email\":\"x@y.nl\"}", 401 },
		{ "POST", "/api/organisations", "{\"name\":\"A\"}", 401 },
		{ "PATCH", org, "{\"employees\":1}", 401 },
		{ "POST", "/api/lists/activity", "{\"code\":\"x\",\"label_nl\":\"X\"}", 401 },
		{ "GET", "/api/session", NULL, 401 },
		{ "DELETE", "/api/session", NULL, 401 },
	};
	int wrong = 0;
	for (size_t i = 0; i < sizeof closed / sizeof closed[0]; i++) {
		uint64_t before = db_fingerprint(&e->srv);
		json_t *doc = client_request(&w.anon, closed[i].method, closed[i].path, closed[i].body,
		                             NULL);
		if (w.anon.status != closed[i].status || db_fingerprint(&e->srv) != before ||
		    strcmp(json_str(doc, "code"), "not_logged_in") != 0) {
			print_error("anonymous %s %s: %ld %s\n", closed[i].method, closed[i].path,
			            w.anon.status, w.anon.raw ? w.anon.raw : "");
			wrong++;
		}
		json_decref(doc);
	}
	assert_int_equal(wrong, 0);
	static const char *const open[] = {
		"/api/health", "/api/organisations", "/api/lists", "/api/lists/activity",
	};
	for (size_t i = 0; i < sizeof open / sizeof open[0]; i++)
		json_decref(expect(&w.anon, "GET", open[i], NULL, 200));
	json_decref(expect(&w.anon, "GET", org, NULL, 200));
}

/* Fills {id} with an existing id and {kind} with a list kind. */
static void route_path(const char *pattern, int64_t id, char *out, size_t cap)
{
	size_t n = 0;
	for (const char *p = pattern; *p && n + 24 < cap; p++) {
		if (strncmp(p, "{id}", 4) == 0) {
			n += (size_t)snprintf(out + n, cap - n, "%lld", (long long)id);
			p += 3;
		} else if (strncmp(p, "{kind}", 6) == 0) {
			n += (size_t)snprintf(out + n, cap - n, "activity");
			p += 5;
		} else {
			out[n++] = *p;
		}
	}
	out[n] = '\0';
}

/* Every route in the table, including those added later, is closed to
 * anonymous callers unless authz declares it public; the issue's own public
 * set (health, session, sign-up, lists, organisations) is checked above. */
static void anonymous_refused_on_every_other_route(void **state)
{
	struct env *e = *state;
	int wrong = 0;
	for (int i = 0; i < api_route_count; i++) {
		const struct api_route *r = &api_routes[i];
		if (authz_public_route(r->method, r->pattern))
			continue;
		char path[256];
		route_path(r->pattern, w.vol_a, path, sizeof path);
		bool write = strcmp(r->method, "GET") != 0;
		uint64_t before = db_fingerprint(&e->srv);
		json_t *doc = client_request(&w.anon, r->method, path, write ? "{}" : NULL, NULL);
		if (w.anon.status != 401 || db_fingerprint(&e->srv) != before) {
			print_error("anonymous %s %s: %ld %.200s\n", r->method, path, w.anon.status,
			            w.anon.raw ? w.anon.raw : "");
			wrong++;
		}
		json_decref(doc);
	}
	assert_int_equal(wrong, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(coordinator_lists_only_own_organisation),
		cmocka_unit_test(coordinator_cannot_read_other_organisation),
		cmocka_unit_test(coordinator_cannot_change_other_organisation),
		cmocka_unit_test(coordinator_cannot_create_in_other_organisation),
		cmocka_unit_test(coordinator_cannot_move_volunteer_or_call_to_other_organisation),
		cmocka_unit_test(volunteer_sees_only_self),
		cmocka_unit_test(referrer_sees_only_own_calls),
		cmocka_unit_test(anonymous_gets_401_outside_public_endpoints),
		cmocka_unit_test(anonymous_refused_on_every_other_route),
	};
	return cmocka_run_group_tests_name("boundary", tests, setup, teardown);
}
