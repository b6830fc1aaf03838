/* GET /api/vog-overview: the organisation's volunteers whose VOG expired or
   expires within the weeks asked for, by the organisation's own validity;
   stopped volunteers and other organisations' are left out. */
#include "support.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

/* "YYYY-MM-DD" of today plus days (negative: ago), in UTC as the server. */
static void date_in(int days, char out[11])
{
	time_t t = time(NULL) + (time_t)days * 86400;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

static int64_t holder(struct client *admin, int64_t org, const char *status, int days)
{
	int64_t id = fx_volunteer(admin, org, status);
	char path[64], body[64], date[11];
	date_in(days, date);
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)id);
	snprintf(body, sizeof body, "{\"vog_date\":\"%s\"}", date);
	json_decref(expect(admin, "PATCH", path, body, 200));
	return id;
}

static json_t *overview(struct client *cl, int64_t org, const char *weeks, long status)
{
	char path[96];
	snprintf(path, sizeof path, "/api/vog-overview?organisation_id=%lld%s%s", (long long)org,
	         weeks ? "&weeks=" : "", weeks ? weeks : "");
	return expect(cl, "GET", path, NULL, status);
}

static int64_t row_id(json_t *doc, size_t i)
{
	return json_integer_value(
		json_object_get(json_array_get(json_object_get(doc, "items"), i), "volunteer_id"));
}

static void expired_and_expiring_by_the_organisations_validity(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "VOG");
	char path[64];
	snprintf(path, sizeof path, "/api/organisations/%lld", (long long)org);
	json_decref(expect(&e->admin, "PATCH", path, "{\"vog_max_age_months\":12}", 200));
	int64_t old = holder(&e->admin, org, "active", -400);   /* expired a month ago */
	int64_t soon = holder(&e->admin, org, "paused", -344);  /* expires in about 3 weeks */
	holder(&e->admin, org, "active", -30);                   /* valid for long */
	holder(&e->admin, org, "stopped", -500);                 /* stopped: not asked */
	holder(&e->admin, fx_organisation(&e->admin, "Ander"), "active", -500);

	json_t *doc = overview(&e->admin, org, NULL, 200); /* 8 weeks by default */
	assert_int_equal(json_integer_value(json_object_get(doc, "max_age_months")), 12);
	assert_int_equal(json_array_size(json_object_get(doc, "items")), 2);
	assert_int_equal(row_id(doc, 0), old);
	assert_int_equal(row_id(doc, 1), soon);
	json_t *first = json_array_get(json_object_get(doc, "items"), 0);
	json_t *second = json_array_get(json_object_get(doc, "items"), 1);
	assert_true(json_is_true(json_object_get(first, "expired")));
	assert_true(json_is_false(json_object_get(second, "expired")));
	assert_true(strcmp(json_str(second, "expires_on"), json_str(doc, "today")) > 0);
	json_decref(doc);

	doc = overview(&e->admin, org, "2", 200); /* two weeks: only the expired one */
	assert_int_equal(json_array_size(json_object_get(doc, "items")), 1);
	assert_int_equal(row_id(doc, 0), old);
	json_decref(doc);
	json_decref(overview(&e->admin, org, "200", 400));
}

static void coordinators_see_their_own(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Eigen VOG");
	int64_t other = fx_organisation(&e->admin, "Andere VOG");
	int64_t old = holder(&e->admin, org, "active", -2000);
	char email[64];
	fx_email(&e->srv, "coord", email, sizeof email);
	fx_account(&e->admin, "coordinator", email, org, 0);
	struct client coord;
	client_init(&coord, &e->srv);
	assert_int_equal(client_login(&coord, email, FX_PASSWORD), 201);
	json_t *doc = expect(&coord, "GET", "/api/vog-overview", NULL, 200);
	assert_int_equal(json_array_size(json_object_get(doc, "items")), 1);
	assert_int_equal(row_id(doc, 0), old);
	json_decref(doc);
	doc = overview(&coord, other, NULL, 403);
	assert_problem(&coord, doc, 403, "organisation_id");
	json_decref(doc);
	client_free(&coord);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(expired_and_expiring_by_the_organisations_validity),
		cmocka_unit_test(coordinators_see_their_own),
	};
	return cmocka_run_group_tests_name("vog", tests, env_setup, env_teardown);
}
