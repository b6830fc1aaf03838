/*
 * Tests for src/db/postgres.c next to src/db/sqlite.c: every test runs on a
 * SQLite file and on a throwaway PostgreSQL cluster (scripts/pg-test-cluster),
 * so the two backends are held to the same behaviour: migrations, store
 * round trips, placeholders, errors, nested queries, isolation.
 *
 * The PostgreSQL half is skipped only when the PostgreSQL binaries are absent.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/migrations.h"
#include "db/query.h"
#include "db/store.h"
#include "db_test_support.h"

struct fixture {
	char path[512];         /* SQLite file or PostgreSQL URL */
	struct db *db;
	int64_t network, org, vol, call, activity, theme;
};

static struct fixture sqlite_fx, pg_fx;

/* Creates the records every test builds on. */
static void seed(struct fixture *fx)
{
	struct kp_error err = { 0 };
	assert_int_equal(db_open(fx->path, &fx->db, &err), KP_OK);
	assert_int_equal(db_begin(fx->db, &err), KP_OK);
	assert_int_equal(store_lists_seed_defaults(fx->db, &err), KP_OK);
	assert_int_equal(store_network_ensure(fx->db, "Netwerk", "Drechtsteden", 1000,
	                                      &fx->network, &err), KP_OK);
	assert_int_equal(db_commit(fx->db, &err), KP_OK);
	assert_int_equal(store_list_item_find(fx->db, LIST_ACTIVITY, "wandelen", "activity",
	                                      &fx->activity, &err), KP_OK);
	assert_int_equal(store_list_item_find(fx->db, LIST_THEME, "ouderen", "theme",
	                                      &fx->theme, &err), KP_OK);
	struct organisation o = { .network_id = fx->network, .kind = ORG_CARE_PROVIDER,
	                          .vog_max_age_months = 36, .active = 1, .created_at = 1000,
	                          .updated_at = 1000 };
	snprintf(o.name, sizeof o.name, "Zorggroep 't Ouwe Hart");
	snprintf(o.municipality, sizeof o.municipality, "Dordrecht");
	assert_int_equal(store_organisation_insert(fx->db, &o, &err), KP_OK);
	fx->org = o.id;
}

static int setup_sqlite(void **state)
{
	snprintf(sqlite_fx.path, sizeof sqlite_fx.path, "%s", test_sqlite_path("db_postgres"));
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

static void make_volunteer(struct fixture *fx, struct volunteer *v, const char *first)
{
	volunteer_init(v);
	v->organisation_id = fx->org;
	snprintf(v->first_name, sizeof v->first_name, "%s", first);
	snprintf(v->last_name, sizeof v->last_name, "de Vries-Ünal");
	snprintf(v->email, sizeof v->email, "%s@example.nl", first);
	v->status = VOLUNTEER_ACTIVE;
	snprintf(v->place, sizeof v->place, "Dordrecht");
	v->lat = 51.8133;
	v->lon = 4.6901;
	v->availability = 0x1fffff;
	v->hours_per_week = 4;
	v->max_matches = 2;
	snprintf(v->vog_date, sizeof v->vog_date, "2025-03-01");
	snprintf(v->motivation_text, sizeof v->motivation_text,
	         "Ik wil graag iets betekenen; vraag? 'ja' \"zeker\"");
	snprintf(v->started_on, sizeof v->started_on, "2025-01-15");
	v->created_at = v->updated_at = 2000;
	assert_int_equal(id_set_add(&v->items[LIST_ACTIVITY], fx->activity), 0);
	assert_int_equal(id_set_add(&v->items[LIST_THEME], fx->theme), 0);
}

static void migrations_applied(void **state)
{
	struct fixture *fx = *state;
	struct kp_error err = { 0 };
	assert_int_equal(db_schema_version(fx->db), db_migration_count);
	struct db_stmt *st;
	int64_t n = -1;
	assert_int_equal(db_prepare(fx->db, "SELECT COUNT(*) FROM schema_version", &st, &err), 0);
	assert_int_equal(db_query_int(st, &n, &err), KP_OK);
	db_finalize(st);
	assert_int_equal(n, db_migration_count);
	/* Opening again applies nothing twice. */
	struct db *again;
	assert_int_equal(db_open(fx->path, &again, &err), KP_OK);
	assert_int_equal(db_schema_version(again), db_migration_count);
	db_close(again);
}

static void volunteer_round_trip(void **state)
{
	struct fixture *fx = *state;
	struct kp_error err = { 0 };
	static struct volunteer v, got;
	make_volunteer(fx, &v, "Anouk");
	assert_int_equal(db_begin(fx->db, &err), KP_OK);
	assert_int_equal(store_volunteer_insert(fx->db, &v, false, &err), KP_OK);
	assert_int_equal(db_commit(fx->db, &err), KP_OK);
	assert_true(v.id > 0);
	assert_int_equal(store_volunteer_get(fx->db, v.id, false, &got, &err), KP_OK);
	assert_string_equal(got.first_name, "Anouk");
	assert_string_equal(got.last_name, "de Vries-Ünal");
	assert_string_equal(got.motivation_text, v.motivation_text);
	assert_string_equal(got.vog_date, "2025-03-01");
	assert_true(got.lat == v.lat && got.lon == v.lon);
	assert_int_equal(got.availability, 0x1fffff);
	assert_true(id_set_contains(&got.items[LIST_ACTIVITY], fx->activity));
	assert_true(id_set_contains(&got.items[LIST_THEME], fx->theme));

	got.hours_per_week = 12;
	got.vog_date[0] = '\0';
	got.items[LIST_THEME].n = 0;
	assert_int_equal(db_begin(fx->db, &err), KP_OK);
	assert_int_equal(store_volunteer_update(fx->db, &got, false, &err), KP_OK);
	assert_int_equal(db_commit(fx->db, &err), KP_OK);
	static struct volunteer again;
	assert_int_equal(store_volunteer_get(fx->db, v.id, false, &again, &err), KP_OK);
	assert_int_equal(again.hours_per_week, 12);
	assert_string_equal(again.vog_date, "");
	assert_int_equal(again.items[LIST_THEME].n, 0);
	fx->vol = v.id;
}

static int count_volunteer(void *ctx, const struct volunteer *v)
{
	(void)v;
	++*(int *)ctx;
	return 0;
}

static void volunteer_list_filters(void **state)
{
	struct fixture *fx = *state;
	struct kp_error err = { 0 };
	static struct volunteer v;
	make_volunteer(fx, &v, "Bram");
	assert_int_equal(store_volunteer_insert(fx->db, &v, false, &err), KP_OK);
	struct list_filter f;
	list_filter_init(&f);
	f.q = "bRaM dE";
	int seen = 0;
	int64_t total = -1;
	assert_int_equal(store_volunteer_list(fx->db, &f, (struct page){ 50, 0 }, count_volunteer,
	                                      &seen, &total, &err), KP_OK);
	assert_int_equal(total, 1);
	assert_int_equal(seen, 1);
	list_filter_init(&f);
	f.organisation_id = fx->org;
	seen = 0;
	assert_int_equal(store_volunteer_list(fx->db, &f, (struct page){ 1, 1 }, count_volunteer,
	                                      &seen, &total, &err), KP_OK);
	assert_true(total >= 2);
	assert_int_equal(seen, 1);
}

static void make_call(struct fixture *fx, struct call *c)
{
	call_init(c);
	c->organisation_id = fx->org;
	c->source = SOURCE_ORGANISATION;
	snprintf(c->title, sizeof c->title, "Wandelmaatje gezocht voor mevrouw Jansen");
	c->activity_id = fx->activity;
	snprintf(c->place, sizeof c->place, "Zwijndrecht");
	c->lat = 51.8175;
	c->lon = 4.6389;
	snprintf(c->one_off_date, sizeof c->one_off_date, "2026-12-01");
	snprintf(c->start_time, sizeof c->start_time, "10:30");
	c->volunteers_needed = 1;
	c->status = CALL_OPEN;
	c->created_at = c->updated_at = 3000;
	assert_int_equal(id_set_add(&c->items[LIST_THEME], fx->theme), 0);
}

static void call_round_trip(void **state)
{
	struct fixture *fx = *state;
	struct kp_error err = { 0 };
	static struct call c, got;
	make_call(fx, &c);
	assert_int_equal(db_begin(fx->db, &err), KP_OK);
	assert_int_equal(store_call_insert(fx->db, &c, &err), KP_OK);
	assert_int_equal(db_commit(fx->db, &err), KP_OK);
	assert_int_equal(store_call_get(fx->db, c.id, &got, &err), KP_OK);
	assert_string_equal(got.title, c.title);
	assert_string_equal(got.one_off_date, "2026-12-01");
	assert_string_equal(got.start_time, "10:30");
	assert_int_equal(got.location_id, 0);
	assert_true(id_set_contains(&got.items[LIST_THEME], fx->theme));
	got.status = CALL_FILLED;
	assert_int_equal(store_call_update(fx->db, &got, &err), KP_OK);
	assert_int_equal(store_call_get(fx->db, c.id, &got, &err), KP_OK);
	assert_int_equal(got.status, CALL_FILLED);
	fx->call = c.id;
}

static int collect_event(void *ctx, const struct match_event *e)
{
	int *log = ctx;
	log[log[0] + 1] = e->from_status * 10 + e->to_status;
	log[0]++;
	return 0;
}

static int64_t new_match(struct fixture *fx, int64_t call_id, int64_t vol_id)
{
	struct kp_error err = { 0 };
	struct match m = { .call_id = call_id, .volunteer_id = vol_id, .status = MATCH_PROPOSED,
	                   .score = 0.8125, .created_at = 4000, .updated_at = 4000 };
	snprintf(m.explanation, sizeof m.explanation, "Woont op 3 km; houdt van wandelen");
	assert_int_equal(db_begin(fx->db, &err), KP_OK);
	assert_int_equal(store_match_insert(fx->db, &m, 0, &err), KP_OK);
	assert_int_equal(db_commit(fx->db, &err), KP_OK);
	return m.id;
}

static void match_transition_with_events(void **state)
{
	struct fixture *fx = *state;
	struct kp_error err = { 0 };
	int64_t id = new_match(fx, fx->call, fx->vol);
	assert_int_equal(db_begin(fx->db, &err), KP_OK);
	assert_int_equal(store_match_transition(fx->db, id, MATCH_PROPOSED, MATCH_CONTACTED, "",
	                                        0, 4100, &err), KP_OK);
	assert_int_equal(store_match_transition(fx->db, id, MATCH_CONTACTED, MATCH_DECLINED,
	                                        "geen tijd", 0, 4200, &err), KP_OK);
	assert_int_equal(db_commit(fx->db, &err), KP_OK);
	/* A transition from a status the match no longer has loses cleanly. */
	err = (struct kp_error){ 0 };
	assert_int_equal(store_match_transition(fx->db, id, MATCH_PROPOSED, MATCH_ACCEPTED, "",
	                                        0, 4300, &err), KP_ERR);
	assert_int_equal(err.kind, KP_CONFLICT);
	assert_string_equal(err.code, "changed_meanwhile");
	struct match m;
	assert_int_equal(store_match_get(fx->db, id, &m, &err), KP_OK);
	assert_int_equal(m.status, MATCH_DECLINED);
	assert_string_equal(m.reason, "geen tijd");
	assert_true(m.score == 0.8125);
	assert_int_equal(m.organisation_id, fx->org);
	int log[8] = { 0 };
	assert_int_equal(store_match_events(fx->db, id, collect_event, log, &err), KP_OK);
	assert_int_equal(log[0], 3);
	assert_int_equal(log[1], -10 + MATCH_PROPOSED);
	assert_int_equal(log[2], MATCH_PROPOSED * 10 + MATCH_CONTACTED);
	assert_int_equal(log[3], MATCH_CONTACTED * 10 + MATCH_DECLINED);
	/* The same pair twice is refused by the unique constraint. */
	struct match dup = { .call_id = fx->call, .volunteer_id = fx->vol,
	                     .status = MATCH_PROPOSED, .created_at = 1, .updated_at = 1 };
	err = (struct kp_error){ 0 };
	assert_int_equal(db_begin(fx->db, &err), KP_OK);
	assert_int_equal(store_match_insert(fx->db, &dup, 0, &err), KP_ERR);
	db_rollback(fx->db);
	assert_int_equal(err.kind, KP_CONFLICT);
	assert_string_equal(err.code, "already_matched");
}

static void constraint_is_conflict(void **state)
{
	struct fixture *fx = *state;
	struct kp_error err = { 0 };
	struct list_item it = { .kind = LIST_ACTIVITY, .active = 1 };
	snprintf(it.code, sizeof it.code, "wandelen");
	snprintf(it.label_nl, sizeof it.label_nl, "Nog eens wandelen");
	snprintf(it.label_en, sizeof it.label_en, "Walking again");
	assert_int_equal(store_list_item_insert(fx->db, &it, &err), KP_ERR);
	assert_int_equal(err.kind, KP_CONFLICT);
	assert_string_equal(err.code, "duplicate");
	/* A missing referenced row is a conflict too, and writes nothing. */
	struct db_stmt *st;
	err = (struct kp_error){ 0 };
	assert_int_equal(db_prepare(fx->db, "INSERT INTO locations (organisation_id, name, place, "
	                                    "lat, lon, created_at) VALUES (?, ?, ?, ?, ?, ?)",
	                            &st, &err), KP_OK);
	db_bind_int(st, 1, 999999);
	db_bind_text(st, 2, "Nergens");
	db_bind_text(st, 3, "Nergens");
	db_bind_double(st, 4, 0);
	db_bind_double(st, 5, 0);
	db_bind_int(st, 6, 1);
	assert_int_equal(db_step(st, &err), DB_FAILED);
	db_finalize(st);
	assert_int_equal(err.kind, KP_CONFLICT);
	assert_string_equal(err.code, "conflict");
}

static void placeholders_and_literals(void **state)
{
	struct fixture *fx = *state;
	struct kp_error err = { 0 };
	struct db_stmt *st;
	/* '?' inside literals, quoted names and comments is not a parameter. */
	assert_int_equal(db_prepare(fx->db, "SELECT 'wat?' || ? || 'it''s?', -- is dit ?\n"
	                                    "? + 1 AS \"hoeveel?\", ? /* echt? */, ?",
	                            &st, &err), KP_OK);
	db_bind_text(st, 1, "ja");
	db_bind_int(st, 2, 41);
	db_bind_double(st, 3, 0.1);
	db_bind_null(st, 4);
	assert_int_equal(db_step(st, &err), DB_ROW);
	assert_string_equal(db_col_text(st, 0), "wat?jait's?");
	assert_int_equal(db_col_int(st, 1), 42);
	assert_true(db_col_double(st, 2) == 0.1);
	assert_true(db_col_is_null(st, 3));
	assert_string_equal(db_col_text(st, 3), "");
	assert_int_equal(db_step(st, &err), DB_DONE);
	/* Reset runs the statement again with new bindings. */
	db_reset(st);
	db_bind_text(st, 1, "nee");
	db_bind_int(st, 2, -1);
	db_bind_double(st, 3, 1e300);
	db_bind_text(st, 4, "x");
	assert_int_equal(db_step(st, &err), DB_ROW);
	assert_string_equal(db_col_text(st, 0), "wat?neeit's?");
	assert_int_equal(db_col_int(st, 1), 0);
	assert_true(db_col_double(st, 2) == 1e300);
	assert_false(db_col_is_null(st, 3));
	db_finalize(st);
}

static void nested_queries_on_one_connection(void **state)
{
	struct fixture *fx = *state;
	struct kp_error err = { 0 };
	struct db_stmt *outer, *inner;
	assert_int_equal(db_prepare(fx->db, "SELECT id, code FROM list_items WHERE kind = ? "
	                                    "ORDER BY position, id", &outer, &err), KP_OK);
	db_bind_text(outer, 1, "activity");
	assert_int_equal(db_prepare(fx->db, "SELECT label_nl FROM list_items WHERE id = ?", &inner,
	                            &err), KP_OK);
	int rows = 0, rc;
	while ((rc = db_step(outer, &err)) == DB_ROW) {
		const char *code = db_col_text(outer, 1);
		char code_copy[64];
		snprintf(code_copy, sizeof code_copy, "%s", code);
		db_reset(inner);
		db_bind_int(inner, 1, db_col_int(outer, 0));
		assert_int_equal(db_step(inner, &err), DB_ROW);
		assert_true(strlen(db_col_text(inner, 0)) > 0);
		/* The outer row's text survives the inner statement. */
		assert_string_equal(db_col_text(outer, 1), code_copy);
		rows++;
	}
	assert_int_equal(rc, DB_DONE);
	assert_true(rows >= 10);
	db_finalize(inner);
	db_finalize(outer);
}

/* SQLite's reads after db_read_begin share one snapshot, and do not see a
   commit made meanwhile. PostgreSQL reads each statement on its own:
   db_read_begin opens nothing, and the statements after it see every
   commit, as without it. Neither is a write transaction. */
static void reads_and_their_snapshot(void **state)
{
	struct fixture *fx = *state;
	struct kp_error err = { 0 };
	struct db *other;
	struct db_stmt *st;
	int64_t before = -1, after = -1;
	assert_int_equal(db_open(fx->path, &other, &err), KP_OK);
	bool sqlite = strcmp(db_backend_name(fx->db), "sqlite") == 0;
	bool opened = db_read_begin(fx->db);
	assert_int_equal(opened, sqlite);
	assert_false(db_in_transaction(fx->db));
	assert_int_equal(db_prepare(fx->db, "SELECT COUNT(*) FROM list_items", &st, &err), KP_OK);
	assert_int_equal(db_query_int(st, &before, &err), KP_OK);
	db_finalize(st);
	assert_int_equal(db_exec(other, "INSERT INTO list_items (kind, code, label_nl, label_en) "
	                                "VALUES ('activity', 'los-lezen', 'Los lezen', 'Reading')",
	                         &err), KP_OK);
	assert_int_equal(db_prepare(fx->db, "SELECT COUNT(*) FROM list_items", &st, &err), KP_OK);
	assert_int_equal(db_query_int(st, &after, &err), KP_OK);
	db_finalize(st);
	db_read_end(fx->db, opened);
	assert_int_equal(after, sqlite ? before : before + 1);
	assert_int_equal(db_exec(other, "DELETE FROM list_items WHERE code = 'los-lezen'", &err),
	                 KP_OK);
	db_close(other);
}

static int64_t revision_of(struct fixture *fx, int64_t call_id)
{
	struct kp_error err = { 0 };
	static struct call got;
	assert_int_equal(store_call_get(fx->db, call_id, &got, &err), KP_OK);
	return got.revision;
}

static void run_id(struct fixture *fx, const char *sql, int64_t id)
{
	struct kp_error err = { 0 };
	assert_int_equal(query_exec_id(fx->db, sql, id, &err), KP_OK);
}

/* A call's revision (migration 028's triggers) goes up with everything a
   list shows of it, whoever writes it: the store, a statement of its own (as
   erasure's), its items, its location's name. Reading leaves it, and a
   call at another location keeps its own. A list's heads carry it, and
   the calls read whole after them come through the list's filter again. */
static void call_revision_follows_what_a_list_shows(void **state)
{
	struct fixture *fx = *state;
	struct kp_error err = { 0 };
	static struct call c, other, got;
	struct db_stmt *st;
	int64_t loc = 0;
	assert_int_equal(db_prepare(fx->db, "INSERT INTO locations (organisation_id, name, place, "
	                                    "lat, lon, created_at) VALUES (?, 'De Merwelanden', "
	                                    "'Dordrecht', 51.8, 4.7, 1000) RETURNING id",
	                            &st, &err), KP_OK);
	db_bind_int(st, 1, fx->org);
	assert_int_equal(db_query_int(st, &loc, &err), KP_OK);
	db_finalize(st);
	make_call(fx, &c);
	c.location_id = loc;
	make_call(fx, &other);
	assert_int_equal(store_call_insert(fx->db, &c, &err), KP_OK);
	assert_int_equal(store_call_insert(fx->db, &other, &err), KP_OK);
	int64_t r = revision_of(fx, c.id), other_r = revision_of(fx, other.id);
	assert_int_equal(revision_of(fx, c.id), r);

	assert_int_equal(store_call_get(fx->db, c.id, &got, &err), KP_OK);
	got.status = CALL_FILLED;
	assert_int_equal(store_call_update(fx->db, &got, &err), KP_OK);
	assert_true(revision_of(fx, c.id) > r);
	r = revision_of(fx, c.id);

	run_id(fx, "UPDATE calls SET title = 'Aanbod' WHERE id = ?", c.id);
	assert_true(revision_of(fx, c.id) > r);
	r = revision_of(fx, c.id);

	run_id(fx, "DELETE FROM call_items WHERE call_id = ?", c.id);
	assert_true(revision_of(fx, c.id) > r);
	r = revision_of(fx, c.id);

	assert_int_equal(db_prepare(fx->db, "INSERT INTO call_items (call_id, item_id) VALUES (?, ?)",
	                            &st, &err), KP_OK);
	db_bind_int(st, 1, c.id);
	db_bind_int(st, 2, fx->theme);
	assert_int_equal(db_step(st, &err), DB_DONE);
	db_finalize(st);
	assert_true(revision_of(fx, c.id) > r);
	r = revision_of(fx, c.id);

	run_id(fx, "UPDATE locations SET name = 'Merwelanden' WHERE id = ?", loc);
	assert_true(revision_of(fx, c.id) > r);
	assert_int_equal(revision_of(fx, other.id), other_r);

	/* The heads of a list carry the same revision as the call. */
	struct call_head heads[PAGE_MAX];
	struct list_filter lf;
	int n = 0;
	int64_t total = 0;
	list_filter_init(&lf);
	assert_int_equal(store_call_heads(fx->db, &lf, (struct page){ PAGE_MAX, 0 }, heads, &n,
	                                  &total, &err), KP_OK);
	assert_int_equal(n, total);
	bool seen = false;
	for (int i = 0; i < n; i++) {
		assert_int_equal(heads[i].revision, revision_of(fx, heads[i].id));
		seen |= heads[i].id == c.id;
	}
	assert_true(seen);

	/* A call read whole after its head comes only while the list's filter
	   still selects it: filled meanwhile, it is not found, and nothing fails. */
	static struct call rows[2];
	bool found[2] = { false, false };
	int64_t ids[2] = { c.id, other.id };
	lf.status = CALL_OPEN;
	assert_int_equal(store_call_rows(fx->db, &lf, ids, 2, rows, found, &err), KP_OK);
	assert_false(found[0]); /* c was filled above */
	assert_true(found[1]);
	assert_int_equal(rows[1].id, other.id);
	assert_true(id_set_contains(&rows[1].items[LIST_THEME], fx->theme));
	lf.status = -1;
	lf.organisation_id = fx->org;
	assert_int_equal(store_call_rows(fx->db, &lf, ids, 2, rows, found, &err), KP_OK);
	assert_true(found[0] && found[1]);
	assert_string_equal(rows[0].title, "Aanbod");
	assert_int_equal(rows[0].revision, revision_of(fx, c.id));
}

static int64_t volunteer_revision(struct fixture *fx, int64_t id)
{
	struct kp_error err = { 0 };
	static struct volunteer got;
	assert_int_equal(store_volunteer_get(fx->db, id, false, &got, &err), KP_OK);
	return got.revision;
}

/* A volunteer's revision (migration 029) goes up with everything a list
   shows of them, whoever writes it: the store, a statement of its own (as
   erasure's), their items. The heads carry it, and the rows read after them come through the list's
   filter again. */
static void volunteer_revision_follows_what_a_list_shows(void **state)
{
	struct fixture *fx = *state;
	struct kp_error err = { 0 };
	static struct volunteer v, other, got;
	make_volunteer(fx, &v, "Ilse");
	make_volunteer(fx, &other, "Joost");
	assert_int_equal(store_volunteer_insert(fx->db, &v, false, &err), KP_OK);
	assert_int_equal(store_volunteer_insert(fx->db, &other, false, &err), KP_OK);
	int64_t r = volunteer_revision(fx, v.id), other_r = volunteer_revision(fx, other.id);
	assert_int_equal(volunteer_revision(fx, v.id), r);

	assert_int_equal(store_volunteer_get(fx->db, v.id, false, &got, &err), KP_OK);
	got.hours_per_week = 6;
	assert_int_equal(store_volunteer_update(fx->db, &got, false, &err), KP_OK);
	assert_true(volunteer_revision(fx, v.id) > r);
	r = volunteer_revision(fx, v.id);

	run_id(fx, "UPDATE volunteers SET first_name = 'Geanonimiseerd' WHERE id = ?", v.id);
	assert_true(volunteer_revision(fx, v.id) > r);
	r = volunteer_revision(fx, v.id);

	run_id(fx, "DELETE FROM volunteer_items WHERE volunteer_id = ?", v.id);
	assert_true(volunteer_revision(fx, v.id) > r);
	r = volunteer_revision(fx, v.id);
	assert_int_equal(volunteer_revision(fx, other.id), other_r);

	/* Lived experience is in no list, but in the record that a server
	   keeps as well: added or removed, it raises the revision too. */
	run_id(fx, "INSERT INTO list_items (kind, code, label_nl, label_en) "
	           "VALUES ('experience', 'rev-' || CAST(? AS TEXT), 'Ervaring', 'Experience')",
	       v.id);
	run_id(fx, "INSERT INTO volunteer_experiences (volunteer_id, item_id) SELECT ?, MAX(id) "
	           "FROM list_items WHERE kind = 'experience'", v.id);
	assert_true(volunteer_revision(fx, v.id) > r);
	r = volunteer_revision(fx, v.id);
	run_id(fx, "DELETE FROM volunteer_experiences WHERE volunteer_id = ?", v.id);
	assert_true(volunteer_revision(fx, v.id) > r);
	r = volunteer_revision(fx, v.id);
	assert_int_equal(volunteer_revision(fx, other.id), other_r);

	struct row_head heads[PAGE_MAX];
	struct list_filter lf;
	int n = 0;
	int64_t total = 0;
	list_filter_init(&lf);
	assert_int_equal(store_volunteer_heads(fx->db, &lf, (struct page){ PAGE_MAX, 0 }, heads, &n,
	                                       &total, &err), KP_OK);
	assert_int_equal(n, total);
	for (int i = 0; i < n; i++)
		assert_int_equal(heads[i].revision, volunteer_revision(fx, heads[i].id));

	/* Stopped after its head was read, a volunteer is not found under an
	   active-only filter; the other is, with their items. */
	static struct volunteer rows[2];
	bool found[2] = { false, false };
	int64_t ids[2] = { v.id, other.id };
	run_id(fx, "UPDATE volunteers SET status = 'stopped' WHERE id = ?", v.id);
	lf.status = VOLUNTEER_ACTIVE;
	assert_int_equal(store_volunteer_rows(fx->db, &lf, ids, 2, rows, found, &err), KP_OK);
	assert_false(found[0]);
	assert_true(found[1]);
	assert_string_equal(rows[1].first_name, "Joost");
	assert_true(id_set_contains(&rows[1].items[LIST_THEME], fx->theme));
	assert_int_equal(rows[1].revision, other_r);
}

/* Two coordinators move the same match at the same moment from two
   connections: exactly one wins, the other gets 409 changed_meanwhile. */
struct racer {
	struct fixture *fx;
	pthread_barrier_t *barrier;
	int64_t match_id;
	int to;
	int rc;
	struct kp_error err;
};

static void *race(void *arg)
{
	struct racer *r = arg;
	struct db *db = NULL;
	struct match m;
	r->rc = KP_ERR;
	if (db_open(r->fx->path, &db, &r->err))
		return NULL;
	bool pg = strcmp(db_backend_name(db), "postgresql") == 0;
	/* SQLite lets one writer in at a time, so both start together; on
	   PostgreSQL both are inside their transactions and have read the
	   match before either writes. */
	if (!pg)
		pthread_barrier_wait(r->barrier);
	if (db_begin(db, &r->err) || store_match_get(db, r->match_id, &m, &r->err))
		goto end;
	if (pg)
		pthread_barrier_wait(r->barrier);
	if (m.status != MATCH_PROPOSED) {
		kp_fail(&r->err, KP_CONFLICT, "changed_meanwhile", "status");
		goto end;
	}
	if (store_match_transition(db, r->match_id, MATCH_PROPOSED, r->to, "", 0, 5000, &r->err) ||
	    db_commit(db, &r->err))
		goto end;
	r->rc = KP_OK;
end:
	db_rollback(db);
	db_close(db);
	return NULL;
}

static void concurrent_transition_loses_cleanly(void **state)
{
	struct fixture *fx = *state;
	struct kp_error err = { 0 };
	int wins_a = 0;
	for (int round = 0; round < 10; round++) {
		static struct volunteer v;
		char name[16];
		snprintf(name, sizeof name, "Race%d", round);
		make_volunteer(fx, &v, name);
		assert_int_equal(store_volunteer_insert(fx->db, &v, false, &err), KP_OK);
		int64_t id = new_match(fx, fx->call, v.id);
		pthread_barrier_t barrier;
		pthread_barrier_init(&barrier, NULL, 2);
		struct racer a = { fx, &barrier, id, MATCH_ACCEPTED, 0, { 0 } };
		struct racer b = { fx, &barrier, id, MATCH_DECLINED, 0, { 0 } };
		pthread_t ta, tb;
		pthread_create(&ta, NULL, race, &a);
		pthread_create(&tb, NULL, race, &b);
		pthread_join(ta, NULL);
		pthread_join(tb, NULL);
		pthread_barrier_destroy(&barrier);
		assert_int_equal((a.rc == KP_OK) + (b.rc == KP_OK), 1);
		struct racer *loser = a.rc == KP_OK ? &b : &a;
		struct racer *winner = a.rc == KP_OK ? &a : &b;
		assert_int_equal(loser->err.kind, KP_CONFLICT);
		assert_string_equal(loser->err.code, "changed_meanwhile");
		wins_a += a.rc == KP_OK;
		struct match m;
		assert_int_equal(store_match_get(fx->db, id, &m, &err), KP_OK);
		assert_int_equal(m.status, winner->to);
		int log[8] = { 0 };
		assert_int_equal(store_match_events(fx->db, id, collect_event, log, &err), KP_OK);
		assert_int_equal(log[0], 2); /* created + the winner's move, nothing lost or doubled */
	}
	print_message("# %s: A won %d of 10 races\n", db_backend_name(fx->db), wins_a);
}

/* Read-modify-write of a whole profile by two coordinators: the second
   write must not silently undo the first. */
static void no_lost_update_of_profile(void **state)
{
	struct fixture *fx = *state;
	struct kp_error err = { 0 };
	struct db *other;
	assert_int_equal(db_open(fx->path, &other, &err), KP_OK);
	static struct volunteer a, b;
	bool pg = strcmp(db_backend_name(fx->db), "postgresql") == 0;
	assert_int_equal(db_begin(fx->db, &err), KP_OK);
	assert_int_equal(store_volunteer_get(fx->db, fx->vol, false, &a, &err), KP_OK);
	if (pg) {
		/* Both transactions read the profile before either writes. */
		assert_int_equal(db_begin(other, &err), KP_OK);
		assert_int_equal(store_volunteer_get(other, fx->vol, false, &b, &err), KP_OK);
	}
	a.hours_per_week = 7;
	assert_int_equal(store_volunteer_update(fx->db, &a, false, &err), KP_OK);
	assert_int_equal(db_commit(fx->db, &err), KP_OK);
	if (pg) {
		b.max_distance_km = 33;
		int rc = store_volunteer_update(other, &b, false, &err);
		if (rc == KP_OK)
			rc = db_commit(other, &err);
		assert_int_equal(rc, KP_ERR);
		assert_int_equal(err.kind, KP_CONFLICT);
		assert_string_equal(err.code, "changed_meanwhile");
		db_rollback(other);
	} else {
		/* SQLite: the second writer could only start now and reads the first's write. */
		assert_int_equal(db_begin(other, &err), KP_OK);
		assert_int_equal(store_volunteer_get(other, fx->vol, false, &b, &err), KP_OK);
		assert_int_equal(b.hours_per_week, 7);
		db_rollback(other);
	}
	static struct volunteer now;
	assert_int_equal(store_volunteer_get(fx->db, fx->vol, false, &now, &err), KP_OK);
	assert_int_equal(now.hours_per_week, 7);
	db_close(other);
}

static void job_lock_is_exclusive(void **state)
{
	struct fixture *fx = *state;
	struct kp_error err = { 0 };
	struct db *other;
	assert_int_equal(db_open(fx->path, &other, &err), KP_OK);
	bool got = false, got2 = true;
	assert_int_equal(db_try_job_lock(fx->db, 77, &got, &err), KP_OK);
	assert_true(got);
	assert_int_equal(db_try_job_lock(other, 77, &got2, &err), KP_OK);
	if (strcmp(db_backend_name(fx->db), "postgresql") == 0) {
		assert_false(got2);
		db_job_unlock(fx->db, 77);
		assert_int_equal(db_try_job_lock(other, 77, &got2, &err), KP_OK);
		assert_true(got2);
		db_job_unlock(other, 77);
	} else {
		assert_true(got2); /* one server per SQLite file */
	}
	db_close(other);
}

/* PostgreSQL: a connection the server dropped (restart, fail-over) fails
   its next statement with 503 and works again after that, prepared
   statements included. */
static void reconnects_after_a_dropped_connection(void **state)
{
	struct fixture *fx = *state;
	if (strcmp(db_backend_name(fx->db), "postgresql") != 0)
		skip(); /* a SQLite file has no connection to lose */
	struct kp_error err = { 0 };
	struct db_stmt *st;
	int64_t pid = 0, n = 0;
	assert_int_equal(db_prepare(fx->db, "SELECT pg_backend_pid()", &st, &err), KP_OK);
	assert_int_equal(db_query_int(st, &pid, &err), KP_OK);
	db_finalize(st);
	struct db *other;
	assert_int_equal(db_open(fx->path, &other, &err), KP_OK);
	assert_int_equal(db_prepare(other, "SELECT pg_terminate_backend(CAST(? AS INTEGER))", &st,
	                            &err), KP_OK);
	db_bind_int(st, 1, pid);
	assert_int_equal(db_step(st, &err), DB_ROW);
	db_finalize(st);
	db_close(other);
	const char *sql = "SELECT COUNT(*) FROM list_items WHERE kind = ?";
	assert_int_equal(db_prepare(fx->db, sql, &st, &err), KP_OK);
	db_bind_text(st, 1, "activity");
	err = (struct kp_error){ 0 };
	assert_int_equal(db_step(st, &err), DB_FAILED);
	assert_int_equal(err.kind, KP_BUSY);
	db_finalize(st);
	for (int i = 0; i < 3; i++) { /* prepared anew on the new session, then reused */
		assert_int_equal(db_prepare(fx->db, sql, &st, &err), KP_OK);
		db_bind_text(st, 1, "activity");
		assert_int_equal(db_query_int(st, &n, &err), KP_OK);
		db_finalize(st);
		assert_true(n >= 10);
	}
}

/* A statement with an error reports it, inside a transaction too, and the
   transaction can only be rolled back afterwards. */
static void bad_statement_fails_cleanly(void **state)
{
	struct fixture *fx = *state;
	struct kp_error err = { 0 };
	struct db_stmt *st = NULL;
	assert_int_equal(db_begin(fx->db, &err), KP_OK);
	int rc = db_prepare(fx->db, "SELECT no_such_column FROM list_items WHERE id = ?", &st, &err);
	if (rc == KP_OK) { /* PostgreSQL finds out when it runs */
		db_bind_int(st, 1, 1);
		assert_int_equal(db_step(st, &err), DB_FAILED);
		db_finalize(st);
	}
	assert_int_equal(err.kind, KP_INTERNAL);
	db_rollback(fx->db);
	/* The connection is usable again. */
	int64_t n = 0;
	assert_int_equal(db_prepare(fx->db, "SELECT COUNT(*) FROM networks", &st, &err), KP_OK);
	assert_int_equal(db_query_int(st, &n, &err), KP_OK);
	db_finalize(st);
	assert_int_equal(n, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(migrations_applied),
		cmocka_unit_test(volunteer_round_trip),
		cmocka_unit_test(volunteer_list_filters),
		cmocka_unit_test(call_round_trip),
		cmocka_unit_test(match_transition_with_events),
		cmocka_unit_test(constraint_is_conflict),
		cmocka_unit_test(placeholders_and_literals),
		cmocka_unit_test(nested_queries_on_one_connection),
		cmocka_unit_test(concurrent_transition_loses_cleanly),
		cmocka_unit_test(no_lost_update_of_profile),
		cmocka_unit_test(job_lock_is_exclusive),
		cmocka_unit_test(bad_statement_fails_cleanly),
		cmocka_unit_test(reads_and_their_snapshot),
		cmocka_unit_test(call_revision_follows_what_a_list_shows),
		cmocka_unit_test(volunteer_revision_follows_what_a_list_shows),
		cmocka_unit_test(reconnects_after_a_dropped_connection),
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
