#include "http/http.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "http/compress.h"
#include "http/deadline.h"

struct http_server {
	struct MHD_Daemon *daemon;
	atomic_int held;                  /* connections parked for an answer's hold */
	struct http_deadlines *deadlines; /* owned; outlives the daemon */
	int hsts;                         /* send Strict-Transport-Security */
	http_body_max_fn body_max;        /* a request's body cap; NULL: HTTP_BODY_MAX */
	http_handler_fn handler;
	void *ctx;
};

/* What one request collects between libmicrohttpd's callbacks: made by
   on_uri as soon as the request line is read, freed by on_completed. */
struct pending {
	struct buf body;          /* capped at HTTP_BODY_MAX, or the route's body_max */
	size_t target_len;        /* bytes of the request target, query included */
	size_t header_bytes;      /* "Name: value\r\n" bytes of all header fields */
	int too_large;            /* body passed the cap: answer 413 */
	int seen_first;           /* first callback done (answer only on a later one) */
	/* An answer held (http_hold): the connection is parked until released. */
	struct http_server *srv;
	struct MHD_Connection *conn;
	struct http_response held;
	bool holding;             /* held is waiting or ready to go */
	atomic_bool release_ok;   /* the hold's verdict, set before the connection resumes */
};

const char *http_header(const struct http_request *req, const char *name)
{
	return MHD_lookup_connection_value(req->conn, MHD_HEADER_KIND, name);
}

const char *http_query(const struct http_request *req, const char *name)
{
	return MHD_lookup_connection_value(req->conn, MHD_GET_ARGUMENT_KIND, name);
}

const char *http_cookie(const struct http_request *req, const char *name)
{
	return MHD_lookup_connection_value(req->conn, MHD_COOKIE_KIND, name);
}

void http_response_header(struct http_response *res, const char *name, const char *value)
{
	if (res->n_extra == HTTP_EXTRA_HEADERS)
		return;
	res->extra_name[res->n_extra] = name;
	snprintf(res->extra_value[res->n_extra], sizeof res->extra_value[0], "%s", value);
	res->n_extra++;
}

static void plain_problem(struct http_response *res, int status, const char *title)
{
	res->status = status;
	res->content_type = "application/problem+json";
	if (buf_printf(&res->body, "{\"type\":\"about:blank\",\"title\":\"%s\",\"status\":%d}",
	               title, status) != 0)
		res->body.len = 0;
}

/* The headers every answer of ours carries, handler's or limit's alike. */
static void add_security_headers(const struct http_server *srv, struct MHD_Response *r)
{
	if (srv->hsts)
		MHD_add_response_header(r, "Strict-Transport-Security", HTTP_HSTS);
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(r, "X-Frame-Options", "DENY");
	MHD_add_response_header(r, "Content-Security-Policy",
	                        "default-src 'self'; img-src 'self' data:; style-src 'self'; "
	                        "object-src 'none'; base-uri 'none'; form-action 'self'; "
	                        "frame-ancestors 'none'");
}

static enum MHD_Result send_response(const struct http_server *srv, struct MHD_Connection *conn,
                                     struct http_response *res)
{
	enum http_encoding enc = http_compress_response(
		MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Accept-Encoding"), res);
	size_t len = res->body.len;
	char *data = buf_take(&res->body);
	struct MHD_Response *r =
		MHD_create_response_from_buffer(len, data, MHD_RESPMEM_MUST_FREE);
	if (r == NULL) {
		free(data);
		return MHD_NO;
	}
	MHD_add_response_header(r, "Content-Type", res->content_type ? res->content_type
	                                                             : "application/json");
	MHD_add_response_header(r, "Cache-Control",
	                        res->cache_control ? res->cache_control : "no-store");
	add_security_headers(srv, r);
	if (enc == HTTP_GZIPPED)
		MHD_add_response_header(r, "Content-Encoding", "gzip");
	if (enc != HTTP_AS_IS)
		MHD_add_response_header(r, "Vary", "Accept-Encoding");
	if (res->set_cookie[0] != '\0')
		MHD_add_response_header(r, "Set-Cookie", res->set_cookie);
	for (int i = 0; i < res->n_extra; i++)
		MHD_add_response_header(r, res->extra_name[i], res->extra_value[i]);
	enum MHD_Result ret = MHD_queue_response(conn, (unsigned)res->status, r);
	MHD_destroy_response(r);
	return ret;
}

static void remote_address(struct MHD_Connection *conn, char *out, size_t cap)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	snprintf(out, cap, "unknown");
	if (ci == NULL || ci->client_addr == NULL)
		return;
	const struct sockaddr *sa = ci->client_addr;
	if (sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, out,
		          (socklen_t)cap);
	else if (sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, out,
		          (socklen_t)cap);
}

/* Counts one header field as it came in: name, ": ", value, CRLF. */
static enum MHD_Result add_header_bytes(void *cls, enum MHD_ValueKind kind, const char *key,
                                        const char *value)
{
	(void)kind;
	struct pending *p = cls;
	p->header_bytes += strlen(key) + strlen(value ? value : "") + 4;
	return MHD_YES;
}

/* The headers are in: note what the answer must refuse. */
static void on_headers(struct http_server *srv, struct MHD_Connection *conn, const char *method,
                       const char *url, struct pending *p)
{
	size_t max = srv->body_max ? srv->body_max(method, url) : HTTP_BODY_MAX;
	p->seen_first = 1;
	buf_init(&p->body, max); /* nothing read yet */
	MHD_get_connection_values(conn, MHD_HEADER_KIND, add_header_bytes, p);
	const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Length");
	if (cl != NULL && strtoull(cl, NULL, 10) > max)
		p->too_large = 1;
}

/* The answer to a complete request: a limit's, or the handler's. */
static void answer(struct http_server *srv, struct MHD_Connection *conn, const char *url,
                   const char *method, struct pending *p, struct http_response *res)
{
	if (p->target_len > HTTP_URL_MAX) {
		plain_problem(res, 414, "URL too long");
	} else if (p->header_bytes > HTTP_HEADERS_MAX) {
		plain_problem(res, 431, "Request headers too large");
	} else if (p->too_large) {
		plain_problem(res, 413, "Request body too large");
	} else {
		char addr[64];
		remote_address(conn, addr, sizeof addr);
		struct http_request req = {
			.method = method,
			.path = url,
			.body = p->body.data ? p->body.data : "",
			.body_len = p->body.len,
			.remote_addr = addr,
			.conn = conn,
		};
		srv->handler(srv->ctx, &req, res);
	}
}

/* The deadline entry of a connection (NULL when it has none). */
static struct http_deadline *deadline_of(struct MHD_Connection *conn)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	return ci != NULL ? ci->socket_context : NULL;
}

/* The hold is done: the parked connection comes back to on_request. */
static void release(void *arg, bool ok)
{
	struct pending *p = arg;
	atomic_store(&p->release_ok, ok);
	MHD_resume_connection(p->conn);
}

/* Parks the connection until res's hold is done; res moves into p. */
static enum MHD_Result hold(struct http_server *srv, struct MHD_Connection *conn,
                            struct pending *p, struct http_response *res)
{
	p->srv = srv;
	p->conn = conn;
	p->held = *res;
	p->holding = true;
	buf_init(&res->body, HTTP_RESPONSE_MAX); /* the body is p's now */
	atomic_fetch_add(&srv->held, 1);
	MHD_suspend_connection(conn);
	p->held.hold.wait(p->held.hold.ctx, release, p);
	return MHD_YES;
}

/* The held answer, once its hold is done: as made, or 503 when it failed. */
static enum MHD_Result send_held(struct http_server *srv, struct MHD_Connection *conn,
                                 struct pending *p)
{
	if (!atomic_load(&p->release_ok)) {
		p->held.body.len = 0;
		p->held.n_extra = 0;
		p->held.set_cookie[0] = '\0';
		p->held.cache_control = NULL;
		plain_problem(&p->held, 503, "Service Unavailable");
	}
	p->holding = false;
	atomic_fetch_sub(&srv->held, 1);
	return send_response(srv, conn, &p->held);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
                                  const char *method, const char *version,
                                  const char *upload_data, size_t *upload_data_size,
                                  void **con_cls)
{
	(void)version;
	struct http_server *srv = cls;
	struct pending *p = *con_cls;
	if (p == NULL) /* on_uri ran out of memory */
		return MHD_NO;
	if (p->holding) /* back from the park */
		return send_held(srv, conn, p);
	if (!p->seen_first) {
		http_deadline_headers_done(srv->deadlines, deadline_of(conn));
		on_headers(srv, conn, method, url, p);
		return MHD_YES; /* 0.9.75 closes the connection if we answer now */
	}
	if (*upload_data_size > 0) {
		if (!p->too_large && buf_append(&p->body, upload_data, *upload_data_size) != 0)
			p->too_large = 1;
		*upload_data_size = 0;
		return MHD_YES;
	}
	http_deadline_body_done(srv->deadlines, deadline_of(conn));
	struct http_response res = { .status = 200 };
	buf_init(&res.body, HTTP_RESPONSE_MAX);
	answer(srv, conn, url, method, p, &res);
	enum MHD_Result ret = res.hold.wait != NULL ? hold(srv, conn, p, &res)
	                                            : send_response(srv, conn, &res);
	buf_free(&res.body);
	return ret;
}

/* Called with the request target as it came (path and query, still
   escaped) before anything else of the request: the handler sees the path
   only, so the URL limit is measured here. Returns the request's pending. */
static void *on_uri(void *cls, const char *uri, struct MHD_Connection *conn)
{
	(void)cls;
	(void)conn;
	struct pending *p = calloc(1, sizeof *p);
	if (p == NULL)
		return NULL;
	buf_init(&p->body, HTTP_BODY_MAX);
	p->target_len = strlen(uri);
	return p;
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
	(void)toe;
	struct http_server *srv = cls;
	http_deadline_next_request(srv->deadlines, deadline_of(conn));
	struct pending *p = *con_cls;
	if (p == NULL)
		return;
	if (p->holding) /* closed before the held answer went out */
		atomic_fetch_sub(&srv->held, 1);
	buf_free(&p->held.body);
	buf_free(&p->body);
	free(p);
	*con_cls = NULL;
}

/* A connection opens (its header clock starts) or closes. */
static void on_connection(void *cls, struct MHD_Connection *conn, void **socket_context,
                          enum MHD_ConnectionNotificationCode code)
{
	struct http_server *srv = cls;
	if (code == MHD_CONNECTION_NOTIFY_CLOSED) {
		http_deadline_close(srv->deadlines, *socket_context);
		*socket_context = NULL;
		return;
	}
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CONNECTION_FD);
	if (ci != NULL)
		*socket_context = http_deadline_open(srv->deadlines, ci->connect_fd);
}

void http_config_defaults(struct http_config *cfg)
{
	*cfg = (struct http_config){
		.host = "127.0.0.1",
		.port = 8080,
		.threads = 8,
		.per_address = HTTP_CONNECTIONS_PER_ADDRESS,
		.header_deadline_ms = HTTP_HEADER_DEADLINE_MS,
		.body_deadline_ms = HTTP_BODY_DEADLINE_MS,
	};
}

static struct MHD_Daemon *start_daemon(const struct http_config *cfg,
                                       const struct sockaddr_in *addr, struct http_server *srv)
{
	return MHD_start_daemon(
		MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG |
			MHD_ALLOW_SUSPEND_RESUME,
		(uint16_t)cfg->port, NULL, NULL, on_request, srv,
		MHD_OPTION_SOCK_ADDR, (const struct sockaddr *)addr,
		MHD_OPTION_THREAD_POOL_SIZE, (unsigned)cfg->threads,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)HTTP_CONNECTION_MEMORY,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)HTTP_IDLE_TIMEOUT_S,
		MHD_OPTION_CONNECTION_LIMIT, (unsigned)HTTP_CONNECTIONS_MAX,
		MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)cfg->per_address,
		MHD_OPTION_LISTENING_ADDRESS_REUSE, (unsigned)1,
		MHD_OPTION_NOTIFY_CONNECTION, on_connection, srv,
		MHD_OPTION_URI_LOG_CALLBACK, on_uri, srv,
		MHD_OPTION_NOTIFY_COMPLETED, on_completed, srv,
		MHD_OPTION_END);
}

int http_server_start(const struct http_config *cfg, http_handler_fn handler, void *ctx,
                      struct http_server **out, struct kp_error *err)
{
	struct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = htons((uint16_t)cfg->port) };
	if (inet_pton(AF_INET, cfg->host, &addr.sin_addr) != 1)
		return kp_invalid(err, "host", "invalid_address");
	if (cfg->per_address < 0 || cfg->per_address >= HTTP_CONNECTIONS_MAX)
		return kp_invalid(err, "max-connections-per-address", "out_of_range");
	struct http_server *srv = calloc(1, sizeof *srv);
	if (srv == NULL)
		return kp_internal(err);
	srv->handler = handler;
	srv->ctx = ctx;
	srv->hsts = cfg->hsts;
	srv->body_max = cfg->body_max;
	if (http_deadlines_start(cfg->header_deadline_ms, cfg->body_deadline_ms, &srv->deadlines,
	                         err)) {
		free(srv);
		return KP_ERR;
	}
	srv->daemon = start_daemon(cfg, &addr, srv);
	if (srv->daemon == NULL) {
		http_deadlines_stop(srv->deadlines);
		free(srv);
		return kp_fail_detail(err, KP_INTERNAL, "listen_failed", "port", "%s:%d", cfg->host,
		                      cfg->port);
	}
	*out = srv;
	return KP_OK;
}

void http_server_stop(struct http_server *srv)
{
	if (srv == NULL)
		return;
	/* A parked connection must be back before the daemon goes. */
	for (int ms = 0; atomic_load(&srv->held) > 0 && ms < HTTP_HOLD_DRAIN_MS; ms++)
		nanosleep(&(struct timespec){ 0, 1000000L }, NULL);
	MHD_stop_daemon(srv->daemon); /* closes every connection, and so its entry */
	http_deadlines_stop(srv->deadlines);
	free(srv);
}
