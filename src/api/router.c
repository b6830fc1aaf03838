/*
 * From an HTTP request to a handler: find the route, resolve the session,
 * check CSRF, parse the body within its limits, run the handler, and turn a
 * failure into application/problem+json. Paths outside /api/ are the web
 * front end's static files.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api/api.h"
#include "api/metrics.h"
#include "api/json_in.h"
#include "api/session.h"
#include "auth/password.h"
#include "http/static.h"
#include "service/service.h"
#include "util/messages.h"
#include "util/parse.h"

int api_reply(struct api_call *c, int status, json_t *doc)
{
	char *text = json_dumps(doc, JSON_COMPACT | JSON_ENSURE_ASCII);
	json_decref(doc);
	if (text == NULL)
		return kp_internal(&c->err);
	c->res->body.len = 0;
	int rc = buf_appends(&c->res->body, text);
	free(text);
	if (rc != 0)
		return kp_internal(&c->err);
	c->res->status = status;
	c->res->content_type = "application/json";
	return KP_OK;
}

int api_status_of_kind(enum kp_kind kind)
{
	static const int status[KP_KIND_COUNT] = {
		[KP_NONE] = 500, [KP_INVALID] = 422, [KP_MALFORMED] = 400,
		[KP_UNAUTHENTICATED] = 401, [KP_FORBIDDEN] = 403, [KP_NOT_FOUND] = 404,
		[KP_NO_METHOD] = 405, [KP_UNSUPPORTED] = 415, [KP_CONFLICT] = 409,
		[KP_LIMITED] = 429, [KP_BUSY] = 503, [KP_INTERNAL] = 500,
	};
	return kind > KP_NONE && kind < KP_KIND_COUNT ? status[kind] : 500;
}

/* The record's version as the answer's ETag. */
static void put_etag(struct api_call *c, int64_t version)
{
	char etag[32];
	snprintf(etag, sizeof etag, "\"%lld\"", (long long)version);
	http_response_header(c->res, "ETag", etag);
}

/* Answers with what w wrote into the body, or fails (internal) when a
   write did not fit. */
static int written(struct api_call *c, struct jw *w, int status)
{
	if (jw_failed(w)) {
		c->res->body.len = 0;
		return kp_internal(&c->err);
	}
	c->res->status = status;
	c->res->content_type = "application/json";
	return KP_OK;
}

int api_reply_versioned(struct api_call *c, int status, json_t *doc, int64_t version)
{
	put_etag(c, version);
	return api_reply(c, status, doc);
}

int api_reply_written(struct api_call *c, int status, jw_write_fn *write, const void *obj,
                      void *arg, int64_t version)
{
	struct jw w;
	api_record_begin(c, &w);
	write(&w, obj, arg);
	put_etag(c, version);
	return written(c, &w, status);
}

int api_reply_edit(struct api_call *c, int rc, json_t *doc, int64_t version)
{
	if (rc == KP_OK && doc != NULL)
		return api_reply_versioned(c, 200, doc, version);
	if (rc != KP_OK && doc != NULL && c->err.kind == KP_CONFLICT)
		c->current = doc;
	else
		json_decref(doc);
	return rc == KP_OK ? kp_internal(&c->err) : rc;
}

uint64_t api_field_mask(struct api_call *c, const struct field_table *t)
{
	uint64_t mask = 0;
	const char *key;
	json_t *value;
	json_object_foreach(c->body, key, value)
		mask |= field_bit(t, key);
	return mask;
}

int api_base_version(struct api_call *c, int64_t *out)
{
	const char *h = http_header(c->req, "If-Match");
	long long v = 0;
	*out = 0;
	if (h != NULL) {
		char digits[24];
		size_t n;
		if (strncmp(h, "W/", 2) == 0)
			h += 2;
		if (*h == '"')
			h++;
		n = strspn(h, "0123456789");
		if (n == 0 || n >= sizeof digits || (h[n] != '"' && h[n] != '\0'))
			return kp_fail(&c->err, KP_MALFORMED, "invalid_version", "If-Match");
		memcpy(digits, h, n);
		digits[n] = '\0';
		if (parse_int(digits, 1, INT64_MAX, &v) != 0)
			return kp_fail(&c->err, KP_MALFORMED, "invalid_version", "If-Match");
		*out = v;
		return KP_OK;
	}
	json_t *body = c->body ? json_object_get(c->body, "version") : NULL;
	if (body == NULL || json_is_null(body))
		return KP_OK;
	if (!json_is_integer(body) || json_integer_value(body) < 1)
		return kp_invalid(&c->err, "version", "invalid_version");
	*out = json_integer_value(body);
	return KP_OK;
}

static void reply_problem(struct api_call *c)
{
	const struct kp_error *e = &c->err;
	int status = api_status_of_kind(e->kind);
	struct buf detail;
	buf_init(&detail, 2048);
	json_t *doc = json_object();
	if (messages_render(e, c->lang, &detail) == 0)
		json_object_set_new(doc, "detail", json_string(detail.data ? detail.data : ""));
	buf_free(&detail);
	json_object_set_new(doc, "type", json_string("about:blank"));
	json_object_set_new(doc, "title", json_string(messages_title(e->kind, c->lang)));
	json_object_set_new(doc, "status", json_integer(status));
	json_object_set_new(doc, "code", json_string(e->code[0] ? e->code : "internal"));
	if (e->field[0])
		json_object_set_new(doc, "field", json_string(e->field));
	if (c->current != NULL) {
		json_object_set_new(doc, "current", c->current);
		c->current = NULL;
	}
	api_reply(c, status, doc);
	c->res->content_type = "application/problem+json";
	/* Busy is passing: say when to try again rather than fail for good. */
	if (e->kind == KP_BUSY)
		http_response_header(c->res, "Retry-After", "1");
}

int api_authorise(struct api_call *c, enum resource res, enum action act,
                  const struct authz_target *target)
{
	if (authz_allows(&c->who, res, act, target))
		return KP_OK;
	if (c->who.role == ROLE_ANONYMOUS)
		return kp_fail(&c->err, KP_UNAUTHENTICATED, "not_logged_in", "");
	return kp_fail(&c->err, KP_FORBIDDEN, "forbidden", "");
}

int api_page(struct api_call *c, struct page *pg)
{
	long long v;
	if (c->export_page != NULL) {
		*pg = *c->export_page;
		return KP_OK;
	}
	pg->limit = PAGE_DEFAULT;
	pg->offset = 0;
	const char *s = http_query(c->req, "limit");
	if (s != NULL) {
		if (parse_int(s, 1, PAGE_MAX, &v) != 0)
			return kp_fail_limit(&c->err, KP_MALFORMED, "out_of_range", "limit", PAGE_MAX);
		pg->limit = (int)v;
	}
	s = http_query(c->req, "offset");
	if (s != NULL) {
		if (parse_int(s, 0, 100000000, &v) != 0)
			return kp_fail_limit(&c->err, KP_MALFORMED, "out_of_range", "offset", 100000000);
		pg->offset = (int)v;
	}
	pg->after = 0;
	s = http_query(c->req, "after"); /* the id of the last row of the page before */
	if (s != NULL) {
		if (parse_int(s, 1, INT64_MAX, &v) != 0)
			return kp_fail(&c->err, KP_MALFORMED, "invalid_id", "after");
		if (pg->offset > 0)
			return kp_fail(&c->err, KP_MALFORMED, "not_with_after", "offset");
		pg->after = v;
	}
	return KP_OK;
}

int api_query_id(struct api_call *c, const char *name, int64_t *out)
{
	const char *s = http_query(c->req, name);
	long long v;
	if (s == NULL)
		return KP_OK;
	if (parse_int(s, 1, INT64_MAX, &v) != 0)
		return kp_fail(&c->err, KP_MALFORMED, "invalid_id", name);
	*out = v;
	return KP_OK;
}

int api_query_text(struct api_call *c, const char *name, size_t max, const char **out)
{
	const char *s = http_query(c->req, name);
	if (s == NULL || *s == '\0')
		return KP_OK;
	if (!parse_is_clean_utf8(s))
		return kp_fail(&c->err, KP_MALFORMED, "invalid_text", name);
	if ((size_t)parse_utf8_length(s) > max)
		return kp_fail_limit(&c->err, KP_MALFORMED, "too_long", name, (long long)max);
	*out = s;
	return KP_OK;
}

int api_query_enum(struct api_call *c, const char *name, int (*parse)(const char *), int *out)
{
	const char *s = http_query(c->req, name);
	if (s == NULL || *s == '\0')
		return KP_OK;
	int v = parse(s);
	if (v < 0)
		return kp_fail(&c->err, KP_MALFORMED, "invalid_choice", name);
	*out = v;
	return KP_OK;
}

int api_query_item(struct api_call *c, const char *name, int kind, int64_t *out)
{
	const char *code = NULL;
	if (api_query_text(c, name, LIST_CODE_MAX, &code))
		return KP_ERR;
	if (code && (*out = catalog_find(&c->app->lists, kind, code)) == 0)
		return kp_fail(&c->err, KP_MALFORMED, "unknown_item", name);
	return KP_OK;
}

json_t *api_list_doc(json_t *items, int64_t total, struct page pg)
{
	return json_pack("{s:o, s:I, s:i, s:i}", "items", items, "total", (json_int_t)total,
	                 "limit", pg.limit, "offset", pg.offset);
}

void api_page_begin(struct api_call *c, struct jw *w)
{
	c->res->body.len = 0;
	jw_init(w, &c->res->body);
	jw_object(w);
	JW_KEY(w, "items");
	jw_array(w);
}

static int page_done(struct api_call *c, struct jw *w)
{
	jw_end_object(w);
	return written(c, w, 200);
}

int api_page_end(struct api_call *c, struct jw *w, int64_t total, struct page pg)
{
	jw_end_array(w);
	JW_KEY(w, "total"); jw_int(w, total);
	JW_KEY(w, "limit"); jw_int(w, pg.limit);
	JW_KEY(w, "offset"); jw_int(w, pg.offset);
	return page_done(c, w);
}

void api_record_begin(struct api_call *c, struct jw *w)
{
	c->res->body.len = 0;
	jw_init(w, &c->res->body);
}

int api_record_end(struct api_call *c, struct jw *w, int64_t version)
{
	put_etag(c, version);
	return written(c, w, 200);
}

int api_items_end(struct api_call *c, struct jw *w, int64_t total)
{
	jw_end_array(w);
	JW_KEY(w, "total"); jw_int(w, total);
	return page_done(c, w);
}

/* Matches path against pattern, filling c->id / c->param. */
static bool route_matches(const char *pattern, const char *path, struct api_call *c)
{
	const char *p = pattern, *s = path;
	while (*p && *s) {
		if (*p == '{') {
			const char *close = strchr(p, '}');
			size_t n = strcspn(s, "/");
			char seg[sizeof c->param];
			if (close == NULL)
				return false;
			/* "{token}.ics": the parameter stops before the literal suffix */
			size_t suffix = strcspn(close + 1, "/");
			if (suffix > 0 && (n <= suffix || strncmp(s + n - suffix, close + 1, suffix) != 0))
				return false;
			n -= suffix;
			if (n == 0 || n >= sizeof seg)
				return false;
			memcpy(seg, s, n);
			seg[n] = '\0';
			if (strncmp(p, "{id}", 4) == 0) {
				long long v;
				if (parse_int(seg, 1, INT64_MAX, &v) != 0)
					c->id = -1; /* matched the shape; the handler answers invalid_id */
				else
					c->id = v;
			} else {
				memcpy(c->param, seg, n + 1);
			}
			p = close + 1;
			s += n;
		} else if (*p++ != *s++) {
			return false;
		}
	}
	return *p == '\0' && (*s == '\0' || (s[0] == '/' && s[1] == '\0'));
}

static bool is_write(const char *method)
{
	return strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0;
}

static int parse_body(struct api_call *c, const struct api_route *route)
{
	const struct http_request *req = c->req;
	/* A DELETE may carry a JSON body (a code that confirms it); most have none. */
	if (!is_write(req->method) ||
	    (strcmp(req->method, "DELETE") == 0 && req->body_len == 0) || route->raw_body_max > 0)
		return KP_OK;
	const char *type = http_header(req, "Content-Type");
	if (type == NULL || strncmp(type, "application/json", 16) != 0)
		return kp_fail(&c->err, KP_UNSUPPORTED, "unsupported_media_type", "");
	if (!jin_depth_ok(req->body, req->body_len, API_JSON_DEPTH_MAX))
		return kp_fail_limit(&c->err, KP_MALFORMED, "too_deep", "", API_JSON_DEPTH_MAX);
	json_error_t jerr;
	c->body = json_loadb(req->body, req->body_len, JSON_REJECT_DUPLICATES, &jerr);
	if (c->body == NULL)
		return kp_fail_detail(&c->err, KP_MALFORMED, "invalid_json", "", "%s", jerr.text);
	if (!json_is_object(c->body))
		return kp_fail(&c->err, KP_MALFORMED, "not_object", "");
	return KP_OK;
}

static int dispatch(struct api_call *c)
{
	const struct api_route *found = NULL;
	bool path_known = false;
	for (int i = 0; i < api_route_count && found == NULL; i++) {
		const struct api_route *r = &api_routes[i];
		c->id = 0;
		c->param[0] = '\0';
		if (!route_matches(r->pattern, c->req->path, c))
			continue;
		path_known = true;
		if (strcmp(r->method, c->req->method) == 0)
			found = r;
	}
	if (found != NULL)
		c->route = (int)(found - api_routes);
	if (found == NULL)
		return path_known ? kp_fail(&c->err, KP_NO_METHOD, "method_not_allowed", "")
		                  : kp_fail(&c->err, KP_NOT_FOUND, "no_route", "");
	if (c->id < 0)
		return kp_fail(&c->err, KP_MALFORMED, "invalid_id", "id");
	if (session_resolve(c))
		return KP_ERR;
	if (c->who.role == ROLE_ANONYMOUS && !authz_public_route(found->method, found->pattern))
		return kp_fail(&c->err, KP_UNAUTHENTICATED, "not_logged_in", "");
	if (is_write(c->req->method) && c->who.role != ROLE_ANONYMOUS) {
		const char *token = http_header(c->req, "X-CSRF-Token");
		if (token == NULL || !secret_equal(token, c->who.csrf_token))
			return kp_fail(&c->err, KP_FORBIDDEN, "csrf", "");
	}
	if (parse_body(c, found))
		return KP_ERR;
	return found->handler(c);
}

size_t api_body_max(const char *method, const char *path)
{
	struct api_call c = { 0 };
	for (int i = 0; i < api_route_count; i++)
		if (api_routes[i].raw_body_max > 0 && strcmp(api_routes[i].method, method) == 0 &&
		    route_matches(api_routes[i].pattern, path, &c))
			return api_routes[i].raw_body_max < HTTP_UPLOAD_MAX ?
			       api_routes[i].raw_body_max : HTTP_UPLOAD_MAX;
	return HTTP_BODY_MAX;
}

static double seconds_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* GET /metrics, outside the API's sessions: see api/metrics.h. */
static int serve_metrics(struct api_call *c)
{
	if (!metrics_may_read(c->app, c->req) || strcmp(c->req->method, "GET") != 0)
		return kp_fail(&c->err, KP_NOT_FOUND, "no_route", "");
	if (metrics_write(c->app, c->db, &c->res->body, &c->err))
		return KP_ERR;
	c->res->status = 200;
	c->res->content_type = "text/plain; version=0.0.4; charset=utf-8";
	return KP_OK;
}

/* An answer held for its views' audit rows: counted in the metrics when it
   goes, with the time until then and the status it goes with. */
struct held {
	struct audit_ticket *ticket;
	struct metrics *metrics;
	int route, status;
	double started;
	void (*done)(void *arg, bool ok);
	void *arg;
};

static void held_done(void *ctx, bool ok)
{
	struct held *h = ctx;
	metrics_record(h->metrics, h->route, ok ? h->status : 503, seconds_now() - h->started);
	h->done(h->arg, ok);
	free(h);
}

static void held_wait(void *ctx, void (*done)(void *arg, bool ok), void *arg)
{
	struct held *h = ctx;
	h->done = done;
	h->arg = arg;
	svc_audit_wait(h->ticket, held_done, h);
}

void api_handle(void *ctx, const struct http_request *req, struct http_response *res)
{
	struct app *app = ctx;
	double started = seconds_now();
	bool metrics = strcmp(req->path, "/metrics") == 0;
	if (strncmp(req->path, "/api/", 5) != 0 && !metrics) {
		if (strcmp(req->method, "GET") == 0 &&
		    http_serve_static_request(app->cfg.web_dir, req, res) == 0) {
			metrics_record(app->metrics, METRICS_STATIC, res->status,
			               seconds_now() - started);
			return;
		}
	}
	struct api_call c = {
		.app = app,
		.req = req,
		.res = res,
		.lang = messages_language(http_header(req, "Accept-Language")),
		.route = METRICS_NO_ROUTE,
	};
	/* The views' audit rows go to the group commit without holding this
	   thread; the answer waits for them instead (http_hold). */
	struct audit_ticket *audit = NULL;
	svc_defer_audit(&audit);
	c.db = db_pool_acquire(app->pool);
	if ((metrics ? serve_metrics(&c) : dispatch(&c)) != KP_OK) {
		db_rollback(c.db);
		reply_problem(&c);
	}
	db_pool_release(app->pool, c.db);
	svc_defer_audit(NULL);
	json_decref(c.body);
	json_decref(c.current);
	struct held *h = audit != NULL ? malloc(sizeof *h) : NULL;
	if (h != NULL) {
		*h = (struct held){ audit, app->metrics, c.route, res->status, started, NULL, NULL };
		res->hold = (struct http_hold){ held_wait, h };
		return;
	}
	if (audit != NULL) /* no memory for the count: held all the same, counted now */
		res->hold = (struct http_hold){ svc_audit_wait, audit };
	metrics_record(app->metrics, c.route, res->status, seconds_now() - started);
}
