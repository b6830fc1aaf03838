/* /api/matches: a volunteer attached to a call, and each step of that match. */
#include "api/matches.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/consents.h"
#include "api/json_in.h"
#include "api/json_out.h"
#include "api/journey.h"
#include "api/suggestions.h"
#include "model/call.h"
#include "model/volunteer.h"

static json_t *match_to_json(const struct match *m)
{
	json_t *doc = json_pack("{s:I, s:I, s:I, s:I, s:s, s:s, s:f, s:s, s:I, s:I}", "id",
	                        (json_int_t)m->id, "call_id", (json_int_t)m->call_id,
	                        "volunteer_id", (json_int_t)m->volunteer_id, "organisation_id",
	                        (json_int_t)m->organisation_id, "status",
	                        match_status_name(m->status), "reason", m->reason, "score",
	                        m->score, "explanation", m->explanation, "created_at",
	                        (json_int_t)m->created_at, "updated_at", (json_int_t)m->updated_at);
	json_object_set_new(doc, "volunteer_name", json_string(m->volunteer_name));
	json_object_set_new(doc, "call_title", json_string(m->call_title));
	return doc;
}

static struct authz_target target_of(const struct match *m)
{
	return (struct authz_target){ .organisation_id = m->organisation_id,
	                              .volunteer_id = m->volunteer_id };
}

static int add_row(void *ctx, const struct match *m)
{
	return json_array_append_new(ctx, match_to_json(m));
}

int matches_list(struct api_call *c)
{
	struct authz_scope scope = authz_list_scope(&c->who, RES_MATCH);
	if (scope.none)
		return api_authorise(c, RES_MATCH, ACT_LIST, NULL);
	struct list_filter f;
	struct page pg;
	list_filter_init(&f);
	if (api_page(c, &pg) || api_query_id(c, "call_id", &f.call_id) ||
	    api_query_id(c, "volunteer_id", &f.volunteer_id) ||
	    api_query_enum(c, "status", match_status_parse, &f.status))
		return KP_ERR;
	if (scope.volunteer_id) {
		if (f.volunteer_id && f.volunteer_id != scope.volunteer_id)
			return kp_fail(&c->err, KP_FORBIDDEN, "forbidden", "volunteer_id");
		f.volunteer_id = scope.volunteer_id;
	}
	f.organisation_id = scope.organisation_id;
	json_t *items = json_array();
	int64_t total = 0;
	if (store_match_list(c->db, &f, pg, add_row, items, &total, &c->err)) {
		json_decref(items);
		return KP_ERR;
	}
	return api_reply(c, 200, api_list_doc(items, total, pg));
}

static int add_event(void *ctx, const struct match_event *e)
{
	json_t *ev = json_pack("{s:o, s:s, s:s, s:o, s:I}", "from",
	                       e->from_status >= 0 ? json_string(match_status_name(e->from_status))
	                                           : json_null(),
	                       "to", match_status_name(e->to_status), "reason", e->reason, "actor_id",
	                       jout_opt_id(e->actor_id), "at", (json_int_t)e->at);
	return json_array_append_new(ctx, ev);
}

static int reply_match(struct api_call *c, int status, const struct match *m)
{
	json_t *doc = match_to_json(m);
	json_t *events = json_array();
	if (store_match_events(c->db, m->id, add_event, events, &c->err)) {
		json_decref(doc);
		json_decref(events);
		return KP_ERR;
	}
	json_object_set_new(doc, "events", events);
	return api_reply(c, status, doc);
}

int matches_show(struct api_call *c)
{
	struct match m;
	if (store_match_get(c->db, c->id, &m, &c->err))
		return KP_ERR;
	struct authz_target t = target_of(&m);
	if (api_authorise(c, RES_MATCH, ACT_READ, &t))
		return KP_ERR;
	return reply_match(c, 200, &m);
}

/* Loads the call and volunteer of a new match and checks that they can meet. */
static int check_pair(struct api_call *c, struct match *m)
{
	struct call *call = malloc(sizeof *call);
	struct volunteer *v = malloc(sizeof *v);
	int rc = KP_ERR;
	if (call == NULL || v == NULL) {
		kp_internal(&c->err);
		goto end;
	}
	if (store_call_get(c->db, m->call_id, call, &c->err)) {
		if (c->err.kind == KP_NOT_FOUND)
			kp_invalid(&c->err, "call_id", "unknown_reference");
		goto end;
	}
	if (store_volunteer_get(c->db, m->volunteer_id, false, v, &c->err)) {
		if (c->err.kind == KP_NOT_FOUND)
			kp_invalid(&c->err, "volunteer_id", "unknown_reference");
		goto end;
	}
	m->organisation_id = call->organisation_id;
	/* A proposal needs the right to see the volunteer and to act on the call. */
	struct consent consent;
	struct authz_target vt;
	struct authz_target mt = target_of(m);
	if (consents_target(c, v->organisation_id, v->id, &consent, &vt) ||
	    api_authorise(c, RES_VOLUNTEER, ACT_READ, &vt) ||
	    api_authorise(c, RES_MATCH, ACT_CREATE, &mt))
		goto end;
	if (call->status != CALL_OPEN) {
		kp_fail(&c->err, KP_CONFLICT, "call_not_open", "call_id");
		goto end;
	}
	if (v->status != VOLUNTEER_ACTIVE) {
		kp_fail(&c->err, KP_CONFLICT, "volunteer_not_active", "volunteer_id");
		goto end;
	}
	/* Through the journey's required steps, with a valid VOG where the work needs one. */
	if (journey_check_match(c, v, call))
		goto end;
	int64_t open = 0;
	if (store_match_count_open(c->db, v->id, &open, &c->err))
		goto end;
	if (open >= v->max_matches) {
		kp_fail_limit(&c->err, KP_CONFLICT, "capacity_reached", "volunteer_id", v->max_matches);
		goto end;
	}
	rc = KP_OK;
end:
	free(call);
	free(v);
	return rc;
}

static int insert(struct api_call *c, void *arg)
{
	struct match *m = arg;
	if (check_pair(c, m)) /* inside the transaction: capacity cannot race */
		return KP_ERR;
	return store_match_insert(c->db, m, c->who.account_id, &c->err);
}

int matches_create(struct api_call *c)
{
	static const char *const fields[] = { "call_id", "volunteer_id", "explanation", NULL };
	struct match m = { .status = MATCH_PROPOSED };
	if (c->who.role == ROLE_VOLUNTEER)
		m.volunteer_id = c->who.volunteer_id;
	if (jin_only(c->body, fields, &c->err) ||
	    jin_id(c->body, "call_id", true, &m.call_id, &c->err) ||
	    jin_id(c->body, "volunteer_id", m.volunteer_id == 0, &m.volunteer_id, &c->err) ||
	    jin_text(c->body, "explanation", 200, false, m.explanation, sizeof m.explanation,
	             &c->err))
		return KP_ERR;
	m.created_at = m.updated_at = c->app->now();
	if (api_in_transaction(c, insert, &m))
		return KP_ERR;
	suggestions_after_match(c, m.call_id, m.volunteer_id);
	return reply_match(c, 201, &m);
}

struct transition {
	struct match *m;
	int to;
	const char *reason;
};

static int transition(struct api_call *c, void *arg)
{
	struct transition *t = arg;
	int64_t now = c->app->now();
	if (store_match_transition(c->db, t->m->id, t->m->status, t->to, t->reason,
	                           c->who.account_id, now, &c->err))
		return KP_ERR;
	t->m->status = t->to;
	snprintf(t->m->reason, sizeof t->m->reason, "%s", t->reason);
	t->m->updated_at = now;
	return KP_OK;
}

int matches_update(struct api_call *c)
{
	static const char *const fields[] = { "status", "reason", NULL };
	struct match m;
	char reason[MATCH_REASON_MAX * 4 + 1] = "";
	int to = -1;
	if (store_match_get(c->db, c->id, &m, &c->err))
		return KP_ERR;
	struct authz_target t = target_of(&m);
	if (api_authorise(c, RES_MATCH, ACT_UPDATE, &t))
		return KP_ERR;
	if (jin_only(c->body, fields, &c->err) ||
	    jin_enum(c->body, "status", match_status_parse, true, &to, &c->err) ||
	    jin_text(c->body, "reason", MATCH_REASON_MAX, false, reason, sizeof reason, &c->err))
		return KP_ERR;
	/* A volunteer decides only for themselves: say yes when asked, or say no. */
	if (c->who.role == ROLE_VOLUNTEER && to != MATCH_DECLINED &&
	    !(m.status == MATCH_CONTACTED && to == MATCH_ACCEPTED))
		return kp_fail(&c->err, KP_FORBIDDEN, "forbidden", "status");
	if (match_check_transition(m.status, to, reason, &c->err))
		return KP_ERR;
	struct transition tr = { &m, to, reason };
	if (api_in_transaction(c, transition, &tr))
		return KP_ERR;
	suggestions_after_match(c, m.call_id, m.volunteer_id);
	return reply_match(c, 200, &m);
}
