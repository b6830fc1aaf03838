/*
 * The limits of the HTTP layer, seen on the wire: the URL limit counts the
 * whole request target, query string included; header fields and bodies
 * over their limits are refused; and every answer the server builds,
 * limit answers included, carries the security headers.
 */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/http.h"

#define ANSWER_CAP (64 * 1024)

/* GET of `target` ("/path?query") with one extra header line (NULL: none);
   the answer goes into out[ANSWER_CAP]. */
static int get(struct env *e, const char *target, const char *header, char *out)
{
	size_t cap = strlen(target) + (header ? strlen(header) : 0) + 128;
	char *req = malloc(cap);
	assert_non_null(req);
	int n = snprintf(req, cap, "GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\n%s%s\r\n", target,
	                 header ? header : "", header ? "\r\n" : "");
	int status = raw_http(&e->srv, req, (size_t)n, out, ANSWER_CAP);
	free(req);
	return status;
}

/* "/api/health?q=aaa…" of exactly `len` bytes. */
static char *target_of(size_t len)
{
	char *t = malloc(len + 1);
	assert_non_null(t);
	memcpy(t, "/api/health?q=", 14);
	memset(t + 14, 'a', len - 14);
	t[len] = '\0';
	return t;
}

static void query_string_counts_toward_the_url_limit(void **state)
{
	struct env *e = *state;
	char *out = malloc(ANSWER_CAP);
	static const size_t sizes[] = { 3 * 1024, 20 * 1024 };
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		char *t = target_of(sizes[i]);
		assert_int_equal(get(e, t, NULL, out), 414);
		assert_non_null(strstr(out, "Content-Type: application/problem+json"));
		assert_security_headers(out);
		free(t);
	}
	free(out);
}

static void url_limit_is_exact(void **state)
{
	struct env *e = *state;
	char *out = malloc(ANSWER_CAP);
	char *t = target_of(HTTP_URL_MAX);
	assert_int_equal(get(e, t, NULL, out), 200);
	free(t);
	t = target_of(HTTP_URL_MAX + 1);
	assert_int_equal(get(e, t, NULL, out), 414);
	free(t);
	free(out);
}

/* Header fields over HTTP_HEADERS_MAX bytes, but within what libmicrohttpd
   holds per connection, get the server's own 431. */
static void oversized_header_fields_get_431(void **state)
{
	struct env *e = *state;
	char *out = malloc(ANSWER_CAP);
	static const size_t sizes[] = { HTTP_HEADERS_MAX + 1024, HTTP_HEADERS_MAX + 8 * 1024 };
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		char *h = malloc(sizes[i] + 1);
		assert_non_null(h);
		memcpy(h, "X-Filler: ", 10);
		memset(h + 10, 'a', sizes[i] - 10);
		h[sizes[i]] = '\0';
		assert_int_equal(get(e, "/api/health", h, out), 431);
		assert_non_null(strstr(out, "Content-Type: application/problem+json"));
		assert_security_headers(out);
		h[HTTP_HEADERS_MAX / 2] = '\0';
		assert_int_equal(get(e, "/api/health", h, out), 200);
		free(h);
	}
	free(out);
}

static void oversized_body_gets_413_with_security_headers(void **state)
{
	struct env *e = *state;
	size_t body = HTTP_BODY_MAX + 1;
	size_t cap = body + 256;
	char *req = malloc(cap), *out = malloc(ANSWER_CAP);
	int n = snprintf(req, cap, "POST /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\n"
	                 "Content-Type: application/json\r\nContent-Length: %zu\r\n\r\n", body);
	memset(req + n, ' ', body);
	assert_int_equal(raw_http(&e->srv, req, (size_t)n + body, out, ANSWER_CAP), 413);
	assert_security_headers(out);
	free(req);
	free(out);
}

static void every_kind_of_answer_has_security_headers(void **state)
{
	struct env *e = *state;
	char *out = malloc(ANSWER_CAP);
	assert_int_equal(get(e, "/api/health", NULL, out), 200);
	assert_security_headers(out);
	assert_int_equal(get(e, "/api/no-such-thing", NULL, out), 404);
	assert_security_headers(out);
	assert_int_equal(get(e, "/api/volunteers", NULL, out), 401);
	assert_security_headers(out);
	assert_int_equal(get(e, "/", NULL, out), 200);
	assert_security_headers(out);
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(query_string_counts_toward_the_url_limit),
		cmocka_unit_test(url_limit_is_exact),
		cmocka_unit_test(oversized_header_fields_get_431),
		cmocka_unit_test(oversized_body_gets_413_with_security_headers),
		cmocka_unit_test(every_kind_of_answer_has_security_headers),
	};
	return cmocka_run_group_tests_name("http_limits", tests, env_setup, env_teardown);
}
