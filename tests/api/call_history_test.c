/* /api/calls/{id}: editing a call keeps its history, GET
   /api/calls/{id}/history: its posting and every edit, newest first, with
   the fields each changed, who made it and the new status. */
#include "support.h"

#include <stdio.h>
#include <string.h>

static json_t *history(struct client *cl, int64_t call, long status)
{
	char path[64];
	snprintf(path, sizeof path, "/api/calls/%lld/history", (long long)call);
	return expect(cl, "GET", path, NULL, status);
}

static json_t *edit(struct client *cl, int64_t call, const char *body, long status)
{
	char path[64];
	snprintf(path, sizeof path, "/api/calls/%lld", (long long)call);
	return expect(cl, "PATCH", path, body, status);
}

static size_t lines(json_t *doc)
{
	return json_array_size(json_object_get(doc, "items"));
}

static json_t *line(json_t *doc, size_t i)
{
	return json_array_get(json_object_get(doc, "items"), i);
}

static void edits_are_kept_newest_first(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Geschiedenis");
	char email[64];
	fx_email(&e->srv, "pro", email, sizeof email);
	fx_account(&e->admin, "professional", email, org, 0);
	struct client pro;
	client_init(&pro, &e->srv);
	assert_int_equal(client_login(&pro, email, FX_PASSWORD), 201);
	int64_t call = fx_call(&pro, 0, "Wandelmaatje");

	json_t *doc = history(&pro, call, 200);
	assert_int_equal(lines(doc), 1);
	assert_int_equal(json_array_size(json_object_get(line(doc, 0), "fields")), 0);
	assert_string_equal(json_str(line(doc, 0), "actor_name"), email);
	json_decref(doc);

	json_decref(edit(&pro, call, "{\"description\":\"Elke woensdag\",\"volunteers_needed\":2}",
	                 200));
	json_decref(edit(&pro, call, "{\"description\":\"Elke woensdag\"}", 200)); /* no change */
	json_decref(edit(&e->admin, call, "{\"status\":\"cancelled\"}", 200));
	doc = history(&pro, call, 200);
	assert_int_equal(lines(doc), 3);
	json_t *last = line(doc, 0), *mid = line(doc, 1);
	assert_string_equal(json_str(last, "status"), "cancelled");
	assert_int_equal(json_integer_value(json_object_get(last, "version")), 3);
	assert_true(json_str(last, "actor_name")[0] != '\0'); /* the administrator */
	assert_string_equal(json_str(mid, "actor_name"), email);
	assert_true(json_is_null(json_object_get(mid, "status")));
	json_t *fields = json_object_get(mid, "fields");
	assert_int_equal(json_array_size(fields), 2);
	assert_string_equal(json_string_value(json_array_get(fields, 0)), "description");
	assert_string_equal(json_string_value(json_array_get(fields, 1)), "volunteers_needed");
	json_decref(doc);

	/* Undone: open again, one more line. */
	json_decref(edit(&pro, call, "{\"status\":\"open\"}", 200));
	doc = history(&pro, call, 200);
	assert_int_equal(lines(doc), 4);
	assert_string_equal(json_str(line(doc, 0), "status"), "open");
	json_decref(doc);
	client_free(&pro);
}

static void refused_edit_leaves_no_line(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Tegelijk");
	int64_t call = fx_call(&e->admin, org, "Voorlezen");
	json_decref(edit(&e->admin, call, "{\"description\":\"Eerste\"}", 200));
	/* From version 1, the description changed meanwhile: refused. */
	json_decref(edit(&e->admin, call, "{\"description\":\"Tweede\",\"version\":1}", 409));
	json_decref(edit(&e->admin, call, "{\"title\":\"\"}", 422));
	json_t *doc = history(&e->admin, call, 200);
	assert_int_equal(lines(doc), 2);
	json_decref(doc);
}

static void only_who_may_edit_reads_it(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Eigen");
	int64_t other = fx_organisation(&e->admin, "Ander");
	int64_t call = fx_call(&e->admin, org, "Boodschappen");
	int64_t vol = fx_volunteer(&e->admin, org, "active");
	char email[64];
	fx_email(&e->srv, "vrw", email, sizeof email);
	fx_account(&e->admin, "volunteer", email, 0, vol);
	struct client cl;
	client_init(&cl, &e->srv);
	assert_int_equal(client_login(&cl, email, FX_PASSWORD), 201);
	json_decref(history(&cl, call, 403));
	client_free(&cl);
	fx_email(&e->srv, "ander", email, sizeof email);
	fx_account(&e->admin, "coordinator", email, other, 0);
	client_init(&cl, &e->srv);
	assert_int_equal(client_login(&cl, email, FX_PASSWORD), 201);
	json_decref(history(&cl, call, 403));
	json_decref(history(&cl, 999999, 404));
	client_free(&cl);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(edits_are_kept_newest_first),
		cmocka_unit_test(refused_edit_leaves_no_line),
		cmocka_unit_test(only_who_may_edit_reads_it),
	};
	return cmocka_run_group_tests_name("call_history", tests, env_setup, env_teardown);
}
