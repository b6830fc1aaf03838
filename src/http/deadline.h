/*
 * Absolute deadlines for reading a request. libmicrohttpd's own timeout
 * counts idle time and starts again with every byte, so a client sending a
 * byte now and then holds its connection for ever. Here each connection
 * has a clock instead: its request headers must be complete within the
 * header deadline of the moment it was ready for a request (opened, or the
 * previous answer sent), and its body within the body deadline of the
 * headers. A watchdog thread shuts down the socket of a connection past its
 * deadline; libmicrohttpd then reads end-of-file and closes it.
 *
 * Invariants: an entry is in the watchdog's list from http_deadline_open
 * until http_deadline_close, and its socket is open that whole time
 * (libmicrohttpd announces the close before it closes the socket), so the
 * watchdog, holding the list's mutex, never shuts down a socket that was
 * closed or reused. While an answer is being produced and sent there is no
 * deadline: libmicrohttpd's idle timeout covers that.
 *
 * Ownership: the watchdog owns every entry; http_deadline_close frees one.
 * All functions are thread-safe. Close every entry (stop the HTTP daemon)
 * before http_deadlines_stop.
 */
#ifndef KP_HTTP_DEADLINE_H
#define KP_HTTP_DEADLINE_H

#include "util/error.h"

#define HTTP_DEADLINE_TICK_MS 200 /* how often the watchdog looks */

struct http_deadlines;
struct http_deadline; /* one connection's clock */

/* Starts the watchdog; deadlines in milliseconds, each > 0. */
int http_deadlines_start(int header_ms, int body_ms, struct http_deadlines **out,
                         struct kp_error *err);

/* Stops the watchdog and frees it; NULL is ignored. */
void http_deadlines_stop(struct http_deadlines *d);

/* A connection on socket fd opened: its header clock runs. Returns its
   entry, or NULL when out of memory (the connection then has no deadline). */
struct http_deadline *http_deadline_open(struct http_deadlines *d, int fd);

/* The headers are in: the body clock runs. NULL entries are ignored here
   and below. */
void http_deadline_headers_done(struct http_deadlines *d, struct http_deadline *c);

/* The body is in: no deadline while answering. */
void http_deadline_body_done(struct http_deadlines *d, struct http_deadline *c);

/* The answer was sent; the connection waits for its next request. */
void http_deadline_next_request(struct http_deadlines *d, struct http_deadline *c);

/* The connection is closing (its socket still open): forgets and frees c. */
void http_deadline_close(struct http_deadlines *d, struct http_deadline *c);

#endif
