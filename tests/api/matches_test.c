/* /api/matches: proposal, the whole lifecycle with its events, list filters;
   who made a match and who says yes; a volunteer's own response while she
   waits for her intake is her interest, not an error. */
#include "support.h"

#include <stdio.h>
#include <string.h>

static json_t *patch_status(struct client *cl, int64_t id, const char *body, long status)
{
	char path[64];
	snprintf(path, sizeof path, "/api/matches/%lld", (long long)id);
	return expect(cl, "PATCH", path, body, status);
}

static void match_lifecycle_records_events(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Koppelingen");
	int64_t call = fx_call(&e->admin, org, "Maatje gezocht");
	int64_t vol = fx_volunteer(&e->admin, org, "active");
	int64_t before = client_total(&e->admin, "/api/matches");

	char body[160];
	snprintf(body, sizeof body,
	         "{\"call_id\":%lld,\"volunteer_id\":%lld,\"explanation\":\"Woont dichtbij\"}",
	         (long long)call, (long long)vol);
	json_t *doc = expect(&e->admin, "POST", "/api/matches", body, 422);
	assert_problem(&e->admin, doc, 422, "explanation");
	json_decref(doc);
	snprintf(body, sizeof body, "{\"call_id\":%lld,\"volunteer_id\":%lld}", (long long)call,
	         (long long)vol);
	doc = expect(&e->admin, "POST", "/api/matches", body, 201);
	int64_t id = json_id(doc, "id");
	assert_string_equal(json_str(doc, "status"), "proposed");
	assert_int_equal(json_id(doc, "organisation_id"), org);
	/* The server explains the pair itself. */
	assert_non_null(strstr(json_str(doc, "explanation"), "wandelen"));
	json_decref(doc);
	assert_int_equal(client_total(&e->admin, "/api/matches"), before + 1);

	static const char *const steps[] = {
		"{\"status\":\"contacted\"}",
		"{\"status\":\"accepted\"}",
		"{\"status\":\"active\"}",
		"{\"status\":\"ended\",\"reason\":\"Mevrouw is verhuisd\"}",
	};
	static const char *const names[] = { "contacted", "accepted", "active", "ended" };
	for (int i = 0; i < 4; i++) {
		doc = patch_status(&e->admin, id, steps[i], 200);
		assert_string_equal(json_str(doc, "status"), names[i]);
		json_decref(doc);
	}

	char path[64];
	snprintf(path, sizeof path, "/api/matches/%lld", (long long)id);
	doc = expect(&e->admin, "GET", path, NULL, 200);
	assert_string_equal(json_str(doc, "status"), "ended");
	assert_string_equal(json_str(doc, "reason"), "Mevrouw is verhuisd");
	json_t *events = json_object_get(doc, "events");
	assert_int_equal(json_array_size(events), 5);
	json_t *first = json_array_get(events, 0), *last = json_array_get(events, 4);
	assert_true(json_is_null(json_object_get(first, "from")));
	assert_string_equal(json_str(first, "to"), "proposed");
	assert_string_equal(json_str(last, "from"), "active");
	assert_string_equal(json_str(last, "to"), "ended");
	assert_string_equal(json_str(last, "reason"), "Mevrouw is verhuisd");
	assert_true(json_integer_value(json_object_get(last, "actor_id")) > 0);
	assert_true(json_integer_value(json_object_get(last, "at")) > 0);
	json_decref(doc);
}

static void match_declined_with_reason(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Afwijzen");
	int64_t id = fx_match(&e->admin, fx_call(&e->admin, org, NULL),
	                      fx_volunteer(&e->admin, org, "active"));
	json_t *doc = patch_status(&e->admin, id,
	                           "{\"status\":\"declined\",\"reason\":\"Geen klik\"}", 200);
	assert_string_equal(json_str(doc, "status"), "declined");
	assert_string_equal(json_str(doc, "reason"), "Geen klik");
	json_decref(doc);
}

static void volunteer_accepts_own_match(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Ja zeggen");
	int64_t vol = fx_volunteer(&e->admin, org, "active");
	int64_t id = fx_match(&e->admin, fx_call(&e->admin, org, NULL), vol);
	json_decref(patch_status(&e->admin, id, "{\"status\":\"contacted\"}", 200));

	char email[64], path[64];
	fx_email(&e->srv, "ja", email, sizeof email);
	fx_account(&e->admin, "volunteer", email, 0, vol);
	struct client me;
	client_init(&me, &e->srv);
	assert_int_equal(client_login(&me, email, FX_PASSWORD), 201);
	snprintf(path, sizeof path, "/api/matches/%lld", (long long)id);
	json_decref(expect(&me, "GET", path, NULL, 200));
	json_t *doc = expect(&me, "GET", "/api/matches", NULL, 200);
	assert_int_equal(json_integer_value(json_object_get(doc, "total")), 1);
	assert_true(list_has_id(doc, id));
	json_decref(doc);
	doc = patch_status(&me, id, "{\"status\":\"accepted\"}", 200);
	assert_string_equal(json_str(doc, "status"), "accepted");
	json_decref(doc);
	/* Making it active is the coordinator's step, not the volunteer's. */
	doc = patch_status(&me, id, "{\"status\":\"active\"}", 403);
	json_decref(doc);
	client_free(&me);
}

static void volunteer_responds_to_open_call(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Reageren");
	int64_t vol = fx_volunteer(&e->admin, org, "active");
	int64_t call = fx_call(&e->admin, org, "Voorlezen");
	char email[64], body[64];
	fx_email(&e->srv, "reageer", email, sizeof email);
	fx_account(&e->admin, "volunteer", email, 0, vol);
	struct client me;
	client_init(&me, &e->srv);
	assert_int_equal(client_login(&me, email, FX_PASSWORD), 201);
	json_t *doc = expect(&me, "GET", "/api/calls?limit=100", NULL, 200);
	assert_true(list_has_id(doc, call));
	json_decref(doc);
	snprintf(body, sizeof body, "{\"call_id\":%lld}", (long long)call);
	doc = expect(&me, "POST", "/api/matches", body, 201);
	assert_int_equal(json_id(doc, "volunteer_id"), vol);
	json_decref(doc);
	client_free(&me);
}

static void match_list_filters(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Matchlijst");
	int64_t call = fx_call(&e->admin, org, NULL);
	int64_t v1 = fx_volunteer(&e->admin, org, "active");
	int64_t v2 = fx_volunteer(&e->admin, org, "active");
	int64_t m1 = fx_match(&e->admin, call, v1);
	int64_t m2 = fx_match(&e->admin, call, v2);
	json_decref(patch_status(&e->admin, m2, "{\"status\":\"contacted\"}", 200));
	char path[128];
	snprintf(path, sizeof path, "/api/matches?call_id=%lld", (long long)call);
	json_t *doc = expect(&e->admin, "GET", path, NULL, 200);
	assert_int_equal(json_integer_value(json_object_get(doc, "total")), 2);
	assert_true(list_has_id(doc, m1) && list_has_id(doc, m2));
	json_decref(doc);
	snprintf(path, sizeof path, "/api/matches?call_id=%lld&status=contacted", (long long)call);
	doc = expect(&e->admin, "GET", path, NULL, 200);
	assert_int_equal(json_integer_value(json_object_get(doc, "total")), 1);
	assert_true(list_has_id(doc, m2));
	json_decref(doc);
	snprintf(path, sizeof path, "/api/matches?volunteer_id=%lld", (long long)v1);
	doc = expect(&e->admin, "GET", path, NULL, 200);
	assert_int_equal(json_integer_value(json_object_get(doc, "total")), 1);
	assert_true(list_has_id(doc, m1));
	json_decref(doc);
	snprintf(path, sizeof path, "/api/matches?call_id=%lld&limit=1&offset=1", (long long)call);
	doc = expect(&e->admin, "GET", path, NULL, 200);
	assert_int_equal(json_array_size(json_object_get(doc, "items")), 1);
	json_decref(doc);
}

static void professional_confirms_match(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Locatie");
	int64_t id = fx_match(&e->admin, fx_call(&e->admin, org, NULL),
	                      fx_volunteer(&e->admin, org, "active"));
	char email[64], path[64];
	fx_email(&e->srv, "prof", email, sizeof email);
	fx_account(&e->admin, "professional", email, org, 0);
	struct client pro;
	client_init(&pro, &e->srv);
	assert_int_equal(client_login(&pro, email, FX_PASSWORD), 201);
	snprintf(path, sizeof path, "/api/matches/%lld", (long long)id);
	json_decref(expect(&pro, "GET", path, NULL, 200));
	json_t *doc = patch_status(&pro, id, "{\"status\":\"contacted\"}", 200);
	assert_string_equal(json_str(doc, "status"), "contacted");
	json_decref(doc);
	client_free(&pro);
}

/* A coordinator, and a volunteer of the same organisation logged in. */
struct pair {
	int64_t org, vol;
	char co_mail[64], vol_mail[64];
	struct client co, me;
};

static void pair_start(struct env *e, struct pair *p, const char *status)
{
	p->org = fx_organisation(&e->admin, "Wie zegt ja");
	fx_email(&e->srv, "co", p->co_mail, sizeof p->co_mail);
	fx_account(&e->admin, "coordinator", p->co_mail, p->org, 0);
	client_init(&p->co, &e->srv);
	assert_int_equal(client_login(&p->co, p->co_mail, FX_PASSWORD), 201);
	p->vol = fx_volunteer(&p->co, p->org, status);
	fx_email(&e->srv, "vw", p->vol_mail, sizeof p->vol_mail);
	fx_account(&p->co, "volunteer", p->vol_mail, 0, p->vol);
	client_init(&p->me, &e->srv);
	assert_int_equal(client_login(&p->me, p->vol_mail, FX_PASSWORD), 201);
}

static void pair_free(struct pair *p)
{
	client_free(&p->co);
	client_free(&p->me);
}

static void set_volunteer(struct client *co, int64_t vol, const char *body)
{
	char path[64];
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)vol);
	json_decref(expect(co, "PATCH", path, body, 200));
}

static json_t *respond(struct client *me, int64_t call, long status)
{
	char body[64];
	snprintf(body, sizeof body, "{\"call_id\":%lld}", (long long)call);
	return expect(me, "POST", "/api/matches", body, status);
}

/* "Deze vrijwilliger is niet actief" once met a new volunteer's first tap. */
static void own_response_is_interest_until_she_is_ready(void **state)
{
	struct env *e = *state;
	struct pair p;
	char mail[2048];
	pair_start(e, &p, "applied");
	set_volunteer(&p.me, p.vol, "{\"max_matches\":1}");
	int64_t call = fx_call(&p.co, p.org, "Boodschappen doen");
	json_t *doc = respond(&p.me, call, 201);
	int64_t id = json_id(doc, "id");
	assert_string_equal(json_str(doc, "origin"), "volunteer");
	assert_string_equal(json_str(doc, "status"), "proposed");
	json_decref(doc);
	/* The coordinator hears of it, as a lead for the intake. */
	assert_int_equal(fx_newest_mail(&e->srv, p.co_mail, mail, sizeof mail), 0);
	assert_non_null(strstr(mail, "wil graag helpen"));
	assert_non_null(strstr(mail, "intakegesprek"));
	/* Saying yes waits until she is active; then no contact step is needed. */
	doc = patch_status(&p.co, id, "{\"status\":\"accepted\"}", 409);
	assert_problem(&p.co, doc, 409, "volunteer_id");
	json_decref(doc);
	set_volunteer(&p.co, p.vol, "{\"status\":\"active\"}");
	json_decref(patch_status(&p.co, id, "{\"status\":\"accepted\"}", 200));

	/* At her limit she is told so in her own words, naming the field to change. */
	int64_t second = fx_call(&p.co, p.org, "Voorlezen");
	doc = respond(&p.me, second, 409);
	assert_problem(&p.me, doc, 409, "max_matches");
	assert_non_null(strstr(json_str(doc, "detail"), "Je doet al 1"));
	json_decref(doc);
	set_volunteer(&p.me, p.vol, "{\"max_matches\":2}");
	json_decref(respond(&p.me, second, 201));
	/* On a break, she learns how to come back. */
	set_volunteer(&p.co, p.vol, "{\"status\":\"paused\"}");
	doc = respond(&p.me, fx_call(&p.co, p.org, "Fietsen"), 409);
	assert_problem(&p.me, doc, 409, "status");
	assert_non_null(strstr(json_str(doc, "detail"), "pauze"));
	json_decref(doc);
	pair_free(&p);
}

/* She could only say no to a coordinator's proposal. */
static void the_side_that_did_not_propose_says_yes(void **state)
{
	struct env *e = *state;
	struct pair p;
	pair_start(e, &p, "active");
	set_volunteer(&p.co, p.vol, "{\"max_matches\":3}");
	int64_t proposed = fx_match(&p.co, fx_call(&p.co, p.org, "Wandelen"), p.vol);
	json_t *doc = patch_status(&p.co, proposed, "{\"status\":\"accepted\"}", 409);
	json_decref(doc); /* her yes is hers to give, or after a contact */
	doc = patch_status(&p.me, proposed, "{\"status\":\"accepted\"}", 200);
	assert_string_equal(json_str(doc, "origin"), "organisation");
	assert_string_equal(json_str(doc, "status"), "accepted");
	json_decref(doc);
	/* Her own response is for the organisation to accept, not for her. */
	doc = respond(&p.me, fx_call(&p.co, p.org, "Koken"), 201);
	int64_t own = json_id(doc, "id");
	json_decref(doc);
	json_decref(patch_status(&p.me, own, "{\"status\":\"accepted\"}", 403));
	json_decref(patch_status(&p.me, own, "{\"status\":\"declined\",\"reason\":\"Toch geen tijd\"}",
	                         200));
	pair_free(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(match_lifecycle_records_events),
		cmocka_unit_test(match_declined_with_reason),
		cmocka_unit_test(volunteer_accepts_own_match),
		cmocka_unit_test(volunteer_responds_to_open_call),
		cmocka_unit_test(match_list_filters),
		cmocka_unit_test(professional_confirms_match),
		cmocka_unit_test(own_response_is_interest_until_she_is_ready),
		cmocka_unit_test(the_side_that_did_not_propose_says_yes),
	};
	return cmocka_run_group_tests_name("matches", tests, env_setup, env_teardown);
}
