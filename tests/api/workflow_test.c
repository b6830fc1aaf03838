/*
 * What workflows must not leak: a match keeps no explanation text the page
 * sent (it could name lived experience); a refused or withdrawn transfer is
 * gone for the receiving organisation; a referrer's request stays with the
 * receiving organisation until it writes a public text; a name in a list is
 * no view of a person's record, and "who viewed my data" groups by viewer
 * and day without the person's own views; a coordinator's queues hold the
 * organisation's own work, longest waiting first.
 */
#include "support.h"

#include <stdio.h>
#include <string.h>

struct people {
	int64_t org_a, org_c, vol;
	struct client a, c, self;   /* coordinators of A and C, the volunteer (of A) */
};

static void login_as(struct env *e, struct client *cl, const char *role, int64_t org,
                     int64_t vol)
{
	char email[64];
	fx_email(&e->srv, role, email, sizeof email);
	fx_account(&e->admin, role, email, org, vol);
	client_init(cl, &e->srv);
	assert_int_equal(client_login(cl, email, FX_PASSWORD), 201);
}

static void people_init(struct env *e, struct people *p)
{
	p->org_a = fx_organisation(&e->admin, "Verzendende organisatie");
	p->org_c = fx_organisation(&e->admin, "Ontvangende organisatie");
	p->vol = fx_volunteer(&e->admin, p->org_a, "active");
	login_as(e, &p->a, "coordinator", p->org_a, 0);
	login_as(e, &p->c, "coordinator", p->org_c, 0);
	login_as(e, &p->self, "volunteer", 0, p->vol);
}

static void people_free(struct people *p)
{
	client_free(&p->a);
	client_free(&p->c);
	client_free(&p->self);
}

static bool mentions(json_t *doc, const char *text)
{
	char *s = json_dumps(doc, JSON_COMPACT);
	bool found = s != NULL && strstr(s, text) != NULL;
	free(s);
	return found;
}

/* The page once copied the candidate's explanation ("Ervaringsdeskundig")
   into the match, for everyone who reads the match to see. */
static void match_keeps_no_explanation_from_the_page(void **state)
{
	struct env *e = *state;
	struct people p;
	char body[200], path[64];
	people_init(e, &p);
	int64_t call = fx_call(&p.a, p.org_a, "Maatje voor lotgenotencontact");
	snprintf(body, sizeof body, "{\"call_id\":%lld,\"volunteer_id\":%lld,"
	         "\"explanation\":\"Ervaringsdeskundig (kanker)\"}", (long long)call,
	         (long long)p.vol);
	json_t *doc = expect(&p.a, "POST", "/api/matches", body, 422);
	assert_problem(&p.a, doc, 422, "explanation");
	json_decref(doc);
	snprintf(body, sizeof body, "{\"call_id\":%lld,\"volunteer_id\":%lld}", (long long)call,
	         (long long)p.vol);
	doc = expect(&p.a, "POST", "/api/matches", body, 201);
	int64_t id = json_id(doc, "id");
	assert_false(mentions(doc, "rvaringsdeskundig"));
	json_decref(doc);
	snprintf(path, sizeof path, "/api/matches/%lld", (long long)id);
	struct client *readers[] = { &e->admin, &p.a, &p.self };
	for (size_t i = 0; i < sizeof readers / sizeof readers[0]; i++) {
		doc = expect(readers[i], "GET", path, NULL, 200);
		assert_false(mentions(doc, "rvaringsdeskundig"));
		assert_false(mentions(doc, "kanker"));
		json_decref(doc);
	}
	people_free(&p);
}

static int64_t propose_transfer(struct people *p)
{
	char body[200];
	snprintf(body, sizeof body, "{\"volunteer_id\":%lld,\"to_organisation_id\":%lld,"
	         "\"message\":\"VERTROUWELIJK: burn-out\"}", (long long)p->vol,
	         (long long)p->org_c);
	json_t *doc = expect(&p->a, "POST", "/api/transfers", body, 201);
	int64_t id = json_id(doc, "id");
	json_decref(doc);
	return id;
}

static void act(struct client *cl, int64_t t, const char *body, long status)
{
	char path[64];
	snprintf(path, sizeof path, "/api/transfers/%lld", (long long)t);
	json_decref(expect(cl, "PATCH", path, body, status));
}

static size_t transfer_tasks(struct client *cl)
{
	json_t *doc = expect(cl, "GET", "/api/tasks?kind=transfer_offered", NULL, 200);
	size_t n = json_array_size(json_object_get(doc, "items"));
	json_decref(doc);
	return n;
}

/* The receiver: nothing in the show, the list or the tasks. */
static void receiver_sees_nothing(struct people *p, int64_t t)
{
	char path[64];
	snprintf(path, sizeof path, "/api/transfers/%lld", (long long)t);
	json_t *doc = expect(&p->c, "GET", path, NULL, 403);
	assert_false(mentions(doc, "VERTROUWELIJK"));
	json_decref(doc);
	doc = expect(&p->c, "GET", "/api/transfers?limit=100", NULL, 200);
	assert_false(list_has_id(doc, t));
	assert_false(mentions(doc, "VERTROUWELIJK"));
	json_decref(doc);
	assert_int_equal(transfer_tasks(&p->c), 0);
}

static void refused_or_withdrawn_transfer_is_gone_for_the_receiver(void **state)
{
	struct env *e = *state;
	struct people p;
	char path[64];
	people_init(e, &p);
	/* Refused by the volunteer before any consent. */
	int64_t t1 = propose_transfer(&p);
	receiver_sees_nothing(&p, t1);
	act(&p.self, t1, "{\"action\":\"refuse\"}", 200);
	receiver_sees_nothing(&p, t1);
	/* Withdrawn by the sender before consent. */
	int64_t t2 = propose_transfer(&p);
	act(&p.a, t2, "{\"action\":\"withdraw\"}", 200);
	receiver_sees_nothing(&p, t2);
	/* Consented, so seen; then withdrawn, and gone again. */
	int64_t t3 = propose_transfer(&p);
	act(&p.self, t3, "{\"action\":\"consent\",\"shared_parts\":[]}", 200);
	snprintf(path, sizeof path, "/api/transfers/%lld", (long long)t3);
	json_decref(expect(&p.c, "GET", path, NULL, 200));
	assert_int_equal(transfer_tasks(&p.c), 1);
	act(&p.a, t3, "{\"action\":\"withdraw\"}", 200);
	receiver_sees_nothing(&p, t3);
	/* The sender and the volunteer keep seeing all three. */
	for (int64_t t = t1; t <= t3; t++) {
		snprintf(path, sizeof path, "/api/transfers/%lld", (long long)t);
		json_decref(expect(&p.a, "GET", path, NULL, 200));
		json_decref(expect(&p.self, "GET", path, NULL, 200));
	}
	people_free(&p);
}

static int64_t audit_total(struct env *e, const char *query)
{
	char path[160];
	snprintf(path, sizeof path, "/api/audit?%s", query);
	return client_total(&e->admin, path);
}

static json_t *find_item(json_t *list, int64_t id)
{
	size_t i;
	json_t *it;
	json_array_foreach(json_object_get(list, "items"), i, it)
		if (json_integer_value(json_object_get(it, "id")) == id)
			return it;
	return NULL;
}

static int64_t referrer_request(struct client *referrer, int64_t org)
{
	char body[512];
	snprintf(body, sizeof body,
	         "{\"title\":\"Mevrouw Jansen, dementie\",\"description\":\"VERTROUWELIJK: "
	         "Dorpsstraat 1, dementie\",\"public_title\":\"Door de verwijzer\","
	         "\"activity\":\"wandelen\",\"place\":\"Dordrecht\",\"dayparts\":[\"mon-morning\"],"
	         "\"organisation_id\":%lld}", (long long)org);
	json_t *doc = expect(referrer, "POST", "/api/calls", body, 201);
	int64_t id = json_id(doc, "id");
	/* The public text is the receiving organisation's to write. */
	assert_string_equal(json_str(doc, "public_title"), "");
	assert_false(json_is_true(json_object_get(doc, "published")));
	json_decref(doc);
	return id;
}

/* Volunteers, in the list, the view and their suggestions. */
static void volunteer_sees(struct people *p, int64_t call, bool published)
{
	char path[80];
	json_t *list = expect(&p->self, "GET", "/api/calls?limit=100", NULL, 200);
	assert_true(list_has_id(list, call) == published);
	assert_false(mentions(list, "VERTROUWELIJK") || mentions(list, "Jansen"));
	json_decref(list);
	list = expect(&p->self, "GET", "/api/calls?limit=100&q=Jansen", NULL, 200);
	assert_false(list_has_id(list, call));
	json_decref(list);
	snprintf(path, sizeof path, "/api/calls/%lld", (long long)call);
	json_t *doc = expect(&p->self, "GET", path, NULL, published ? 200 : 403);
	assert_false(mentions(doc, "VERTROUWELIJK") || mentions(doc, "Jansen"));
	if (published)
		assert_string_equal(json_str(doc, "title"), "Wandelen in Dordrecht");
	json_decref(doc);
	snprintf(path, sizeof path, "/api/volunteers/%lld/suggestions?limit=100", (long long)p->vol);
	doc = expect(&p->self, "GET", path, NULL, 200);
	assert_false(mentions(doc, "VERTROUWELIJK") || mentions(doc, "Jansen"));
	json_decref(doc);
}

static void referrer_request_stays_with_the_receiving_organisation(void **state)
{
	struct env *e = *state;
	struct people p;
	struct client referrer, professional;
	char path[80], body[200];
	people_init(e, &p);
	login_as(e, &referrer, "referrer", 0, 0);
	login_as(e, &professional, "professional", p.org_a, 0);
	int64_t call = referrer_request(&referrer, p.org_a);
	volunteer_sees(&p, call, false);

	/* Lists show no description of a request, and log nothing. */
	int64_t views = audit_total(e, "action=view");
	json_t *list = expect(&p.a, "GET", "/api/calls?limit=100", NULL, 200);
	json_t *row = find_item(list, call);
	assert_non_null(row);
	assert_string_equal(json_str(row, "title"), "Mevrouw Jansen, dementie");
	assert_false(mentions(list, "VERTROUWELIJK"));
	json_decref(list);
	list = expect(&e->admin, "GET", "/api/calls?limit=100", NULL, 200);
	assert_false(mentions(list, "VERTROUWELIJK") || mentions(list, "Jansen"));
	json_decref(list);
	assert_int_equal(audit_total(e, "action=view"), views);

	/* Its staff and the referrer read it, each view logged; the
	   administrator does not. */
	snprintf(path, sizeof path, "/api/calls/%lld", (long long)call);
	struct client *staff[] = { &p.a, &professional, &referrer };
	for (size_t i = 0; i < 3; i++) {
		json_t *doc = expect(staff[i], "GET", path, NULL, 200);
		assert_true(mentions(doc, "VERTROUWELIJK"));
		json_decref(doc);
	}
	assert_int_equal(audit_total(e, "action=view"), views + 3);
	json_t *doc = expect(&e->admin, "GET", path, NULL, 200);
	assert_false(mentions(doc, "VERTROUWELIJK") || mentions(doc, "Jansen"));
	json_decref(doc);
	json_decref(expect(&p.c, "GET", path, NULL, 403));

	/* No match before it is published: a volunteer would see it through it. */
	snprintf(body, sizeof body, "{\"call_id\":%lld,\"volunteer_id\":%lld}", (long long)call,
	         (long long)p.vol);
	doc = expect(&p.a, "POST", "/api/matches", body, 409);
	assert_problem(&p.a, doc, 409, "call_id");
	json_decref(doc);
	snprintf(body, sizeof body, "{\"call_id\":%lld}", (long long)call);
	json_decref(expect(&p.self, "POST", "/api/matches", body, 409));

	/* Published with a text of its own: volunteers see that text only. */
	json_decref(expect(&p.a, "PATCH", path, "{\"public_title\":\"Wandelen in Dordrecht\","
	                                       "\"public_description\":\"Een wandeling per week\"}",
	                   200));
	volunteer_sees(&p, call, true);
	doc = expect(&p.self, "POST", "/api/matches", body, 201);
	assert_string_equal(json_str(doc, "call_title"), "Wandelen in Dordrecht");
	json_decref(doc);
	client_free(&referrer);
	client_free(&professional);
	people_free(&p);
}

/* Lists that name the volunteer: none of them is a view. */
static void list_everywhere(struct people *p, int64_t call)
{
	char path[96];
	snprintf(path, sizeof path, "/api/calls/%lld/candidates?limit=50", (long long)call);
	const char *lists[] = { "/api/volunteers?limit=100", "/api/matches?limit=100",
	                        "/api/journeys?limit=100", "/api/transfers?limit=100", path };
	for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++)
		json_decref(expect(&p->a, "GET", lists[i], NULL, 200));
}

static void who_viewed_my_data_counts_views_not_lists(void **state)
{
	struct env *e = *state;
	struct people p;
	char own[64], audit[96];
	people_init(e, &p);
	int64_t call = fx_call(&p.a, p.org_a, "Wandelmaatje");
	fx_match(&p.a, call, p.vol);
	snprintf(own, sizeof own, "/api/volunteers/%lld", (long long)p.vol);
	snprintf(audit, sizeof audit, "/api/volunteers/%lld/audit", (long long)p.vol);
	int64_t before = client_total(&p.self, audit);
	list_everywhere(&p, call);
	json_decref(expect(&p.self, "GET", own, NULL, 200)); /* one's own view */
	assert_int_equal(client_total(&p.self, audit), before);
	/* Opened twice on one day: one entry of two views. */
	json_decref(expect(&p.a, "GET", own, NULL, 200));
	json_decref(expect(&p.a, "GET", own, NULL, 200));
	json_t *doc = expect(&p.self, "GET", audit, NULL, 200);
	int64_t views = 0;
	size_t i;
	json_t *it;
	json_array_foreach(json_object_get(doc, "items"), i, it) {
		assert_true(json_integer_value(json_object_get(it, "volunteer_id")) == p.vol);
		if (strcmp(json_str(it, "action"), "view") == 0 &&
		    strcmp(json_str(it, "resource"), "volunteer") == 0) {
			views++;
			assert_int_equal(json_id(it, "count"), 2);
			assert_int_equal(json_id(it, "at") % 86400, 0);
		}
	}
	assert_int_equal(views, 1);
	json_decref(doc);
	/* The administrator's search still has every entry. */
	snprintf(audit, sizeof audit, "/api/audit?volunteer_id=%lld&action=view", (long long)p.vol);
	assert_true(client_total(&e->admin, audit) >= 3);
	people_free(&p);
}

static int64_t queue_id(json_t *doc, const char *queue, size_t i)
{
	return json_id(json_array_get(json_object_get(json_object_get(doc, queue), "items"), i),
	               "id");
}

static int64_t queue_total(json_t *doc, const char *queue)
{
	return json_integer_value(json_object_get(json_object_get(doc, queue), "total"));
}

/* The intake queue once listed every applicant the coordinator could see,
   other organisations' volunteers who consented included. */
static void coordinator_queues_are_the_organisations_own(void **state)
{
	struct env *e = *state;
	struct people p;
	char path[96];
	people_init(e, &p);
	/* A's volunteer applies and lets the whole network see her profile. */
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)p.vol);
	json_decref(expect(&e->admin, "PATCH", path, "{\"status\":\"applied\"}", 200));
	snprintf(path, sizeof path, "/api/volunteers/%lld/consent", (long long)p.vol);
	json_decref(expect(&p.self, "PUT", path,
	                   "{\"profile_scope\":\"network\",\"lived_experience\":false,"
	                   "\"text_version\":\"2026-1\"}", 200));
	int64_t first = fx_volunteer(&p.c, p.org_c, "applied");
	int64_t second = fx_volunteer(&p.c, p.org_c, "applied");
	int64_t active = fx_volunteer(&p.c, p.org_c, "active");
	int64_t matched = fx_call(&p.c, p.org_c, "Wandelmaatje");
	int64_t waiting = fx_call(&p.c, p.org_c, "Voorlezen");
	int64_t match = fx_match(&p.c, matched, active);

	json_t *doc = expect(&p.c, "GET", "/api/dashboard", NULL, 200);
	assert_int_equal(queue_total(doc, "applicants"), 2);
	assert_int_equal(queue_id(doc, "applicants", 0), first);
	assert_int_equal(queue_id(doc, "applicants", 1), second);
	assert_int_equal(queue_total(doc, "unmatched_calls"), 1);
	assert_int_equal(queue_id(doc, "unmatched_calls", 0), waiting);
	assert_int_equal(queue_total(doc, "proposals"), 1);
	assert_int_equal(queue_id(doc, "proposals", 0), match);
	json_decref(doc);
	/* The consenting applicant is in C's volunteer list, but not in C's queue. */
	doc = expect(&p.c, "GET", "/api/volunteers?status=applied&limit=100", NULL, 200);
	assert_non_null(find_item(doc, p.vol));
	json_decref(doc);
	/* A's own queue has her; a volunteer has no dashboard. */
	doc = expect(&p.a, "GET", "/api/dashboard", NULL, 200);
	assert_int_equal(queue_total(doc, "applicants"), 1);
	assert_int_equal(queue_id(doc, "applicants", 0), p.vol);
	json_decref(doc);
	json_decref(expect(&p.self, "GET", "/api/dashboard", NULL, 403));
	people_free(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(match_keeps_no_explanation_from_the_page),
		cmocka_unit_test(refused_or_withdrawn_transfer_is_gone_for_the_receiver),
		cmocka_unit_test(referrer_request_stays_with_the_receiving_organisation),
		cmocka_unit_test(who_viewed_my_data_counts_views_not_lists),
		cmocka_unit_test(coordinator_queues_are_the_organisations_own),
	};
	return cmocka_run_group_tests_name("workflow", tests, env_setup, env_teardown);
}
