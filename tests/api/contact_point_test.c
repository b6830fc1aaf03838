/* The central contact point: the network's hub, help requests from the
   public form, a referrer and the hub's desk, triage with suggestions from
   the social map, the warm referral (route, accept with a named contact,
   hand back with a reason), who sees the client's record, requests flagged
   as waiting after the pick-up term in working days (KNOOPPUNT_NOW=@file),
   and the client's export and erasure. Nothing is written by a refused
   request. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char clock_file[64] = "/tmp/contact-point-clock-XXXXXX";

/* Moves the server's clock to noon (UTC) of `date`. */
static void set_today(const char *date)
{
	fx_clock_set(clock_file, date);
}

struct people {
	int64_t hub, receiving, other;       /* organisations */
	struct client hub_co, hub_desk, receiving_co, other_co, referrer, other_referrer,
	        volunteer, anon;
	char email[8][64];
};

static void login_as(struct env *e, struct client *cl, char *email, const char *role,
                     int64_t org, int64_t vol)
{
	fx_email(&e->srv, role, email, 64);
	fx_account(&e->admin, role, email, org, vol);
	client_init(cl, &e->srv);
	assert_int_equal(client_login(cl, email, FX_PASSWORD), 201);
}

static void relogin(struct client *cl, const char *email)
{
	long status = 0;
	json_decref(client_request(cl, "GET", "/api/session", NULL, &status));
	if (status != 200)
		assert_int_equal(client_login(cl, email, FX_PASSWORD), 201);
}

static void people_relogin(struct env *e, struct people *p)
{
	struct client *cl[] = { &p->hub_co, &p->hub_desk, &p->receiving_co, &p->other_co,
	                        &p->referrer, &p->other_referrer, &p->volunteer };
	long status = 0;
	json_decref(client_request(&e->admin, "GET", "/api/session", NULL, &status));
	if (status != 200)
		assert_int_equal(client_login(&e->admin, ADMIN_EMAIL, ADMIN_PASSWORD), 201);
	for (int i = 0; i < 7; i++)
		relogin(cl[i], p->email[i]);
}

static void people_init(struct env *e, struct people *p)
{
	char path[64];
	long status = 0; /* a test before may have moved the clock past the session */
	json_decref(client_request(&e->admin, "GET", "/api/session", NULL, &status));
	if (status != 200)
		assert_int_equal(client_login(&e->admin, ADMIN_EMAIL, ADMIN_PASSWORD), 201);
	p->hub = fx_organisation(&e->admin, "Steunpunt");
	p->receiving = fx_organisation(&e->admin, "Maatjesproject");
	p->other = fx_organisation(&e->admin, "Klussendienst");
	snprintf(path, sizeof path, "/api/organisations/%lld/offer", (long long)p->receiving);
	json_decref(expect(&e->admin, "PUT", path,
	                   "{\"activities\":[\"maatje\"],\"places\":[\"Zwijndrecht\"]}", 200));
	snprintf(path, sizeof path, "/api/organisations/%lld/offer", (long long)p->other);
	json_decref(expect(&e->admin, "PUT", path,
	                   "{\"activities\":[\"klussen\"],\"places\":[\"Zwijndrecht\"]}", 200));
	int64_t vol = fx_volunteer(&e->admin, p->receiving, "active");
	login_as(e, &p->hub_co, p->email[0], "coordinator", p->hub, 0);
	login_as(e, &p->hub_desk, p->email[1], "professional", p->hub, 0);
	login_as(e, &p->receiving_co, p->email[2], "coordinator", p->receiving, 0);
	login_as(e, &p->other_co, p->email[3], "coordinator", p->other, 0);
	login_as(e, &p->referrer, p->email[4], "referrer", 0, 0);
	login_as(e, &p->other_referrer, p->email[5], "referrer", 0, 0);
	login_as(e, &p->volunteer, p->email[6], "volunteer", 0, vol);
	client_init(&p->anon, &e->srv);
}

static void people_free(struct people *p)
{
	struct client *cl[] = { &p->hub_co, &p->hub_desk, &p->receiving_co, &p->other_co,
	                        &p->referrer, &p->other_referrer, &p->volunteer, &p->anon };
	for (int i = 0; i < 8; i++)
		client_free(cl[i]);
}

static const char form[] =
	"{\"name\":\"Truus Mantelzorg-Bakker\",\"phone\":\"06-12345678\",\"place\":\"Zwijndrecht\","
	"\"email\":\"truus.bakker@voorbeeld.nl\","
	"\"activity\":\"maatje\",\"situation\":\"Mijn moeder is veel alleen sinds haar val.\","
	"\"urgency\":\"soon\",\"referred_by\":\"mantelzorger\",\"consent_share\":true}";

static void set_hub(struct env *e, int64_t hub, int days)
{
	char body[96];
	snprintf(body, sizeof body, "{\"hub_organisation_id\":%lld,\"pickup_working_days\":%d}",
	         (long long)hub, days);
	json_t *doc = expect(&e->admin, "PUT", "/api/network/contact-point", body, 200);
	assert_int_equal(json_integer_value(json_object_get(doc, "hub_organisation_id")), hub);
	json_decref(doc);
}

static bool listed(struct client *cl, const char *query, int64_t id)
{
	char path[96];
	snprintf(path, sizeof path, "/api/help-requests?limit=200%s", query);
	json_t *doc = expect(cl, "GET", path, NULL, 200);
	bool found = list_has_id(doc, id);
	json_decref(doc);
	return found;
}

static void warm_referral(void **state)
{
	struct env *e = *state;
	struct people p;
	set_today("2026-03-02"); /* a Monday */
	people_init(e, &p);

	/* no hub named yet: the form cannot go anywhere */
	uint64_t before = db_fingerprint(&e->srv);
	json_t *doc = expect(&p.anon, "POST", "/api/public/help-requests", form, 409);
	assert_problem(&p.anon, doc, 409, "organisation_id");
	json_decref(doc);
	json_decref(expect(&p.hub_co, "PUT", "/api/network/contact-point",
	                   "{\"pickup_working_days\":3}", 403));
	assert_true(db_fingerprint(&e->srv) == before);
	set_hub(e, p.hub, 3);
	json_decref(expect(&p.anon, "GET", "/api/network/contact-point", NULL, 200));

	/* the public form: consent and a way to reach the client are required */
	before = db_fingerprint(&e->srv);
	doc = expect(&p.anon, "POST", "/api/public/help-requests",
	             "{\"name\":\"Truus\",\"phone\":\"06-1\",\"place\":\"Zwijndrecht\"}", 422);
	assert_problem(&p.anon, doc, 422, "consent_share");
	json_decref(doc);
	doc = expect(&p.anon, "POST", "/api/public/help-requests",
	             "{\"name\":\"Truus\",\"place\":\"Zwijndrecht\",\"consent_share\":true}", 422);
	assert_problem(&p.anon, doc, 422, "phone");
	json_decref(doc);
	assert_true(db_fingerprint(&e->srv) == before);
	doc = expect(&p.anon, "POST", "/api/public/help-requests", form, 201);
	int64_t id = json_id(doc, "id");
	assert_string_equal(json_str(doc, "status"), "new");
	assert_null(strstr(p.anon.raw, "Truus"));
	json_decref(doc);

	/* the hub sees it with the client; others do not */
	char path[96];
	snprintf(path, sizeof path, "/api/help-requests/%lld", (long long)id);
	doc = expect(&p.hub_desk, "GET", path, NULL, 200);
	assert_string_equal(json_str(doc, "channel"), "form");
	assert_string_equal(json_str(json_object_get(doc, "client"), "name"),
	                    "Truus Mantelzorg-Bakker");
	json_decref(doc);
	assert_true(listed(&p.hub_co, "", id));
	assert_false(listed(&p.receiving_co, "", id));
	assert_false(listed(&p.referrer, "", id));
	json_decref(expect(&p.receiving_co, "GET", path, NULL, 403));
	json_decref(expect(&p.referrer, "GET", path, NULL, 403));
	json_decref(expect(&p.volunteer, "GET", path, NULL, 403));
	json_decref(expect(&p.volunteer, "GET", "/api/help-requests", NULL, 403));
	json_decref(expect(&p.anon, "GET", path, NULL, 401));

	/* triage: who offers a buddy in Zwijndrecht */
	char sub[128];
	snprintf(sub, sizeof sub, "%s/suggestions", path);
	doc = expect(&p.hub_co, "GET", sub, NULL, 200);
	json_t *items = json_object_get(doc, "items");
	assert_int_equal(json_array_size(items), 1);
	assert_int_equal(json_integer_value(json_object_get(json_array_get(items, 0),
	                                                    "organisation_id")), p.receiving);
	json_decref(doc);
	json_decref(expect(&p.receiving_co, "GET", sub, NULL, 403));

	/* routing is the hub's; accepting the receiving coordinator's */
	char body[96];
	snprintf(sub, sizeof sub, "%s/route", path);
	snprintf(body, sizeof body, "{\"organisation_id\":%lld}", (long long)p.receiving);
	json_decref(expect(&p.receiving_co, "POST", sub, body, 403));
	doc = expect(&p.hub_co, "POST", sub, body, 200);
	assert_string_equal(json_str(doc, "status"), "routed");
	json_decref(doc);
	doc = expect(&p.receiving_co, "GET", path, NULL, 200);
	assert_string_equal(json_str(json_object_get(doc, "client"), "phone"), "06-12345678");
	json_decref(doc);
	json_decref(expect(&p.other_co, "GET", path, NULL, 403));
	snprintf(sub, sizeof sub, "%s/accept", path);
	json_decref(expect(&p.hub_co, "POST", sub, "{}", 403));
	json_decref(expect(&p.other_co, "POST", sub, "{}", 403));
	doc = expect(&p.receiving_co, "POST", sub, "{\"contact_name\":\"Els de Vries\","
	             "\"contact_phone\":\"078-1234567\"}", 200);
	assert_string_equal(json_str(doc, "status"), "accepted");
	json_decref(doc);
	json_decref(expect(&p.receiving_co, "POST", sub, "{}", 409));
	/* The client has no login: the named contact reaches her by mail. */
	char mail[2048];
	assert_int_equal(fx_newest_mail(&e->srv, "truus.bakker@voorbeeld.nl", mail, sizeof mail), 0);
	assert_non_null(strstr(mail, "opgepakt"));
	assert_non_null(strstr(mail, "Els de Vries (078-1234567)"));

	/* a referrer's request: the referrer follows it and sees who picked it up */
	doc = expect(&p.referrer, "POST", "/api/help-requests", form, 201);
	int64_t ref = json_id(doc, "id");
	assert_string_equal(json_str(doc, "channel"), "referrer");
	json_decref(doc);
	snprintf(path, sizeof path, "/api/help-requests/%lld", (long long)ref);
	json_decref(expect(&p.other_referrer, "GET", path, NULL, 403));
	assert_false(listed(&p.other_referrer, "", ref));
	snprintf(sub, sizeof sub, "%s/route", path);
	json_decref(expect(&p.hub_co, "POST", sub, body, 200));
	snprintf(sub, sizeof sub, "%s/hand-back", path);
	doc = expect(&p.receiving_co, "POST", sub, "{}", 422);
	assert_problem(&p.receiving_co, doc, 422, "reason");
	json_decref(doc);
	json_decref(expect(&p.receiving_co, "POST", sub, "{\"reason\":\"Geen maatje vrij\"}", 200));
	doc = expect(&p.referrer, "GET", path, NULL, 200);
	assert_string_equal(json_str(doc, "status"), "handed_back");
	assert_string_equal(json_str(doc, "reason"), "Geen maatje vrij");
	json_decref(doc);
	snprintf(sub, sizeof sub, "%s/route", path);
	json_decref(expect(&p.hub_co, "POST", sub, body, 200));
	snprintf(sub, sizeof sub, "%s/accept", path);
	json_decref(expect(&p.receiving_co, "POST", sub, "{}", 200));
	doc = expect(&p.referrer, "GET", path, NULL, 200);
	assert_string_equal(json_str(doc, "status"), "accepted");
	assert_true(strlen(json_str(doc, "contact_name")) > 0);
	json_decref(doc);
	/* ... and hears of it by mail, with a link to the request. */
	char want[96];
	assert_int_equal(fx_newest_mail(&e->srv, p.email[4], mail, sizeof mail), 0);
	assert_non_null(strstr(mail, "De hulpvraag die u doorgaf, is opgepakt door"));
	snprintf(want, sizeof want, "/contactpunt/%lld\n", (long long)ref);
	assert_non_null(strstr(mail, want));
	assert_non_null(strstr(mail, "(hulpvraag opgepakt)"));

	/* the desk takes a call: routed, not picked up; flagged after 3 working days */
	doc = expect(&p.hub_desk, "POST", "/api/help-requests", form, 201);
	int64_t desk = json_id(doc, "id");
	assert_string_equal(json_str(doc, "channel"), "desk");
	json_decref(doc);
	snprintf(sub, sizeof sub, "/api/help-requests/%lld/route", (long long)desk);
	json_decref(expect(&p.hub_desk, "POST", sub, body, 200));
	set_today("2026-03-06"); /* Friday: 4 working days later */
	people_relogin(e, &p);
	assert_true(listed(&p.hub_co, "&waiting=1", desk));
	assert_false(listed(&p.hub_co, "&waiting=1", ref));
	set_hub(e, p.hub, 5);
	assert_false(listed(&p.hub_co, "&waiting=1", desk));
	set_today("2026-03-09"); /* Monday: the weekend does not count, 5 working days */
	people_relogin(e, &p);
	assert_true(listed(&p.hub_co, "&waiting=1", desk));
	people_free(&p);
}

/* Whether the caller's tasks hold one of `kind` about help request id. */
static bool has_task(struct client *cl, const char *kind, int64_t id)
{
	json_t *doc = expect(cl, "GET", "/api/tasks?limit=200", NULL, 200);
	bool found = false;
	size_t i;
	json_t *it;
	json_array_foreach(json_object_get(doc, "items"), i, it)
		found |= strcmp(json_str(it, "kind"), kind) == 0 &&
		         json_integer_value(json_object_get(it, "help_request_id")) == id;
	json_decref(doc);
	return found;
}

/* Nazorg: two weeks after the match on the request's call became active, the
   receiving coordinator has a task to call the client; a request waiting
   too long is a task of the hub. */
static void follow_up_tasks(void **state)
{
	struct env *e = *state;
	struct people p;
	set_today("2026-04-01");
	people_init(e, &p);
	set_hub(e, p.hub, 2);
	json_t *doc = expect(&p.anon, "POST", "/api/public/help-requests", form, 201);
	int64_t id = json_id(doc, "id");
	json_decref(doc);
	char path[96], body[96];
	snprintf(path, sizeof path, "/api/help-requests/%lld/route", (long long)id);
	snprintf(body, sizeof body, "{\"organisation_id\":%lld}", (long long)p.receiving);
	json_decref(expect(&p.hub_co, "POST", path, body, 200));
	assert_false(has_task(&p.hub_co, "request_waiting", id));
	set_today("2026-04-06"); /* Monday after: Thursday and Friday passed */
	people_relogin(e, &p);
	assert_true(has_task(&p.hub_co, "request_waiting", id));
	assert_false(has_task(&p.receiving_co, "request_waiting", id));

	int64_t call = fx_call(&p.receiving_co, p.receiving, "Maatje voor een moeder");
	snprintf(path, sizeof path, "/api/help-requests/%lld/accept", (long long)id);
	snprintf(body, sizeof body, "{\"call_id\":%lld}", (long long)call);
	json_decref(expect(&p.receiving_co, "POST", path, body, 200));
	assert_false(has_task(&p.hub_co, "request_waiting", id));
	int64_t vol = fx_volunteer(&e->admin, p.receiving, "active");
	int64_t match = fx_match(&p.receiving_co, call, vol);
	snprintf(path, sizeof path, "/api/matches/%lld", (long long)match);
	static const char *const steps[] = { "{\"status\":\"contacted\"}",
	                                     "{\"status\":\"accepted\"}",
	                                     "{\"status\":\"active\"}" };
	for (int i = 0; i < 3; i++)
		json_decref(expect(&p.receiving_co, "PATCH", path, steps[i], 200));
	set_today("2026-04-19"); /* 13 days */
	people_relogin(e, &p);
	assert_false(has_task(&p.receiving_co, "client_followup", id));
	set_today("2026-04-20"); /* two weeks */
	people_relogin(e, &p);
	assert_true(has_task(&p.receiving_co, "client_followup", id));
	assert_false(has_task(&p.other_co, "client_followup", id));
	/* after the call the receiving coordinator closes the request */
	snprintf(path, sizeof path, "/api/help-requests/%lld/close", (long long)id);
	json_decref(expect(&p.receiving_co, "POST", path, "{}", 200));
	assert_false(has_task(&p.receiving_co, "client_followup", id));

	/* retention: the client of a request closed longer ago is erased */
	char out[1024];
	assert_int_equal(server_cli(&e->srv, "retention --years 2", out, sizeof out), 0);
	assert_non_null(strstr(out, ", 0 cliënt(en) gewist"));
	/* Two years on, the CLI's run or the server's own retention job (src/sync/
	   jobs.c, which sees the same clock) erases it, whichever comes first:
	   what counts is the record below. */
	set_today("2028-05-01");
	assert_int_equal(server_cli(&e->srv, "retention --years 2", out, sizeof out), 0);
	people_relogin(e, &p);
	snprintf(path, sizeof path, "/api/help-requests/%lld", (long long)id);
	json_t *doc2 = expect(&p.hub_co, "GET", path, NULL, 200);
	assert_string_equal(json_str(json_object_get(doc2, "client"), "name"), "");
	assert_false(json_is_null(json_object_get(json_object_get(doc2, "client"), "erased_at")));
	json_decref(doc2);
	set_today("2026-04-20");
	people_relogin(e, &p);
	people_free(&p);
}

static void client_export_and_erasure(void **state)
{
	struct env *e = *state;
	struct people p;
	people_init(e, &p);
	set_hub(e, p.hub, 5);
	json_t *doc = expect(&p.anon, "POST", "/api/public/help-requests", form, 201);
	int64_t id = json_id(doc, "id");
	json_decref(doc);
	char path[96];
	snprintf(path, sizeof path, "/api/help-requests/%lld/client/export", (long long)id);
	json_decref(expect(&p.receiving_co, "GET", path, NULL, 403));
	json_decref(expect(&p.volunteer, "GET", path, NULL, 403));
	doc = expect(&p.hub_co, "GET", path, NULL, 200);
	assert_string_equal(json_str(json_object_get(doc, "client"), "situation"),
	                    "Mijn moeder is veel alleen sinds haar val.");
	json_decref(doc);
	snprintf(path, sizeof path, "/api/help-requests/%lld/client/erasure", (long long)id);
	json_decref(expect(&p.receiving_co, "POST", path, "{}", 403));
	json_decref(expect(&e->admin, "POST", path, "{}", 200));
	snprintf(path, sizeof path, "/api/help-requests/%lld", (long long)id);
	doc = expect(&p.hub_co, "GET", path, NULL, 200);
	json_t *client = json_object_get(doc, "client");
	assert_string_equal(json_str(client, "name"), "");
	assert_string_equal(json_str(client, "phone"), "");
	assert_false(json_is_null(json_object_get(client, "erased_at")));
	json_decref(doc);

	/* the audit log has the creation, the views, the export and the erasure */
	doc = expect(&e->admin, "GET", "/api/audit?limit=200", NULL, 200);
	int seen[4] = { 0 };
	static const char *const actions[] = { "create", "view", "export", "erase" };
	size_t i;
	json_t *it;
	json_array_foreach(json_object_get(doc, "items"), i, it)
		if (json_integer_value(json_object_get(it, "record_id")) == id &&
		    strcmp(json_str(it, "resource"), "client_record") == 0)
			for (int a = 0; a < 4; a++)
				if (strcmp(json_str(it, "action"), actions[a]) == 0)
					seen[a]++;
	json_decref(doc);
	for (int a = 0; a < 4; a++)
		if (seen[a] == 0)
			fail_msg("no audit entry %s for the client record", actions[a]);
	people_free(&p);
}

/* The public form takes no login: like sign-up it is limited per client
   address and hour, so that nobody floods the hub with requests. */
/* Sends request id through `steps` of the warm referral: 'r' routed to the
   receiving organisation, 'a' picked up there, 'b' handed back. */
static void walk_request(struct people *p, int64_t id, const char *steps)
{
	char path[96], body[64];
	for (const char *c = steps; *c; c++) {
		struct client *who = *c == 'r' ? &p->hub_co : &p->receiving_co;
		const char *step = *c == 'r' ? "route" : *c == 'a' ? "accept" : "hand-back";
		snprintf(path, sizeof path, "/api/help-requests/%lld/%s", (long long)id, step);
		if (*c == 'r')
			snprintf(body, sizeof body, "{\"organisation_id\":%lld}",
			         (long long)p->receiving);
		else
			snprintf(body, sizeof body, "%s", *c == 'a' ? "{\"contact_name\":\"Els\"}"
			                                          : "{\"reason\":\"Geen maatje vrij\"}");
		json_decref(expect(who, "POST", path, body, 200));
	}
}

static int64_t new_request(struct client *cl, const char *path)
{
	json_t *doc = expect(cl, "POST", path, form, 201);
	int64_t id = json_id(doc, "id");
	json_decref(doc);
	return id;
}

static void close_request(struct client *cl, int64_t id, const char *body, long status)
{
	char path[96];
	snprintf(path, sizeof path, "/api/help-requests/%lld/close", (long long)id);
	json_t *doc = expect(cl, "POST", path, body, status);
	if (status == 422)
		assert_problem(cl, doc, 422, "outcome");
	json_decref(doc);
}

static int64_t figure(json_t *k, const char *name)
{
	return json_integer_value(json_object_get(k, name));
}

/* The contact point's figures over a hand-built month: six requests in, one
   the month before; two picked up after 24 and 48 hours, one helped by the
   desk's advice, one handed back and then closed for want of a volunteer,
   one the client withdrew, one still open. A request never picked up closes
   only with its reason. */
static void figures_of_the_contact_point(void **state)
{
	struct env *e = *state;
	struct people p;
	set_today("2028-12-15");
	people_init(e, &p);
	set_hub(e, p.hub, 5);
	new_request(&p.anon, "/api/public/help-requests"); /* the month before */
	set_today("2029-01-08");
	people_relogin(e, &p);
	int64_t r1 = new_request(&p.anon, "/api/public/help-requests");
	int64_t r2 = new_request(&p.referrer, "/api/help-requests");
	int64_t r3 = new_request(&p.anon, "/api/public/help-requests");
	int64_t r4 = new_request(&p.hub_desk, "/api/help-requests");
	int64_t r5 = new_request(&p.anon, "/api/public/help-requests");
	int64_t r6 = new_request(&p.anon, "/api/public/help-requests");
	walk_request(&p, r1, "r");
	walk_request(&p, r2, "r");
	walk_request(&p, r3, "rb");
	walk_request(&p, r5, "r");
	uint64_t fp = db_fingerprint(&e->srv);
	close_request(&p.hub_co, r6, "{}", 422); /* never picked up: why? */
	close_request(&p.hub_co, r6, "{\"outcome\":\"vergeten\"}", 422);
	assert_int_equal(db_fingerprint(&e->srv), fp);
	close_request(&p.hub_co, r6, "{\"outcome\":\"client_withdrew\"}", 200);
	close_request(&p.hub_co, r4, "{\"outcome\":\"advice\"}", 200);
	close_request(&p.hub_co, r3, "{\"outcome\":\"no_volunteer\"}", 200);
	set_today("2029-01-09");
	people_relogin(e, &p);
	walk_request(&p, r1, "a");
	close_request(&p.receiving_co, r1, "{}", 200); /* picked up: helped */
	set_today("2029-01-10");
	people_relogin(e, &p);
	walk_request(&p, r2, "a");

	static const char q[] = "?from=2029-01-01&to=2029-02-01";
	char path[128];
	snprintf(path, sizeof path, "/api/reports%s", q);
	json_t *doc = expect(&e->admin, "GET", path, NULL, 200);
	json_t *k = json_object_get(doc, "contact_point");
	assert_int_equal(figure(k, "in"), 6);
	assert_int_equal(figure(k, "in_before"), 1);
	assert_int_equal(figure(k, "routed"), 4);
	assert_int_equal(figure(k, "picked_up"), 2);
	assert_int_equal(figure(k, "handed_back"), 1);
	assert_int_equal(figure(k, "advice"), 1);
	assert_int_equal(figure(k, "not_served"), 2);
	assert_int_equal(figure(k, "open"), 1);
	json_t *time = json_object_get(k, "time_to_pickup");
	assert_int_equal(figure(time, "requests"), 2);
	assert_int_equal(figure(time, "median_hours"), 24); /* nearest rank of 24, 48 */
	assert_int_equal(figure(time, "p90_hours"), 48);
	json_t *ch = json_object_get(k, "channels"), *why = json_object_get(k, "not_served_reasons");
	assert_int_equal(json_array_size(ch), 3);
	for (size_t i = 0; i < 3; i++) {
		const char *c = json_str(json_array_get(ch, i), "channel");
		assert_int_equal(figure(json_array_get(ch, i), "count"), strcmp(c, "form") ? 1 : 4);
	}
	assert_int_equal(json_array_size(why), 2);
	for (size_t i = 0; i < 2; i++) {
		const char *o = json_str(json_array_get(why, i), "outcome");
		assert_true(strcmp(o, "no_volunteer") == 0 || strcmp(o, "client_withdrew") == 0);
		assert_int_equal(figure(json_array_get(why, i), "count"), 1);
	}
	json_decref(doc);

	/* the receiving organisation's own view: the requests routed to it */
	doc = expect(&p.receiving_co, "GET", path, NULL, 200);
	assert_int_equal(figure(json_object_get(doc, "contact_point"), "in"), 4);
	json_decref(doc);
	doc = expect(&p.other_co, "GET", path, NULL, 200);
	assert_int_equal(figure(json_object_get(doc, "contact_point"), "in"), 0);
	json_decref(doc);

	/* the same figures as a table for a spreadsheet */
	snprintf(path, sizeof path, "/api/reports/contact_point.csv%s", q);
	long status = 0;
	json_decref(client_request(&e->admin, "GET", path, NULL, &status));
	assert_int_equal(status, 200);
	assert_non_null(strstr(e->admin.raw, "totaal;binnengekomen;6\r\n"));
	assert_non_null(strstr(e->admin.raw, "niet_geholpen_omdat;client_withdrew;1\r\n"));
	people_free(&p);
}

/* A hub volunteer in place with activity and status; returns the id. */
static int64_t hub_volunteer(struct env *e, int64_t hub, const char *place, const char *activity,
                             const char *status)
{
	char path[64], body[256];
	int64_t id = fx_volunteer(&e->admin, hub, "active");
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)id);
	snprintf(body, sizeof body,
	         "{\"place\":\"%s\",\"activities\":[\"%s\"],\"max_distance_km\":15,"
	         "\"availability\":[\"mon-morning\",\"wed-afternoon\"],\"status\":\"%s\"}",
	         place, activity, status);
	json_decref(expect(&e->admin, "PATCH", path, body, 200));
	return id;
}

/* Where volunteer vol stands in the answer, -1 when absent. */
static int rank_of(json_t *doc, int64_t vol)
{
	json_t *items = json_object_get(doc, "items");
	for (size_t i = 0; i < json_array_size(items); i++)
		if (json_id(json_array_get(items, i), "volunteer_id") == vol)
			return (int)i;
	return -1;
}

/* The volunteers who fit a help request: whose activity and place fit come
   first, with a score out of 100 and the explanation; inactive volunteers
   never show; the hub sees its own volunteers, the receiving coordinator
   after routing those of the own organisation; others are refused. */
static void fitting_volunteers(void **state)
{
	struct env *e = *state;
	struct people p;
	char path[96];
	set_today("2026-03-02");
	people_init(e, &p);
	set_hub(e, p.hub, 3);
	int64_t near_fit = hub_volunteer(e, p.hub, "Zwijndrecht", "maatje", "active");
	int64_t other_task = hub_volunteer(e, p.hub, "Zwijndrecht", "klussen", "active");
	int64_t farther = hub_volunteer(e, p.hub, "Dordrecht", "maatje", "active");
	int64_t stopped = hub_volunteer(e, p.hub, "Zwijndrecht", "maatje", "stopped");
	int64_t paused = hub_volunteer(e, p.hub, "Zwijndrecht", "maatje", "paused");
	json_t *doc = expect(&p.referrer, "POST", "/api/help-requests", form, 201);
	int64_t id = json_id(doc, "id");
	json_decref(doc);
	snprintf(path, sizeof path, "/api/help-requests/%lld/volunteers", (long long)id);

	doc = expect(&p.hub_co, "GET", path, NULL, 200);
	assert_int_equal(rank_of(doc, near_fit), 0);
	assert_true(rank_of(doc, farther) > 0);
	assert_true(rank_of(doc, other_task) > rank_of(doc, farther));
	assert_int_equal(rank_of(doc, stopped), -1);
	assert_int_equal(rank_of(doc, paused), -1);
	json_t *best = json_array_get(json_object_get(doc, "items"), 0);
	json_int_t fit = json_integer_value(json_object_get(best, "fit"));
	assert_true(fit > 0 && fit <= 100);
	assert_true(json_array_size(json_object_get(best, "explanation")) > 0);
	assert_non_null(strstr(json_str(best, "explanation_text"), "aatje"));
	assert_true(json_is_string(json_object_get(best, "first_name")));
	json_decref(doc);

	/* the hub's desk sees who fits, not by name */
	doc = expect(&p.hub_desk, "GET", path, NULL, 200);
	best = json_array_get(json_object_get(doc, "items"), 0);
	assert_int_equal(json_id(best, "volunteer_id"), near_fit);
	assert_true(json_is_null(json_object_get(best, "first_name")));
	json_decref(doc);
	json_decref(expect(&p.other_co, "GET", path, NULL, 403));
	json_decref(expect(&p.referrer, "GET", path, NULL, 403));
	json_decref(expect(&p.volunteer, "GET", path, NULL, 403));

	/* routed: the receiving coordinator looks among the own volunteers only */
	char route[96];
	snprintf(route, sizeof route, "/api/help-requests/%lld/route", (long long)id);
	char body[64];
	snprintf(body, sizeof body, "{\"organisation_id\":%lld}", (long long)p.receiving);
	json_decref(expect(&p.hub_co, "POST", route, body, 200));
	int64_t own = hub_volunteer(e, p.receiving, "Zwijndrecht", "maatje", "active");
	doc = expect(&p.receiving_co, "GET", path, NULL, 200);
	assert_int_equal(rank_of(doc, own), 0);
	assert_int_equal(rank_of(doc, near_fit), -1);
	json_decref(doc);
	people_free(&p);
}

static void public_form_is_rate_limited_per_address(void **state)
{
	(void)state;
	struct server srv = { 0 };
	struct client anon;
	setenv("KNOOPPUNT_SIGNUPS_PER_HOUR", "2", 1);
	assert_int_equal(server_start(&srv), 0);
	unsetenv("KNOOPPUNT_SIGNUPS_PER_HOUR");
	client_init(&anon, &srv);
	static const char request[] = "{\"name\":\"Truus\",\"phone\":\"06-12345678\","
	                           "\"place\":\"Zwijndrecht\",\"consent_share\":true}";
	for (int i = 0; i < 2; i++) /* no hub yet: refused, and counted */
		json_decref(expect(&anon, "POST", "/api/public/help-requests", request, 409));
	json_t *doc = expect(&anon, "POST", "/api/public/help-requests", request, 429);
	assert_problem(&anon, doc, 429, "name");
	json_decref(doc);
	client_free(&anon);
	assert_int_equal(server_stop(&srv), 0);
}

int main(void)
{
	if (fx_clock_begin(clock_file, "2026-03-02"))
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(warm_referral),
		cmocka_unit_test(follow_up_tasks),
		cmocka_unit_test(client_export_and_erasure),
		cmocka_unit_test(fitting_volunteers),
		cmocka_unit_test(figures_of_the_contact_point),
		cmocka_unit_test(public_form_is_rate_limited_per_address),
	};
	int rc = cmocka_run_group_tests_name("contact_point", tests, env_setup, env_teardown);
	unlink(clock_file);
	return rc;
}
