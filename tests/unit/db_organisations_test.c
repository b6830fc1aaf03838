/* Tests for src/db/organisations.c against a real SQLite file: every field
   round trips, updates, lists with filters and page totals. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "db_fixture.h"

static void round_trip_all_fields(void **state)
{
	struct fixture *f = *state;
	struct kp_error err = { 0 };
	struct organisation o, got;
	organisation_init(&o);
	o.network_id = f->network;
	snprintf(o.name, sizeof o.name, "Stichting Mantelzorg & Coöperatie 'De Brug'");
	o.kind = ORG_INFORMAL_CARE;
	snprintf(o.municipality, sizeof o.municipality, "Hendrik-Ido-Ambacht");
	o.employees = 37;
	o.vog_max_age_months = 12;
	snprintf(o.email, sizeof o.email, "info@debrug.nl");
	snprintf(o.phone, sizeof o.phone, "078-1234567");
	snprintf(o.website, sizeof o.website, "https://debrug.nl");
	snprintf(o.description, sizeof o.description, "Regel 1\nRegel 2 — €5 vergoeding");
	o.active = 0;
	o.created_at = 1700000000;
	o.updated_at = 1700000001;
	assert_int_equal(store_organisation_insert(f->db, &o, &err), KP_OK);
	assert_true(o.id > 0);
	memset(&got, 0x5a, sizeof got);
	assert_int_equal(store_organisation_get(f->db, o.id, &got, &err), KP_OK);
	assert_int_equal(got.id, o.id);
	assert_int_equal(got.network_id, f->network);
	assert_string_equal(got.name, o.name);
	assert_int_equal(got.kind, ORG_INFORMAL_CARE);
	assert_string_equal(got.municipality, o.municipality);
	assert_int_equal(got.employees, 37);
	assert_int_equal(got.vog_max_age_months, 12);
	assert_string_equal(got.email, o.email);
	assert_string_equal(got.phone, o.phone);
	assert_string_equal(got.website, o.website);
	assert_string_equal(got.description, o.description);
	assert_int_equal(got.active, 0);
	assert_int_equal(got.created_at, 1700000000);
	assert_int_equal(got.updated_at, 1700000001);
}

static void update_and_missing(void **state)
{
	struct fixture *f = *state;
	struct kp_error err = { 0 };
	struct organisation o;
	assert_int_equal(store_organisation_get(f->db, f->org, &o, &err), KP_OK);
	o.employees = 250;
	o.kind = ORG_CARE_PROVIDER;
	snprintf(o.name, sizeof o.name, "Humanitas Drechtsteden");
	assert_int_equal(store_organisation_update(f->db, &o, &err), KP_OK);
	struct organisation got;
	assert_int_equal(store_organisation_get(f->db, f->org, &got, &err), KP_OK);
	assert_int_equal(got.employees, 250);
	assert_int_equal(got.kind, ORG_CARE_PROVIDER);
	assert_string_equal(got.name, "Humanitas Drechtsteden");
	assert_int_equal(store_organisation_get(f->db, 424242, &got, &err), KP_ERR);
	assert_int_equal(err.kind, KP_NOT_FOUND);
	assert_string_equal(err.code, "not_found");
	/* an update of a record that is not there is a 404, not a silent success */
	memset(&err, 0, sizeof err);
	o.id = 424242;
	assert_int_equal(store_organisation_update(f->db, &o, &err), KP_ERR);
	assert_int_equal(err.kind, KP_NOT_FOUND);
}

struct collected {
	int n;
	int64_t ids[64];
	char names[64][80];
};

static int collect(void *ctx, const struct organisation *o)
{
	struct collected *c = ctx;
	if (c->n < 64) {
		c->ids[c->n] = o->id;
		snprintf(c->names[c->n], sizeof c->names[0], "%.79s", o->name);
	}
	c->n++;
	return 0;
}

static void list_filters_and_pages(void **state)
{
	struct fixture *f = *state;
	struct kp_error err = { 0 };
	char name[64];
	for (int i = 0; i < 12; i++) {
		snprintf(name, sizeof name, "Buurtkracht %02d", i);
		fixture_org(f, name, i % 3 == 0 ? "Sliedrecht" : "Papendrecht");
	}
	struct list_filter lf;
	list_filter_init(&lf);
	struct collected c = { 0 };
	int64_t total = -1;
	assert_int_equal(store_organisation_list(f->db, &lf, (struct page){ 50, 0 }, collect, &c,
	                                         &total, &err), KP_OK);
	assert_int_equal(total, 14);
	assert_int_equal(c.n, 14);
	/* ordered by name */
	for (int i = 1; i < c.n; i++)
		assert_true(strcmp(c.names[i - 1], c.names[i]) <= 0);

	memset(&c, 0, sizeof c);
	assert_int_equal(store_organisation_list(f->db, &lf, (struct page){ 5, 10 }, collect, &c,
	                                         &total, &err), KP_OK);
	assert_int_equal(total, 14);   /* the total ignores the page */
	assert_int_equal(c.n, 4);

	memset(&c, 0, sizeof c);
	assert_int_equal(store_organisation_list(f->db, &lf, (struct page){ 5, 100 }, collect, &c,
	                                         &total, &err), KP_OK);
	assert_int_equal(total, 14);
	assert_int_equal(c.n, 0);

	lf.place = "sliedrecht";
	memset(&c, 0, sizeof c);
	assert_int_equal(store_organisation_list(f->db, &lf, (struct page){ 50, 0 }, collect, &c,
	                                         &total, &err), KP_OK);
	assert_int_equal(total, 4);
	assert_int_equal(c.n, 4);

	list_filter_init(&lf);
	lf.q = "BUURTKRACHT 1";
	memset(&c, 0, sizeof c);
	assert_int_equal(store_organisation_list(f->db, &lf, (struct page){ 50, 0 }, collect, &c,
	                                         &total, &err), KP_OK);
	assert_int_equal(total, 2);
	assert_string_equal(c.names[0], "Buurtkracht 10");

	list_filter_init(&lf);
	lf.organisation_id = f->org2;
	memset(&c, 0, sizeof c);
	assert_int_equal(store_organisation_list(f->db, &lf, (struct page){ 50, 0 }, collect, &c,
	                                         &total, &err), KP_OK);
	assert_int_equal(total, 1);
	assert_int_equal(c.ids[0], f->org2);
}

static void list_search_is_literal(void **state)
{
	struct fixture *f = *state;
	struct kp_error err = { 0 };
	fixture_org(f, "100% Vrijwillig", "Dordrecht");
	struct list_filter lf;
	list_filter_init(&lf);
	lf.q = "%";
	struct collected c = { 0 };
	int64_t total = -1;
	assert_int_equal(store_organisation_list(f->db, &lf, (struct page){ 50, 0 }, collect, &c,
	                                         &total, &err), KP_OK);
	/* "%" is a character to search for, not a wildcard matching everything */
	assert_int_equal(total, 1);
	assert_string_equal(c.names[0], "100% Vrijwillig");
	lf.q = "_";
	memset(&c, 0, sizeof c);
	assert_int_equal(store_organisation_list(f->db, &lf, (struct page){ 50, 0 }, collect, &c,
	                                         &total, &err), KP_OK);
	assert_int_equal(total, 0);
}

static int stop(void *ctx, const struct organisation *o)
{
	(void)ctx;
	(void)o;
	return 1;
}

static void callback_failure_is_reported(void **state)
{
	struct fixture *f = *state;
	struct kp_error err = { 0 };
	struct list_filter lf;
	list_filter_init(&lf);
	int64_t total;
	assert_int_equal(store_organisation_list(f->db, &lf, (struct page){ 50, 0 }, stop, NULL,
	                                         &total, &err), KP_ERR);
	assert_int_equal(err.kind, KP_INTERNAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(round_trip_all_fields, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(update_and_missing, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(list_filters_and_pages, fixture_setup,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(list_search_is_literal, fixture_setup,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(callback_failure_is_reported, fixture_setup,
		                                fixture_teardown),
	};
	return cmocka_run_group_tests_name("db_organisations", tests, NULL, NULL);
}
