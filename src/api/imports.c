/* Importing a spreadsheet of volunteers, organisations, calls or hours (imports.h). */
#include "api/imports.h"

#include <string.h>

#include "model/import.h"
#include "service/import.h"
#include "util/messages.h"

struct rows_out {
	struct api_call *c;
	json_t *rows;
	int kind;         /* enum import_kind */
	bool dry_run;
	bool truncated;   /* more rows to show than IMPORT_ROWS_SHOWN */
};

static json_t *error_json(const struct kp_error *err, const char *lang)
{
	struct buf b;
	buf_init(&b, 2048);
	json_t *doc = json_pack("{s:s, s:s}", "code", err->code, "field", err->field);
	if (messages_render(err, lang, &b) == 0 && b.data != NULL)
		json_object_set_new(doc, "message", json_string(b.data));
	if (err->limit != 0)
		json_object_set_new(doc, "limit", json_integer(err->limit));
	buf_free(&b);
	return doc;
}

static int add_row(void *ctx, const struct import_row_report *r)
{
	struct rows_out *o = ctx;
	if (!o->dry_run && r->action != IMPORT_REFUSED)
		return 0;
	if (json_array_size(o->rows) >= IMPORT_ROWS_SHOWN) {
		o->truncated = true;
		return 0;
	}
	json_t *row = json_pack("{s:I, s:s}", "row", (json_int_t)r->row, "action",
	                        import_action_name(r->action));
	if (r->id > 0)
		json_object_set_new(row, o->kind == IMPORT_VOLUNTEERS ? "volunteer_id" : "id",
		                    json_integer(r->id));
	if (r->invited)
		json_object_set_new(row, "invited", json_true());
	if (r->action == IMPORT_REFUSED)
		json_object_set_new(row, "error", error_json(&r->err, o->c->lang));
	return json_array_append_new(o->rows, row);
}

static json_t *result_json(const struct import_request *rq, struct rows_out *o)
{
	json_t *counts = json_object();
	for (int a = 0; a < IMPORT_ACTION_COUNT; a++)
		json_object_set_new(counts, import_action_name(a), json_integer(rq->counts[a]));
	return json_pack("{s:b, s:o, s:I, s:o, s:b}", "dry_run", rq->dry_run, "counts", counts,
	                 "invited", (json_int_t)rq->invited, "rows", o->rows, "rows_truncated",
	                 o->truncated);
}

static int flag(struct api_call *c, const char *name, bool fallback, bool *out)
{
	const char *s = http_query(c->req, name);
	*out = fallback;
	if (s == NULL || *s == '\0')
		return KP_OK;
	if (strcmp(s, "true") != 0 && strcmp(s, "false") != 0)
		return kp_fail(&c->err, KP_MALFORMED, "invalid_choice", name);
	*out = strcmp(s, "true") == 0;
	return KP_OK;
}

static int run(struct api_call *c, int kind)
{
	struct rows_out o = { .c = c, .kind = kind, .rows = json_array() };
	struct import_request rq = { .kind = kind, .data = c->req->body, .len = c->req->body_len,
	                             .each = add_row, .ctx = &o };
	if ((kind != IMPORT_ORGANISATIONS &&
	     api_query_id(c, "organisation_id", &rq.organisation_id)) ||
	    api_query_text(c, "mapping", IMPORT_MAPPING_TEXT_MAX, &rq.mapping) ||
	    flag(c, "dry_run", false, &rq.dry_run) ||
	    flag(c, "invite", kind == IMPORT_VOLUNTEERS, &rq.invite)) {
		json_decref(o.rows);
		return KP_ERR;
	}
	o.dry_run = rq.dry_run;
	if (import_run(c->app, c->db, &c->who, &rq, &c->err)) {
		json_decref(o.rows);
		return KP_ERR;
	}
	return api_reply(c, rq.dry_run ? 200 : 201, result_json(&rq, &o));
}

int imports_volunteers(struct api_call *c)
{
	return run(c, IMPORT_VOLUNTEERS);
}

int imports_organisations(struct api_call *c)
{
	return run(c, IMPORT_ORGANISATIONS);
}

int imports_calls(struct api_call *c)
{
	return run(c, IMPORT_CALLS);
}

int imports_hours(struct api_call *c)
{
	return run(c, IMPORT_HOURS);
}
