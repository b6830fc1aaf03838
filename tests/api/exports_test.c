/*
 * Exports of the lists as CSV and .xlsx through the API on a real server:
 * a coordinator's volunteers export holds exactly the rows of their list
 * (their own organisation's volunteers, not another's), a volunteer's holds
 * only themself; the header is the list's fields; a help request's
 * confidential title reaches the export of the receiving coordinator but
 * not that of a coordinator of another organisation, who sees it only by its
 * public title; a formula-like value leaves as text; an .xlsx export is a
 * real workbook; a caller without the list gets no export either.
 */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct export_fx {
	int64_t org, other, vol, other_vol;
	struct client co, other_co, self;
};

static void setup_fx(struct env *e, struct export_fx *f)
{
	f->org = fx_organisation(&e->admin, "Exportorganisatie");
	f->other = fx_organisation(&e->admin, "Andere exportorganisatie");
	f->vol = fx_volunteer(&e->admin, f->org, "active");
	fx_volunteer(&e->admin, f->org, "applied");
	f->other_vol = fx_volunteer(&e->admin, f->other, "active");
	fx_login(e, &f->co, "coordinator", f->org, 0);
	fx_login(e, &f->other_co, "coordinator", f->other, 0);
	fx_login(e, &f->self, "volunteer", 0, f->vol);
}

static void free_fx(struct export_fx *f)
{
	client_free(&f->co);
	client_free(&f->other_co);
	client_free(&f->self);
}

/* GET path as cl; the answer's text (owned by cl) after checking status. */
static const char *fetch(struct client *cl, const char *path, long status)
{
	long got = 0;
	json_decref(client_request(cl, "GET", path, NULL, &got));
	if (got != status)
		fail_msg("GET %s: expected %ld, got %ld", path, status, got);
	return cl->raw ? cl->raw : "";
}

static int lines_of(const char *s)
{
	int n = 0;
	for (; *s; s++)
		n += *s == '\n';
	return n;
}

/* Whether a CSV row starting with "id;" exists for id. */
static bool has_row(const char *csv, int64_t id)
{
	char key[32];
	snprintf(key, sizeof key, "\n%lld;", (long long)id);
	return strstr(csv, key) != NULL;
}

static void test_rows_are_those_of_the_list(void **state)
{
	struct env *e = *state;
	struct export_fx f;
	setup_fx(e, &f);
	const char *csv = fetch(&f.co, "/api/volunteers.csv", 200);
	assert_memory_equal(csv, "\xef\xbb\xbfid;organisation_id;first_name;last_name;email;", 44);
	assert_string_equal(f.co.content_type, "text/csv; charset=utf-8");
	int64_t listed = client_total(&f.co, "/api/volunteers");
	csv = fetch(&f.co, "/api/volunteers.csv", 200);
	assert_int_equal(lines_of(csv), listed + 1);
	assert_true(has_row(csv, f.vol));
	assert_false(has_row(csv, f.other_vol));

	csv = fetch(&f.self, "/api/volunteers.csv", 200);
	assert_int_equal(lines_of(csv), 2);
	assert_true(has_row(csv, f.vol));

	/* a list filter narrows the export the same way */
	listed = client_total(&f.co, "/api/volunteers?status=applied");
	csv = fetch(&f.co, "/api/volunteers.csv?status=applied", 200);
	assert_int_equal(lines_of(csv), listed + 1);
	assert_false(has_row(csv, f.vol));
	free_fx(&f);
}

static void test_help_request_text_and_formulas(void **state)
{
	struct env *e = *state;
	struct export_fx f;
	char email[64], body[320];
	setup_fx(e, &f);
	fx_email(&e->srv, "verwijzer", email, sizeof email);
	fx_account(&e->admin, "referrer", email, 0, 0);
	struct client ref;
	client_init(&ref, &e->srv);
	assert_int_equal(client_login(&ref, email, FX_PASSWORD), 201);
	snprintf(body, sizeof body, "{\"title\":\"=Mevrouw Jansen, dementie\",\"activity\":"
	         "\"wandelen\",\"place\":\"Dordrecht\",\"dayparts\":[\"mon-morning\"],"
	         "\"organisation_id\":%lld,\"public_title\":\"Wandelmaatje gezocht\"}",
	         (long long)f.org);
	json_t *doc = expect(&ref, "POST", "/api/calls", body, 201);
	json_decref(doc);
	const char *csv = fetch(&f.co, "/api/calls.csv", 200);
	assert_non_null(strstr(csv, ";'=Mevrouw Jansen, dementie;"));
	csv = fetch(&f.other_co, "/api/calls.csv", 200);
	assert_null(strstr(csv, "Jansen"));
	csv = fetch(&f.self, "/api/calls.csv", 200);
	assert_null(strstr(csv, "Jansen"));
	client_free(&ref);
	free_fx(&f);
}

static void test_xlsx_and_refusals(void **state)
{
	struct env *e = *state;
	struct export_fx f;
	setup_fx(e, &f);
	const char *x = fetch(&f.co, "/api/hours.xlsx", 200);
	assert_string_equal(f.co.content_type,
	                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	assert_true(f.co.raw_len > 1000);
	assert_memory_equal(x, "PK\x03\x04", 4);
	x = fetch(&f.co, "/api/volunteers.xlsx", 200);
	assert_memory_equal(x, "PK\x03\x04", 4);
	fetch(&f.co, "/api/matches.csv", 200);
	struct client anon;
	client_init(&anon, &e->srv);
	fetch(&anon, "/api/volunteers.csv", 401);
	client_free(&anon);
	fetch(&f.co, "/api/volunteers.csv?status=nonsense", 400);
	free_fx(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows_are_those_of_the_list),
		cmocka_unit_test(test_help_request_text_and_formulas),
		cmocka_unit_test(test_xlsx_and_refusals),
	};
	return cmocka_run_group_tests(tests, env_setup, env_teardown);
}
