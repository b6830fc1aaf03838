/* /api/dashboard, /api/tasks and /api/outbox: what needs attention, and
   reminders derived from the journey data. */
#include "api/tasks.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/json_in.h"
#include "api/json_out.h"
#include "service/dashboard.h"
#include "service/tasks.h"

static json_t *queue_json(const struct dashboard_queue *q, const char *title,
                          const char *detail)
{
	json_t *items = json_array();
	for (int i = 0; i < q->n; i++) {
		const struct dashboard_row *r = &q->rows[i];
		json_t *o = json_pack("{s:I, s:s, s:s, s:I}", "id", (json_int_t)r->id, title, r->title,
		                      detail, r->detail, "since", (json_int_t)r->since);
		json_object_set_new(o, "call_id", jout_opt_id(r->call_id));
		json_object_set_new(o, "volunteer_id", jout_opt_id(r->volunteer_id));
		if (r->origin >= 0)
			json_object_set_new(o, "origin", json_string(match_origin_name(r->origin)));
		json_array_append_new(items, o);
	}
	return json_pack("{s:I, s:o}", "total", (json_int_t)q->total, "items", items);
}

int dashboard_show(struct api_call *c)
{
	struct dashboard *d = malloc(sizeof *d);
	if (d == NULL)
		return kp_internal(&c->err);
	int rc = dashboard_read(c->app, c->db, &c->who, d, &c->err);
	if (rc == KP_OK)
		rc = api_reply(c, 200, json_pack("{s:o, s:o, s:o}",
		                                 "unmatched_calls",
		                                 queue_json(&d->unmatched_calls, "title", "place"),
		                                 "proposals",
		                                 queue_json(&d->proposals, "volunteer_name", "call_title"),
		                                 "applicants",
		                                 queue_json(&d->applicants, "name", "place")));
	free(d);
	return rc;
}

static const char *ref_field(int kind)
{
	switch (kind) {
	case REMINDER_AFTERCARE_DUE: return "match_id";
	case REMINDER_REQUEST: return "request_id";
	case REMINDER_TRANSFER_OFFERED: return "transfer_id";
	case REMINDER_CLIENT_FOLLOWUP:
	case REMINDER_REQUEST_WAITING: return "help_request_id";
	default: return NULL;
	}
}

struct listing {
	json_t *items;
	const char *lang;
	int kind;                 /* filter, -1 for all */
};

static int add_task(void *ctx, const struct reminder *r, const char *name)
{
	struct listing *l = ctx;
	char due[11];
	if (l->kind >= 0 && r->kind != l->kind)
		return 0;
	journey_day_format(r->due_on, due);
	json_t *o = json_pack("{s:s, s:s, s:s, s:o, s:I, s:s, s:I, s:s, s:b}", "kind",
	                      reminder_kind_name(r->kind), "label",
	                      reminder_kind_label(r->kind, l->lang), "key", r->key, "journey_id",
	                      jout_opt_id(r->journey_id), "volunteer_id",
	                      (json_int_t)r->volunteer_id, "volunteer_name", name,
	                      "organisation_id", (json_int_t)r->organisation_id, "due_on", due,
	                      "overdue", r->overdue);
	if (ref_field(r->kind) != NULL)
		json_object_set_new(o, ref_field(r->kind), json_integer(r->ref_id));
	if (r->kind == REMINDER_ANNIVERSARY)
		json_object_set_new(o, "years", json_integer(r->years));
	if (r->kind == REMINDER_REQUEST)
		json_object_set_new(o, "request_kind", json_string(journey_request_name(r->request_kind)));
	return json_array_append_new(l->items, o);
}

static int by_due(const void *a, const void *b)
{
	const char *x = json_string_value(json_object_get(*(json_t *const *)a, "due_on"));
	const char *y = json_string_value(json_object_get(*(json_t *const *)b, "due_on"));
	return strcmp(x ? x : "", y ? y : "");
}

static json_t *sorted(json_t *items)
{
	size_t n = json_array_size(items);
	json_t **v = malloc((n ? n : 1) * sizeof *v);
	json_t *out = json_array();
	if (v == NULL)
		return out;
	for (size_t i = 0; i < n; i++)
		v[i] = json_array_get(items, i);
	qsort(v, n, sizeof *v, by_due);
	for (size_t i = 0; i < n; i++)
		json_array_append(out, v[i]);
	free(v);
	return out;
}

int tasks_list(struct api_call *c)
{
	int64_t org = 0;
	struct listing l = { NULL, c->lang, -1 };
	if (api_query_id(c, "organisation_id", &org) ||
	    api_query_enum(c, "kind", reminder_kind_parse, &l.kind))
		return KP_ERR;
	l.items = json_array();
	if (task_list(c->app, c->db, &c->who, org, add_task, &l, &c->err)) {
		json_decref(l.items);
		return KP_ERR;
	}
	json_t *items = sorted(l.items);
	json_decref(l.items);
	size_t n = json_array_size(items);
	struct page pg = { (int)(n < 1 ? 1 : n), 0 };
	return api_reply(c, 200, api_list_doc(items, (int64_t)n, pg));
}

int tasks_notify(struct api_call *c)
{
	static const char *const fields[] = { NULL };
	struct task_run r = { 0 };
	if (api_query_id(c, "organisation_id", &r.organisation_id) ||
	    jin_only(c->body, fields, &c->err) || task_notify(c->app, c->db, &c->who, &r, &c->err))
		return KP_ERR;
	return api_reply(c, 200, json_pack("{s:i, s:i}", "tasks", r.tasks, "queued", r.queued));
}

static json_t *mail_doc(const struct outbox_mail *m)
{
	json_t *o = json_pack("{s:I, s:s, s:s, s:s, s:s, s:o, s:I, s:o}", "id", (json_int_t)m->id,
	                      "recipient", m->recipient, "subject", m->subject, "body", m->body,
	                      "key", m->dedupe_key, "organisation_id",
	                      jout_opt_id(m->organisation_id), "created_at",
	                      (json_int_t)m->created_at, "sent_at",
	                      m->sent_at ? json_integer(m->sent_at) : json_null());
	/* Delivery: queued, sent, or failed for good with the server's answer. */
	json_object_set_new(o, "status", json_string(m->sent_at ? "sent"
	                                             : m->failed_at ? "failed" : "queued"));
	json_object_set_new(o, "attempts", json_integer(m->attempts));
	json_object_set_new(o, "last_error", json_string(m->last_error));
	return o;
}

static int add_mail(void *ctx, const struct outbox_mail *m)
{
	return json_array_append_new(ctx, mail_doc(m));
}

int outbox_list(struct api_call *c)
{
	struct outbox_query q = { .each = add_mail };
	const char *pending = http_query(c->req, "pending");
	if (api_query_id(c, "organisation_id", &q.organisation_id) || api_page(c, &q.pg))
		return KP_ERR;
	const char *status = http_query(c->req, "status");
	if (pending != NULL && strcmp(pending, "true") != 0 && strcmp(pending, "false") != 0)
		return kp_fail(&c->err, KP_MALFORMED, "invalid_choice", "pending");
	if (status != NULL && strcmp(status, "failed") != 0)
		return kp_fail(&c->err, KP_MALFORMED, "invalid_choice", "status");
	q.which = status != NULL                                     ? OUTBOX_FAILED
	          : pending != NULL && strcmp(pending, "true") == 0 ? OUTBOX_PENDING
	                                                             : OUTBOX_ALL;
	json_t *items = json_array();
	q.ctx = items;
	if (outbox_mail_list(c->app, c->db, &c->who, &q, &c->err)) {
		json_decref(items);
		return KP_ERR;
	}
	return api_reply(c, 200, api_list_doc(items, q.total, q.pg));
}

int outbox_retry(struct api_call *c)
{
	static const char *const fields[] = { NULL };
	if (jin_only(c->body, fields, &c->err))
		return KP_ERR;
	struct outbox_mail *m = malloc(sizeof *m);
	int rc = m != NULL ? KP_OK : kp_internal(&c->err);
	if (rc == KP_OK)
		rc = outbox_mail_retry(c->app, c->db, &c->who, c->id, m, &c->err);
	if (rc == KP_OK)
		rc = api_reply(c, 200, mail_doc(m));
	free(m);
	return rc;
}
