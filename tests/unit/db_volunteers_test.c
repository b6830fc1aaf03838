/* Tests for src/db/volunteers.c against a real SQLite file: all fields and
   items round trip, lived experience only with with_experience, several
   volunteers at once, list filters and page totals. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "db_fixture.h"

static struct volunteer *full_volunteer(struct fixture *f)
{
	struct volunteer *v = malloc(sizeof *v);
	assert_non_null(v);
	fixture_volunteer(f, v, f->org, "Fatma", "Yılmaz-de Groot", "Zwijndrecht");
	snprintf(v->email, sizeof v->email, "fatma@example.nl");
	snprintf(v->phone, sizeof v->phone, "06-12345678");
	v->birth_year = 1958;
	v->status = VOLUNTEER_ACTIVE;
	v->availability = (1u << 0) | (1u << 10) | (1u << 20);
	v->hours_per_week = 6;
	v->engagement = (1u << ENGAGEMENT_FLEXIBLE) | (1u << ENGAGEMENT_STRUCTURAL);
	v->max_distance_km = 25;
	v->travel_mode = TRAVEL_PUBLIC;
	v->driving_licence = 1;
	v->max_matches = 3;
	snprintf(v->vog_date, sizeof v->vog_date, "2025-06-30");
	snprintf(v->motivation_text, sizeof v->motivation_text,
	         "Ik wil graag iets betekenen voor ouderen.\nLiefst 's middags — één keer per week.");
	snprintf(v->started_on, sizeof v->started_on, "2024-02-29");
	v->created_at = 1790000000;
	v->updated_at = 1790000005;
	id_set_add(&v->items[LIST_ACTIVITY], fixture_item(f, LIST_ACTIVITY, "wandelen"));
	id_set_add(&v->items[LIST_ACTIVITY], fixture_item(f, LIST_ACTIVITY, "voorlezen"));
	id_set_add(&v->items[LIST_THEME], fixture_item(f, LIST_THEME, "ouderen"));
	id_set_add(&v->items[LIST_MOTIVE], fixture_item(f, LIST_MOTIVE, "iets_betekenen"));
	id_set_add(&v->items[LIST_TALENT], fixture_item(f, LIST_TALENT, "luisteren"));
	id_set_add(&v->items[LIST_TRAINING], fixture_item(f, LIST_TRAINING, "dementie"));
	id_set_add(&v->items[LIST_LANGUAGE], fixture_item(f, LIST_LANGUAGE, "nl"));
	id_set_add(&v->items[LIST_LANGUAGE], fixture_item(f, LIST_LANGUAGE, "tr"));
	id_set_add(&v->items[LIST_EXPERIENCE], fixture_item(f, LIST_EXPERIENCE, "mantelzorger"));
	return v;
}

static void same_set(const struct id_set *a, const struct id_set *b)
{
	assert_int_equal(a->n, b->n);
	for (int i = 0; i < a->n; i++)
		assert_true(id_set_contains(b, a->ids[i]));
}

static void round_trip_all_fields(void **state)
{
	struct fixture *f = *state;
	struct kp_error err = { 0 };
	struct volunteer *v = full_volunteer(f), *got = malloc(sizeof *got);
	assert_int_equal(store_volunteer_insert(f->db, v, true, &err), KP_OK);
	assert_true(v->id > 0);
	memset(got, 0x5a, sizeof *got);
	assert_int_equal(store_volunteer_get(f->db, v->id, true, got, &err), KP_OK);
	assert_int_equal(got->id, v->id);
	assert_int_equal(got->organisation_id, f->org);
	assert_string_equal(got->first_name, v->first_name);
	assert_string_equal(got->last_name, v->last_name);
	assert_string_equal(got->email, v->email);
	assert_string_equal(got->phone, v->phone);
	assert_int_equal(got->birth_year, 1958);
	assert_int_equal(got->status, VOLUNTEER_ACTIVE);
	assert_string_equal(got->place, "Zwijndrecht");
	assert_float_equal(got->lat, v->lat, 1e-6);
	assert_float_equal(got->lon, v->lon, 1e-6);
	assert_int_equal(got->availability, v->availability);
	assert_int_equal(got->hours_per_week, 6);
	assert_int_equal(got->engagement, v->engagement);
	assert_int_equal(got->max_distance_km, 25);
	assert_int_equal(got->travel_mode, TRAVEL_PUBLIC);
	assert_int_equal(got->driving_licence, 1);
	assert_int_equal(got->max_matches, 3);
	assert_string_equal(got->vog_date, "2025-06-30");
	assert_string_equal(got->motivation_text, v->motivation_text);
	assert_string_equal(got->started_on, "2024-02-29");
	assert_int_equal(got->created_at, 1790000000);
	assert_int_equal(got->updated_at, 1790000005);
	for (int k = 0; k < LIST_KIND_COUNT; k++)
		same_set(&v->items[k], &got->items[k]);
	free(v);
	free(got);
}

static void optional_fields_stay_empty(void **state)
{
	struct fixture *f = *state;
	struct kp_error err = { 0 };
	struct volunteer *v = malloc(sizeof *v), *got = malloc(sizeof *got);
	fixture_volunteer(f, v, f->org, "Jan", "Smit", "Dordrecht");
	assert_int_equal(store_volunteer_insert(f->db, v, false, &err), KP_OK);
	assert_int_equal(store_volunteer_get(f->db, v->id, true, got, &err), KP_OK);
	assert_int_equal(got->birth_year, 0);
	assert_string_equal(got->vog_date, "");
	assert_string_equal(got->email, "");
	for (int k = 0; k < LIST_KIND_COUNT; k++)
		assert_int_equal(got->items[k].n, 0);
	free(v);
	free(got);
}

static void experience_only_with_flag(void **state)
{
	struct fixture *f = *state;
	struct kp_error err = { 0 };
	struct volunteer *v = full_volunteer(f), *got = malloc(sizeof *got);
	int64_t exp = v->items[LIST_EXPERIENCE].ids[0];

	/* written without the flag: lived experience is not stored */
	assert_int_equal(store_volunteer_insert(f->db, v, false, &err), KP_OK);
	assert_int_equal(store_volunteer_get(f->db, v->id, true, got, &err), KP_OK);
	assert_int_equal(got->items[LIST_EXPERIENCE].n, 0);
	assert_int_equal(got->items[LIST_THEME].n, 1);

	/* written with it: stored, but read back only with the flag */
	assert_int_equal(store_volunteer_update(f->db, v, true, &err), KP_OK);
	assert_int_equal(store_volunteer_get(f->db, v->id, false, got, &err), KP_OK);
	assert_int_equal(got->items[LIST_EXPERIENCE].n, 0);
	assert_int_equal(store_volunteer_get(f->db, v->id, true, got, &err), KP_OK);
	assert_int_equal(got->items[LIST_EXPERIENCE].n, 1);
	assert_int_equal(got->items[LIST_EXPERIENCE].ids[0], exp);

	/* an update without the flag leaves the stored experience alone */
	v->items[LIST_EXPERIENCE].n = 0;
	v->items[LIST_THEME].n = 0;
	assert_int_equal(store_volunteer_update(f->db, v, false, &err), KP_OK);
	assert_int_equal(store_volunteer_get(f->db, v->id, true, got, &err), KP_OK);
	assert_int_equal(got->items[LIST_EXPERIENCE].n, 1);
	assert_int_equal(got->items[LIST_THEME].n, 0);

	/* and with the flag an empty set clears it */
	assert_int_equal(store_volunteer_update(f->db, v, true, &err), KP_OK);
	assert_int_equal(store_volunteer_get(f->db, v->id, true, got, &err), KP_OK);
	assert_int_equal(got->items[LIST_EXPERIENCE].n, 0);
	free(v);
	free(got);
}

static void update_changes_and_missing(void **state)
{
	struct fixture *f = *state;
	struct kp_error err = { 0 };
	struct volunteer *v = full_volunteer(f), *got = malloc(sizeof *got);
	assert_int_equal(store_volunteer_insert(f->db, v, false, &err), KP_OK);
	v->status = VOLUNTEER_PAUSED;
	v->organisation_id = f->org2;
	v->vog_date[0] = '\0';
	v->items[LIST_ACTIVITY].n = 1;
	assert_int_equal(store_volunteer_update(f->db, v, false, &err), KP_OK);
	assert_int_equal(store_volunteer_get(f->db, v->id, false, got, &err), KP_OK);
	assert_int_equal(got->status, VOLUNTEER_PAUSED);
	assert_int_equal(got->organisation_id, f->org2);
	assert_string_equal(got->vog_date, "");
	assert_int_equal(got->items[LIST_ACTIVITY].n, 1);
	assert_int_equal(store_volunteer_get(f->db, 987654, false, got, &err), KP_ERR);
	assert_int_equal(err.kind, KP_NOT_FOUND);
	memset(&err, 0, sizeof err);
	v->id = 987654;
	assert_int_equal(store_volunteer_update(f->db, v, false, &err), KP_ERR);
	assert_int_equal(err.kind, KP_NOT_FOUND);
	free(v);
	free(got);
}

/* The names of several volunteers in one go: in the order asked (not the
   table's), whatever the buffers held before; one missing id fails the
   whole with not_found. */
static void names_in_order(void **state)
{
	struct fixture *f = *state;
	struct kp_error err = { 0 };
	struct volunteer *a = full_volunteer(f), *b = full_volunteer(f);
	snprintf(b->first_name, sizeof b->first_name, "Sem");
	b->items[LIST_ACTIVITY].n = 1;
	b->items[LIST_THEME].n = 0;
	assert_int_equal(store_volunteer_insert(f->db, a, true, &err), KP_OK);
	assert_int_equal(store_volunteer_insert(f->db, b, true, &err), KP_OK);
	struct volunteer_name got[3];
	memset(got, 0x5a, sizeof got);
	int64_t ids[3] = { b->id, a->id, 987654 };
	assert_int_equal(store_volunteer_names(f->db, ids, 2, got, &err), KP_OK);
	assert_int_equal(got[0].id, b->id);
	assert_string_equal(got[0].first_name, "Sem");
	assert_int_equal(got[1].id, a->id);
	assert_string_equal(got[1].first_name, "Fatma");
	assert_string_equal(got[1].last_name, a->last_name);
	assert_string_equal(got[1].place, a->place);
	assert_int_equal(got[1].organisation_id, a->organisation_id);
	assert_int_equal(store_volunteer_names(f->db, ids, 0, got, &err), KP_OK);
	assert_int_equal(store_volunteer_names(f->db, ids, 3, got, &err), KP_ERR);
	assert_int_equal(err.kind, KP_NOT_FOUND);
	free(a);
	free(b);
}

struct seen {
	int n;
	int64_t ids[200];
	bool experience_leaked;
};

static int collect(void *ctx, const struct volunteer *v)
{
	struct seen *s = ctx;
	if (s->n < 200)
		s->ids[s->n] = v->id;
	s->n++;
	if (v->items[LIST_EXPERIENCE].n > 0)
		s->experience_leaked = true;
	return 0;
}

static int64_t list(struct fixture *f, const struct list_filter *lf, struct page pg,
                    struct seen *s)
{
	struct kp_error err = { 0 };
	int64_t total = -1;
	memset(s, 0, sizeof *s);
	if (store_volunteer_list(f->db, lf, pg, collect, s, &total, &err) != KP_OK)
		fail_msg("list: %s %s", err.code, err.detail);
	return total;
}

static void list_filters_and_pagination(void **state)
{
	struct fixture *f = *state;
	struct kp_error err = { 0 };
	int64_t wandelen = fixture_item(f, LIST_ACTIVITY, "wandelen");
	int64_t first = 0;
	for (int i = 0; i < 30; i++) {
		struct volunteer *v = malloc(sizeof *v);
		char last[32];
		snprintf(last, sizeof last, "Bakker%02d", i);
		fixture_volunteer(f, v, i < 20 ? f->org : f->org2, i % 2 ? "Els" : "Kees", last,
		                  i % 3 ? "Dordrecht" : "Sliedrecht");
		v->status = i % 5 == 0 ? VOLUNTEER_STOPPED : VOLUNTEER_ACTIVE;
		if (i % 4 == 0)
			id_set_add(&v->items[LIST_ACTIVITY], wandelen);
		id_set_add(&v->items[LIST_EXPERIENCE], fixture_item(f, LIST_EXPERIENCE, "rouw"));
		assert_int_equal(store_volunteer_insert(f->db, v, true, &err), KP_OK);
		if (i == 0)
			first = v->id;
		free(v);
	}
	struct list_filter lf;
	struct seen s;
	list_filter_init(&lf);
	assert_int_equal(list(f, &lf, (struct page){ 50, 0 }, &s), 30);
	assert_int_equal(s.n, 30);
	assert_false(s.experience_leaked);   /* lists never carry lived experience */

	assert_int_equal(list(f, &lf, (struct page){ 7, 0 }, &s), 30);
	assert_int_equal(s.n, 7);
	int64_t page1_last = s.ids[6];
	assert_int_equal(list(f, &lf, (struct page){ 7, 7 }, &s), 30);
	assert_int_equal(s.n, 7);
	assert_true(s.ids[0] != page1_last);
	assert_int_equal(list(f, &lf, (struct page){ 7, 28 }, &s), 30);
	assert_int_equal(s.n, 2);

	lf.organisation_id = f->org2;
	assert_int_equal(list(f, &lf, (struct page){ 50, 0 }, &s), 10);
	lf.status = VOLUNTEER_STOPPED;     /* i = 20, 25 */
	assert_int_equal(list(f, &lf, (struct page){ 50, 0 }, &s), 2);

	list_filter_init(&lf);
	lf.place = "SLIEDRECHT";           /* i % 3 == 0: 10 of them */
	assert_int_equal(list(f, &lf, (struct page){ 50, 0 }, &s), 10);

	list_filter_init(&lf);
	lf.item_id = wandelen;             /* i % 4 == 0: 8 of them */
	assert_int_equal(list(f, &lf, (struct page){ 3, 0 }, &s), 8);
	assert_int_equal(s.n, 3);

	list_filter_init(&lf);
	lf.q = "els bakker1";              /* odd i in 10..19 */
	assert_int_equal(list(f, &lf, (struct page){ 50, 0 }, &s), 5);

	list_filter_init(&lf);
	lf.volunteer_id = first;
	assert_int_equal(list(f, &lf, (struct page){ 50, 0 }, &s), 1);
	assert_int_equal(s.ids[0], first);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(round_trip_all_fields, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(optional_fields_stay_empty, fixture_setup,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(experience_only_with_flag, fixture_setup,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(update_changes_and_missing, fixture_setup,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(names_in_order, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(list_filters_and_pagination, fixture_setup,
		                                fixture_teardown),
	};
	return cmocka_run_group_tests_name("db_volunteers", tests, NULL, NULL);
}
