#include "http/http.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

struct http_server {
	struct MHD_Daemon *daemon;
	http_handler_fn handler;
	void *ctx;
};

/* What one request collects between libmicrohttpd's callbacks. */
struct pending {
	struct buf body;     /* capped at HTTP_BODY_MAX */
	int too_large;       /* body passed the cap: answer 413 */
	int seen_first;      /* first callback done (answer only on a later one) */
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

static enum MHD_Result send_response(struct MHD_Connection *conn, struct http_response *res)
{
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
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(r, "X-Frame-Options", "DENY");
	MHD_add_response_header(r, "Content-Security-Policy",
	                        "default-src 'self'; img-src 'self' data:; style-src 'self'; "
	                        "object-src 'none'; base-uri 'none'; form-action 'self'; "
	                        "frame-ancestors 'none'");
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

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
                                  const char *method, const char *version,
                                  const char *upload_data, size_t *upload_data_size,
                                  void **con_cls)
{
	(void)version;
	struct http_server *srv = cls;
	struct pending *p = *con_cls;
	if (p == NULL) {
		p = calloc(1, sizeof *p);
		if (p == NULL)
			return MHD_NO;
		buf_init(&p->body, HTTP_BODY_MAX);
		*con_cls = p;
		const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Length");
		if (cl != NULL && strtoull(cl, NULL, 10) > HTTP_BODY_MAX)
			p->too_large = 1;
		return MHD_YES; /* 0.9.75 closes the connection if we answer now */
	}
	if (*upload_data_size > 0) {
		if (!p->too_large && buf_append(&p->body, upload_data, *upload_data_size) != 0)
			p->too_large = 1;
		*upload_data_size = 0;
		return MHD_YES;
	}

	struct http_response res = { .status = 200 };
	buf_init(&res.body, HTTP_RESPONSE_MAX);
	if (p->too_large) {
		plain_problem(&res, 413, "Request body too large");
	} else if (strlen(url) > HTTP_URL_MAX) {
		plain_problem(&res, 414, "URL too long");
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
		srv->handler(srv->ctx, &req, &res);
	}
	enum MHD_Result ret = send_response(conn, &res);
	buf_free(&res.body);
	return ret;
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
	(void)cls;
	(void)conn;
	(void)toe;
	struct pending *p = *con_cls;
	if (p == NULL)
		return;
	buf_free(&p->body);
	free(p);
	*con_cls = NULL;
}

int http_server_start(const char *host, int port, int threads, http_handler_fn handler,
                      void *ctx, struct http_server **out, struct kp_error *err)
{
	struct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
	if (inet_pton(AF_INET, host, &addr.sin_addr) != 1)
		return kp_invalid(err, "host", "invalid_address");
	struct http_server *srv = calloc(1, sizeof *srv);
	if (srv == NULL)
		return kp_internal(err);
	srv->handler = handler;
	srv->ctx = ctx;
	srv->daemon = MHD_start_daemon(
		MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG,
		(uint16_t)port, NULL, NULL, on_request, srv,
		MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
		MHD_OPTION_THREAD_POOL_SIZE, (unsigned)threads,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)HTTP_HEADERS_MAX * 2,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
		MHD_OPTION_CONNECTION_LIMIT, (unsigned)1000,
		MHD_OPTION_LISTENING_ADDRESS_REUSE, (unsigned)1,
		MHD_OPTION_NOTIFY_COMPLETED, on_completed, srv,
		MHD_OPTION_END);
	if (srv->daemon == NULL) {
		free(srv);
		return kp_fail_detail(err, KP_INTERNAL, "listen_failed", "port", "%s:%d", host, port);
	}
	*out = srv;
	return KP_OK;
}

void http_server_stop(struct http_server *srv)
{
	if (srv == NULL)
		return;
	MHD_stop_daemon(srv->daemon);
	free(srv);
}
