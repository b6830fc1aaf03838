/* Tests for src/db/calls.c against a real SQLite file: all fields and items
   round trip, updates, several calls at once, list filters and page totals. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "db_fixture.h"

static void round_trip_one_off(void **state)
{
	struct fixture *f = *state;
	struct kp_error err = { 0 };
	struct call *c = malloc(sizeof *c), *got = malloc(sizeof *got);
	int64_t vol = fixture_insert_volunteer(f, f->org, "Ria", "Kok", "Dordrecht");
	fixture_call(f, c, f->org, "Vervoer naar het Albert Schweitzer ziekenhuis");
	c->source = SOURCE_REFERRER;
	c->volunteer_id = vol;
	snprintf(c->description, sizeof c->description, "Meneer (82) moet op 5 december naar de "
	         "polikliniek; rolstoel mee.\nGraag iemand met auto.");
	c->activity_id = fixture_item(f, LIST_ACTIVITY, "vervoer_ziekenhuis");
	snprintf(c->place, sizeof c->place, "Dordrecht");
	snprintf(c->start_time, sizeof c->start_time, "09:30");
	c->duration_minutes = 180;
	c->volunteers_needed = 2;
	c->requires_vog = 1;
	c->requires_driving_licence = 1;
	c->engagement = ENGAGEMENT_ONE_OFF;
	c->status = CALL_FILLED;
	c->created_at = 1791000000;
	c->updated_at = 1791000009;
	id_set_add(&c->items[LIST_THEME], fixture_item(f, LIST_THEME, "ouderen"));
	id_set_add(&c->items[LIST_TRAINING], fixture_item(f, LIST_TRAINING, "rolstoel"));
	id_set_add(&c->items[LIST_TALENT], fixture_item(f, LIST_TALENT, "autorijden"));
	id_set_add(&c->items[LIST_LANGUAGE], fixture_item(f, LIST_LANGUAGE, "nl"));
	id_set_add(&c->items[LIST_LANGUAGE], fixture_item(f, LIST_LANGUAGE, "ar"));
	assert_int_equal(call_validate(c, &err), KP_OK);
	assert_int_equal(store_call_insert(f->db, c, &err), KP_OK);
	assert_true(c->id > 0);
	memset(got, 0x5a, sizeof *got);
	assert_int_equal(store_call_get(f->db, c->id, got, &err), KP_OK);
	assert_int_equal(got->id, c->id);
	assert_int_equal(got->organisation_id, f->org);
	assert_int_equal(got->location_id, 0);
	assert_int_equal(got->volunteer_id, vol);
	assert_int_equal(got->source, SOURCE_REFERRER);
	assert_string_equal(got->title, c->title);
	assert_string_equal(got->description, c->description);
	assert_int_equal(got->activity_id, c->activity_id);
	assert_string_equal(got->place, "Dordrecht");
	assert_float_equal(got->lat, c->lat, 1e-6);
	assert_float_equal(got->lon, c->lon, 1e-6);
	assert_string_equal(got->one_off_date, "2026-12-05");
	assert_string_equal(got->start_time, "09:30");
	assert_int_equal(got->dayparts, 0);
	assert_int_equal(got->duration_minutes, 180);
	assert_int_equal(got->volunteers_needed, 2);
	assert_int_equal(got->requires_vog, 1);
	assert_int_equal(got->requires_driving_licence, 1);
	assert_int_equal(got->engagement, ENGAGEMENT_ONE_OFF);
	assert_int_equal(got->status, CALL_FILLED);
	assert_int_equal(got->created_by, 0);
	assert_int_equal(got->created_at, 1791000000);
	assert_int_equal(got->updated_at, 1791000009);
	for (int k = 0; k < LIST_KIND_COUNT; k++) {
		assert_int_equal(got->items[k].n, c->items[k].n);
		for (int i = 0; i < c->items[k].n; i++)
			assert_true(id_set_contains(&got->items[k], c->items[k].ids[i]));
	}
	free(c);
	free(got);
}

static void round_trip_recurring_and_update(void **state)
{
	struct fixture *f = *state;
	struct kp_error err = { 0 };
	struct call *c = malloc(sizeof *c), *got = malloc(sizeof *got);
	fixture_call(f, c, f->org2, "Maatje voor mevrouw");
	c->one_off_date[0] = '\0';
	c->dayparts = DAYPART_ALL;
	c->engagement = ENGAGEMENT_STRUCTURAL;
	id_set_add(&c->items[LIST_THEME], fixture_item(f, LIST_THEME, "eenzaamheid"));
	assert_int_equal(store_call_insert(f->db, c, &err), KP_OK);
	assert_int_equal(store_call_get(f->db, c->id, got, &err), KP_OK);
	assert_string_equal(got->one_off_date, "");
	assert_string_equal(got->start_time, "");
	assert_int_equal(got->dayparts, DAYPART_ALL);
	assert_int_equal(got->engagement, ENGAGEMENT_STRUCTURAL);

	c->status = CALL_CLOSED;
	c->dayparts = 1u << 4;
	c->items[LIST_THEME].n = 0;
	id_set_add(&c->items[LIST_LANGUAGE], fixture_item(f, LIST_LANGUAGE, "pl"));
	assert_int_equal(store_call_update(f->db, c, &err), KP_OK);
	assert_int_equal(store_call_get(f->db, c->id, got, &err), KP_OK);
	assert_int_equal(got->status, CALL_CLOSED);
	assert_int_equal(got->dayparts, 1u << 4);
	assert_int_equal(got->items[LIST_THEME].n, 0);
	assert_int_equal(got->items[LIST_LANGUAGE].n, 1);

	assert_int_equal(store_call_get(f->db, c->id + 1000, got, &err), KP_ERR);
	assert_int_equal(err.kind, KP_NOT_FOUND);
	memset(&err, 0, sizeof err);
	c->id += 1000;
	assert_int_equal(store_call_update(f->db, c, &err), KP_ERR);
	assert_int_equal(err.kind, KP_NOT_FOUND);
	free(c);
	free(got);
}

/* Several calls in one go, in the order asked, each with its own items;
   one missing id fails the whole with not_found. */
static void get_many_in_order(void **state)
{
	struct fixture *f = *state;
	struct kp_error err = { 0 };
	struct call *a = malloc(sizeof *a), *b = malloc(sizeof *b), *got = malloc(2 * sizeof *got);
	assert_non_null(got);
	fixture_call(f, a, f->org, "Boodschappen doen");
	fixture_call(f, b, f->org2, "Voorlezen in de bibliotheek");
	id_set_add(&a->items[LIST_THEME], fixture_item(f, LIST_THEME, "ouderen"));
	assert_int_equal(store_call_insert(f->db, a, &err), KP_OK);
	assert_int_equal(store_call_insert(f->db, b, &err), KP_OK);
	memset(got, 0x5a, 2 * sizeof *got);
	int64_t ids[3] = { b->id, a->id, 987654 };
	assert_int_equal(store_call_get_many(f->db, ids, 2, got, &err), KP_OK);
	assert_int_equal(got[0].id, b->id);
	assert_string_equal(got[0].title, "Voorlezen in de bibliotheek");
	assert_int_equal(got[0].items[LIST_THEME].n, 0);
	assert_int_equal(got[1].id, a->id);
	assert_string_equal(got[1].title, "Boodschappen doen");
	assert_int_equal(got[1].items[LIST_THEME].n, 1);
	assert_int_equal(store_call_get_many(f->db, ids + 1, 2, got, &err), KP_ERR);
	assert_int_equal(err.kind, KP_NOT_FOUND);
	free(a);
	free(b);
	free(got);
}

static int count(void *ctx, const struct call *c)
{
	(void)c;
	(*(int *)ctx)++;
	return 0;
}

static int64_t list(struct fixture *f, const struct list_filter *lf, struct page pg, int *n)
{
	struct kp_error err = { 0 };
	int64_t total = -1;
	*n = 0;
	if (store_call_list(f->db, lf, pg, count, n, &total, &err) != KP_OK)
		fail_msg("list: %s %s", err.code, err.detail);
	return total;
}

static void list_filters_and_pagination(void **state)
{
	struct fixture *f = *state;
	struct kp_error err = { 0 };
	int64_t klussen = fixture_item(f, LIST_ACTIVITY, "klussen");
	for (int i = 0; i < 25; i++) {
		struct call *c = malloc(sizeof *c);
		char title[64];
		snprintf(title, sizeof title, "%s %d", i % 2 ? "Klussen" : "Wandelen", i);
		fixture_call(f, c, i < 15 ? f->org : f->org2, title);
		if (i % 2)
			c->activity_id = klussen;
		c->status = i % 5 == 0 ? CALL_CLOSED : CALL_OPEN;
		c->created_by = 0;
		c->created_at = f->now + i;
		if (i % 3 == 0)
			snprintf(c->place, sizeof c->place, "Alblasserdam");
		assert_int_equal(store_call_insert(f->db, c, &err), KP_OK);
		free(c);
	}
	struct list_filter lf;
	int n;
	list_filter_init(&lf);
	assert_int_equal(list(f, &lf, (struct page){ 10, 0 }, &n), 25);
	assert_int_equal(n, 10);
	assert_int_equal(list(f, &lf, (struct page){ 10, 20 }, &n), 25);
	assert_int_equal(n, 5);
	lf.organisation_id = f->org2;
	assert_int_equal(list(f, &lf, (struct page){ 50, 0 }, &n), 10);
	lf.status = CALL_OPEN;              /* org2 is i = 15..24, closed 15 and 20 */
	assert_int_equal(list(f, &lf, (struct page){ 50, 0 }, &n), 8);
	list_filter_init(&lf);
	lf.item_id = klussen;
	assert_int_equal(list(f, &lf, (struct page){ 50, 0 }, &n), 12);
	list_filter_init(&lf);
	lf.place = "alblasserdam";
	assert_int_equal(list(f, &lf, (struct page){ 50, 0 }, &n), 9);
	list_filter_init(&lf);
	lf.q = "wandelen 1";                /* 10, 12, 14, 16, 18 */
	assert_int_equal(list(f, &lf, (struct page){ 50, 0 }, &n), 5);
	list_filter_init(&lf);
	lf.created_by = 77;
	assert_int_equal(list(f, &lf, (struct page){ 50, 0 }, &n), 0);
	assert_int_equal(n, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(round_trip_one_off, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(round_trip_recurring_and_update, fixture_setup,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(get_many_in_order, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(list_filters_and_pagination, fixture_setup,
		                                fixture_teardown),
	};
	return cmocka_run_group_tests_name("db_calls", tests, NULL, NULL);
}
