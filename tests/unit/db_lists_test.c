/* Tests for src/db/lists.c against a real SQLite file: the Dutch defaults,
   find by kind and code (active only, 422 naming the field), updates. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "db_fixture.h"
#include "model/default_lists.h"

struct items {
	int n;
	int kinds[LIST_KIND_COUNT];
	int inactive;
	int last_position;
	bool ordered;
};

static int collect(void *ctx, const struct list_item *it)
{
	struct items *s = ctx;
	if (it->position < s->last_position)
		s->ordered = false;
	s->last_position = it->position;
	s->n++;
	if (it->kind >= 0 && it->kind < LIST_KIND_COUNT)
		s->kinds[it->kind]++;
	if (!it->active)
		s->inactive++;
	return 0;
}

static void defaults_seeded_once(void **state)
{
	struct fixture *f = *state;
	struct kp_error err = { 0 };
	int total = 0;
	for (int k = 0; k < LIST_KIND_COUNT; k++) {
		struct items s = { .ordered = true, .last_position = -1 };
		assert_int_equal(store_list_items(f->db, k, true, collect, &s, &err), KP_OK);
		assert_true(s.n > 0);
		assert_int_equal(s.kinds[k], s.n);
		assert_true(s.ordered);
		total += s.n;
	}
	assert_int_equal(total, default_item_count);
	/* seeding again adds nothing */
	assert_int_equal(store_lists_seed_defaults(f->db, &err), KP_OK);
	struct items s = { .ordered = true, .last_position = -1 };
	assert_int_equal(store_list_items(f->db, LIST_ACTIVITY, true, collect, &s, &err), KP_OK);
	int activities = s.n;
	int expected = 0;
	for (int i = 0; i < default_item_count; i++)
		expected += default_items[i].kind == LIST_ACTIVITY;
	assert_int_equal(activities, expected);
}

static void find_active_by_kind_and_code(void **state)
{
	struct fixture *f = *state;
	struct kp_error err = { 0 };
	int64_t id = 0, theme = 0;
	assert_int_equal(store_list_item_find(f->db, LIST_ACTIVITY, "wandelen", "activity", &id,
	                                      &err), KP_OK);
	assert_true(id > 0);
	struct list_item it;
	assert_int_equal(store_list_item_get(f->db, id, &it, &err), KP_OK);
	assert_int_equal(it.kind, LIST_ACTIVITY);
	assert_string_equal(it.code, "wandelen");
	assert_true(it.label_nl[0] != '\0');
	assert_true(it.label_en[0] != '\0');

	/* "dementie" is both a theme and a training: kind decides */
	assert_int_equal(store_list_item_find(f->db, LIST_THEME, "dementie", "themes", &theme,
	                                      &err), KP_OK);
	int64_t training = 0;
	assert_int_equal(store_list_item_find(f->db, LIST_TRAINING, "dementie", "trainings",
	                                      &training, &err), KP_OK);
	assert_true(theme != training);

	assert_int_equal(store_list_item_find(f->db, LIST_MOTIVE, "wandelen", "motives", &id,
	                                      &err), KP_ERR);
	assert_int_equal(err.kind, KP_INVALID);
	assert_string_equal(err.code, "unknown_item");
	assert_string_equal(err.field, "motives");
	assert_string_equal(err.detail, "wandelen");
	assert_int_equal(store_list_item_find(f->db, LIST_ACTIVITY, "WANDELEN", "activity", &id,
	                                      &err), KP_ERR);
	assert_int_equal(err.kind, KP_INVALID);
}

static void deactivated_item_not_found(void **state)
{
	struct fixture *f = *state;
	struct kp_error err = { 0 };
	int64_t id = fixture_item(f, LIST_ACTIVITY, "klussen");
	struct list_item it;
	assert_int_equal(store_list_item_get(f->db, id, &it, &err), KP_OK);
	it.active = 0;
	snprintf(it.label_nl, sizeof it.label_nl, "Klussen in en om het huis");
	it.position = 999;
	assert_int_equal(store_list_item_update(f->db, &it, &err), KP_OK);
	int64_t found = 0;
	assert_int_equal(store_list_item_find(f->db, LIST_ACTIVITY, "klussen", "activity", &found,
	                                      &err), KP_ERR);
	assert_int_equal(err.kind, KP_INVALID);
	struct list_item got;
	assert_int_equal(store_list_item_get(f->db, id, &got, &err), KP_OK);
	assert_int_equal(got.active, 0);
	assert_string_equal(got.label_nl, "Klussen in en om het huis");
	assert_int_equal(got.position, 999);
	struct items all = { .ordered = true, .last_position = -1 };
	struct items active = { .ordered = true, .last_position = -1 };
	assert_int_equal(store_list_items(f->db, LIST_ACTIVITY, true, collect, &all, &err), KP_OK);
	assert_int_equal(store_list_items(f->db, LIST_ACTIVITY, false, collect, &active, &err),
	                 KP_OK);
	assert_int_equal(all.n, active.n + 1);
	assert_int_equal(all.inactive, 1);
	assert_int_equal(active.inactive, 0);
	assert_int_equal(store_list_item_get(f->db, 123456, &got, &err), KP_ERR);
	assert_int_equal(err.kind, KP_NOT_FOUND);
}

static void insert_new_item(void **state)
{
	struct fixture *f = *state;
	struct kp_error err = { 0 };
	struct list_item it = { .kind = LIST_ACTIVITY, .active = 1, .position = 5 };
	snprintf(it.code, sizeof it.code, "fietsmaatje");
	snprintf(it.label_nl, sizeof it.label_nl, "Fietsmaatje (duofiets)");
	snprintf(it.label_en, sizeof it.label_en, "Cycling buddy (tandem)");
	assert_int_equal(store_list_item_insert(f->db, &it, &err), KP_OK);
	int64_t id = 0;
	assert_int_equal(store_list_item_find(f->db, LIST_ACTIVITY, "fietsmaatje", "activity", &id,
	                                      &err), KP_OK);
	assert_int_equal(id, it.id);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(defaults_seeded_once, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(find_active_by_kind_and_code, fixture_setup,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(deactivated_item_not_found, fixture_setup,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(insert_new_item, fixture_setup, fixture_teardown),
	};
	return cmocka_run_group_tests_name("db_lists", tests, NULL, NULL);
}
