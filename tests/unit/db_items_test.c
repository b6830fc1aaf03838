/*
 * Tests for src/db/items.c and the list pages built on it: a page of a list
 * costs a constant number of statements (count, rows, the items of all rows),
 * counted with db_query_count, and every row still gets exactly its own
 * items. Every test runs on a SQLite file and on a throwaway PostgreSQL
 * cluster (scripts/pg-test-cluster); the PostgreSQL half is skipped only when
 * the PostgreSQL binaries are absent.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/store.h"
#include "db_test_support.h"

#define ROWS 50          /* one full page of the default size */
#define PAGE_QUERIES 3   /* count, rows, items of all rows */
#define KIND_IDS 8       /* items per kind the rows draw from */

struct fixture {
	char path[512];  /* SQLite file or PostgreSQL URL */
	struct db *db;
	int64_t org;
	int64_t item[LIST_KIND_COUNT][KIND_IDS];
	int n_item[LIST_KIND_COUNT];
	int64_t vol[ROWS], call[ROWS];
	/* What each volunteer and call was given, by row number. */
	struct id_set vol_items[ROWS][LIST_KIND_COUNT], call_items[ROWS][LIST_KIND_COUNT];
};

static struct fixture sqlite_fx, pg_fx;

static const int profile_kinds[] = {
	LIST_ACTIVITY, LIST_THEME, LIST_MOTIVE, LIST_TALENT, LIST_TRAINING, LIST_LANGUAGE,
};
static const int call_kinds[] = { LIST_THEME, LIST_TALENT, LIST_TRAINING, LIST_LANGUAGE };

static int collect_item(void *ctx, const struct list_item *it)
{
	struct fixture *fx = ctx;
	if (fx->n_item[it->kind] < KIND_IDS)
		fx->item[it->kind][fx->n_item[it->kind]++] = it->id;
	return 0;
}

/* Gives row i of kind k between 0 and 3 items, different from its neighbours. */
static void give_items(struct fixture *fx, struct id_set *sets, int i, const int *kinds, int n)
{
	for (int j = 0; j < n; j++) {
		int k = kinds[j];
		for (int m = 0; m < (i + j) % 4 && m < fx->n_item[k]; m++)
			assert_int_equal(id_set_add(&sets[k], fx->item[k][(i + m) % fx->n_item[k]]), 0);
	}
}

static void insert_volunteer(struct fixture *fx, int i)
{
	static struct volunteer v;
	struct kp_error err = { 0 };
	volunteer_init(&v);
	v.organisation_id = fx->org;
	snprintf(v.first_name, sizeof v.first_name, "Vrijwilliger%02d", i);
	snprintf(v.last_name, sizeof v.last_name, "Lijst");
	snprintf(v.place, sizeof v.place, "Dordrecht");
	snprintf(v.started_on, sizeof v.started_on, "2026-01-15");
	v.created_at = v.updated_at = 1000 + i;
	give_items(fx, v.items, i, profile_kinds, 6);
	memcpy(fx->vol_items[i], v.items, sizeof v.items);
	/* Lived experience for some: a list must never show it. */
	if (i % 5 == 0)
		assert_int_equal(id_set_add(&v.items[LIST_EXPERIENCE], fx->item[LIST_EXPERIENCE][0]),
		                 0);
	assert_int_equal(store_volunteer_insert(fx->db, &v, true, &err), KP_OK);
	fx->vol[i] = v.id;
}

static void insert_call(struct fixture *fx, int i)
{
	static struct call c;
	struct kp_error err = { 0 };
	call_init(&c);
	c.organisation_id = fx->org;
	c.source = SOURCE_ORGANISATION;
	snprintf(c.title, sizeof c.title, "Hulpvraag %02d", i);
	c.activity_id = fx->item[LIST_ACTIVITY][i % fx->n_item[LIST_ACTIVITY]];
	snprintf(c.place, sizeof c.place, "Zwijndrecht");
	c.volunteers_needed = 1;
	c.status = CALL_OPEN;
	c.created_at = c.updated_at = 2000 + i;
	give_items(fx, c.items, i, call_kinds, 4);
	memcpy(fx->call_items[i], c.items, sizeof c.items);
	assert_int_equal(store_call_insert(fx->db, &c, &err), KP_OK);
	fx->call[i] = c.id;
}

static void insert_match(struct fixture *fx, int i)
{
	static struct match m;
	struct kp_error err = { 0 };
	memset(&m, 0, sizeof m);
	m.call_id = fx->call[i];
	m.volunteer_id = fx->vol[i];
	m.status = MATCH_PROPOSED;
	m.created_at = m.updated_at = 3000 + i;
	assert_int_equal(store_match_insert(fx->db, &m, 0, &err), KP_OK);
}

/* A network, an organisation, and ROWS volunteers, calls and matches. */
static void seed(struct fixture *fx)
{
	struct kp_error err = { 0 };
	int64_t network = 0;
	assert_int_equal(db_open(fx->path, &fx->db, &err), KP_OK);
	assert_int_equal(db_begin(fx->db, &err), KP_OK);
	assert_int_equal(store_lists_seed_defaults(fx->db, &err), KP_OK);
	assert_int_equal(store_network_ensure(fx->db, "Netwerk", "Drechtsteden", 1000, &network,
	                                      &err), KP_OK);
	struct organisation o = { .network_id = network, .kind = ORG_CARE_PROVIDER,
	                          .vog_max_age_months = 36, .active = 1 };
	snprintf(o.name, sizeof o.name, "Zorggroep Lijst");
	snprintf(o.municipality, sizeof o.municipality, "Dordrecht");
	assert_int_equal(store_organisation_insert(fx->db, &o, &err), KP_OK);
	fx->org = o.id;
	for (int k = 0; k < LIST_KIND_COUNT; k++) {
		assert_int_equal(store_list_items(fx->db, k, false, collect_item, fx, &err), KP_OK);
		assert_true(fx->n_item[k] > 0);
	}
	for (int i = 0; i < ROWS; i++) {
		insert_volunteer(fx, i);
		insert_call(fx, i);
		insert_match(fx, i);
	}
	assert_int_equal(db_commit(fx->db, &err), KP_OK);
}

static int row_of(const int64_t *ids, int64_t id)
{
	for (int i = 0; i < ROWS; i++)
		if (ids[i] == id)
			return i;
	fail_msg("unexpected id %lld in the page", (long long)id);
	return -1;
}

/* got holds exactly the items of want, of every kind. */
static void assert_same_items(const struct id_set *got, const struct id_set *want)
{
	for (int k = 0; k < LIST_KIND_COUNT; k++) {
		assert_int_equal(got[k].n, want[k].n);
		for (int j = 0; j < want[k].n; j++)
			assert_true(id_set_contains(&got[k], want[k].ids[j]));
	}
}

struct seen {
	struct fixture *fx;
	int rows;
};

static int check_volunteer(void *ctx, const struct volunteer *v)
{
	struct seen *s = ctx;
	assert_same_items(v->items, s->fx->vol_items[row_of(s->fx->vol, v->id)]);
	assert_int_equal(v->items[LIST_EXPERIENCE].n, 0);
	s->rows++;
	return 0;
}

static int check_call(void *ctx, const struct call *c)
{
	struct seen *s = ctx;
	int i = row_of(s->fx->call, c->id);
	assert_same_items(c->items, s->fx->call_items[i]);
	assert_int_equal(c->activity_id,
	                 s->fx->item[LIST_ACTIVITY][i % s->fx->n_item[LIST_ACTIVITY]]);
	s->rows++;
	return 0;
}

static int check_match(void *ctx, const struct match *m)
{
	struct seen *s = ctx;
	int i = row_of(s->fx->call, m->call_id);
	char name[64];
	snprintf(name, sizeof name, "Vrijwilliger%02d Lijst", i);
	assert_int_equal(m->volunteer_id, s->fx->vol[i]);
	assert_string_equal(m->volunteer_name, name);
	s->rows++;
	return 0;
}

static struct page full_page(void)
{
	return (struct page){ .limit = ROWS, .offset = 0 };
}

/* Lists one full page with the store's list call, checking every row. */
typedef int (*list_page_fn)(struct db *db, struct seen *s, int64_t *total, struct kp_error *err);

static void assert_page_cost(struct fixture *fx, const char *what, list_page_fn list)
{
	struct kp_error err = { 0 };
	struct seen s = { fx, 0 };
	int64_t total = 0;
	uint64_t before = db_query_count(fx->db);
	assert_int_equal(list(fx->db, &s, &total, &err), KP_OK);
	uint64_t queries = db_query_count(fx->db) - before;
	print_message("%s page of %d rows: %llu queries\n", what, s.rows,
	              (unsigned long long)queries);
	assert_int_equal(s.rows, ROWS);
	assert_int_equal(total, ROWS);
	assert_true(queries <= PAGE_QUERIES);
}

static int list_volunteers(struct db *db, struct seen *s, int64_t *total, struct kp_error *err)
{
	struct list_filter f;
	list_filter_init(&f);
	return store_volunteer_list(db, &f, full_page(), check_volunteer, s, total, err);
}

static int list_calls(struct db *db, struct seen *s, int64_t *total, struct kp_error *err)
{
	struct list_filter f;
	list_filter_init(&f);
	return store_call_list(db, &f, full_page(), check_call, s, total, err);
}

static int list_matches(struct db *db, struct seen *s, int64_t *total, struct kp_error *err)
{
	struct list_filter f;
	list_filter_init(&f);
	return store_match_list(db, &f, full_page(), check_match, s, total, err);
}

static void volunteer_page_costs_three_queries(void **state)
{
	assert_page_cost(*state, "volunteer", list_volunteers);
}

static void call_page_costs_three_queries(void **state)
{
	assert_page_cost(*state, "call", list_calls);
}

static void match_page_costs_three_queries(void **state)
{
	assert_page_cost(*state, "match", list_matches);
}

/* A filtered, partial last page still gets its own items, and an empty page
   costs no statement for items. */
static void partial_and_empty_pages(void **state)
{
	struct fixture *fx = *state;
	struct kp_error err = { 0 };
	struct list_filter f;
	struct seen s = { fx, 0 };
	int64_t total = 0;
	list_filter_init(&f);
	struct page last = { .limit = 20, .offset = ROWS - 7 };
	assert_int_equal(store_volunteer_list(fx->db, &f, last, check_volunteer, &s, &total, &err),
	                 KP_OK);
	assert_int_equal(s.rows, 7);
	f.q = "geen-zo-iemand";
	uint64_t before = db_query_count(fx->db);
	assert_int_equal(store_call_list(fx->db, &f, full_page(), check_call, &s, &total, &err),
	                 KP_OK);
	assert_int_equal(total, 0);
	assert_int_equal(db_query_count(fx->db) - before, 2);
}

/* The counter counts executions of statements, not rows. */
static void counter_counts_statements_not_rows(void **state)
{
	struct fixture *fx = *state;
	struct kp_error err = { 0 };
	struct db_stmt *st;
	uint64_t before = db_query_count(fx->db);
	assert_int_equal(db_prepare(fx->db, "SELECT id FROM volunteers", &st, &err), KP_OK);
	int rows = 0;
	while (db_step(st, &err) == DB_ROW)
		rows++;
	assert_int_equal(rows, ROWS);
	assert_int_equal(db_query_count(fx->db) - before, 1);
	db_reset(st);
	assert_int_equal(db_step(st, &err), DB_ROW);
	db_finalize(st);
	assert_int_equal(db_exec(fx->db, "SELECT 1", &err), KP_OK);
	assert_int_equal(db_query_count(fx->db) - before, 3);
}

/* The position of list item id; with set >= 0 it is set first. */
static int64_t position_of(struct fixture *fx, int64_t id, int64_t set)
{
	struct kp_error err = { 0 };
	struct db_stmt *st;
	int64_t pos = -1;
	if (set >= 0) {
		assert_int_equal(db_prepare(fx->db, "UPDATE list_items SET position = ? WHERE id = ?",
		                            &st, &err), KP_OK);
		db_bind_int(st, 1, set);
		db_bind_int(st, 2, id);
		assert_int_equal(db_step(st, &err), DB_DONE);
		db_finalize(st);
	}
	assert_int_equal(db_prepare(fx->db, "SELECT position FROM list_items WHERE id = ?", &st,
	                            &err), KP_OK);
	db_bind_int(st, 1, id);
	assert_int_equal(db_query_int(st, &pos, &err), KP_OK);
	db_finalize(st);
	return pos;
}

struct ordered {
	int64_t volunteer;
	const int64_t *want;
	int n, rows;
};

static int check_order(void *ctx, const struct volunteer *v)
{
	struct ordered *o = ctx;
	if (v->id != o->volunteer)
		return 0;
	assert_int_equal(v->items[LIST_ACTIVITY].n, o->n);
	for (int j = 0; j < o->n; j++)
		assert_int_equal(v->items[LIST_ACTIVITY].ids[j], o->want[j]);
	o->rows++;
	return 0;
}

/* A volunteer's items come in the order of the shared lists (their
   position), not of their ids: alone and on a page. */
static void items_in_the_lists_order(void **state)
{
	struct fixture *fx = *state;
	struct kp_error err = { 0 };
	const int row = 3;
	const struct id_set *given = &fx->vol_items[row][LIST_ACTIVITY];
	int n = given->n;
	int64_t ids[ID_SET_MAX], old[ID_SET_MAX], want[ID_SET_MAX];
	assert_true(n >= 2);
	memcpy(ids, given->ids, (size_t)n * sizeof ids[0]);
	for (int a = 0; a < n; a++) /* ascending ids */
		for (int b = a + 1; b < n; b++)
			if (ids[b] < ids[a]) {
				int64_t t = ids[a];
				ids[a] = ids[b];
				ids[b] = t;
			}
	/* The largest id first in the lists: the reverse of the ids' order. */
	for (int j = 0; j < n; j++) {
		old[j] = position_of(fx, ids[j], -1);
		position_of(fx, ids[j], 900 - j);
		want[j] = ids[n - 1 - j];
	}
	struct volunteer *v = malloc(sizeof *v);
	assert_non_null(v);
	assert_int_equal(store_volunteer_get(fx->db, fx->vol[row], false, v, &err), KP_OK);
	struct ordered o = { fx->vol[row], want, n, 0 };
	assert_int_equal(check_order(&o, v), 0);
	struct list_filter f;
	int64_t total = 0;
	list_filter_init(&f);
	assert_int_equal(store_volunteer_list(fx->db, &f, full_page(), check_order, &o, &total, &err),
	                 KP_OK);
	assert_int_equal(o.rows, 2);
	for (int j = 0; j < n; j++)
		position_of(fx, ids[j], old[j]);
	free(v);
}

static int setup_sqlite(void **state)
{
	snprintf(sqlite_fx.path, sizeof sqlite_fx.path, "%s", test_sqlite_path("db_items"));
	seed(&sqlite_fx);
	*state = &sqlite_fx;
	return 0;
}

static int setup_pg(void **state)
{
	if (test_pg_url(pg_fx.path, sizeof pg_fx.path) != 0)
		return -1;
	seed(&pg_fx);
	*state = &pg_fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	db_close(fx->db);
	fx->db = NULL;
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(volunteer_page_costs_three_queries),
		cmocka_unit_test(call_page_costs_three_queries),
		cmocka_unit_test(match_page_costs_three_queries),
		cmocka_unit_test(partial_and_empty_pages),
		cmocka_unit_test(counter_counts_statements_not_rows),
		cmocka_unit_test(items_in_the_lists_order),
	};
	int failed = cmocka_run_group_tests_name("sqlite", tests, setup_sqlite, teardown);
	if (test_pg_available()) {
		failed += cmocka_run_group_tests_name("postgresql", tests, setup_pg, teardown);
	} else {
		printf("1..%zu\n", sizeof tests / sizeof tests[0]);
		for (size_t i = 0; i < sizeof tests / sizeof tests[0]; i++)
			printf("ok %zu - postgresql %s # SKIP no PostgreSQL binaries\n", i + 1,
			       tests[i].name);
	}
	test_pg_stop();
	return failed != 0;
}
