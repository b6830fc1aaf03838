/* Tests for src/db/matches.c against a real SQLite file: insert with its
   first event, transitions that record events, the stale-status guard
   (409 changed_meanwhile), duplicates, open counts and list filters. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "db_fixture.h"

struct events {
	int n;
	struct match_event e[16];
};

static int collect_event(void *ctx, const struct match_event *e)
{
	struct events *ev = ctx;
	if (ev->n < 16)
		ev->e[ev->n] = *e;
	ev->n++;
	return 0;
}

static int64_t new_match(struct fixture *f, int64_t call, int64_t vol, int status)
{
	struct match m = { 0 };
	struct kp_error err = { 0 };
	m.call_id = call;
	m.volunteer_id = vol;
	m.status = status;
	m.score = 0.75;
	snprintf(m.explanation, sizeof m.explanation, "woont 2 km verderop; houdt van wandelen");
	m.created_at = m.updated_at = f->now;
	if (store_match_insert(f->db, &m, 0, &err) != KP_OK)
		fail_msg("match insert: %s %s", err.code, err.detail);
	return m.id;
}

static void insert_and_get(void **state)
{
	struct fixture *f = *state;
	struct kp_error err = { 0 };
	int64_t call = fixture_insert_call(f, f->org2, "Wandelen");
	int64_t vol = fixture_insert_volunteer(f, f->org, "Ali", "Demir", "Dordrecht");
	int64_t id = new_match(f, call, vol, MATCH_PROPOSED);
	struct match m;
	assert_int_equal(store_match_get(f->db, id, &m, &err), KP_OK);
	assert_int_equal(m.id, id);
	assert_int_equal(m.call_id, call);
	assert_int_equal(m.volunteer_id, vol);
	assert_int_equal(m.organisation_id, f->org2);   /* the call's organisation */
	assert_int_equal(m.status, MATCH_PROPOSED);
	assert_float_equal(m.score, 0.75, 1e-9);
	assert_string_equal(m.explanation, "woont 2 km verderop; houdt van wandelen");
	assert_int_equal(m.created_at, f->now);
	struct events ev = { 0 };
	assert_int_equal(store_match_events(f->db, id, collect_event, &ev, &err), KP_OK);
	assert_int_equal(ev.n, 1);
	assert_int_equal(ev.e[0].from_status, -1);
	assert_int_equal(ev.e[0].to_status, MATCH_PROPOSED);
	assert_int_equal(ev.e[0].actor_id, 0);
	assert_int_equal(store_match_get(f->db, id + 1, &m, &err), KP_ERR);
	assert_int_equal(err.kind, KP_NOT_FOUND);
}

static void duplicate_is_409(void **state)
{
	struct fixture *f = *state;
	struct kp_error err = { 0 };
	int64_t call = fixture_insert_call(f, f->org, "Klussen");
	int64_t vol = fixture_insert_volunteer(f, f->org, "Ali", "Demir", "Dordrecht");
	new_match(f, call, vol, MATCH_PROPOSED);
	struct match m = { .call_id = call, .volunteer_id = vol, .status = MATCH_PROPOSED };
	assert_int_equal(store_match_insert(f->db, &m, 0, &err), KP_ERR);
	assert_int_equal(err.kind, KP_CONFLICT);
	assert_string_equal(err.code, "already_matched");
}

static void transitions_write_events(void **state)
{
	struct fixture *f = *state;
	struct kp_error err = { 0 };
	int64_t call = fixture_insert_call(f, f->org, "Voorlezen");
	int64_t vol = fixture_insert_volunteer(f, f->org, "Ali", "Demir", "Dordrecht");
	int64_t id = new_match(f, call, vol, MATCH_PROPOSED);
	static const int path[] = { MATCH_CONTACTED, MATCH_ACCEPTED, MATCH_ACTIVE, MATCH_ENDED };
	int from = MATCH_PROPOSED;
	for (int i = 0; i < 4; i++) {
		const char *reason = path[i] == MATCH_ENDED ? "verhuisd naar Utrecht" : "";
		assert_int_equal(store_match_transition(f->db, id, from, path[i], reason, 0,
		                                        f->now + 10 * (i + 1), &err), KP_OK);
		from = path[i];
	}
	struct match m;
	assert_int_equal(store_match_get(f->db, id, &m, &err), KP_OK);
	assert_int_equal(m.status, MATCH_ENDED);
	assert_string_equal(m.reason, "verhuisd naar Utrecht");
	assert_int_equal(m.updated_at, f->now + 40);
	struct events ev = { 0 };
	assert_int_equal(store_match_events(f->db, id, collect_event, &ev, &err), KP_OK);
	assert_int_equal(ev.n, 5);
	assert_int_equal(ev.e[0].to_status, MATCH_PROPOSED);
	for (int i = 0; i < 4; i++) {
		assert_int_equal(ev.e[i + 1].from_status, i == 0 ? MATCH_PROPOSED : path[i - 1]);
		assert_int_equal(ev.e[i + 1].to_status, path[i]);
		assert_int_equal(ev.e[i + 1].at, f->now + 10 * (i + 1));
	}
	assert_string_equal(ev.e[4].reason, "verhuisd naar Utrecht");
}

static void stale_status_is_409_and_writes_nothing(void **state)
{
	struct fixture *f = *state;
	struct kp_error err = { 0 };
	int64_t call = fixture_insert_call(f, f->org, "Boodschappen");
	int64_t vol = fixture_insert_volunteer(f, f->org, "Ali", "Demir", "Dordrecht");
	int64_t id = new_match(f, call, vol, MATCH_PROPOSED);
	assert_int_equal(store_match_transition(f->db, id, MATCH_PROPOSED, MATCH_CONTACTED, "", 0,
	                                        f->now + 1, &err), KP_OK);
	/* a second caller still believes the match is proposed */
	assert_int_equal(store_match_transition(f->db, id, MATCH_PROPOSED, MATCH_DECLINED,
	                                        "geen tijd", 0, f->now + 2, &err), KP_ERR);
	assert_int_equal(err.kind, KP_CONFLICT);
	assert_string_equal(err.code, "changed_meanwhile");
	struct match m;
	assert_int_equal(store_match_get(f->db, id, &m, &err), KP_OK);
	assert_int_equal(m.status, MATCH_CONTACTED);
	struct events ev = { 0 };
	assert_int_equal(store_match_events(f->db, id, collect_event, &ev, &err), KP_OK);
	assert_int_equal(ev.n, 2);
	/* a match that does not exist is refused the same way */
	memset(&err, 0, sizeof err);
	assert_int_equal(store_match_transition(f->db, id + 50, MATCH_PROPOSED, MATCH_CONTACTED,
	                                        "", 0, f->now, &err), KP_ERR);
	assert_int_equal(err.kind, KP_CONFLICT);
}

static int count(void *ctx, const struct match *m)
{
	(void)m;
	(*(int *)ctx)++;
	return 0;
}

static void open_count_and_lists(void **state)
{
	struct fixture *f = *state;
	struct kp_error err = { 0 };
	int64_t vol = fixture_insert_volunteer(f, f->org, "Ali", "Demir", "Dordrecht");
	int64_t vol2 = fixture_insert_volunteer(f, f->org2, "Bep", "Visser", "Zwijndrecht");
	int64_t calls[6];
	for (int i = 0; i < 6; i++)
		calls[i] = fixture_insert_call(f, i < 4 ? f->org : f->org2, "Oproep");
	static const int statuses[] = { MATCH_PROPOSED, MATCH_CONTACTED, MATCH_ACCEPTED,
	                                MATCH_DECLINED, MATCH_ACTIVE, MATCH_ENDED };
	for (int i = 0; i < 6; i++)
		new_match(f, calls[i], vol, statuses[i]);
	new_match(f, calls[0], vol2, MATCH_PROPOSED);
	int64_t n = -1;
	assert_int_equal(store_match_count_open(f->db, vol, &n, &err), KP_OK);
	assert_int_equal(n, 4);
	assert_int_equal(store_match_count_open(f->db, vol2, &n, &err), KP_OK);
	assert_int_equal(n, 1);
	assert_int_equal(store_match_count_open(f->db, 999999, &n, &err), KP_OK);
	assert_int_equal(n, 0);

	struct list_filter lf;
	int64_t total = -1;
	int seen = 0;
	list_filter_init(&lf);
	assert_int_equal(store_match_list(f->db, &lf, (struct page){ 3, 0 }, count, &seen, &total,
	                                  &err), KP_OK);
	assert_int_equal(total, 7);
	assert_int_equal(seen, 3);
	lf.organisation_id = f->org;       /* through the call */
	seen = 0;
	assert_int_equal(store_match_list(f->db, &lf, (struct page){ 50, 0 }, count, &seen,
	                                  &total, &err), KP_OK);
	assert_int_equal(total, 5);
	assert_int_equal(seen, 5);
	list_filter_init(&lf);
	lf.volunteer_id = vol2;
	seen = 0;
	assert_int_equal(store_match_list(f->db, &lf, (struct page){ 50, 0 }, count, &seen,
	                                  &total, &err), KP_OK);
	assert_int_equal(total, 1);
	list_filter_init(&lf);
	lf.call_id = calls[0];
	lf.status = MATCH_PROPOSED;
	seen = 0;
	assert_int_equal(store_match_list(f->db, &lf, (struct page){ 50, 0 }, count, &seen,
	                                  &total, &err), KP_OK);
	assert_int_equal(total, 2);
	list_filter_init(&lf);
	lf.status = MATCH_ENDED;
	seen = 0;
	assert_int_equal(store_match_list(f->db, &lf, (struct page){ 50, 0 }, count, &seen,
	                                  &total, &err), KP_OK);
	assert_int_equal(total, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(insert_and_get, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(duplicate_is_409, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(transitions_write_events, fixture_setup,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(stale_status_is_409_and_writes_nothing, fixture_setup,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(open_count_and_lists, fixture_setup, fixture_teardown),
	};
	return cmocka_run_group_tests_name("db_matches", tests, NULL, NULL);
}
