/*
 * Tests for src/db/copy.c and `knooppunt migrate-data`: a SQLite network is
 * copied to a fresh PostgreSQL database with equal counts and checksums, the
 * copy reads back field for field, new rows get fresh ids, a changed row is
 * caught by the checksum, and a non-empty target is refused.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "db/copy.h"
#include "db/store.h"
#include "db_test_support.h"

#define VOLUNTEERS 450   /* more than two insert batches */

static char sqlite_path[512];
static int64_t first_vol, activity;

static void must(int rc, const struct kp_error *err)
{
	if (rc != KP_OK)
		fail_msg("store call failed: %d %s %s", err->kind, err->code, err->detail);
}

static void fill_source(void)
{
	struct kp_error err = { 0 };
	struct db *db;
	snprintf(sqlite_path, sizeof sqlite_path, "%s", test_sqlite_path("copy_source"));
	must(db_open(sqlite_path, &db, &err), &err);
	int64_t network, theme;
	must(db_begin(db, &err), &err);
	must(store_lists_seed_defaults(db, &err), &err);
	must(store_network_ensure(db, "Netwerk Drechtsteden", "Drechtsteden", 1000, &network, &err),
	     &err);
	must(store_list_item_find(db, LIST_ACTIVITY, "wandelen", "a", &activity, &err), &err);
	must(store_list_item_find(db, LIST_THEME, "ouderen", "t", &theme, &err), &err);
	struct organisation o = { .network_id = network, .kind = ORG_VOLUNTEER_ORG,
	                          .vog_max_age_months = 24, .active = 1, .created_at = 5,
	                          .updated_at = 6 };
	snprintf(o.name, sizeof o.name, "Humanitas Dordrecht – \"thuisadministratie\"");
	snprintf(o.municipality, sizeof o.municipality, "Dordrecht");
	must(store_organisation_insert(db, &o, &err), &err);
	static struct volunteer v;
	for (int i = 0; i < VOLUNTEERS; i++) {
		volunteer_init(&v);
		v.organisation_id = o.id;
		snprintf(v.first_name, sizeof v.first_name, "Zoë %d", i);
		snprintf(v.last_name, sizeof v.last_name, "van 't Hof");
		v.status = i % 4;
		snprintf(v.place, sizeof v.place, "Sliedrecht");
		v.lat = 51.82 + i * 1e-7;
		v.lon = 4.77 - i / 3.0;
		v.availability = (uint32_t)i * 2654435761u & DAYPART_ALL;
		v.birth_year = i % 3 ? 1950 + i % 50 : 0;
		v.max_matches = 1 + i % 3;
		if (i % 2)
			snprintf(v.vog_date, sizeof v.vog_date, "2024-02-%02d", 1 + i % 28);
		snprintf(v.motivation_text, sizeof v.motivation_text, "Regel 1\nRegel 2 ☺ %d", i);
		snprintf(v.started_on, sizeof v.started_on, "2023-05-01");
		v.created_at = v.updated_at = 10000 + i;
		(void)id_set_add(&v.items[LIST_ACTIVITY], activity);
		if (i % 2)
			(void)id_set_add(&v.items[LIST_THEME], theme);
		must(store_volunteer_insert(db, &v, false, &err), &err);
		if (i == 0)
			first_vol = v.id;
	}
	static struct call c;
	call_init(&c);
	c.organisation_id = o.id;
	c.source = SOURCE_CLIENT;
	snprintf(c.title, sizeof c.title, "Boodschappen voor meneer Bakker");
	c.activity_id = activity;
	snprintf(c.place, sizeof c.place, "Papendrecht");
	c.lat = 51.83;
	c.lon = 4.69;
	c.dayparts = 5;
	c.status = CALL_OPEN;
	c.created_at = c.updated_at = 20000;
	/* Its items raise its revision (migration 028), in the copy as well. */
	assert_int_equal(id_set_add(&c.items[LIST_THEME], theme), 0);
	must(store_call_insert(db, &c, &err), &err);
	struct match m = { .call_id = c.id, .volunteer_id = first_vol, .status = MATCH_PROPOSED,
	                   .score = 2.0 / 3.0, .created_at = 30000, .updated_at = 30000 };
	must(store_match_insert(db, &m, 0, &err), &err);
	must(store_match_transition(db, m.id, MATCH_PROPOSED, MATCH_DECLINED, "verhuisd", 0, 30001,
	                            &err), &err);
	must(db_commit(db, &err), &err);
	db_close(db);
}

static int setup(void **state)
{
	(void)state;
	fill_source();
	return 0;
}

static bool report_equal(const struct copy_report *r)
{
	for (int i = 0; i < r->n_tables; i++)
		if (r->tables[i].rows_from != r->tables[i].rows_to ||
		    r->tables[i].sum_from != r->tables[i].sum_to)
			return false;
	return r->n_tables > 0;
}

static int64_t rows_of(const struct copy_report *r, const char *table)
{
	for (int i = 0; i < r->n_tables; i++)
		if (strcmp(r->tables[i].name, table) == 0)
			return r->tables[i].rows_to;
	return -1;
}

static void copies_with_equal_counts_and_checksums(void **state)
{
	(void)state;
	char url[512];
	struct kp_error err = { 0 };
	struct db *from, *to;
	static struct copy_report report;
	assert_int_equal(test_pg_url(url, sizeof url), 0);
	must(db_open(sqlite_path, &from, &err), &err);
	must(db_open(url, &to, &err), &err);
	must(db_copy_all(from, to, &report, &err), &err);
	assert_true(report_equal(&report));
	assert_int_equal(rows_of(&report, "volunteers"), VOLUNTEERS);
	assert_int_equal(rows_of(&report, "match_events"), 2);
	assert_int_equal(rows_of(&report, "volunteer_items"), VOLUNTEERS + VOLUNTEERS / 2);
	assert_true(rows_of(&report, "list_items") > 20);
	/* Parents come before the tables that refer to them. */
	int org = -1, vol = -1, ev = -1;
	for (int i = 0; i < report.n_tables; i++) {
		if (strcmp(report.tables[i].name, "organisations") == 0)
			org = i;
		if (strcmp(report.tables[i].name, "volunteers") == 0)
			vol = i;
		if (strcmp(report.tables[i].name, "match_events") == 0)
			ev = i;
	}
	assert_true(org >= 0 && org < vol && vol < ev);

	/* The copy reads back as the original through the stores. */
	static struct volunteer a, b;
	must(store_volunteer_get(from, first_vol + 7, false, &a, &err), &err);
	must(store_volunteer_get(to, first_vol + 7, false, &b, &err), &err);
	assert_string_equal(a.first_name, b.first_name);
	assert_string_equal(a.motivation_text, b.motivation_text);
	assert_string_equal(a.vog_date, b.vog_date);
	assert_true(a.lat == b.lat && a.lon == b.lon);
	assert_int_equal(a.birth_year, b.birth_year);
	assert_int_equal(a.items[LIST_THEME].n, b.items[LIST_THEME].n);

	/* New rows continue after the copied ids. */
	b.id = 0;
	snprintf(b.first_name, sizeof b.first_name, "Nieuw");
	must(store_volunteer_insert(to, &b, false, &err), &err);
	assert_true(b.id > first_vol + VOLUNTEERS - 1);

	/* A changed row changes the checksum, though the count stays. */
	int64_t rows0, rows1;
	uint64_t sum0, sum1;
	must(db_copy_checksum(from, to, "matches", &rows0, &sum0, &err), &err);
	must(db_exec(to, "UPDATE matches SET reason = 'verhuisd.'", &err), &err);
	must(db_copy_checksum(from, to, "matches", &rows1, &sum1, &err), &err);
	assert_int_equal(rows0, rows1);
	assert_true(sum0 != sum1);

	/* A second copy into the now non-empty database is refused. */
	err = (struct kp_error){ 0 };
	assert_int_equal(db_copy_all(from, to, &report, &err), KP_ERR);
	assert_int_equal(err.kind, KP_CONFLICT);
	assert_string_equal(err.code, "not_empty");
	db_close(to);
	db_close(from);
}

static int run(const char *cmd, char *out, size_t cap)
{
	FILE *p = popen(cmd, "r");
	if (p == NULL)
		return -1;
	size_t n = fread(out, 1, cap - 1, p);
	out[n] = '\0';
	int st = pclose(p);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static void command_prints_counts_and_checksums(void **state)
{
	(void)state;
	const char *bin = getenv("KNOOPPUNT_BIN");
	assert_non_null(bin); /* set by tests/meson.build */
	char url[512], cmd[2048];
	static char out[64 * 1024];
	assert_int_equal(test_pg_url(url, sizeof url), 0);
	snprintf(cmd, sizeof cmd, "'%s' migrate-data --from '%s' --to '%s' 2>&1", bin,
	         sqlite_path, url);
	assert_int_equal(run(cmd, out, sizeof out), 0);
	assert_non_null(strstr(out, "volunteers"));
	assert_non_null(strstr(out, "aantallen en controlesommen gelijk"));
	assert_null(strstr(out, "VERSCHIL"));
	/* Again into the same database: refused, exit status 1. */
	assert_int_equal(run(cmd, out, sizeof out), 1);
	assert_non_null(strstr(out, "bevat al gegevens"));
	/* A missing source file is not silently created. */
	snprintf(cmd, sizeof cmd, "'%s' migrate-data --from /nonexistent/x.db --to '%s' 2>&1", bin,
	         url);
	assert_int_equal(run(cmd, out, sizeof out), 1);
}

int main(void)
{
	if (!test_pg_available()) {
		printf("1..2\nok 1 - copy # SKIP no PostgreSQL binaries\n"
		       "ok 2 - command # SKIP no PostgreSQL binaries\n");
		return 0;
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(copies_with_equal_counts_and_checksums),
		cmocka_unit_test(command_prints_counts_and_checksums),
	};
	int failed = cmocka_run_group_tests_name("copy", tests, setup, NULL);
	test_pg_stop();
	return failed != 0;
}
