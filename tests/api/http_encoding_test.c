/* What HTTP does for the client: gzip when asked, 304 for a file it has,
   a year's caching for versioned URLs, and connections kept open. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define ANSWER_MAX (1024 * 1024)

/* The session cookie of a logged-in client, "kp_session=…", into out. */
static void session_cookie(struct client *cl, char *out, size_t cap)
{
	struct curl_slist *cookies = NULL;
	curl_easy_getinfo(cl->curl, CURLINFO_COOKIELIST, &cookies);
	out[0] = '\0';
	for (struct curl_slist *c = cookies; c != NULL; c = c->next) {
		const char *name = strstr(c->data, "\tkp_session\t");
		if (name != NULL)
			snprintf(out, cap, "kp_session=%s", name + strlen("\tkp_session\t"));
	}
	curl_slist_free_all(cookies);
	assert_true(out[0] != '\0');
}

/* The head of a raw answer (up to and with the blank line) has `line`. */
static bool head_has(const char *answer, const char *line)
{
	const char *end = strstr(answer, "\r\n\r\n");
	const char *p = strstr(answer, line);
	return end != NULL && p != NULL && p < end;
}

/* The value of header `name` in the head of answer, into out. */
static void head_value(const char *answer, const char *name, char *out, size_t cap)
{
	char key[64];
	snprintf(key, sizeof key, "\r\n%s: ", name);
	const char *p = strstr(answer, key);
	out[0] = '\0';
	assert_non_null(p);
	p += strlen(key);
	size_t n = strcspn(p, "\r");
	assert_true(n < cap);
	memcpy(out, p, n);
	out[n] = '\0';
}

/* Inflates the gzip body of a raw answer (Content-Length bytes after the
   head) into a NUL-terminated string the caller frees. */
static char *inflate_body(const char *answer)
{
	char len_text[32];
	head_value(answer, "Content-Length", len_text, sizeof len_text);
	const char *body = strstr(answer, "\r\n\r\n") + 4;
	size_t len = (size_t)strtoul(len_text, NULL, 10);
	char *out = calloc(1, ANSWER_MAX);
	z_stream z = { 0 };
	assert_int_equal(inflateInit2(&z, 15 + 16), Z_OK); /* gzip only */
	z.next_in = (Bytef *)(uintptr_t)body;
	z.avail_in = (uInt)len;
	z.next_out = (Bytef *)out;
	z.avail_out = ANSWER_MAX - 1;
	assert_int_equal(inflate(&z, Z_FINISH), Z_STREAM_END);
	inflateEnd(&z);
	return out;
}

static void json_list_is_gzipped_when_asked(void **state)
{
	struct env *e = *state;
	int64_t org = fx_organisation(&e->admin, "Gzip-organisatie");
	for (int i = 0; i < 4; i++)
		fx_volunteer(&e->admin, org, "active");
	char path[128];
	snprintf(path, sizeof path, "/api/volunteers?organisation_id=%lld&limit=50",
	         (long long)org);
	json_t *plain = expect(&e->admin, "GET", path, NULL, 200);
	char *plain_text = strdup(e->admin.raw);
	assert_true(strlen(plain_text) >= 1024); /* worth compressing */

	char cookie[256], req[1024];
	session_cookie(&e->admin, cookie, sizeof cookie);
	char *answer = calloc(1, ANSWER_MAX);
	snprintf(req, sizeof req, "GET %s HTTP/1.1\r\nHost: t\r\nCookie: %s\r\n"
	         "Accept-Encoding: br;q=1.0, gzip;q=0.8\r\nConnection: close\r\n\r\n", path, cookie);
	assert_int_equal(raw_http(&e->srv, req, strlen(req), answer, ANSWER_MAX), 200);
	assert_true(head_has(answer, "\r\nContent-Encoding: gzip\r\n"));
	assert_true(head_has(answer, "\r\nVary: Accept-Encoding\r\n"));
	assert_security_headers(answer);
	char *inflated = inflate_body(answer);
	assert_string_equal(inflated, plain_text);

	/* gzip refused with q=0: the same JSON as it is, still with Vary. */
	snprintf(req, sizeof req, "GET %s HTTP/1.1\r\nHost: t\r\nCookie: %s\r\n"
	         "Accept-Encoding: gzip;q=0\r\nConnection: close\r\n\r\n", path, cookie);
	assert_int_equal(raw_http(&e->srv, req, strlen(req), answer, ANSWER_MAX), 200);
	assert_false(head_has(answer, "Content-Encoding"));
	assert_true(head_has(answer, "\r\nVary: Accept-Encoding\r\n"));
	assert_string_equal(strstr(answer, "\r\n\r\n") + 4, plain_text);
	free(inflated);
	free(answer);
	free(plain_text);
	json_decref(plain);
}

static void small_answer_is_not_compressed(void **state)
{
	struct env *e = *state;
	char answer[8192];
	const char *req = "GET /api/health HTTP/1.1\r\nHost: t\r\nAccept-Encoding: gzip\r\n"
	                  "Connection: close\r\n\r\n";
	assert_int_equal(raw_http(&e->srv, req, strlen(req), answer, sizeof answer), 200);
	assert_false(head_has(answer, "Content-Encoding"));
	assert_non_null(strstr(answer, "\"status\":\"ok\""));
}

static void static_file_answers_304_to_its_etag(void **state)
{
	struct env *e = *state;
	char *answer = calloc(1, ANSWER_MAX);
	const char *req = "GET /app/main.js HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n";
	assert_int_equal(raw_http(&e->srv, req, strlen(req), answer, ANSWER_MAX), 200);
	assert_true(head_has(answer, "\r\nCache-Control: no-cache\r\n"));
	char etag[128], cond[512];
	head_value(answer, "ETag", etag, sizeof etag);
	assert_true(strlen(etag) > 4);

	snprintf(cond, sizeof cond, "GET /app/main.js HTTP/1.1\r\nHost: t\r\n"
	         "If-None-Match: \"other\", %s\r\nConnection: close\r\n\r\n", etag);
	assert_int_equal(raw_http(&e->srv, cond, strlen(cond), answer, ANSWER_MAX), 304);
	assert_true(head_has(answer, "\r\nETag: "));
	assert_security_headers(answer);
	assert_string_equal(strstr(answer, "\r\n\r\n") + 4, "");

	/* Another tag: the file itself. */
	snprintf(cond, sizeof cond, "GET /app/main.js HTTP/1.1\r\nHost: t\r\n"
	         "If-None-Match: W/\"0-0.0\"\r\nConnection: close\r\n\r\n");
	assert_int_equal(raw_http(&e->srv, cond, strlen(cond), answer, ANSWER_MAX), 200);

	/* A versioned URL may be kept for a year. */
	req = "GET /app/main.js?v=1 HTTP/1.1\r\nHost: t\r\nAccept-Encoding: gzip\r\n"
	      "Connection: close\r\n\r\n";
	assert_int_equal(raw_http(&e->srv, req, strlen(req), answer, ANSWER_MAX), 200);
	assert_true(head_has(answer, "\r\nCache-Control: public, max-age=31536000, immutable\r\n"));
	assert_true(head_has(answer, "\r\nContent-Encoding: gzip\r\n"));
	free(answer);
}

static void connection_is_kept_alive(void **state)
{
	struct env *e = *state;
	struct client cl;
	client_init(&cl, &e->srv);
	json_decref(expect(&cl, "GET", "/api/health", NULL, 200));
	json_decref(expect(&cl, "GET", "/api/health", NULL, 200));
	long connects = -1;
	curl_easy_getinfo(cl.curl, CURLINFO_NUM_CONNECTS, &connects);
	assert_int_equal(connects, 0); /* the second request reused the first's connection */
	client_free(&cl);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(json_list_is_gzipped_when_asked),
		cmocka_unit_test(small_answer_is_not_compressed),
		cmocka_unit_test(static_file_answers_304_to_its_etag),
		cmocka_unit_test(connection_is_kept_alive),
	};
	return cmocka_run_group_tests(tests, env_setup, env_teardown);
}
