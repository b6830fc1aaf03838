/*
 * serve --behind-tls: the session cookie gets Secure, and every answer of
 * the server (a handler's, a limit's, a static file) carries
 * Strict-Transport-Security. Without the flag neither, so that plain HTTP
 * on 127.0.0.1 keeps working for development.
 */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ANSWER_CAP (64 * 1024)
#define HSTS "\r\nStrict-Transport-Security: max-age=31536000\r\n"

static const char *const tls_args[] = { "--behind-tls", NULL };

struct pair {
	struct server tls, plain;
};

static int setup(void **state)
{
	struct pair *p = calloc(1, sizeof *p);
	if (p == NULL || server_start_with(&p->tls, tls_args) != 0 ||
	    server_start(&p->plain) != 0)
		return -1;
	*state = p;
	return 0;
}

static int teardown(void **state)
{
	struct pair *p = *state;
	int rc = server_stop(&p->plain) | server_stop(&p->tls);
	free(p);
	return rc == 0 ? 0 : -1;
}

/* The head of an answer (up to the blank line), in place. */
static char *head_of(char *answer)
{
	char *end = strstr(answer, "\r\n\r\n");
	if (end != NULL)
		end[2] = '\0';
	return answer;
}

static int send_get(struct server *s, const char *target, char *out)
{
	char req[4096];
	int n = snprintf(req, sizeof req, "GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", target);
	return raw_http(s, req, (size_t)n, out, ANSWER_CAP);
}

static int login(struct server *s, char *out)
{
	char body[160], req[512];
	int len = snprintf(body, sizeof body, "{\"email\":\"%s\",\"password\":\"%s\"}", ADMIN_EMAIL,
	                   ADMIN_PASSWORD);
	int n = snprintf(req, sizeof req, "POST /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\n"
	                 "Content-Type: application/json\r\nContent-Length: %d\r\n\r\n%s", len,
	                 body);
	return raw_http(s, req, (size_t)n, out, ANSWER_CAP);
}

static const char *cookie_line(const char *head)
{
	const char *c = strstr(head, "\r\nSet-Cookie: kp_session=");
	assert_non_null(c);
	return c;
}

static void session_cookie_is_secure(void **state)
{
	struct pair *p = *state;
	char *out = malloc(ANSWER_CAP);
	assert_int_equal(login(&p->tls, out), 201);
	const char *c = cookie_line(head_of(out));
	const char *eol = strstr(c + 2, "\r\n");
	const char *secure = strstr(c, "; Secure");
	assert_true(secure != NULL && secure < eol);
	assert_non_null(strstr(c, "; HttpOnly"));
	assert_non_null(strstr(out, HSTS));
	free(out);
}

static void every_answer_carries_hsts(void **state)
{
	struct pair *p = *state;
	char *out = malloc(ANSWER_CAP);
	char *long_target = malloc(3100);
	snprintf(long_target, 3100, "/api/health?q=%03000d", 0);
	struct {
		const char *target;
		int status;
	} cases[] = {
		{ "/api/health", 200 }, { "/api/volunteers", 401 }, { "/api/no-such-thing", 404 },
		{ "/", 200 }, { long_target, 414 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(send_get(&p->tls, cases[i].target, out), cases[i].status);
		if (strstr(head_of(out), HSTS) == NULL)
			fail_msg("no HSTS on %.40s: %s", cases[i].target, out);
		assert_security_headers(out);
	}
	free(long_target);
	free(out);
}

static void plain_http_has_neither(void **state)
{
	struct pair *p = *state;
	char *out = malloc(ANSWER_CAP);
	assert_int_equal(login(&p->plain, out), 201);
	const char *c = cookie_line(head_of(out));
	const char *eol = strstr(c + 2, "\r\n");
	const char *secure = strstr(c, "; Secure");
	assert_true(secure == NULL || secure > eol);
	assert_null(strstr(out, "Strict-Transport-Security"));
	assert_int_equal(send_get(&p->plain, "/api/health", out), 200);
	assert_null(strstr(head_of(out), "Strict-Transport-Security"));
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(session_cookie_is_secure),
		cmocka_unit_test(every_answer_carries_hsts),
		cmocka_unit_test(plain_http_has_neither),
	};
	return cmocka_run_group_tests_name("behind_tls", tests, setup, teardown);
}
