/*
 * Accounts and roles: a volunteer's login made by staff is an invitation the
 * volunteer accepts by a one-time link (one account per volunteer, staff
 * never learn the password or the link); verified facts of a profile are
 * written by staff only; an offer names only a volunteer the caller may act
 * for; passwords are reset by link and changed by their owner; accounts are
 * deactivated and reactivated; sign-up is rate-limited and only with an
 * organisation that takes sign-ups.
 */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define path_of(out, cap, fmt, id) snprintf((out), (cap), fmt, (long long)(id))

/* A coordinator and a volunteer of a fresh organisation. */
struct team {
	int64_t org, vol;
	char co_mail[64], vol_mail[64];
	struct client co;
};

static void team_start(struct env *e, struct team *t)
{
	t->org = fx_organisation(&e->admin, "Team");
	fx_email(&e->srv, "coord", t->co_mail, sizeof t->co_mail);
	fx_account(&e->admin, "coordinator", t->co_mail, t->org, 0);
	client_init(&t->co, &e->srv);
	assert_int_equal(client_login(&t->co, t->co_mail, FX_PASSWORD), 201);
	t->vol = fx_volunteer(&t->co, t->org, "active");
	fx_email(&e->srv, "vw", t->vol_mail, sizeof t->vol_mail);
}

static void invitation_is_one_account_staff_never_know(void **state)
{
	struct env *e = *state;
	struct team t;
	char path[96], body[256], token[128];
	team_start(e, &t);
	path_of(path, sizeof path, "/api/volunteers/%lld", t.vol);
	json_decref(expect_json(&t.co, "PATCH", path, json_pack("{s:s}", "email", t.vol_mail), 200));

	/* Staff may not choose the password, nor send the link to another address. */
	snprintf(body, sizeof body, "{\"display_name\":\"V\",\"role\":\"volunteer\","
	         "\"volunteer_id\":%lld,\"password\":\"%s\"}", (long long)t.vol, FX_PASSWORD);
	json_t *doc = expect(&t.co, "POST", "/api/accounts", body, 422);
	assert_problem(&t.co, doc, 422, "password");
	json_decref(doc);
	snprintf(body, sizeof body, "{\"display_name\":\"V\",\"role\":\"volunteer\","
	         "\"volunteer_id\":%lld,\"email\":\"%s\"}", (long long)t.vol, t.co_mail);
	doc = expect(&t.co, "POST", "/api/accounts", body, 422);
	assert_problem(&t.co, doc, 422, "email");
	json_decref(doc);

	snprintf(body, sizeof body, "{\"display_name\":\"V\",\"role\":\"volunteer\","
	         "\"volunteer_id\":%lld}", (long long)t.vol);
	doc = expect(&t.co, "POST", "/api/accounts", body, 201);
	assert_true(json_is_true(json_object_get(doc, "invited")));
	assert_string_equal(json_str(doc, "email"), t.vol_mail);
	json_decref(doc);

	/* A second account for the same volunteer is a conflict. */
	doc = expect(&t.co, "POST", "/api/accounts", body, 409);
	assert_problem(&t.co, doc, 409, "volunteer_id");
	json_decref(doc);

	/* The invited account cannot log in, and the outbox shows staff no link. */
	struct client v;
	client_init(&v, &e->srv);
	assert_int_equal(client_login(&v, t.vol_mail, "iets-willekeurigs"), 401);
	doc = expect(&t.co, "GET", "/api/outbox?limit=100", NULL, 200);
	char *dump = json_dumps(doc, 0);
	assert_non_null(strstr(dump, t.vol_mail));
	assert_null(strstr(dump, "token="));
	free(dump);
	json_decref(doc);
	doc = expect(&e->admin, "GET", "/api/outbox?limit=100", NULL, 200);
	dump = json_dumps(doc, 0);
	assert_null(strstr(dump, "token="));
	free(dump);
	json_decref(doc);

	/* The volunteer accepts with the mailed link: logged in, once only. */
	assert_int_equal(fx_mail_token(&e->srv, t.vol_mail, "/uitnodiging", token, sizeof token),
	                 0);
	snprintf(body, sizeof body, "{\"token\":\"%s\",\"password\":\"%s\"}", token, FX_PASSWORD);
	doc = expect(&v, "POST", "/api/invitations/accept", body, 200);
	assert_string_equal(json_str(doc, "role"), "volunteer");
	assert_int_equal(json_id(doc, "volunteer_id"), t.vol);
	snprintf(v.csrf, sizeof v.csrf, "%s", json_str(doc, "csrf_token"));
	json_decref(doc);
	doc = expect(&v, "POST", "/api/invitations/accept", body, 422);
	assert_problem(&v, doc, 422, "token");
	json_decref(doc);
	client_free(&v);
	client_init(&v, &e->srv);
	assert_int_equal(client_login(&v, t.vol_mail, FX_PASSWORD), 201);

	/* Acting as the coordinator never widens consent: only the volunteer does. */
	path_of(path, sizeof path, "/api/volunteers/%lld/consent", t.vol);
	snprintf(body, sizeof body, "{\"profile_scope\":\"network\",\"lived_experience\":true,"
	         "\"text_version\":\"2026-1\"}");
	json_decref(expect(&t.co, "PUT", path, body, 403));
	json_decref(expect(&v, "PUT", path, body, 200));
	client_free(&v);
	client_free(&t.co);
}

/* Staff never choose a colleague's password either, and a volunteer hears at
   the old address when staff change the address on the record. */
static void staff_accounts_are_invitations_and_address_changes_are_told(void **state)
{
	struct env *e = *state;
	struct team t;
	char path[96], body[512], mail[2048], colleague[64];
	team_start(e, &t);
	fx_email(&e->srv, "collega", colleague, sizeof colleague);
	snprintf(body, sizeof body, "{\"display_name\":\"C\",\"role\":\"professional\","
	         "\"organisation_id\":%lld,\"email\":\"%s\",\"password\":\"%s\"}",
	         (long long)t.org, colleague, FX_PASSWORD);
	json_t *doc = expect(&t.co, "POST", "/api/accounts", body, 422);
	assert_problem(&t.co, doc, 422, "password");
	json_decref(doc);
	snprintf(body, sizeof body, "{\"display_name\":\"C\",\"role\":\"professional\","
	         "\"organisation_id\":%lld,\"email\":\"%s\"}", (long long)t.org, colleague);
	doc = expect(&t.co, "POST", "/api/accounts", body, 201);
	assert_true(json_is_true(json_object_get(doc, "invited")));
	json_decref(doc);
	struct client c;
	client_init(&c, &e->srv);
	assert_int_equal(client_login(&c, colleague, FX_PASSWORD), 401);
	fx_accept_invitation(&e->srv, colleague, FX_PASSWORD);
	assert_int_equal(client_login(&c, colleague, FX_PASSWORD), 201);
	client_free(&c);

	/* The volunteer's old address gets a notice; the new one nothing new. */
	path_of(path, sizeof path, "/api/volunteers/%lld", t.vol);
	doc = expect(&t.co, "GET", path, NULL, 200);
	char old[128];
	snprintf(old, sizeof old, "%s", json_str(doc, "email"));
	json_decref(doc);
	assert_int_equal(fx_newest_mail(&e->srv, old, mail, sizeof mail), -1);
	json_decref(expect_json(&t.co, "PATCH", path, json_pack("{s:s}", "email", t.co_mail), 200));
	assert_int_equal(fx_newest_mail(&e->srv, old, mail, sizeof mail), 0);
	assert_non_null(strstr(mail, "e-mailadres"));
	assert_int_equal(fx_newest_mail(&e->srv, t.co_mail, mail, sizeof mail), 0);
	assert_null(strstr(mail, "veranderd")); /* still the coordinator's own invitation */
	/* An invitation to an address that already logs in is refused. */
	snprintf(body, sizeof body, "{\"display_name\":\"V\",\"role\":\"volunteer\","
	         "\"volunteer_id\":%lld}", (long long)t.vol);
	doc = expect(&t.co, "POST", "/api/accounts", body, 409);
	assert_problem(&t.co, doc, 409, "email");
	json_decref(doc);
	client_free(&t.co);
}

static void verified_facts_are_written_by_staff_only(void **state)
{
	struct env *e = *state;
	struct team t;
	char email[64], path[96];
	team_start(e, &t);
	fx_email(&e->srv, "zelf", email, sizeof email);
	struct client cl;
	client_init(&cl, &e->srv);
	json_t *doc = expect_json(&cl, "POST", "/api/signup",
	                          json_pack("{s:s, s:s, s:s, s:s, s:s, s:I}", "email", email,
	                                    "password", FX_PASSWORD, "first_name", "Sanne",
	                                    "last_name", "Jansen", "place", "Zwijndrecht",
	                                    "organisation_id", (json_int_t)t.org),
	                          201);
	int64_t vid = json_id(doc, "volunteer_id");
	snprintf(cl.csrf, sizeof cl.csrf, "%s", json_str(doc, "csrf_token"));
	json_decref(doc);
	path_of(path, sizeof path, "/api/volunteers/%lld", vid);
	static const char *const staff_only[][2] = {
		{ "status", "{\"status\":\"active\",\"vog_date\":\"2026-11-30\"}" },
		{ "vog_date", "{\"vog_date\":\"2026-11-30\"}" },
		{ "started_on", "{\"started_on\":\"2020-01-01\"}" },
		{ "trainings", "{\"trainings\":[]}" },
	};
	for (size_t i = 0; i < sizeof staff_only / sizeof staff_only[0]; i++) {
		doc = expect(&cl, "PATCH", path, staff_only[i][1], 403);
		assert_problem(&cl, doc, 403, staff_only[i][0]);
		json_decref(doc);
	}
	/* What is the volunteer's own to say stays theirs, max_matches included. */
	doc = expect(&cl, "PATCH", path, "{\"hours_per_week\":3,\"max_matches\":2}", 200);
	assert_string_equal(json_str(doc, "status"), "applied");
	json_decref(doc);
	/* Staff verify and activate. */
	json_decref(expect(&t.co, "PATCH", path,
	                   "{\"status\":\"active\",\"vog_date\":\"2026-01-30\"}", 200));
	client_free(&cl);
	client_free(&t.co);
}

static void offer_names_only_a_volunteer_the_caller_acts_for(void **state)
{
	struct env *e = *state;
	struct team a, b;
	char body[512];
	team_start(e, &a);
	team_start(e, &b);
#define OFFER "{\"source\":\"volunteer\",\"volunteer_id\":%lld,\"title\":\"Aanbod\"," \
	      "\"activity\":\"wandelen\",\"place\":\"Dordrecht\",\"dayparts\":[\"mon-morning\"]}"
	snprintf(body, sizeof body, OFFER, (long long)a.vol);
	json_t *doc = expect(&b.co, "POST", "/api/calls", body, 403);
	assert_problem(&b.co, doc, 403, "volunteer_id");
	json_decref(doc);
	/* The own organisation's volunteer is fine. */
	snprintf(body, sizeof body, OFFER, (long long)b.vol);
	json_decref(expect(&b.co, "POST", "/api/calls", body, 201));
	client_free(&a.co);
	client_free(&b.co);
}

static void password_reset_by_link(void **state)
{
	struct env *e = *state;
	struct team t;
	char body[256], token[128], unknown[64];
	team_start(e, &t);
	struct client anon, other;
	client_init(&anon, &e->srv);
	client_init(&other, &e->srv);
	assert_int_equal(client_login(&other, t.co_mail, FX_PASSWORD), 201);
	int64_t mails = count_rows(&e->srv, "outbox");
	fx_email(&e->srv, "niemand", unknown, sizeof unknown);
	snprintf(body, sizeof body, "{\"email\":\"%s\"}", unknown);
	json_decref(expect(&anon, "POST", "/api/password-reset", body, 202));
	assert_int_equal(count_rows(&e->srv, "outbox"), mails);
	snprintf(body, sizeof body, "{\"email\":\"%s\"}", t.co_mail);
	json_decref(expect(&anon, "POST", "/api/password-reset", body, 202));
	assert_int_equal(count_rows(&e->srv, "outbox"), mails + 1);
	assert_int_equal(fx_mail_token(&e->srv, t.co_mail, "/wachtwoord-herstellen", token,
	                               sizeof token), 0);
	snprintf(body, sizeof body, "{\"token\":\"%s\",\"password\":\"nieuw-geheim-2026\"}", token);
	json_decref(expect(&anon, "POST", "/api/password-reset/confirm", body, 200));
	json_decref(expect(&anon, "POST", "/api/password-reset/confirm", body, 422));
	/* Every session ended; the new password works, the old one not. */
	json_decref(expect(&other, "GET", "/api/session", NULL, 401));
	assert_int_equal(client_login(&anon, t.co_mail, FX_PASSWORD), 401);
	assert_int_equal(client_login(&anon, t.co_mail, "nieuw-geheim-2026"), 201);
	client_free(&anon);
	client_free(&other);
	client_free(&t.co);
}

static void change_own_password(void **state)
{
	struct env *e = *state;
	struct team t;
	char body[256];
	team_start(e, &t);
	struct client other;
	client_init(&other, &e->srv);
	assert_int_equal(client_login(&other, t.co_mail, FX_PASSWORD), 201);
	json_t *doc = expect(&t.co, "PATCH", "/api/me/password",
	                     "{\"current\":\"fout-wachtwoord\",\"new\":\"nieuw-geheim-2026\"}", 422);
	assert_problem(&t.co, doc, 422, "current");
	json_decref(doc);
	snprintf(body, sizeof body, "{\"current\":\"%s\",\"new\":\"nieuw-geheim-2026\"}",
	         FX_PASSWORD);
	json_decref(expect(&t.co, "PATCH", "/api/me/password", body, 200));
	/* This session stays, the others end. */
	json_decref(expect(&t.co, "GET", "/api/session", NULL, 200));
	json_decref(expect(&other, "GET", "/api/session", NULL, 401));
	assert_int_equal(client_login(&other, t.co_mail, "nieuw-geheim-2026"), 201);
	client_free(&other);
	client_free(&t.co);
}

static void deactivate_and_reactivate(void **state)
{
	struct env *e = *state;
	struct team t, b;
	char mail[64], path[96];
	team_start(e, &t);
	team_start(e, &b);
	fx_email(&e->srv, "medewerker", mail, sizeof mail);
	int64_t id = fx_account(&t.co, "professional", mail, t.org, 0);
	struct client p;
	client_init(&p, &e->srv);
	assert_int_equal(client_login(&p, mail, FX_PASSWORD), 201);
	path_of(path, sizeof path, "/api/accounts/%lld", id);
	/* Another organisation's coordinator may not. */
	json_decref(expect(&b.co, "PATCH", path, "{\"active\":false}", 403));
	json_t *doc = expect(&t.co, "PATCH", path, "{\"active\":false}", 200);
	assert_false(json_is_true(json_object_get(doc, "active")));
	json_decref(doc);
	json_decref(expect(&p, "GET", "/api/session", NULL, 401));
	assert_int_equal(client_login(&p, mail, FX_PASSWORD), 401);
	json_decref(expect(&e->admin, "PATCH", path, "{\"active\":true}", 200));
	assert_int_equal(client_login(&p, mail, FX_PASSWORD), 201);
	client_free(&p);
	client_free(&t.co);
	client_free(&b.co);
}

static void signup_only_where_sign_ups_are_taken(void **state)
{
	struct env *e = *state;
	char email[64];
	json_t *doc = expect(&e->admin, "POST", "/api/organisations",
	                     "{\"name\":\"Wmo-loket proef\",\"kind\":\"referrer\","
	                     "\"municipality\":\"Dordrecht\"}", 201);
	int64_t desk = json_id(doc, "id");
	json_decref(doc);
	struct client cl;
	client_init(&cl, &e->srv);
	fx_email(&e->srv, "loket", email, sizeof email);
	doc = expect_json(&cl, "POST", "/api/signup",
	                  json_pack("{s:s, s:s, s:s, s:s, s:s, s:I}", "email", email, "password",
	                            FX_PASSWORD, "first_name", "Kees", "last_name", "Smit",
	                            "place", "Dordrecht", "organisation_id", (json_int_t)desk),
	                  422);
	assert_problem(&cl, doc, 422, "organisation_id");
	json_decref(doc);
	client_free(&cl);
}

/* A server of its own, allowing 3 sign-ups per address and hour. */
static void signup_is_rate_limited_per_address(void **state)
{
	(void)state;
	struct server srv = { 0 };
	struct client admin, cl;
	setenv("KNOOPPUNT_SIGNUPS_PER_HOUR", "3", 1);
	assert_int_equal(server_start(&srv), 0);
	unsetenv("KNOOPPUNT_SIGNUPS_PER_HOUR");
	client_init(&admin, &srv);
	assert_int_equal(client_login(&admin, ADMIN_EMAIL, ADMIN_PASSWORD), 201);
	int64_t org = fx_organisation(&admin, "Aanmelden");
	for (int i = 0; i < 4; i++) {
		char email[64];
		fx_email(&srv, "veel", email, sizeof email);
		client_init(&cl, &srv);
		json_decref(expect_json(&cl, "POST", "/api/signup",
		                        json_pack("{s:s, s:s, s:s, s:s, s:s, s:I}", "email", email,
		                                  "password", FX_PASSWORD, "first_name", "A",
		                                  "last_name", "B", "place", "Dordrecht",
		                                  "organisation_id", (json_int_t)org),
		                        i < 3 ? 201 : 429));
		client_free(&cl);
	}
	client_free(&admin);
	assert_int_equal(server_stop(&srv), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(invitation_is_one_account_staff_never_know),
		cmocka_unit_test(staff_accounts_are_invitations_and_address_changes_are_told),
		cmocka_unit_test(verified_facts_are_written_by_staff_only),
		cmocka_unit_test(offer_names_only_a_volunteer_the_caller_acts_for),
		cmocka_unit_test(password_reset_by_link),
		cmocka_unit_test(change_own_password),
		cmocka_unit_test(deactivate_and_reactivate),
		cmocka_unit_test(signup_only_where_sign_ups_are_taken),
		cmocka_unit_test(signup_is_rate_limited_per_address),
	};
	return cmocka_run_group_tests_name("accounts", tests, env_setup, env_teardown);
}
