/* GET /api/health, the session (login, show, logout), GET /api/start, sign-up and
   accounts. */
#include "support.h"

#include <stdio.h>
#include <string.h>

static void health_answers_ok(void **state)
{
	struct env *e = *state;
	struct client anon;
	client_init(&anon, &e->srv);
	json_t *doc = expect(&anon, "GET", "/api/health", NULL, 200);
	assert_string_equal(json_str(doc, "status"), "ok");
	assert_true(json_integer_value(json_object_get(doc, "schema")) >= 1);
	assert_true(strlen(json_str(doc, "version")) > 0);
	json_decref(doc);
	client_free(&anon);
}

static void login_show_logout(void **state)
{
	struct env *e = *state;
	struct client cl;
	client_init(&cl, &e->srv);
	assert_int_equal(client_login(&cl, ADMIN_EMAIL, ADMIN_PASSWORD), 201);
	assert_true(strlen(cl.csrf) >= 32);

	json_t *doc = expect(&cl, "GET", "/api/session", NULL, 200);
	assert_string_equal(json_str(doc, "role"), "admin");
	assert_string_equal(json_str(doc, "email"), ADMIN_EMAIL);
	assert_string_equal(json_str(doc, "csrf_token"), cl.csrf);
	json_decref(doc);

	doc = expect(&cl, "DELETE", "/api/session", NULL, 200);
	assert_true(json_is_true(json_object_get(doc, "logged_out")));
	json_decref(doc);

	/* The old cookie no longer opens anything. */
	doc = client_request(&cl, "GET", "/api/session", NULL, NULL);
	assert_problem(&cl, doc, 401, "");
	json_decref(doc);
	doc = client_request(&cl, "GET", "/api/volunteers", NULL, NULL);
	assert_problem(&cl, doc, 401, "");
	json_decref(doc);
	client_free(&cl);
}

/* GET /api/start says what GET /api/session, GET /api/lists and GET
   /api/organisations?limit=200 say, in one answer; nobody logged in is a
   null caller, not a 401. */
static void start_is_session_lists_and_organisations(void **state)
{
	struct env *e = *state;
	fx_organisation(&e->admin, "Startpagina");
	struct client anon;
	client_init(&anon, &e->srv);
	json_t *start = expect(&anon, "GET", "/api/start", NULL, 200);
	assert_true(json_is_null(json_object_get(start, "session")));
	json_t *lists = expect(&anon, "GET", "/api/lists", NULL, 200);
	assert_true(json_equal(json_object_get(start, "lists"), json_object_get(lists, "lists")));
	assert_true(json_equal(json_object_get(start, "kinds"), json_object_get(lists, "kinds")));
	json_t *orgs = expect(&anon, "GET", "/api/organisations?limit=200", NULL, 200);
	assert_true(json_array_size(json_object_get(orgs, "items")) >= 1);
	assert_true(json_equal(json_object_get(start, "organisations"), orgs));
	json_decref(start);
	json_decref(lists);
	json_decref(orgs);
	client_free(&anon);

	struct client cl;
	client_init(&cl, &e->srv);
	assert_int_equal(client_login(&cl, ADMIN_EMAIL, ADMIN_PASSWORD), 201);
	start = expect(&cl, "GET", "/api/start", NULL, 200);
	json_t *session = expect(&cl, "GET", "/api/session", NULL, 200);
	assert_true(json_equal(json_object_get(start, "session"), session));
	assert_string_equal(json_str(json_object_get(start, "session"), "csrf_token"), cl.csrf);
	json_decref(start);
	json_decref(session);
	client_free(&cl);
}

static void login_sets_httponly_cookie(void **state)
{
	struct env *e = *state;
	struct client cl;
	client_init(&cl, &e->srv);
	assert_int_equal(client_login(&cl, ADMIN_EMAIL, ADMIN_PASSWORD), 201);
	struct curl_slist *cookies = NULL;
	curl_easy_getinfo(cl.curl, CURLINFO_COOKIELIST, &cookies);
	bool found = false;
	for (struct curl_slist *c = cookies; c != NULL; c = c->next)
		if (strstr(c->data, "kp_session") != NULL)
			found = strncmp(c->data, "#HttpOnly_", 10) == 0;
	curl_slist_free_all(cookies);
	assert_true(found);
	client_free(&cl);
}

static void wrong_password_is_refused(void **state)
{
	struct env *e = *state;
	struct client cl;
	client_init(&cl, &e->srv);
	assert_int_equal(client_login(&cl, ADMIN_EMAIL, "niet-het-wachtwoord"), 401);
	assert_int_equal(client_login(&cl, "niemand@test.nl", ADMIN_PASSWORD), 401);
	json_t *doc = client_request(&cl, "GET", "/api/session", NULL, NULL);
	assert_problem(&cl, doc, 401, "");
	json_decref(doc);
	client_free(&cl);
}

static void signup_creates_volunteer_and_session(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Aanmeldpunt");
	int64_t before = client_total(&e->admin, "/api/volunteers");
	struct client cl;
	client_init(&cl, &e->srv);
	char email[64];
	fx_email(&e->srv, "nieuw", email, sizeof email);
	json_t *doc = expect_json(&cl, "POST", "/api/signup",
	                          json_pack("{s:s, s:s, s:s, s:s, s:s, s:I}", "email", email,
	                                    "password", FX_PASSWORD, "first_name", "Sanne",
	                                    "last_name", "Jansen", "place", "Zwijndrecht",
	                                    "organisation_id", (json_int_t)org),
	                          201);
	assert_string_equal(json_str(doc, "role"), "volunteer");
	int64_t vid = json_id(doc, "volunteer_id");
	assert_int_equal(json_id(doc, "organisation_id"), org);
	snprintf(cl.csrf, sizeof cl.csrf, "%s", json_str(doc, "csrf_token"));
	json_decref(doc);
	assert_int_equal(client_total(&e->admin, "/api/volunteers"), before + 1);

	/* The new session reads the volunteer's own record. */
	char path[64];
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)vid);
	doc = expect(&cl, "GET", path, NULL, 200);
	assert_string_equal(json_str(doc, "first_name"), "Sanne");
	assert_string_equal(json_str(doc, "place"), "Zwijndrecht");
	assert_string_equal(json_str(doc, "status"), "applied");
	json_decref(doc);
	client_free(&cl);

	/* And the password works for a fresh login. */
	client_init(&cl, &e->srv);
	assert_int_equal(client_login(&cl, email, FX_PASSWORD), 201);
	client_free(&cl);
}

static void accounts_create_and_list(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Accounts");
	char email[64];
	fx_email(&e->srv, "coordinator", email, sizeof email);
	int64_t before = client_total(&e->admin, "/api/accounts?limit=1");
	int64_t id = fx_account(&e->admin, "coordinator", email, org, 0);
	assert_true(id > 0);
	assert_int_equal(client_total(&e->admin, "/api/accounts?limit=1"), before + 1);

	/* The coordinator logs in, sees the organisation's accounts only, and
	 * hands out a professional account within it. */
	struct client co;
	client_init(&co, &e->srv);
	assert_int_equal(client_login(&co, email, FX_PASSWORD), 201);
	char pro[64];
	fx_email(&e->srv, "professional", pro, sizeof pro);
	int64_t pid = fx_account(&co, "professional", pro, org, 0);
	json_t *list = expect(&co, "GET", "/api/accounts", NULL, 200);
	assert_int_equal(json_integer_value(json_object_get(list, "total")), 2);
	assert_true(list_has_id(list, id));
	assert_true(list_has_id(list, pid));
	json_decref(list);

	list = expect(&e->admin, "GET", "/api/accounts?limit=100", NULL, 200);
	assert_true(list_has_id(list, pid));
	json_decref(list);

	/* A volunteer account belongs to the volunteer's organisation, and is an
	   invitation to the address on the record. */
	int64_t vol = fx_volunteer(&co, 0, "active");
	json_t *doc = expect_json(&co, "POST", "/api/accounts",
	                          json_pack("{s:s, s:s, s:I}", "display_name", "Vrijwilliger",
	                                    "role", "volunteer", "volunteer_id", (json_int_t)vol),
	                          201);
	assert_int_equal(json_id(doc, "organisation_id"), org);
	assert_int_equal(json_id(doc, "volunteer_id"), vol);
	assert_true(json_is_true(json_object_get(doc, "invited")));
	assert_null(json_object_get(doc, "password"));
	json_decref(doc);
	client_free(&co);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(health_answers_ok),
		cmocka_unit_test(login_show_logout),
		cmocka_unit_test(start_is_session_lists_and_organisations),
		cmocka_unit_test(login_sets_httponly_cookie),
		cmocka_unit_test(wrong_password_is_refused),
		cmocka_unit_test(signup_creates_volunteer_and_session),
		cmocka_unit_test(accounts_create_and_list),
	};
	return cmocka_run_group_tests_name("health_session", tests, env_setup, env_teardown);
}
