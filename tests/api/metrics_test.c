/*
 * GET /metrics on a real server: requests counted by route and status with
 * a latency histogram, the index, outbox, job, busy-retry and list-form figures, every
 * line in the Prometheus text format; closed to a request that came through
 * a proxy (X-Forwarded-For), which gets 404 as if there were nothing.
 */
#include "support.h"

#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *scrape(struct client *cl)
{
	long status = 0;
	json_decref(client_request(cl, "GET", "/metrics", NULL, &status));
	assert_int_equal(status, 200);
	assert_non_null(strstr(cl->content_type, "text/plain"));
	return strdup(cl->raw);
}

/* The value of the sample line that starts with `name` (with its labels). */
static double sample(const char *text, const char *name)
{
	char key[256];
	snprintf(key, sizeof key, "\n%s ", name);
	const char *at = strstr(text, key);
	if (at == NULL)
		return -1;
	return strtod(at + strlen(key), NULL);
}

static void test_counts_and_format(void **state)
{
	struct env *e = *state;
	struct client anon;
	client_init(&anon, &e->srv);
	char *before = scrape(&anon);
	double health = sample(before, "knooppunt_http_requests_total{route=\"GET /api/health\","
	                               "status=\"200\"}");
	for (int i = 0; i < 3; i++)
		json_decref(expect(&anon, "GET", "/api/health", NULL, 200));
	json_decref(expect(&anon, "GET", "/api/volunteers", NULL, 401));
	char *after = scrape(&anon);
	assert_true(sample(after, "knooppunt_http_requests_total{route=\"GET /api/health\","
	                          "status=\"200\"}") == (health < 0 ? 0 : health) + 3);
	assert_true(sample(after, "knooppunt_http_requests_total{route=\"GET /api/volunteers\","
	                          "status=\"401\"}") >= 1);
	assert_true(sample(after, "knooppunt_http_request_duration_seconds_count{route=\"GET "
	                          "/api/health\"}") >= 3);
	assert_true(sample(after, "knooppunt_http_request_duration_seconds_bucket{route=\"GET "
	                          "/api/health\",le=\"+Inf\"}") >= 3);
	assert_true(sample(after, "knooppunt_match_index_volunteers") >= 0);
	assert_true(sample(after, "knooppunt_outbox_pending") >= 0);
	assert_true(sample(after, "knooppunt_db_busy_retries_total") >= 0);
	assert_non_null(strstr(after, "# TYPE knooppunt_job_runs_total counter"));
	regex_t line;
	assert_int_equal(regcomp(&line, "^[a-z_]+(\\{[a-z_]+=\"[^\"]*\"(,[a-z_]+=\"[^\"]*\")*\\})? "
	                                 "[0-9][0-9.e+-]*$", REG_EXTENDED | REG_NOSUB), 0);
	for (char *l = after, *end; *l; l = end + 1) {
		end = strchr(l, '\n');
		if (end == NULL)
			fail_msg("the last line has no line end");
		*end = '\0';
		if (l[0] != '#' && regexec(&line, l, 0, NULL, 0) != 0)
			fail_msg("not a Prometheus sample: %s", l);
	}
	regfree(&line);
	free(before);
	free(after);
	client_free(&anon);
}

/* A record view's answer is held until its audit row is committed; it is
   counted once, under its route, when it goes. */
static void test_held_view_counted_once(void **state)
{
	struct env *e = *state;
	struct client anon;
	client_init(&anon, &e->srv);
	int64_t v = fx_volunteer(&e->admin, fx_organisation(&e->admin, "Meetpunt"), "active");
	const char *name = "knooppunt_http_requests_total{route=\"GET /api/volunteers/{id}\","
	                   "status=\"200\"}";
	char *before = scrape(&anon);
	double views = sample(before, name);
	char path[64];
	snprintf(path, sizeof path, "/api/volunteers/%lld", (long long)v);
	for (int i = 0; i < 2; i++)
		json_decref(expect(&e->admin, "GET", path, NULL, 200));
	char *after = scrape(&anon);
	assert_true(sample(after, name) == (views < 0 ? 0 : views) + 2);
	free(before);
	free(after);
	client_free(&anon);
}

static void test_closed_behind_a_proxy(void **state)
{
	struct env *e = *state;
	char out[4096];
	const char *req = "GET /metrics HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 203.0.113.9\r\n"
	                  "Connection: close\r\n\r\n";
	assert_int_equal(raw_http(&e->srv, req, strlen(req), out, sizeof out), 404);
	assert_null(strstr(out, "knooppunt_http_requests_total"));
	const char *post = "POST /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n"
	                   "Connection: close\r\n\r\n";
	assert_int_equal(raw_http(&e->srv, post, strlen(post), out, sizeof out), 404);
}

/* A list of calls writes each call once: the next list of the same calls
   finds them held, as the counts of the call forms show. */
static void test_call_forms_counted(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Telling");
	fx_call(&e->admin, org, "Eerste");
	fx_call(&e->admin, org, "Tweede");
	char path[96];
	snprintf(path, sizeof path, "/api/calls?organisation_id=%lld", (long long)org);
	char *before = scrape(&e->admin);
	json_decref(expect(&e->admin, "GET", path, NULL, 200));
	char *between = scrape(&e->admin);
	json_decref(expect(&e->admin, "GET", path, NULL, 200));
	char *after = scrape(&e->admin);
	const char *found = "knooppunt_list_forms_total{list=\"calls\",result=\"found\"}";
	const char *missed = "knooppunt_list_forms_total{list=\"calls\",result=\"missed\"}";
	assert_true(sample(between, missed) == sample(before, missed) + 2);
	assert_true(sample(between, found) == sample(before, found));
	assert_true(sample(after, found) == sample(between, found) + 2);
	assert_true(sample(after, missed) == sample(between, missed));
	free(before);
	free(between);
	free(after);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts_and_format),
		cmocka_unit_test(test_call_forms_counted),
		cmocka_unit_test(test_held_view_counted_once),
		cmocka_unit_test(test_closed_behind_a_proxy),
	};
	return cmocka_run_group_tests(tests, env_setup, env_teardown);
}
