/*
 * The JSON API: one handler file per resource, each handler following
 * parse → authorise → act → respond. This header holds what they share.
 *
 * A handler gets a `struct api_call` with the caller (who), a database
 * connection for the request, the path parameter and the parsed body. It
 * either builds the response (api_reply) and returns KP_OK, or fills c->err
 * and returns KP_ERR; the router then answers application/problem+json in
 * the caller's language and rolls back any open transaction, so a rejected
 * request writes nothing.
 */
#ifndef KP_API_API_H
#define KP_API_API_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "app.h"
#include "auth/authz.h"
#include "auth/principal.h"
#include "db/store.h"
#include "http/http.h"
#include "util/json_write.h"

#define API_JSON_DEPTH_MAX 8

struct api_call {
	struct app *app;
	const struct http_request *req;
	struct http_response *res;
	struct db *db;             /* borrowed from the pool for this request */
	struct principal who;      /* the caller; role ROLE_ANONYMOUS when not logged in */
	int64_t id;                /* {id} from the path, 0 when the route has none */
	char param[64];            /* {kind} or {token} from the path, "" when none */
	json_t *body;              /* parsed JSON object of POST/PATCH; owned by the router */
	const char *lang;          /* "nl" or "en" */
	struct kp_error err;
	json_t *current;           /* with a failed edit: the record as it is now, shown in
	                              the problem answer; owned by the router */
	int route;                 /* index of the route in api_routes[], METRICS_NO_ROUTE
	                              (-1) while none matched */
	const struct page *export_page; /* an export reading a list page by page: the page
	                              api_page gives instead of the query's; NULL otherwise */
};

typedef int (*api_handler)(struct api_call *c);

struct api_route {
	const char *method;
	const char *pattern;       /* "/api/volunteers/{id}"; {id} numeric, {kind} a word,
	                              "{token}.ics" a word before a literal suffix */
	api_handler handler;
	size_t raw_body_max;       /* 0: a JSON body within HTTP_BODY_MAX; else the body as
	                              sent (a file, any Content-Type) up to this many bytes */
};

extern const struct api_route api_routes[];
extern const int api_route_count;

/* The http_handler_fn of the server; ctx is the struct app. */
void api_handle(void *ctx, const struct http_request *req, struct http_response *res);

/* The http_body_max_fn of the server: the route's raw_body_max, else HTTP_BODY_MAX. */
size_t api_body_max(const char *method, const char *path);

/* The HTTP status of an error kind: the one place where kinds become statuses. */
int api_status_of_kind(enum kp_kind kind);

/* Sends doc (stolen) as the JSON answer with `status`. */
int api_reply(struct api_call *c, int status, json_t *doc);

/* 403 unless the caller may do `act` on `res` for `target`. */
int api_authorise(struct api_call *c, enum resource res, enum action act,
                  const struct authz_target *target);

/* Reads limit/offset from the query (PAGE_DEFAULT, max PAGE_MAX); for an
   export, its export_page. */
int api_page(struct api_call *c, struct page *pg);

/* Reads the list filters common to lists (q, status via parse, place, …). */
int api_query_id(struct api_call *c, const char *name, int64_t *out);
int api_query_text(struct api_call *c, const char *name, size_t max, const char **out);
int api_query_enum(struct api_call *c, const char *name, int (*parse)(const char *), int *out);
/* The id of the shared-list item of `kind` whose code the parameter names. */
int api_query_item(struct api_call *c, const char *name, int kind, int64_t *out);

/* The fields of table t that the request body names. */
uint64_t api_field_mask(struct api_call *c, const struct field_table *t);

/* The version an edit starts from: the If-Match header ("3" or W/"3"), else
   "version" in the body; 0 when neither is given. */
int api_base_version(struct api_call *c, int64_t *out);

/* As api_reply, with the record's version as its ETag. */
int api_reply_versioned(struct api_call *c, int status, json_t *doc, int64_t version);

/* As api_reply_versioned with the document written by write(obj, arg)
   straight into the answer, without a tree in between. */
int api_reply_written(struct api_call *c, int status, jw_write_fn *write, const void *obj,
                      void *arg, int64_t version);

/* Answers an edit that returned rc: 200 with doc (stolen, NULL when there is no
   record) and its version; or, when it failed on a conflict, the problem with
   doc as the record as it is now. Returns rc. */
int api_reply_edit(struct api_call *c, int rc, json_t *doc, int64_t version);

/* {"items": [...], "total": n, "limit": l, "offset": o} */
json_t *api_list_doc(json_t *items, int64_t total, struct page pg);

/* The same document written straight into the answer, for pages whose rows
   are many: api_page_begin starts it ({"items":[) with w writing into the
   answer's body; the caller writes each row; api_page_end closes it and
   answers 200, or fails (internal) when a write did not fit. */
void api_page_begin(struct api_call *c, struct jw *w);
int api_page_end(struct api_call *c, struct jw *w, int64_t total, struct page pg);
/* One record as the whole answer, written into w; ends with ETag version. */
void api_record_begin(struct api_call *c, struct jw *w);
int api_record_end(struct api_call *c, struct jw *w, int64_t version);
/* As api_page_end for a ranking, which has a total but no page. */
int api_items_end(struct api_call *c, struct jw *w, int64_t total);


#endif
