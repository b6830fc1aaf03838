/* Tests for the SQLite backend (src/db/sqlite.c, src/db/db.c): a real file
   in a temporary directory, migrations, reopening, constraints as 409,
   transactions that roll back completely. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>

#include "db/migrations.h"
#include "db_fixture.h"

static int64_t scalar(struct db *db, const char *sql)
{
	struct db_stmt *st;
	struct kp_error err = { 0 };
	int64_t v = -1;
	assert_int_equal(db_prepare(db, sql, &st, &err), KP_OK);
	assert_int_equal(db_query_int(st, &v, &err), KP_OK);
	db_finalize(st);
	return v;
}

static void migrations_applied(void **state)
{
	struct fixture *f = *state;
	assert_true(db_migration_count >= 1);
	for (int i = 0; i < db_migration_count; i++)
		assert_int_equal(db_migrations[i].number, i + 1);
	assert_int_equal(db_schema_version(f->db), db_migration_count);
	assert_int_equal(scalar(f->db, "SELECT MAX(version) FROM schema_version"),
	                 db_migration_count);
	assert_int_equal(scalar(f->db, "SELECT COUNT(*) FROM schema_version"), db_migration_count);
	assert_string_equal(db_backend_name(f->db), "sqlite");
	/* the core tables exist */
	assert_int_equal(scalar(f->db, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' "
	                               "AND name IN ('organisations', 'volunteers', 'calls', "
	                               "'matches', 'match_events', 'list_items', 'accounts')"), 7);
}

/* The health check's ping answers, in a transaction too. */
static void ping_answers(void **state)
{
	struct fixture *f = *state;
	struct kp_error err = { 0 };
	assert_int_equal(db_ping(f->db, &err), KP_OK);
	assert_int_equal(db_begin(f->db, &err), KP_OK);
	assert_int_equal(db_ping(f->db, &err), KP_OK);
	db_rollback(f->db);
	assert_int_equal(err.kind, KP_NONE);
}

static void reopen_does_not_reapply(void **state)
{
	struct fixture *f = *state;
	struct kp_error err = { 0 };
	int64_t orgs = scalar(f->db, "SELECT COUNT(*) FROM organisations");
	assert_int_equal(orgs, 2);
	db_close(f->db);
	f->db = NULL;
	assert_int_equal(db_open(f->path, &f->db, &err), KP_OK);
	assert_int_equal(db_schema_version(f->db), db_migration_count);
	assert_int_equal(scalar(f->db, "SELECT COUNT(*) FROM schema_version"), db_migration_count);
	/* the data is still there: nothing was re-created */
	assert_int_equal(scalar(f->db, "SELECT COUNT(*) FROM organisations"), orgs);
	/* and a second connection on the same file at the same time */
	struct db *other;
	assert_int_equal(db_open(f->path, &other, &err), KP_OK);
	assert_int_equal(scalar(other, "SELECT COUNT(*) FROM organisations"), orgs);
	db_close(other);
}

static void newer_schema_refused(void **state)
{
	struct fixture *f = *state;
	struct kp_error err = { 0 };
	char sql[128];
	snprintf(sql, sizeof sql, "INSERT INTO schema_version (version) VALUES (%d)",
	         db_migration_count + 1);
	assert_int_equal(db_exec(f->db, sql, &err), KP_OK);
	struct db *other = NULL;
	assert_int_equal(db_open(f->path, &other, &err), KP_ERR);
	assert_null(other);
	assert_int_equal(err.kind, KP_INTERNAL);
}

static void wal_and_foreign_keys(void **state)
{
	struct fixture *f = *state;
	struct db_stmt *st;
	struct kp_error err = { 0 };
	assert_int_equal(db_prepare(f->db, "PRAGMA journal_mode", &st, &err), KP_OK);
	assert_int_equal(db_step(st, &err), DB_ROW);
	assert_string_equal(db_col_text(st, 0), "wal");
	db_finalize(st);
	assert_int_equal(scalar(f->db, "PRAGMA foreign_keys"), 1);
	/* a reference to a missing organisation is refused as a conflict */
	struct volunteer *v = malloc(sizeof *v);
	fixture_volunteer(f, v, 9999, "Piet", "Jansen", "Dordrecht");
	assert_int_equal(store_volunteer_insert(f->db, v, false, &err), KP_ERR);
	assert_int_equal(err.kind, KP_CONFLICT);
	free(v);
}

static void unique_violation_is_409(void **state)
{
	struct fixture *f = *state;
	struct kp_error err = { 0 };
	struct organisation o;
	organisation_init(&o);
	o.network_id = f->network;
	snprintf(o.name, sizeof o.name, "Humanitas Dordrecht");
	snprintf(o.municipality, sizeof o.municipality, "Dordrecht");
	assert_int_equal(store_organisation_insert(f->db, &o, &err), KP_ERR);
	assert_int_equal(err.kind, KP_CONFLICT);
	assert_string_equal(err.code, "duplicate");
	assert_string_equal(err.field, "name");

	struct list_item it = { .kind = LIST_ACTIVITY, .active = 1 };
	snprintf(it.code, sizeof it.code, "wandelen");
	snprintf(it.label_nl, sizeof it.label_nl, "Nog eens wandelen");
	snprintf(it.label_en, sizeof it.label_en, "Walking again");
	memset(&err, 0, sizeof err);
	assert_int_equal(store_list_item_insert(f->db, &it, &err), KP_ERR);
	assert_int_equal(err.kind, KP_CONFLICT);
	assert_string_equal(err.field, "code");
	/* the same code on another list is fine */
	it.kind = LIST_TALENT;
	snprintf(it.code, sizeof it.code, "wandelen");
	assert_int_equal(store_list_item_insert(f->db, &it, &err), KP_OK);

	/* renaming onto an existing name is a conflict too */
	struct organisation got;
	assert_int_equal(store_organisation_get(f->db, f->org2, &got, &err), KP_OK);
	snprintf(got.name, sizeof got.name, "Humanitas Dordrecht");
	assert_int_equal(store_organisation_update(f->db, &got, &err), KP_ERR);
	assert_int_equal(err.kind, KP_CONFLICT);
	assert_string_equal(err.code, "duplicate");
}

static void rollback_writes_nothing(void **state)
{
	struct fixture *f = *state;
	struct kp_error err = { 0 };
	int64_t before = scalar(f->db, "SELECT COUNT(*) FROM volunteers");
	assert_int_equal(db_begin(f->db, &err), KP_OK);
	fixture_insert_volunteer(f, f->org, "Anna", "de Boer", "Dordrecht");
	fixture_insert_volunteer(f, f->org, "Bram", "de Boer", "Dordrecht");
	assert_int_equal(scalar(f->db, "SELECT COUNT(*) FROM volunteers"), before + 2);
	db_rollback(f->db);
	assert_int_equal(scalar(f->db, "SELECT COUNT(*) FROM volunteers"), before);
	/* a rollback without a transaction is harmless */
	db_rollback(f->db);
	assert_int_equal(db_begin(f->db, &err), KP_OK);
	fixture_insert_volunteer(f, f->org, "Cor", "de Boer", "Dordrecht");
	assert_int_equal(db_commit(f->db, &err), KP_OK);
	assert_int_equal(scalar(f->db, "SELECT COUNT(*) FROM volunteers"), before + 1);
}

/* db_read_begin: the reads after it share one snapshot, which a write
   transaction or a writing statement ends first (then they see the newest
   data and do not fail on the older snapshot); it is no write transaction. */
static void reads_share_a_snapshot(void **state)
{
	struct fixture *f = *state;
	struct kp_error err = { 0 };
	struct db *other;
	const char *count = "SELECT COUNT(*) FROM volunteers";
	assert_int_equal(db_open(f->path, &other, &err), KP_OK);
	int64_t before = scalar(f->db, count);

	bool opened = db_read_begin(f->db);
	assert_true(opened);
	assert_false(db_in_transaction(f->db));
	assert_false(db_read_begin(f->db)); /* nested: the outer one keeps it */
	assert_int_equal(scalar(f->db, count), before);
	fixture_insert_volunteer(f, f->org, "Anna", "Meijer", "Zwijndrecht"); /* f->db ends it */
	assert_int_equal(scalar(f->db, count), before + 1);
	db_read_end(f->db, opened);

	/* Another connection's commit is not seen until the snapshot ends. */
	opened = db_read_begin(f->db);
	assert_int_equal(scalar(f->db, count), before + 1);
	struct fixture g = *f;
	g.db = other;
	fixture_insert_volunteer(&g, f->org, "Bram", "Meijer", "Zwijndrecht");
	assert_int_equal(scalar(f->db, count), before + 1);
	/* A write on the older snapshot would fail; it ends the snapshot instead. */
	fixture_insert_volunteer(f, f->org, "Cor", "Meijer", "Zwijndrecht");
	assert_int_equal(scalar(f->db, count), before + 3);
	db_read_end(f->db, opened);

	/* A write transaction ends it too, and commits as usual. */
	opened = db_read_begin(f->db);
	assert_int_equal(scalar(f->db, count), before + 3);
	fixture_insert_volunteer(&g, f->org, "Daan", "Meijer", "Zwijndrecht");
	assert_int_equal(db_begin(f->db, &err), KP_OK);
	assert_true(db_in_transaction(f->db));
	assert_false(db_read_begin(f->db));
	fixture_insert_volunteer(f, f->org, "Eva", "Meijer", "Zwijndrecht");
	assert_int_equal(db_commit(f->db, &err), KP_OK);
	db_read_end(f->db, opened);
	assert_false(db_in_transaction(f->db));
	assert_int_equal(scalar(f->db, count), before + 5);
	assert_int_equal(scalar(other, count), before + 5);
	db_close(other);
}

static void binding_round_trip(void **state)
{
	struct fixture *f = *state;
	struct db_stmt *st;
	struct kp_error err = { 0 };
	assert_int_equal(db_prepare(f->db, "SELECT ?, ?, ?, ?, ?, ?", &st, &err), KP_OK);
	db_bind_int(st, 1, INT64_MAX);
	db_bind_double(st, 2, 51.5);
	db_bind_text(st, 3, "coördinator 'quoted' \"x\"; DROP TABLE volunteers");
	db_bind_null(st, 4);
	db_bind_ref(st, 5, 0);
	db_bind_opt_text(st, 6, "");
	assert_int_equal(db_step(st, &err), DB_ROW);
	assert_true(db_col_int(st, 0) == INT64_MAX);
	assert_float_equal(db_col_double(st, 1), 51.5, 1e-9);
	assert_string_equal(db_col_text(st, 2), "coördinator 'quoted' \"x\"; DROP TABLE volunteers");
	assert_true(db_col_is_null(st, 3));
	assert_string_equal(db_col_text(st, 3), "");
	assert_true(db_col_is_null(st, 4));
	assert_true(db_col_is_null(st, 5));
	assert_int_equal(db_step(st, &err), DB_DONE);
	db_finalize(st);
	assert_int_equal(db_prepare(f->db, "SELECT nonsense FROM nowhere", &st, &err), KP_ERR);
	assert_int_equal(err.kind, KP_INTERNAL);
}

/* Statements are reused from the connection's cache: a reused one starts
   unbound, the same SQL can run nested, and more SQL than the cache holds works. */
static void statement_cache(void **state)
{
	struct fixture *f = *state;
	struct db_stmt *outer, *inner;
	struct kp_error err = { 0 };
	const char *sql = "SELECT ?, ? IS NULL";
	for (int round = 0; round < 3; round++) {
		assert_int_equal(db_prepare(f->db, sql, &outer, &err), KP_OK);
		if (round == 0)
			db_bind_int(outer, 2, 5); /* must not leak into the next round */
		db_bind_int(outer, 1, round);
		assert_int_equal(db_prepare(f->db, sql, &inner, &err), KP_OK);
		db_bind_int(inner, 1, 100 + round);
		assert_int_equal(db_step(outer, &err), DB_ROW);
		assert_int_equal(db_step(inner, &err), DB_ROW);
		assert_int_equal(db_col_int(outer, 0), round);
		assert_int_equal(db_col_int(inner, 0), 100 + round);
		assert_int_equal(db_col_int(inner, 1), 1);
		if (round > 0)
			assert_int_equal(db_col_int(outer, 1), 1);
		db_finalize(inner);
		db_finalize(outer);
	}
	char many[64];
	for (int i = 0; i < 200; i++) {
		struct db_stmt *st;
		int64_t got = 0;
		snprintf(many, sizeof many, "SELECT %d", i);
		assert_int_equal(db_prepare(f->db, many, &st, &err), KP_OK);
		assert_int_equal(db_query_int(st, &got, &err), KP_OK);
		assert_int_equal(got, i);
		db_finalize(st);
	}
}

static void redact_and_url(void **state)
{
	(void)state;
	char out[128];
	assert_true(db_is_url("postgresql://kp@localhost/kp"));
	assert_true(db_is_url("postgres://kp@localhost/kp"));
	assert_false(db_is_url("/var/lib/knooppunt/knooppunt.db"));
	db_redact("postgresql://kp:geheim@localhost:5432/kp", out, sizeof out);
	assert_string_equal(out, "postgresql://kp:***@localhost:5432/kp");
	assert_null(strstr(out, "geheim"));
	db_redact("postgresql://kp@localhost/kp", out, sizeof out);
	assert_string_equal(out, "postgresql://kp@localhost/kp");
	db_redact("/tmp/x.db", out, sizeof out);
	assert_string_equal(out, "/tmp/x.db");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(migrations_applied, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(statement_cache, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(ping_answers, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(reopen_does_not_reapply, fixture_setup,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(newer_schema_refused, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(wal_and_foreign_keys, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(unique_violation_is_409, fixture_setup,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(rollback_writes_nothing, fixture_setup,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(binding_round_trip, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(reads_share_a_snapshot, fixture_setup, fixture_teardown),
		cmocka_unit_test(redact_and_url),
	};
	return cmocka_run_group_tests_name("db_sqlite", tests, NULL, NULL);
}
