/* /api/audit and /api/volunteers/{id}/audit: who viewed or changed personal data. */
#include "api/audit.h"

#include <stdio.h>

#include "api/json_out.h"
#include "service/audit.h"
#include "util/parse.h"

int api_audit_reason(struct api_call *c, const char **reason)
{
	*reason = NULL;
	return api_query_text(c, "reason", AUDIT_REASON_MAX, reason);
}

/* "system" for what no account did (retention, the command line). */
static const char *actor_role(const struct audit_entry *e)
{
	if (e->account_id == 0)
		return "system";
	return role_name(e->role) ? role_name(e->role) : "anonymous";
}

json_t *audit_entry_to_json(const struct audit_entry *e)
{
	json_t *doc = json_pack("{s:I, s:I, s:s, s:s, s:s, s:s}", "id", (json_int_t)e->id, "at",
	                        (json_int_t)e->at, "role", actor_role(e), "action", e->action,
	                        "resource", e->resource, "reason", e->reason);
	json_object_set_new(doc, "account_id", jout_opt_id(e->account_id));
	json_object_set_new(doc, "actor_name", json_string(e->actor_name));
	json_object_set_new(doc, "organisation_id", jout_opt_id(e->organisation_id));
	json_object_set_new(doc, "volunteer_id", jout_opt_id(e->volunteer_id));
	json_object_set_new(doc, "record_id", jout_opt_id(e->record_id));
	if (e->count > 0) /* one entry per viewer, action and day */
		json_object_set_new(doc, "count", json_integer(e->count));
	return doc;
}

static int add_row(void *ctx, const struct audit_entry *e)
{
	return json_array_append_new(ctx, audit_entry_to_json(e));
}

static int reply_list(struct api_call *c, struct audit_query *q,
                      int (*list)(struct app *, struct db *, const struct principal *,
                                  struct audit_query *, struct kp_error *))
{
	if (api_page(c, &q->page))
		return KP_ERR;
	q->each = add_row;
	q->ctx = json_array();
	if (list(c->app, c->db, &c->who, q, &c->err)) {
		json_decref(q->ctx);
		return KP_ERR;
	}
	return api_reply(c, 200, api_list_doc(q->ctx, q->total, q->page));
}

/* ?from= and ?to= as dates (YYYY-MM-DD, to inclusive) or unix seconds. */
static int query_time(struct api_call *c, const char *name, bool end_of_day, int64_t *out)
{
	const char *s = http_query(c->req, name);
	long long v;
	if (s == NULL || *s == '\0')
		return KP_OK;
	if (parse_int(s, 0, INT64_MAX / 2, &v) == 0) {
		*out = v;
		return KP_OK;
	}
	if (!parse_is_date(s))
		return kp_fail(&c->err, KP_MALFORMED, "invalid_date", name);
	*out = (int64_t)(parse_date_days(s) + (end_of_day ? 1 : 0)) * 86400;
	return KP_OK;
}

int audit_search(struct api_call *c)
{
	struct audit_query q = { 0 };
	struct audit_filter *f = &q.filter;
	const char *action = NULL;
	if (api_query_id(c, "account_id", &f->account_id) ||
	    api_query_id(c, "volunteer_id", &f->volunteer_id) ||
	    query_time(c, "from", false, &f->from) || query_time(c, "to", true, &f->to) ||
	    api_query_text(c, "action", 16, &action))
		return KP_ERR;
	f->action = action;
	return reply_list(c, &q, audit_list);
}

int audit_of_volunteer(struct api_call *c)
{
	struct audit_query q = { .filter = { .volunteer_id = c->id } };
	return reply_list(c, &q, audit_list_volunteer);
}
