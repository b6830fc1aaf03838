/* The central contact point: the network's hub, help requests from the public
   form, referrers and the hub's desk, triage, the warm referral, and the
   client's rights. A client's record is in an answer only for whoever may
   read it (service/contact_point.h); the public form's answer echoes none. */
#include "api/help_requests.h"

#include <stdlib.h>

#include "api/json_in.h"
#include "api/json_out.h"
#include "api/session.h"
#include "service/contact_point.h"

int contact_point_show(struct api_call *c)
{
	struct contact_point cp;
	if (contact_point_get(c->app, c->db, &c->who, &cp, &c->err))
		return KP_ERR;
	return api_reply(c, 200, json_pack("{s:o, s:i}", "hub_organisation_id",
	                                   jout_opt_id(cp.hub_organisation_id),
	                                   "pickup_working_days", cp.pickup_working_days));
}

int contact_point_update(struct api_call *c)
{
	static const char *const fields[] = { "hub_organisation_id", "pickup_working_days", NULL };
	struct contact_point cp;
	if (contact_point_get(c->app, c->db, &c->who, &cp, &c->err) ||
	    jin_only(c->body, fields, &c->err) ||
	    jin_id(c->body, "hub_organisation_id", false, &cp.hub_organisation_id, &c->err) ||
	    jin_int(c->body, "pickup_working_days", 1, PICKUP_WORKING_DAYS_MAX, false,
	            &cp.pickup_working_days, &c->err) ||
	    contact_point_set(c->app, c->db, &c->who, &cp, &c->err))
		return KP_ERR;
	return contact_point_show(c);
}

static int from_json(struct api_call *c, struct help_request *r, struct client_record *k)
{
	static const char *const fields[] = { "name", "phone", "email", "place", "activity",
	                                      "situation", "urgency", "referred_by",
	                                      "consent_share", NULL };
	struct kp_error *e = &c->err;
	json_t *in = c->body;
	int consent = 0;
	if (jin_only(in, fields, e) ||
	    jin_text(in, "name", CLIENT_NAME_MAX, true, k->name, sizeof k->name, e) ||
	    jin_text(in, "phone", 32, false, k->phone, sizeof k->phone, e) ||
	    jin_text(in, "email", 254, false, k->email, sizeof k->email, e) ||
	    jin_text(in, "place", 100, true, r->place, sizeof r->place, e) ||
	    jin_item(in, "activity", &c->app->lists, LIST_ACTIVITY, false, &r->activity_id, e) ||
	    jin_text(in, "situation", CLIENT_SITUATION_MAX, false, k->situation,
	             sizeof k->situation, e) ||
	    jin_enum(in, "urgency", help_urgency_parse, false, &r->urgency, e) ||
	    jin_text(in, "referred_by", 160, false, k->referred_by, sizeof k->referred_by, e) ||
	    jin_bool(in, "consent_share", &consent, e))
		return KP_ERR;
	k->consent_share = consent > 0;
	snprintf(k->place, sizeof k->place, "%s", r->place);
	return KP_OK;
}

static json_t *client_json(const struct client_record *k)
{
	return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:b, s:I, s:o}", "name", k->name, "phone",
	                 k->phone, "email", k->email, "place", k->place, "situation",
	                 k->situation, "referred_by", k->referred_by, "consent_share",
	                 k->consent_share, "consent_at", (json_int_t)k->consent_at, "erased_at",
	                 jout_opt_id(k->erased_at));
}

static json_t *request_json(struct catalog *cat, const struct help_request *r, bool waiting)
{
	json_t *doc = json_pack("{s:I, s:s, s:s, s:o, s:s, s:s, s:o, s:s, s:s, s:o, s:s, s:I}",
	                        "id", (json_int_t)r->id, "channel", help_channel_name(r->channel),
	                        "status", help_status_name(r->status), "activity",
	                        jout_item(cat, r->activity_id), "place", r->place, "urgency",
	                        help_urgency_name(r->urgency), "organisation_id",
	                        jout_opt_id(r->organisation_id), "contact_name", r->contact_name,
	                        "contact_phone", r->contact_phone, "call_id",
	                        jout_opt_id(r->call_id), "reason", r->reason, "created_at",
	                        (json_int_t)r->created_at);
	json_object_set_new(doc, "routed_at", jout_opt_id(r->routed_at));
	json_object_set_new(doc, "accepted_at", jout_opt_id(r->accepted_at));
	json_object_set_new(doc, "updated_at", json_integer(r->updated_at));
	json_object_set_new(doc, "waiting", json_boolean(waiting));
	json_object_set_new(doc, "outcome", r->outcome >= 0 ? json_string(help_outcome_name(r->outcome))
	                                                    : json_null());
	json_object_set_new(doc, "closed_at", jout_opt_id(r->closed_at));
	return doc;
}

static json_t *view_json(struct catalog *cat, const struct help_view *v)
{
	json_t *doc = request_json(cat, &v->req, v->waiting);
	if (v->client_shown)
		json_object_set_new(doc, "client", client_json(&v->client));
	return doc;
}

static int submit(struct api_call *c, bool public_form)
{
	struct help_view *v = calloc(1, sizeof *v);
	if (v == NULL)
		return kp_internal(&c->err);
	help_request_init(&v->req);
	/* The public form is the form, whoever fills it in: a visitor's request. */
	struct principal visitor = { .role = ROLE_ANONYMOUS };
	const struct principal *who = public_form ? &visitor : &c->who;
	char address[72];
	session_client_address(c, address, sizeof address);
	int rc = from_json(c, &v->req, &v->client);
	if (rc == KP_OK)
		rc = help_request_submit(c->app, c->db, who, address, &v->req, &v->client, &c->err);
	if (rc != KP_OK && c->err.kind == KP_LIMITED)
		http_response_header(c->res, "Retry-After", "3600");
	if (rc == KP_OK && public_form) /* the form's answer echoes nothing of the client */
		rc = api_reply(c, 201, json_pack("{s:I, s:s}", "id", (json_int_t)v->req.id, "status",
		                                 help_status_name(v->req.status)));
	else if (rc == KP_OK)
		rc = help_request_show(c->app, c->db, &c->who, v->req.id, v, &c->err) ||
		     api_reply(c, 201, view_json(&c->app->lists, v));
	free(v);
	return rc ? KP_ERR : KP_OK;
}

int help_requests_public_create(struct api_call *c)
{
	return submit(c, true);
}

int help_requests_create(struct api_call *c)
{
	return submit(c, false);
}

struct list_ctx {
	struct api_call *c;
	json_t *items;
	int64_t now;
	const struct help_request_query *q;  /* its cp is read before the first row */
};

static int add_row(void *ctx, const struct help_request *r)
{
	struct list_ctx *x = ctx;
	bool waiting = help_request_waiting(r, x->now, x->q->cp.pickup_working_days);
	return json_array_append_new(x->items, request_json(&x->c->app->lists, r, waiting));
}

int help_requests_list(struct api_call *c)
{
	struct list_ctx x = { .c = c, .now = c->app->now() };
	struct help_request_query q = { .status = -1, .each = add_row, .ctx = &x };
	const char *waiting = NULL;
	x.q = &q;
	if (api_page(c, &q.page) || api_query_enum(c, "status", help_status_parse, &q.status) ||
	    api_query_text(c, "waiting", 1, &waiting))
		return KP_ERR;
	q.waiting_only = waiting != NULL && waiting[0] == '1';
	x.items = json_array();
	if (help_request_list(c->app, c->db, &c->who, &q, &c->err)) {
		json_decref(x.items);
		return KP_ERR;
	}
	return api_reply(c, 200, api_list_doc(x.items, q.total, q.page));
}

int help_requests_show(struct api_call *c)
{
	struct help_view *v = malloc(sizeof *v);
	if (v == NULL)
		return kp_internal(&c->err);
	int rc = help_request_show(c->app, c->db, &c->who, c->id, v, &c->err);
	if (rc == KP_OK)
		rc = api_reply(c, 200, view_json(&c->app->lists, v));
	free(v);
	return rc;
}

int help_requests_suggestions(struct api_call *c)
{
	struct help_suggestion *s = malloc(SUGGESTIONS_MAX * sizeof *s);
	int n = 0;
	int rc = s ? help_request_suggest(c->app, c->db, &c->who, c->id, s, &n, &c->err)
	           : kp_internal(&c->err);
	if (rc == KP_OK) {
		json_t *items = json_array();
		for (int i = 0; i < n; i++)
			json_array_append_new(
			        items,
			        json_pack("{s:I, s:s, s:b, s:I, s:I, s:I, s:I}", "organisation_id",
			                  (json_int_t)s[i].organisation_id, "name", s[i].name,
			                  "new_clients", s[i].new_clients, "open_calls",
			                  (json_int_t)s[i].pickup.open_calls, "waiting",
			                  (json_int_t)s[i].pickup.waiting, "picked_up",
			                  (json_int_t)s[i].pickup.accepted, "pickup_hours",
			                  (json_int_t)(s[i].pickup.pickup_seconds / 3600)));
		rc = api_reply(c, 200, json_pack("{s:o}", "items", items));
	}
	free(s);
	return rc;
}

static int step(struct api_call *c, struct help_step *st, const char *const *fields)
{
	if (jin_only(c->body, fields, &c->err) ||
	    help_request_step(c->app, c->db, &c->who, st, &c->err))
		return KP_ERR;
	return api_reply(c, 200, request_json(&c->app->lists, &st->out, false));
}

int help_requests_route(struct api_call *c)
{
	static const char *const fields[] = { "organisation_id", NULL };
	struct help_step st = { .id = c->id, .to = HELP_ROUTED };
	if (jin_id(c->body, "organisation_id", true, &st.organisation_id, &c->err))
		return KP_ERR;
	return step(c, &st, fields);
}

int help_requests_accept(struct api_call *c)
{
	static const char *const fields[] = { "contact_name", "contact_phone", "call_id", NULL };
	struct help_step st = { .id = c->id, .to = HELP_ACCEPTED };
	char name[256] = "", phone[33] = "";
	if (jin_text(c->body, "contact_name", 160, false, name, sizeof name, &c->err) ||
	    jin_text(c->body, "contact_phone", 32, false, phone, sizeof phone, &c->err) ||
	    jin_id(c->body, "call_id", false, &st.call_id, &c->err))
		return KP_ERR;
	st.contact_name = name;
	st.contact_phone = phone;
	return step(c, &st, fields);
}

int help_requests_hand_back(struct api_call *c)
{
	static const char *const fields[] = { "reason", NULL };
	struct help_step st = { .id = c->id, .to = HELP_HANDED_BACK };
	char reason[HELP_REASON_MAX * 4 + 1] = "";
	if (jin_text(c->body, "reason", HELP_REASON_MAX, true, reason, sizeof reason, &c->err))
		return KP_ERR;
	st.reason = reason;
	return step(c, &st, fields);
}

int help_requests_close(struct api_call *c)
{
	static const char *const fields[] = { "outcome", NULL };
	struct help_step st = { .id = c->id, .to = HELP_CLOSED };
	char outcome[24] = "";
	if (jin_text(c->body, "outcome", 20, false, outcome, sizeof outcome, &c->err))
		return KP_ERR;
	st.outcome = outcome;
	return step(c, &st, fields);
}

int help_requests_client_export(struct api_call *c)
{
	struct help_view *v = malloc(sizeof *v);
	if (v == NULL)
		return kp_internal(&c->err);
	int rc = client_export(c->app, c->db, &c->who, c->id, v, &c->err);
	if (rc == KP_OK)
		rc = api_reply(c, 200, view_json(&c->app->lists, v));
	free(v);
	return rc;
}

int help_requests_client_erasure(struct api_call *c)
{
	if (client_erase(c->app, c->db, &c->who, c->id, &c->err))
		return KP_ERR;
	return api_reply(c, 200, json_pack("{s:I, s:b}", "id", (json_int_t)c->id, "erased", 1));
}
