/* /api/volunteers/{id}/notes: a coordinator's private notes and contact log.
   For the staff of the volunteer's organisation only, never for the
   volunteer on a page, but in her export and gone with her erasure. */
#include "support.h"

#include <stdio.h>
#include <string.h>

struct people {
	int64_t org, vol;
	struct client coord, me;
	char path[96];
};

static void make_people(struct env *e, struct people *p)
{
	char email[64];
	p->org = fx_organisation(&e->admin, "Notities");
	p->vol = fx_volunteer(&e->admin, p->org, "active");
	fx_email(&e->srv, "coord", email, sizeof email);
	fx_account(&e->admin, "coordinator", email, p->org, 0);
	client_init(&p->coord, &e->srv);
	assert_int_equal(client_login(&p->coord, email, FX_PASSWORD), 201);
	fx_email(&e->srv, "vrw", email, sizeof email);
	fx_account(&e->admin, "volunteer", email, 0, p->vol);
	client_init(&p->me, &e->srv);
	assert_int_equal(client_login(&p->me, email, FX_PASSWORD), 201);
	snprintf(p->path, sizeof p->path, "/api/volunteers/%lld/notes", (long long)p->vol);
}

static void free_people(struct people *p)
{
	client_free(&p->coord);
	client_free(&p->me);
}

static void coordinator_keeps_notes_and_contacts(void **state)
{
	struct env *e = *state;
	struct people p;
	make_people(e, &p);
	json_t *doc = expect(&p.coord, "POST", p.path,
	                     "{\"kind\":\"note\",\"body\":\"Wil liever met ouderen werken\"}", 201);
	assert_string_equal(json_str(doc, "kind"), "note");
	assert_true(json_is_null(json_object_get(doc, "channel")));
	json_decref(doc);
	doc = expect(&p.coord, "POST", p.path,
	             "{\"kind\":\"contact\",\"channel\":\"phone\",\"happened_on\":\"2026-01-05\","
	             "\"body\":\"Gebeld over de VOG\"}", 201);
	assert_string_equal(json_str(doc, "channel"), "phone");
	assert_string_equal(json_str(doc, "happened_on"), "2026-01-05");
	json_decref(doc);

	doc = expect(&p.coord, "GET", p.path, NULL, 200);
	json_t *items = json_object_get(doc, "items");
	assert_int_equal(json_array_size(items), 2);
	assert_string_equal(json_str(json_array_get(items, 0), "body"), "Gebeld over de VOG");
	assert_true(json_str(json_array_get(items, 0), "author_name")[0] != '\0');
	json_decref(doc);

	/* The volunteer does not read them on a page, but her export has them. */
	json_decref(expect(&p.me, "GET", p.path, NULL, 403));
	json_decref(expect(&p.me, "POST", p.path, "{\"kind\":\"note\",\"body\":\"x\"}", 403));
	char path[96];
	snprintf(path, sizeof path, "/api/volunteers/%lld/export", (long long)p.vol);
	doc = expect(&p.me, "GET", path, NULL, 200);
	assert_int_equal(json_array_size(json_object_get(doc, "notes")), 2);
	json_decref(doc);
	free_people(&p);
}

static void bad_notes_name_their_field_and_write_nothing(void **state)
{
	struct env *e = *state;
	struct people p;
	make_people(e, &p);
	uint64_t before = db_fingerprint(&e->srv);
	json_t *doc = expect(&p.coord, "POST", p.path,
	                     "{\"kind\":\"contact\",\"happened_on\":\"2026-01-05\","
	                     "\"body\":\"x\"}", 422);
	assert_problem(&p.coord, doc, 422, "channel");
	json_decref(doc);
	doc = expect(&p.coord, "POST", p.path,
	             "{\"kind\":\"contact\",\"channel\":\"email\",\"happened_on\":\"2999-01-01\","
	             "\"body\":\"x\"}", 422);
	assert_problem(&p.coord, doc, 422, "happened_on");
	json_decref(doc);
	doc = expect(&p.coord, "POST", p.path, "{\"kind\":\"note\",\"body\":\"\"}", 422);
	assert_problem(&p.coord, doc, 422, "body");
	json_decref(doc);
	doc = expect(&p.coord, "POST", p.path, "{\"kind\":\"gerucht\",\"body\":\"x\"}", 422);
	assert_problem(&p.coord, doc, 422, "kind");
	json_decref(doc);
	assert_true(db_fingerprint(&e->srv) == before);
	free_people(&p);
}

static void erased_with_the_person(void **state)
{
	struct env *e = *state;
	struct people p;
	make_people(e, &p);
	json_decref(expect(&p.coord, "POST", p.path, "{\"kind\":\"note\",\"body\":\"Privé\"}", 201));
	int64_t before = count_rows(&e->srv, "volunteer_notes");
	char path[96];
	snprintf(path, sizeof path, "/api/volunteers/%lld/erasure", (long long)p.vol);
	json_decref(expect(&e->admin, "POST", path, "{\"reason\":\"verzoek\"}", 200));
	assert_int_equal(count_rows(&e->srv, "volunteer_notes"), before - 1);
	json_t *doc = expect(&e->admin, "GET", p.path, NULL, 200);
	assert_int_equal(json_array_size(json_object_get(doc, "items")), 0);
	json_decref(doc);
	free_people(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(coordinator_keeps_notes_and_contacts),
		cmocka_unit_test(bad_notes_name_their_field_and_write_nothing),
		cmocka_unit_test(erased_with_the_person),
	};
	return cmocka_run_group_tests_name("notes", tests, env_setup, env_teardown);
}
