/*
 * The HTTP layer: a libmicrohttpd server that reads a request within named
 * limits, hands it to one handler, and sends the handler's response with
 * the security headers every answer carries. It knows HTTP and nothing
 * about volunteers.
 *
 * Limits (checked while reading, answered with 413/414/431 before any
 * handler runs): HTTP_BODY_MAX bytes of body, HTTP_URL_MAX bytes of request
 * target (path and query string, as sent), HTTP_HEADERS_MAX bytes of
 * header fields. Every answer the server builds carries the security
 * headers, limit answers included. A request line or header block that does
 * not fit in HTTP_CONNECTION_MEMORY, or that libmicrohttpd cannot parse, is
 * answered by libmicrohttpd itself (400, 413, 414, 431, 505), which 0.9.75
 * gives no way to add headers to.
 *
 * Connections: at most HTTP_CONNECTIONS_MAX at once, and per client address
 * at most the configured cap, so that one address cannot take them all.
 * Request headers must be complete within HTTP_HEADER_DEADLINE_MS and a
 * body within HTTP_BODY_DEADLINE_MS after them, however steadily bytes
 * trickle in (http/deadline.h); an idle connection closes after
 * HTTP_IDLE_TIMEOUT_S.
 */
#ifndef KP_HTTP_HTTP_H
#define KP_HTTP_HTTP_H

#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"
#include "util/error.h"

#define HTTP_BODY_MAX (64 * 1024)
#define HTTP_URL_MAX 2048
#define HTTP_HEADERS_MAX (16 * 1024)
#define HTTP_CONNECTION_MEMORY (2 * HTTP_HEADERS_MAX) /* libmicrohttpd's per connection */
#define HTTP_RESPONSE_MAX (16 * 1024 * 1024)
#define HTTP_CONNECTIONS_MAX 1000
#define HTTP_CONNECTIONS_PER_ADDRESS 64  /* default cap per client address */
#define HTTP_HEADER_DEADLINE_MS (10 * 1000)
#define HTTP_BODY_DEADLINE_MS (30 * 1000)
#define HTTP_IDLE_TIMEOUT_S 30
#define HTTP_HOLD_DRAIN_MS 5000
#define HTTP_HSTS "max-age=31536000" /* a year; subdomains are not ours to pin */

struct http_request {
	const char *method;      /* "GET", "POST", … */
	const char *path;        /* URL path without the query */
	const char *body;        /* NUL-terminated, "" when none; owned by the server */
	size_t body_len;
	const char *remote_addr; /* textual peer address */
	void *conn;              /* the server's connection, for the lookups below */
};

/* Header, query argument or cookie value of the request; NULL when absent. */
const char *http_header(const struct http_request *req, const char *name);
const char *http_query(const struct http_request *req, const char *name);
const char *http_cookie(const struct http_request *req, const char *name);

/* An answer that may go out only once something else is done (a view's
   audit row is durable): wait(ctx, done, arg) must call done(arg, ok) once,
   from any thread. Meanwhile the server parks the connection, so no thread
   waits; when ok is false it answers 503 instead. */
struct http_hold {
	void (*wait)(void *ctx, void (*done)(void *arg, bool ok), void *arg);
	void *ctx;
};

#define HTTP_EXTRA_HEADERS 4
struct http_response {
	int status;
	const char *content_type;     /* static string */
	struct buf body;              /* owned; capped at HTTP_RESPONSE_MAX */
	char set_cookie[512];         /* Set-Cookie value, "" when none */
	const char *cache_control;    /* static string, NULL for "no-store" */
	const char *extra_name[HTTP_EXTRA_HEADERS];  /* static header names */
	char extra_value[HTTP_EXTRA_HEADERS][128];
	int n_extra;
	struct http_hold hold;        /* wait == NULL: send at once */
};

/* Adds a response header (name must be a static string); ignored when full. */
void http_response_header(struct http_response *res, const char *name, const char *value);

typedef void (*http_handler_fn)(void *ctx, const struct http_request *req,
                                struct http_response *res);

struct http_server;

/* The body cap of a request by its method and path (a route that takes a
   file takes more than HTTP_BODY_MAX); at most HTTP_UPLOAD_MAX. */
typedef size_t (*http_body_max_fn)(const char *method, const char *path);
#define HTTP_UPLOAD_MAX (16 * 1024 * 1024) /* a spreadsheet import */

struct http_config {
	const char *host;        /* IPv4 listen address; borrowed for the call */
	int port;
	int threads;             /* worker threads */
	int per_address;         /* connections per client address, below
	                            HTTP_CONNECTIONS_MAX; 0: no cap (behind a proxy
	                            that caps them itself) */
	int header_deadline_ms;  /* > 0 */
	int body_deadline_ms;    /* > 0 */
	int hsts;                /* every answer carries Strict-Transport-Security */
	http_body_max_fn body_max; /* NULL: HTTP_BODY_MAX for every request */
};

/* Fills cfg with the defaults: 127.0.0.1:8080, 8 threads, the named caps
   and deadlines. */
void http_config_defaults(struct http_config *cfg);

/* Starts serving as cfg says; the handler gets ctx with every request. */
int http_server_start(const struct http_config *cfg, http_handler_fn handler, void *ctx,
                      struct http_server **out, struct kp_error *err);
/* Sends the answers still held (waiting at most HTTP_HOLD_DRAIN_MS), then
   closes every connection. */
void http_server_stop(struct http_server *srv);

#endif
