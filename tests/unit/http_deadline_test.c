/* Tests for src/http/deadline.c: a connection past its deadline has its
   socket shut down; one without a deadline is left alone. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <poll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "http/deadline.h"

#define HEADER_MS 150
#define BODY_MS 1000

static void sleep_ms(int ms)
{
	struct timespec ts = { .tv_sec = ms / 1000, .tv_nsec = (long)(ms % 1000) * 1000000 };
	nanosleep(&ts, NULL);
}

/* Whether the peer of fd was shut down: reading gives end-of-file. */
static int shut_down(int fd)
{
	struct pollfd p = { .fd = fd, .events = POLLIN | POLLRDHUP };
	char c;
	return poll(&p, 1, 0) == 1 && recv(fd, &c, 1, MSG_DONTWAIT) == 0;
}

static void check(int header_done, int body_done, int wait_ms, int expect_shut)
{
	struct http_deadlines *d = NULL;
	struct kp_error err = { 0 };
	assert_int_equal(http_deadlines_start(HEADER_MS, BODY_MS, &d, &err), KP_OK);
	int sv[2];
	assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	struct http_deadline *c = http_deadline_open(d, sv[0]);
	assert_non_null(c);
	if (header_done)
		http_deadline_headers_done(d, c);
	if (body_done)
		http_deadline_body_done(d, c);
	sleep_ms(wait_ms);
	assert_int_equal(shut_down(sv[0]), expect_shut);
	http_deadline_close(d, c);
	http_deadlines_stop(d);
	close(sv[0]);
	close(sv[1]);
}

static void headers_late_are_cut_off(void **state)
{
	(void)state;
	check(0, 0, HEADER_MS + 2 * HTTP_DEADLINE_TICK_MS, 1);
}

static void headers_in_time_get_the_body_deadline(void **state)
{
	(void)state;
	check(1, 0, HEADER_MS + 2 * HTTP_DEADLINE_TICK_MS, 0);
	check(1, 0, BODY_MS + 2 * HTTP_DEADLINE_TICK_MS, 1);
}

static void no_deadline_while_answering(void **state)
{
	(void)state;
	check(1, 1, BODY_MS + 2 * HTTP_DEADLINE_TICK_MS, 0);
}

static void next_request_starts_the_header_clock_again(void **state)
{
	(void)state;
	struct http_deadlines *d = NULL;
	struct kp_error err = { 0 };
	assert_int_equal(http_deadlines_start(HEADER_MS, BODY_MS, &d, &err), KP_OK);
	int sv[2];
	assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	struct http_deadline *c = http_deadline_open(d, sv[0]);
	http_deadline_headers_done(d, c);
	http_deadline_body_done(d, c);
	http_deadline_next_request(d, c);
	sleep_ms(HEADER_MS + 2 * HTTP_DEADLINE_TICK_MS);
	assert_true(shut_down(sv[0]));
	http_deadline_close(d, c);
	http_deadlines_stop(d);
	close(sv[0]);
	close(sv[1]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(headers_late_are_cut_off),
		cmocka_unit_test(headers_in_time_get_the_body_deadline),
		cmocka_unit_test(no_deadline_while_answering),
		cmocka_unit_test(next_request_starts_the_header_clock_again),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
