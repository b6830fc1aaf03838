/* /api/matches: who works together. Before the volunteer says yes, the care
   professional of the call's organisation sees no name; once she has, the
   professional sees her name and contact details and she sees whom to
   contact. A list carries the same as a read, without a request per row. */
#include "support.h"

#include <stdio.h>
#include <string.h>

struct pair {
	int64_t org, call, vol, match;
	char pro_email[64], vol_email[64];
	struct client pro, me;
};

static void step(struct client *cl, int64_t id, const char *body)
{
	char path[64];
	snprintf(path, sizeof path, "/api/matches/%lld", (long long)id);
	json_decref(expect(cl, "PATCH", path, body, 200));
}

/* A professional posts a call; the coordinator (admin) proposes a volunteer. */
static void make_pair(struct env *e, struct pair *p)
{
	char path[64];
	p->org = fx_organisation(&e->admin, "Samen");
	snprintf(path, sizeof path, "/api/organisations/%lld", (long long)p->org);
	json_decref(expect(&e->admin, "PATCH", path, "{\"phone\":\"078 123 45 67\"}", 200));
	fx_email(&e->srv, "pro", p->pro_email, sizeof p->pro_email);
	fx_account(&e->admin, "professional", p->pro_email, p->org, 0);
	client_init(&p->pro, &e->srv);
	assert_int_equal(client_login(&p->pro, p->pro_email, FX_PASSWORD), 201);
	p->call = fx_call(&p->pro, 0, "Wandelmaatje");
	p->vol = fx_volunteer(&e->admin, p->org, "active");
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)p->vol);
	json_decref(expect(&e->admin, "PATCH", path, "{\"phone\":\"06 1234 5678\"}", 200));
	fx_email(&e->srv, "vol", p->vol_email, sizeof p->vol_email);
	fx_account(&e->admin, "volunteer", p->vol_email, 0, p->vol);
	client_init(&p->me, &e->srv);
	assert_int_equal(client_login(&p->me, p->vol_email, FX_PASSWORD), 201);
	p->match = fx_match(&e->admin, p->call, p->vol);
}

static void free_pair(struct pair *p)
{
	client_free(&p->pro);
	client_free(&p->me);
}

/* The match as cl sees it, read alone and in the call's list: both agree. */
static json_t *seen_by(struct client *cl, const struct pair *p)
{
	char path[96];
	snprintf(path, sizeof path, "/api/matches?call_id=%lld", (long long)p->call);
	json_t *list = expect(cl, "GET", path, NULL, 200);
	json_t *row = json_array_get(json_object_get(list, "items"), 0);
	assert_non_null(row);
	snprintf(path, sizeof path, "/api/matches/%lld", (long long)p->match);
	json_t *one = expect(cl, "GET", path, NULL, 200);
	const char *keys[] = { "call_title", "volunteer_name", "volunteer_phone", "contact" };
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		assert_true(json_equal(json_object_get(row, keys[i]), json_object_get(one, keys[i])));
	json_incref(row);
	json_decref(list);
	json_decref(one);
	return row;
}

static void nobody_named_before_yes(void **state)
{
	struct env *e = *state;
	struct pair p;
	make_pair(e, &p);
	step(&e->admin, p.match, "{\"status\":\"contacted\"}");

	json_t *m = seen_by(&p.pro, &p);
	assert_string_equal(json_str(m, "call_title"), "Wandelmaatje");
	assert_true(json_is_null(json_object_get(m, "volunteer_name")));
	assert_true(json_is_null(json_object_get(m, "volunteer_phone")));
	assert_true(json_is_null(json_object_get(m, "volunteer_email")));
	assert_true(json_is_null(json_object_get(m, "contact")));
	json_decref(m);

	/* The volunteer knows her own name, not yet whom to contact. */
	m = seen_by(&p.me, &p);
	assert_non_null(strstr(json_str(m, "volunteer_name"), "de Vries"));
	assert_true(json_is_null(json_object_get(m, "contact")));
	json_decref(m);

	/* The coordinator arranges it and knows both sides from the start. */
	m = seen_by(&e->admin, &p);
	assert_non_null(strstr(json_str(m, "volunteer_name"), "de Vries"));
	assert_string_equal(json_str(m, "volunteer_phone"), "06 1234 5678");
	json_decref(m);
	free_pair(&p);
}

/* Nor do a call's candidates name anyone to the professional. */
static void candidates_nameless_for_the_professional(void **state)
{
	struct env *e = *state;
	struct pair p;
	make_pair(e, &p);
	int64_t call = fx_call(&p.pro, 0, "Wandelmaatje");
	char path[64];
	snprintf(path, sizeof path, "/api/calls/%lld/candidates", (long long)call);
	json_t *cand = expect(&e->admin, "GET", path, NULL, 200);
	json_t *row = json_array_get(json_object_get(cand, "items"), 0);
	assert_non_null(row);
	assert_string_equal(json_str(row, "last_name"), "de Vries");
	json_decref(cand);
	cand = expect(&p.pro, "GET", path, NULL, 200);
	row = json_array_get(json_object_get(cand, "items"), 0);
	assert_non_null(row);
	assert_true(json_is_null(json_object_get(row, "first_name")));
	assert_true(json_is_null(json_object_get(row, "last_name")));
	json_decref(cand);
	free_pair(&p);
}

static void both_sides_named_after_yes(void **state)
{
	struct env *e = *state;
	struct pair p;
	make_pair(e, &p);
	step(&e->admin, p.match, "{\"status\":\"contacted\"}");
	step(&p.me, p.match, "{\"status\":\"accepted\"}");

	json_t *m = seen_by(&p.pro, &p);
	assert_non_null(strstr(json_str(m, "volunteer_name"), "de Vries"));
	assert_string_equal(json_str(m, "volunteer_phone"), "06 1234 5678");
	assert_string_equal(json_str(m, "volunteer_email"), p.vol_email);
	json_decref(m);

	m = seen_by(&p.me, &p);
	json_t *contact = json_object_get(m, "contact");
	assert_string_equal(json_str(contact, "name"), p.pro_email); /* its display name */
	assert_string_equal(json_str(contact, "email"), p.pro_email);
	assert_string_equal(json_str(contact, "phone"), "078 123 45 67");
	json_decref(m);

	/* Her export names the call, not only its number. */
	char path[64];
	snprintf(path, sizeof path, "/api/volunteers/%lld/export", (long long)p.vol);
	m = expect(&p.me, "GET", path, NULL, 200);
	assert_string_equal(json_str(json_array_get(json_object_get(m, "matches"), 0), "call_title"),
	                    "Wandelmaatje");
	json_decref(m);

	/* They keep knowing each other while it runs and after it ended. */
	step(&p.pro, p.match, "{\"status\":\"active\"}");
	step(&e->admin, p.match, "{\"status\":\"ended\",\"reason\":\"Klaar\"}");
	m = seen_by(&p.pro, &p);
	assert_non_null(strstr(json_str(m, "volunteer_name"), "de Vries"));
	json_decref(m);
	free_pair(&p);
}

static void declined_stays_anonymous(void **state)
{
	struct env *e = *state;
	struct pair p;
	make_pair(e, &p);
	step(&e->admin, p.match, "{\"status\":\"contacted\"}");
	step(&p.me, p.match, "{\"status\":\"declined\",\"reason\":\"Geen tijd\"}");
	json_t *m = seen_by(&p.pro, &p);
	assert_true(json_is_null(json_object_get(m, "volunteer_name")));
	json_decref(m);
	m = seen_by(&p.me, &p);
	assert_true(json_is_null(json_object_get(m, "contact")));
	json_decref(m);
	free_pair(&p);
}

/* A call posted by the coordinator, or a referrer's request: the
   organisation is the contact, with its own address. */
static void organisation_is_contact_without_staff_author(void **state)
{
	struct env *e = *state;
	struct pair p;
	make_pair(e, &p);
	int64_t call = fx_call(&e->admin, p.org, "Boodschappen");
	int64_t id = fx_match(&e->admin, call, p.vol);
	step(&e->admin, id, "{\"status\":\"contacted\"}");
	step(&p.me, id, "{\"status\":\"accepted\"}");
	char path[64];
	snprintf(path, sizeof path, "/api/matches/%lld", (long long)id);
	json_t *m = expect(&p.me, "GET", path, NULL, 200);
	json_t *contact = json_object_get(m, "contact");
	assert_non_null(strstr(json_str(contact, "name"), "Samen"));
	assert_string_equal(json_str(contact, "phone"), "078 123 45 67");
	assert_string_equal(json_str(m, "call_title"), "Boodschappen");
	json_decref(m);
	free_pair(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(nobody_named_before_yes),
		cmocka_unit_test(candidates_nameless_for_the_professional),
		cmocka_unit_test(both_sides_named_after_yes),
		cmocka_unit_test(declined_stays_anonymous),
		cmocka_unit_test(organisation_is_contact_without_staff_author),
	};
	return cmocka_run_group_tests_name("match_people", tests, env_setup, env_teardown);
}
