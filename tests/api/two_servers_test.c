/*
 * Two app servers on one database (PostgreSQL when KNOOPPUNT_TEST_DB is set,
 * else one SQLite file): a session made on one works on the other, a write
 * through one reaches the other's change-log follower (which feeds its
 * matching index) within 1 second, a change made through one shows in the
 * other's lists at once, and a scheduled job runs once per period for both
 * together, not once per server.
 */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "db/db.h"

#define JOB_PERIOD_S 2

struct two {
	struct server a, b;
	struct client admin_a;
	struct smtp_sink sink;     /* both servers send here */
};

static int setup(void **state)
{
	curl_global_init(CURL_GLOBAL_DEFAULT);
	setenv("KNOOPPUNT_JOB_PERIOD", "2", 1); /* JOB_PERIOD_S, inherited by both servers */
	struct two *t = calloc(1, sizeof *t);
	if (t == NULL)
		return -1;
	sink_start(&t->sink, "accept");
	setenv("KNOOPPUNT_SMTP_URL", t->sink.url, 1);
	if (server_start(&t->a) != 0 || server_start_on(&t->b, &t->a) != 0)
		return -1;
	client_init(&t->admin_a, &t->a);
	if (client_login(&t->admin_a, ADMIN_EMAIL, ADMIN_PASSWORD) != 201)
		return -1;
	*state = t;
	return 0;
}

static int teardown(void **state)
{
	struct two *t = *state;
	client_free(&t->admin_a);
	int rb = server_stop(&t->b);
	int ra = server_stop(&t->a);
	sink_stop(&t->sink);
	unsetenv("KNOOPPUNT_SMTP_URL");
	free(t);
	return ra != 0 || rb != 0 ? -1 : 0;
}

static int64_t ms_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void session_from_a_works_on_b(void **state)
{
	struct two *t = *state;
	struct client on_b;
	client_init(&on_b, &t->b);
	/* Hand A's session cookie and CSRF token to a client of B. */
	struct curl_slist *cookies = NULL;
	assert_int_equal(curl_easy_getinfo(t->admin_a.curl, CURLINFO_COOKIELIST, &cookies),
	                 CURLE_OK);
	assert_non_null(cookies);
	for (struct curl_slist *c = cookies; c != NULL; c = c->next)
		curl_easy_setopt(on_b.curl, CURLOPT_COOKIELIST, c->data);
	curl_slist_free_all(cookies);
	snprintf(on_b.csrf, sizeof on_b.csrf, "%s", t->admin_a.csrf);
	json_t *doc = expect(&on_b, "GET", "/api/session", NULL, 200);
	assert_string_equal(json_str(doc, "email"), ADMIN_EMAIL);
	json_decref(doc);
	/* A write on B with the session and token from A. */
	int64_t org = fx_organisation(&on_b, "Via B");
	assert_true(org > 0);
	char path[64];
	snprintf(path, sizeof path, "/api/organisations/%lld", (long long)org);
	json_decref(expect(&t->admin_a, "GET", path, NULL, 200));
	/* Logging out on B ends the session on A too. */
	json_decref(expect(&on_b, "DELETE", "/api/session", NULL, 200));
	long status = 0;
	json_decref(client_request(&t->admin_a, "GET", "/api/session", NULL, &status));
	assert_int_equal(status, 401);
	client_free(&on_b);
	assert_int_equal(client_login(&t->admin_a, ADMIN_EMAIL, ADMIN_PASSWORD), 201);
}

/* B keeps the calls and volunteers its lists show by revision; a change made
   through A is in B's very next list, without waiting for any follower: an
   edit of a call, a new name of its location (which leaves the call's
   version), and an edit of a volunteer. */
static void a_list_on_b_shows_a_change_on_a_at_once(void **state)
{
	struct two *t = *state;
	struct client admin_b;
	client_init(&admin_b, &t->b);
	assert_int_equal(client_login(&admin_b, ADMIN_EMAIL, ADMIN_PASSWORD), 201);
	int64_t org = fx_organisation(&t->admin_a, "Lijst op B");
	char body[256], path[64], list[96];
	snprintf(body, sizeof body, "{\"organisation_id\":%lld,\"name\":\"Het Bolwerk\","
	         "\"place\":\"Dordrecht\"}", (long long)org);
	json_t *doc = expect(&t->admin_a, "POST", "/api/locations", body, 201);
	int64_t loc = json_id(doc, "id");
	json_decref(doc);
	snprintf(body, sizeof body, "{\"organisation_id\":%lld,\"title\":\"Koffie schenken\","
	         "\"activity\":\"gastvrouw\",\"place\":\"Dordrecht\",\"dayparts\":[\"mon-morning\"],"
	         "\"location_id\":%lld}",
	         (long long)org, (long long)loc);
	doc = expect(&t->admin_a, "POST", "/api/calls", body, 201);
	int64_t call = json_id(doc, "id");
	json_decref(doc);
	snprintf(list, sizeof list, "/api/calls?organisation_id=%lld", (long long)org);
	doc = expect(&admin_b, "GET", list, NULL, 200);
	assert_string_equal(json_str(list_find(doc, "id", call), "title"), "Koffie schenken");
	json_decref(doc);

	snprintf(path, sizeof path, "/api/calls/%lld", (long long)call);
	json_decref(expect(&t->admin_a, "PATCH", path, "{\"title\":\"Koffie en thee\"}", 200));
	snprintf(path, sizeof path, "/api/locations/%lld", (long long)loc);
	json_decref(expect(&t->admin_a, "PATCH", path, "{\"name\":\"Bolwerk\"}", 200));
	doc = expect(&admin_b, "GET", list, NULL, 200);
	json_t *row = list_find(doc, "id", call);
	assert_string_equal(json_str(row, "title"), "Koffie en thee");
	assert_string_equal(json_str(row, "location_name"), "Bolwerk");
	json_decref(doc);

	/* The same for the list of volunteers, and for a volunteer's record. */
	int64_t vol = fx_volunteer(&t->admin_a, org, "active");
	snprintf(list, sizeof list, "/api/volunteers?organisation_id=%lld", (long long)org);
	json_decref(expect(&admin_b, "GET", list, NULL, 200));
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)vol);
	json_decref(expect(&admin_b, "GET", path, NULL, 200));
	json_decref(expect(&t->admin_a, "PATCH", path,
	                   "{\"place\":\"Papendrecht\",\"activities\":[\"koken\"]}", 200));
	doc = expect(&admin_b, "GET", path, NULL, 200);
	assert_string_equal(json_str(doc, "place"), "Papendrecht");
	assert_int_equal(json_array_size(json_object_get(doc, "activities")), 1);
	json_decref(doc);
	doc = expect(&admin_b, "GET", list, NULL, 200);
	row = list_find(doc, "id", vol);
	assert_string_equal(json_str(row, "place"), "Papendrecht");
	assert_string_equal(json_string_value(json_array_get(json_object_get(row, "activities"), 0)),
	                    "koken");
	json_decref(doc);
	client_free(&admin_b);
}

/* Waits until B's follower has taken over change `kind` of `id`; returns
   the milliseconds it took, or -1 after 5 s. */
static int64_t wait_on_b(struct two *t, const char *kind, int64_t id, int64_t since_ms)
{
	struct client cb;
	client_init(&cb, &t->b);
	int64_t took = -1;
	while (ms_now() - since_ms < 5000) {
		long status = 0;
		json_t *doc = client_request(&cb, "GET", "/api/health", NULL, &status);
		json_t *sync = json_object_get(doc, "sync");
		bool seen = status == 200 && strcmp(json_str(sync, "last_kind"), kind) == 0 &&
		            json_integer_value(json_object_get(sync, "last_ref_id")) == id;
		json_decref(doc);
		if (seen) {
			took = ms_now() - since_ms;
			break;
		}
		struct timespec pause = { 0, 10 * 1000000L };
		nanosleep(&pause, NULL);
	}
	client_free(&cb);
	return took;
}

static void write_on_a_reaches_b_within_a_second(void **state)
{
	struct two *t = *state;
	int64_t org = fx_organisation(&t->admin_a, "Schrijft op A");
	for (int round = 0; round < 3; round++) {
		int64_t start = ms_now();
		int64_t vol = fx_volunteer(&t->admin_a, org, "active");
		int64_t took = wait_on_b(t, "volunteer", vol, start);
		print_message("# volunteer %lld on B after %lld ms\n", (long long)vol,
		              (long long)took);
		assert_true(took >= 0 && took <= 1000);
		start = ms_now();
		int64_t call = fx_call(&t->admin_a, org, "Boodschappen");
		took = wait_on_b(t, "call", call, start);
		print_message("# call %lld on B after %lld ms\n", (long long)call, (long long)took);
		assert_true(took >= 0 && took <= 1000);
		start = ms_now();
		int64_t match = fx_match(&t->admin_a, call, vol);
		assert_true(match > 0);
		took = wait_on_b(t, "match", call, start); /* a match change names its call */
		assert_true(took >= 0 && took <= 1000);
	}
}

static void job_runs_once_for_both_servers(void **state)
{
	struct two *t = *state;
	/* Both servers tick every second for several periods. */
	struct timespec wait = { 3 * JOB_PERIOD_S + 1, 0 };
	nanosleep(&wait, NULL);
	const char *path = t->a.db_url[0] ? t->a.db_url : t->a.sqlite_path;
	struct db *db;
	struct db_stmt *st;
	struct kp_error err = { 0 };
	assert_int_equal(db_open(path, &db, &err), KP_OK);
	assert_int_equal(db_prepare(db, "SELECT started_at, server FROM job_runs WHERE job = ? "
	                                "ORDER BY started_at", &st, &err), KP_OK);
	db_bind_text(st, 1, "prune_changes");
	int runs = 0;
	int64_t prev = 0;
	while (db_step(st, &err) == DB_ROW) {
		int64_t at = db_col_int(st, 0);
		if (runs > 0 && at - prev < JOB_PERIOD_S)
			fail_msg("job ran at %lld and again at %lld (by %s)", (long long)prev,
			         (long long)at, db_col_text(st, 1));
		prev = at;
		runs++;
	}
	db_finalize(st);
	db_close(db);
	print_message("# prune_changes ran %d times in %d s with two servers\n", runs,
	              3 * JOB_PERIOD_S + 1);
	assert_true(runs >= 3);
}

#define MAILS 40

/* Both servers run the mailer on one database: every mail arrives exactly
   once, whichever server sends it. */
static void each_mail_is_sent_once(void **state)
{
	struct two *t = *state;
	char email[MAILS][64];
	int64_t org = fx_organisation(&t->admin_a, "Post");
	int before = sink_count(&t->sink, NULL);
	for (int i = 0; i < MAILS; i++) {
		fx_email(&t->a, "post", email[i], sizeof email[i]);
		json_t *in = json_pack("{s:s, s:s, s:s, s:I}", "email", email[i], "display_name",
		                       email[i], "role", "professional", "organisation_id",
		                       (json_int_t)org);
		json_decref(check_request_json(&t->admin_a, "POST", "/api/accounts", in, 201,
		                               __FILE__, __LINE__));
	}
	int64_t start = ms_now();
	while (fx_mail_pending(&t->a) != 0 && ms_now() - start < 30000)
		usleep(200 * 1000);
	assert_int_equal(fx_mail_pending(&t->a), 0);
	int64_t took = ms_now() - start;
	/* Give a second sender every chance to send one again. */
	usleep((useconds_t)(3 * JOB_PERIOD_S) * 1000 * 1000);
	assert_int_equal(sink_count(&t->sink, NULL), before + MAILS);
	for (int i = 0; i < MAILS; i++)
		assert_int_equal(sink_count(&t->sink, email[i]), 1);
	printf("# %d mails through two servers in %lld ms, each once\n", MAILS, (long long)took);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(session_from_a_works_on_b),
		cmocka_unit_test(a_list_on_b_shows_a_change_on_a_at_once),
		cmocka_unit_test(write_on_a_reaches_b_within_a_second),
		cmocka_unit_test(job_runs_once_for_both_servers),
		cmocka_unit_test(each_mail_is_sent_once),
	};
	return cmocka_run_group_tests_name("two_servers", tests, setup, teardown);
}
