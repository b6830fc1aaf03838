/* Tests for src/model/catalog.c: replace, find by kind and code (active
   items only), get by id, and concurrent readers during a replace. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/catalog.h"

static struct catalog_item *items_of(int n, int64_t id_base)
{
	struct catalog_item *it = calloc((size_t)n, sizeof *it);
	assert_non_null(it);
	for (int i = 0; i < n; i++) {
		/* stored out of id order on purpose: the catalog sorts */
		it[i].id = id_base + (int64_t)(n - i) * 3;
		it[i].kind = i % 2 ? LIST_THEME : LIST_ACTIVITY;
		it[i].active = true;
		snprintf(it[i].code, sizeof it[i].code, "item_%d", i / 2);
		snprintf(it[i].label_nl, sizeof it[i].label_nl, "Label %d", i);
		snprintf(it[i].label_en, sizeof it[i].label_en, "Label %d en", i);
	}
	return it;
}

static void empty_catalog(void **state)
{
	(void)state;
	struct catalog c;
	catalog_init(&c);
	struct catalog_item out;
	assert_int_equal(catalog_find(&c, LIST_ACTIVITY, "wandelen"), 0);
	assert_false(catalog_get(&c, 1, &out));
	catalog_free(&c);
}

static void find_by_kind_and_code(void **state)
{
	(void)state;
	struct catalog c;
	catalog_init(&c);
	struct catalog_item *it = items_of(10, 100);
	int64_t act0 = it[0].id, theme0 = it[1].id;
	catalog_replace(&c, it, 10);
	assert_int_equal(catalog_find(&c, LIST_ACTIVITY, "item_0"), act0);
	assert_int_equal(catalog_find(&c, LIST_THEME, "item_0"), theme0);
	assert_int_equal(catalog_find(&c, LIST_MOTIVE, "item_0"), 0);
	assert_int_equal(catalog_find(&c, LIST_ACTIVITY, "item_9"), 0);
	assert_int_equal(catalog_find(&c, LIST_ACTIVITY, "ITEM_0"), 0);
	assert_int_equal(catalog_find(&c, LIST_ACTIVITY, ""), 0);
	catalog_free(&c);
}

/* A retired value is still found (records keep it) and gettable, but is not
   chosen anew. */
static void inactive_items_found_kept_not_chosen(void **state)
{
	(void)state;
	struct catalog c;
	catalog_init(&c);
	struct catalog_item *it = items_of(4, 0);
	it[2].active = false;   /* activity item_1 */
	int64_t id = it[2].id;
	catalog_replace(&c, it, 4);
	assert_int_equal(catalog_find(&c, LIST_ACTIVITY, "item_1"), id);
	struct kp_error err = { 0 };
	assert_int_equal(catalog_check_one(&c, id, id, "activity", &err), KP_OK);  /* kept */
	assert_int_equal(catalog_check_one(&c, id, 0, "activity", &err), KP_ERR);  /* anew */
	assert_string_equal(err.code, "item_inactive");
	assert_string_equal(err.field, "activity");
	/* output of old records still needs the label of a retired item */
	struct catalog_item out;
	assert_true(catalog_get(&c, id, &out));
	assert_false(out.active);
	assert_string_equal(out.code, "item_1");
	catalog_free(&c);
}

static void get_by_id(void **state)
{
	(void)state;
	struct catalog c;
	catalog_init(&c);
	catalog_replace(&c, items_of(50, 1000), 50);
	for (int i = 0; i < 50; i++) {
		struct catalog_item out;
		int64_t id = 1000 + (int64_t)(50 - i) * 3;
		assert_true(catalog_get(&c, id, &out));
		assert_int_equal(out.id, id);
		char want[32];
		snprintf(want, sizeof want, "Label %d", i);
		assert_string_equal(out.label_nl, want);
		assert_false(catalog_get(&c, id + 1, &out));
	}
	struct catalog_item out;
	assert_false(catalog_get(&c, 0, &out));
	assert_false(catalog_get(&c, -3, &out));
	catalog_free(&c);
}

static void replace_drops_old_contents(void **state)
{
	(void)state;
	struct catalog c;
	catalog_init(&c);
	catalog_replace(&c, items_of(4, 0), 4);
	assert_int_not_equal(catalog_find(&c, LIST_ACTIVITY, "item_1"), 0);
	struct catalog_item *it = calloc(1, sizeof *it);
	it->id = 77;
	it->kind = LIST_TRAINING;
	it->active = true;
	snprintf(it->code, sizeof it->code, "ehbo");
	catalog_replace(&c, it, 1);
	assert_int_equal(catalog_find(&c, LIST_ACTIVITY, "item_1"), 0);
	assert_int_equal(catalog_find(&c, LIST_TRAINING, "ehbo"), 77);
	assert_int_equal(c.n, 1);
	catalog_replace(&c, NULL, 0);
	assert_int_equal(catalog_find(&c, LIST_TRAINING, "ehbo"), 0);
	catalog_free(&c);
}

struct reader_arg {
	struct catalog *c;
	int misses;
};

static void *reader(void *p)
{
	struct reader_arg *a = p;
	for (int i = 0; i < 20000; i++)
		if (catalog_find(a->c, LIST_ACTIVITY, "item_0") == 0)
			a->misses++;
	return NULL;
}

static void readers_during_replace(void **state)
{
	(void)state;
	struct catalog c;
	catalog_init(&c);
	catalog_replace(&c, items_of(20, 0), 20);
	pthread_t t[3];
	struct reader_arg args[3] = { { &c, 0 }, { &c, 0 }, { &c, 0 } };
	for (int i = 0; i < 3; i++)
		assert_int_equal(pthread_create(&t[i], NULL, reader, &args[i]), 0);
	for (int i = 0; i < 200; i++)
		catalog_replace(&c, items_of(20, i * 100), 20);
	for (int i = 0; i < 3; i++) {
		pthread_join(t[i], NULL);
		assert_int_equal(args[i].misses, 0);
	}
	catalog_free(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(empty_catalog),
		cmocka_unit_test(find_by_kind_and_code),
		cmocka_unit_test(inactive_items_found_kept_not_chosen),
		cmocka_unit_test(get_by_id),
		cmocka_unit_test(replace_drops_old_contents),
		cmocka_unit_test(readers_during_replace),
	};
	return cmocka_run_group_tests_name("model_catalog", tests, NULL, NULL);
}
