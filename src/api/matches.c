/* /api/matches: a volunteer attached to a call, and each step of that match. */
#include "api/matches.h"

#include "api/json_in.h"
#include "api/json_out.h"
#include "model/reminder.h"
#include "service/matches.h"
#include "util/parse.h"

static json_t *match_to_json(const struct match *m)
{
	json_t *doc = json_pack("{s:I, s:I, s:I, s:I, s:s, s:s, s:f, s:s, s:I, s:I}", "id",
	                        (json_int_t)m->id, "call_id", (json_int_t)m->call_id,
	                        "volunteer_id", (json_int_t)m->volunteer_id, "organisation_id",
	                        (json_int_t)m->organisation_id, "status",
	                        match_status_name(m->status), "reason", m->reason, "score",
	                        m->score, "explanation", m->explanation, "created_at",
	                        (json_int_t)m->created_at, "updated_at", (json_int_t)m->updated_at);
	json_object_set_new(doc, "call_title", json_string(m->call_title));
	json_object_set_new(doc, "location_id", jout_opt_id(m->location_id));
	/* The service left only what the caller may know of the people. */
	json_object_set_new(doc, "volunteer_name", jout_opt_text(m->volunteer_name));
	json_object_set_new(doc, "volunteer_email", jout_opt_text(m->volunteer_email));
	json_object_set_new(doc, "volunteer_phone", jout_opt_text(m->volunteer_phone));
	json_object_set_new(doc, "contact",
	                    m->contact_name[0] == '\0'
	                            ? json_null()
	                            : json_pack("{s:s, s:s, s:s}", "name", m->contact_name, "email",
	                                        m->contact_email, "phone", m->contact_phone));
	json_object_set_new(doc, "origin", json_string(match_origin_name(m->origin)));
	return doc;
}

static int add_row(void *ctx, const struct match *m)
{
	return json_array_append_new(ctx, match_to_json(m));
}

int matches_list(struct api_call *c)
{
	struct list_filter f;
	struct page pg;
	list_filter_init(&f);
	if (api_page(c, &pg) || api_query_id(c, "call_id", &f.call_id) ||
	    api_query_id(c, "volunteer_id", &f.volunteer_id) ||
	    api_query_enum(c, "status", match_status_parse, &f.status))
		return KP_ERR;
	json_t *items = json_array();
	int64_t total = 0;
	if (match_list(c->app, c->db, &c->who, &f, pg, add_row, items, &total, &c->err)) {
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

/* Answers with match id as it is now, with its history. */
static int reply_match(struct api_call *c, int status, int64_t id)
{
	struct match m;
	json_t *events = json_array();
	if (match_show(c->app, c->db, &c->who, id, &m, add_event, events, &c->err)) {
		json_decref(events);
		return KP_ERR;
	}
	json_t *doc = match_to_json(&m);
	json_object_set_new(doc, "events", events);
	/* Nazorg: from which day it is asked, and whether it may be answered now. */
	long from = reminder_aftercare_from(m.active_at);
	char day[11] = "";
	if (from >= 0)
		parse_format_date((long long)from * 86400, day);
	json_object_set_new(doc, "aftercare_from", jout_opt_text(day));
	json_object_set_new(doc, "aftercare_open", json_boolean(m.aftercare_open));
	return api_reply(c, status, doc);
}

int matches_show(struct api_call *c)
{
	return reply_match(c, 200, c->id);
}

int matches_create(struct api_call *c)
{
	/* No "explanation": the server writes its own (service/matches.h). */
	static const char *const fields[] = { "call_id", "volunteer_id", NULL };
	struct match m = { 0 };
	/* A volunteer responds for themselves unless they name someone. */
	bool named = c->who.role != ROLE_VOLUNTEER || c->who.volunteer_id == 0;
	if (jin_only(c->body, fields, &c->err) ||
	    jin_id(c->body, "call_id", true, &m.call_id, &c->err) ||
	    jin_id(c->body, "volunteer_id", named, &m.volunteer_id, &c->err) ||
	    match_create(c->app, c->db, &c->who, &m, &c->err))
		return KP_ERR;
	return reply_match(c, 201, m.id);
}

int matches_update(struct api_call *c)
{
	static const char *const fields[] = { "status", "reason", NULL };
	struct match m;
	char reason[MATCH_REASON_MAX * 4 + 1] = "";
	struct match_step st = { .id = c->id, .to = -1, .reason = reason, .out = &m };
	if (jin_only(c->body, fields, &c->err) ||
	    jin_enum(c->body, "status", match_status_parse, true, &st.to, &c->err) ||
	    jin_text(c->body, "reason", MATCH_REASON_MAX, false, reason, sizeof reason, &c->err) ||
	    match_transition(c->app, c->db, &c->who, &st, &c->err))
		return KP_ERR;
	return reply_match(c, 200, m.id);
}
