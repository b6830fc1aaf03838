/*
 * Every route of the table, including ones added after these tests were
 * written, called by each role with an empty JSON object as body: no answer
 * is a server error, every refusal is application/problem+json, and a
 * refused request leaves the database as it was.
 */
#include "support.h"

#include <stdio.h>
#include <string.h>

#include "api/api.h"

static struct ids {
	int64_t org, vol, call, match;
} ids;

static int setup(void **state)
{
	if (env_setup(state) != 0)
		return -1;
	struct env *e = *state;
	ids.org = fx_organisation(&e->admin, "Rondgang");
	ids.vol = fx_volunteer(&e->admin, ids.org, "active");
	ids.call = fx_call(&e->admin, ids.org, "Rondgang");
	ids.match = fx_match(&e->admin, ids.call, ids.vol);
	return 0;
}

/* {id} gets the fixture of the resource the pattern names; {kind} a list. */
static void route_path(const char *pattern, char *out, size_t cap)
{
	int64_t id = strstr(pattern, "/organisations/") ? ids.org
	             : strstr(pattern, "/calls/")       ? ids.call
	             : strstr(pattern, "/matches/")     ? ids.match
	                                                : ids.vol;
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

/* Logging out or revoking sessions would end the caller's own session. */
static bool ends_session(const struct api_route *r)
{
	return strcmp(r->method, "DELETE") == 0 && strncmp(r->pattern, "/api/session", 12) == 0;
}

static void sweep(struct env *e, struct client *cl, const char *who)
{
	int wrong = 0;
	for (int i = 0; i < api_route_count; i++) {
		const struct api_route *r = &api_routes[i];
		if (ends_session(r))
			continue;
		char path[256];
		route_path(r->pattern, path, sizeof path);
		bool write = strcmp(r->method, "GET") != 0;
		uint64_t before = db_fingerprint(&e->srv);
		json_t *doc = client_request(cl, r->method, path, write ? "{}" : NULL, NULL);
		uint64_t after = db_fingerprint(&e->srv);
		const char *why = NULL;
		if (cl->status < 200 || cl->status >= 500)
			why = "server error";
		else if (cl->status >= 400 && strncmp(cl->content_type, "application/problem+json",
		                                      24) != 0)
			why = "refusal not problem+json";
		else if (cl->status >= 400 && !json_is_string(json_object_get(doc, "code")))
			why = "refusal without code";
		else if (cl->status >= 400 && before != after)
			why = "refusal wrote to the database";
		if (why != NULL) {
			print_error("%s %s %s: %s (%ld %.200s)\n", who, r->method, path, why, cl->status,
			            cl->raw ? cl->raw : "");
			wrong++;
		}
		json_decref(doc);
	}
	assert_int_equal(wrong, 0);
}

static void admin_sweep(void **state)
{
	struct env *e = *state;
	struct client cl;
	client_init(&cl, &e->srv);
	assert_int_equal(client_login(&cl, ADMIN_EMAIL, ADMIN_PASSWORD), 201);
	sweep(e, &cl, "admin");
	client_free(&cl);
}

static void role_sweep(struct env *e, const char *role)
{
	char email[64];
	fx_email(&e->srv, role, email, sizeof email);
	bool org_role = strcmp(role, "coordinator") == 0 || strcmp(role, "professional") == 0;
	int64_t vol = strcmp(role, "volunteer") == 0 ? fx_volunteer(&e->admin, ids.org, "active")
	                                             : 0;
	fx_account(&e->admin, role, email, org_role ? ids.org : 0, vol);
	struct client cl;
	client_init(&cl, &e->srv);
	assert_int_equal(client_login(&cl, email, FX_PASSWORD), 201);
	sweep(e, &cl, role);
	client_free(&cl);
}

static void coordinator_sweep(void **state)
{
	role_sweep(*state, "coordinator");
}

static void professional_sweep(void **state)
{
	role_sweep(*state, "professional");
}

static void volunteer_sweep(void **state)
{
	role_sweep(*state, "volunteer");
}

static void referrer_sweep(void **state)
{
	role_sweep(*state, "referrer");
}

static void anonymous_sweep(void **state)
{
	struct env *e = *state;
	struct client cl;
	client_init(&cl, &e->srv);
	sweep(e, &cl, "anonymous");
	client_free(&cl);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(anonymous_sweep),   cmocka_unit_test(referrer_sweep),
		cmocka_unit_test(volunteer_sweep),   cmocka_unit_test(professional_sweep),
		cmocka_unit_test(coordinator_sweep), cmocka_unit_test(admin_sweep),
	};
	return cmocka_run_group_tests_name("routes_smoke", tests, setup, env_teardown);
}
