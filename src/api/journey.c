/* /api/journeys: the volunteer journey, its steps, exit interviews and the
   volunteer's own requests to pause or stop. */
#include "api/journey.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/json_in.h"
#include "api/json_out.h"
#include "model/competence.h"
#include "model/transfer.h"
#include "service/journey.h"

static json_t *names_json(const char *(*name)(int), int n)
{
	json_t *a = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(a, json_string(name(i)));
	return a;
}

int journey_definitions(struct api_call *c)
{
	json_t *steps = json_array(), *competences = json_array();
	for (int s = 0; s < STEP_COUNT; s++)
		json_array_append_new(steps, json_pack("{s:s, s:s}", "code", journey_step_name(s),
		                                       "label", journey_step_label(s, c->lang)));
	for (int i = 0; i < COMPETENCE_COUNT; i++)
		json_array_append_new(competences,
		                      json_pack("{s:s, s:s}", "code", competence_code(i), "label",
		                                competence_label(i, c->lang)));
	json_t *doc = json_pack("{s:o, s:o, s:o, s:o, s:o, s:o}", "steps", steps, "exit_reasons",
	                        names_json(exit_reason_name, EXIT_REASON_COUNT), "exit_outcomes",
	                        names_json(exit_outcome_name, EXIT_OUTCOME_COUNT), "request_kinds",
	                        names_json(journey_request_name, REQUEST_KIND_COUNT),
	                        "transfer_parts",
	                        names_json(transfer_part_name, TRANSFER_PART_COUNT), "competences",
	                        competences);
	return api_reply(c, 200, doc);
}

static json_t *journey_json(const struct journey *j, const char *lang)
{
	json_t *intake = j->intake_on[0] == '\0'
	                     ? json_null()
	                     : json_pack("{s:s, s:s, s:s}", "on_date", j->intake_on, "time",
	                                 j->intake_time, "place", j->intake_place);
	return json_pack("{s:I, s:I, s:I, s:s, s:s, s:s, s:s, s:I, s:I, s:o}", "id",
	                 (json_int_t)j->id, "volunteer_id", (json_int_t)j->volunteer_id,
	                 "organisation_id", (json_int_t)j->organisation_id, "step",
	                 journey_step_name(j->step), "step_label", journey_step_label(j->step, lang),
	                 "step_on", j->step_on, "started_on", j->started_on, "created_at",
	                 (json_int_t)j->created_at, "updated_at", (json_int_t)j->updated_at,
	                 "intake", intake);
}

struct doc_ctx {
	json_t *items;
	const char *lang;
};

static int add_step(void *ctx, const struct journey_step_row *r)
{
	struct doc_ctx *d = ctx;
	json_t *o = json_pack("{s:I, s:o, s:s, s:s, s:s, s:o, s:s, s:s, s:I}", "id",
	                      (json_int_t)r->id, "from",
	                      r->from_step >= 0 ? json_string(journey_step_name(r->from_step))
	                                        : json_null(),
	                      "step", journey_step_name(r->step), "label",
	                      journey_step_label(r->step, d->lang), "on_date", r->on_date,
	                      "actor_id", jout_opt_id(r->actor_id), "actor_name", r->actor_name,
	                      "notes", r->notes, "created_at", (json_int_t)r->created_at);
	return json_array_append_new(d->items, o);
}

static int add_exit(void *ctx, const struct exit_interview *e)
{
	struct doc_ctx *d = ctx;
	json_t *o = json_pack("{s:I, s:s, s:s, s:s, s:s, s:o, s:I}", "id", (json_int_t)e->id,
	                      "held_on", e->held_on, "reason", exit_reason_name(e->reason),
	                      "outcome", exit_outcome_name(e->outcome), "notes", e->notes,
	                      "actor_id", jout_opt_id(e->actor_id), "created_at",
	                      (json_int_t)e->created_at);
	return json_array_append_new(d->items, o);
}

static int add_request(void *ctx, const struct journey_request *r)
{
	struct doc_ctx *d = ctx;
	json_t *o = json_pack("{s:I, s:s, s:s, s:I, s:o}", "id", (json_int_t)r->id, "kind",
	                      journey_request_name(r->kind), "note", r->note, "created_at",
	                      (json_int_t)r->created_at, "handled_at",
	                      r->handled_at ? json_integer(r->handled_at) : json_null());
	return json_array_append_new(d->items, o);
}

static json_t *next_steps_json(const struct journey_settings *s, int from)
{
	json_t *a = json_array();
	for (int to = 0; to < STEP_COUNT; to++)
		if (journey_can_step(s, from, to))
			json_array_append_new(a, json_string(journey_step_name(to)));
	return a;
}

json_t *journey_full_json(struct api_call *c, const struct journey *j)
{
	json_t *doc = journey_json(j, c->lang);
	struct doc_ctx steps = { json_array(), c->lang }, exits = { json_array(), c->lang },
	               requests = { json_array(), c->lang };
	struct journey_settings s;
	json_object_set_new(doc, "steps", steps.items);
	json_object_set_new(doc, "exit_interviews", exits.items);
	json_object_set_new(doc, "requests", requests.items);
	if (store_journey_steps(c->db, j->id, add_step, &steps, &c->err) ||
	    store_exit_interviews(c->db, j->id, add_exit, &exits, &c->err) ||
	    store_journey_requests(c->db, j->id, add_request, &requests, &c->err) ||
	    store_journey_settings_get(c->db, j->organisation_id, &s, &c->err)) {
		json_decref(doc);
		return NULL;
	}
	json_object_set_new(doc, "next_steps", next_steps_json(&s, j->step));
	/* What is still needed before the volunteer can be matched. */
	struct journey_check checks[JOURNEY_CHECKS];
	journey_checklist(&s, j->step, checks);
	json_t *list = json_array();
	for (int i = 0; i < JOURNEY_CHECKS; i++)
		json_array_append_new(list, json_pack("{s:s, s:b, s:b}", "step",
		                                      journey_step_name(checks[i].step), "required",
		                                      checks[i].required, "done", checks[i].done));
	json_object_set_new(doc, "checklist", list);
	json_object_set_new(doc, "ready", json_boolean(journey_step_is_ready(&s, j->step)));
	return doc;
}

static int reply_journey(struct api_call *c, int status, const struct journey *j)
{
	json_t *doc = journey_full_json(c, j);
	return doc ? api_reply(c, status, doc) : KP_ERR;
}

int journeys_show(struct api_call *c)
{
	struct journey j;
	if (journey_get(c->app, c->db, &c->who, c->id, &j, &c->err))
		return KP_ERR;
	return reply_journey(c, 200, &j);
}

static int add_journey(void *ctx, const struct journey *j)
{
	struct doc_ctx *d = ctx;
	return json_array_append_new(d->items, journey_json(j, d->lang));
}

int journeys_list(struct api_call *c)
{
	struct authz_scope scope = authz_list_scope(&c->who, RES_JOURNEY);
	if (scope.none)
		return api_authorise(c, RES_JOURNEY, ACT_LIST, NULL);
	struct list_filter f;
	struct page pg;
	list_filter_init(&f);
	if (api_page(c, &pg) || api_query_id(c, "organisation_id", &f.organisation_id) ||
	    api_query_id(c, "volunteer_id", &f.volunteer_id) ||
	    api_query_enum(c, "step", journey_step_parse, &f.status))
		return KP_ERR;
	if (scope.organisation_id) {
		if (f.organisation_id && f.organisation_id != scope.organisation_id)
			return kp_fail(&c->err, KP_FORBIDDEN, "forbidden", "organisation_id");
		f.organisation_id = scope.organisation_id;
	}
	if (scope.volunteer_id) {
		if (f.volunteer_id && f.volunteer_id != scope.volunteer_id)
			return kp_fail(&c->err, KP_FORBIDDEN, "forbidden", "volunteer_id");
		f.volunteer_id = scope.volunteer_id;
	}
	struct doc_ctx d = { json_array(), c->lang };
	int64_t total = 0;
	if (store_journey_list(c->db, &f, pg, add_journey, &d, &total, &c->err)) {
		json_decref(d.items);
		return KP_ERR;
	}
	return api_reply(c, 200, api_list_doc(d.items, total, pg));
}

/* on_date from the body, or today. */
static int read_on_date(struct api_call *c, const char *field, char on[11])
{
	on[0] = '\0';
	if (jin_date(c->body, field, false, on, &c->err))
		return KP_ERR;
	if (on[0] == '\0')
		journey_day_format(journey_day_of(c->app->now()), on);
	return KP_OK;
}

static int notes_in(struct api_call *c, const char *field, char *out, size_t cap)
{
	return jin_text(c->body, field, JOURNEY_NOTES_MAX, false, out, cap, &c->err);
}

int journeys_create(struct api_call *c)
{
	static const char *const fields[] = { "volunteer_id", "organisation_id", "on_date", "notes",
	                                      NULL };
	struct journey_start *in = calloc(1, sizeof *in);
	int rc = KP_ERR;
	if (in == NULL)
		return kp_internal(&c->err);
	if (jin_only(c->body, fields, &c->err) ||
	    jin_id(c->body, "volunteer_id", true, &in->volunteer_id, &c->err) ||
	    jin_id(c->body, "organisation_id", false, &in->organisation_id, &c->err) ||
	    read_on_date(c, "on_date", in->on) || notes_in(c, "notes", in->notes, sizeof in->notes) ||
	    journey_create(c->app, c->db, &c->who, in, &c->err))
		goto end;
	rc = reply_journey(c, 201, &in->out);
end:
	free(in);
	return rc;
}

int journeys_step(struct api_call *c)
{
	static const char *const fields[] = { "step", "on_date", "notes", "vog_date", NULL };
	struct journey_move *m = calloc(1, sizeof *m);
	int rc = KP_ERR;
	if (m == NULL)
		return kp_internal(&c->err);
	m->id = c->id;
	if (jin_only(c->body, fields, &c->err) ||
	    jin_enum(c->body, "step", journey_step_parse, true, &m->to, &c->err) ||
	    read_on_date(c, "on_date", m->on) ||
	    jin_date(c->body, "vog_date", false, m->vog_date, &c->err) ||
	    notes_in(c, "notes", m->notes, sizeof m->notes) ||
	    journey_step_add(c->app, c->db, &c->who, m, &c->err))
		goto end;
	rc = reply_journey(c, 200, &m->out);
end:
	free(m);
	return rc;
}

int journeys_intake(struct api_call *c)
{
	static const char *const fields[] = { "on_date", "time", "place", NULL };
	struct journey_intake *in = calloc(1, sizeof *in);
	int rc = KP_ERR;
	if (in == NULL)
		return kp_internal(&c->err);
	in->id = c->id;
	if (jin_only(c->body, fields, &c->err) ||
	    jin_date(c->body, "on_date", true, in->on, &c->err) ||
	    jin_time(c->body, "time", in->time, &c->err) ||
	    jin_text(c->body, "place", JOURNEY_PLACE_MAX, false, in->place, sizeof in->place,
	             &c->err))
		goto end;
	if (in->time[0] == '\0') {
		kp_invalid(&c->err, "time", "required");
		goto end;
	}
	if (journey_plan_intake(c->app, c->db, &c->who, in, &c->err) == KP_OK)
		rc = reply_journey(c, 200, &in->out);
end:
	free(in);
	return rc;
}

int journeys_exit_interview(struct api_call *c)
{
	static const char *const fields[] = { "held_on", "reason", "outcome", "notes", NULL };
	struct journey_exit *x = calloc(1, sizeof *x);
	struct exit_interview *e = x ? &x->interview : NULL;
	int rc = KP_ERR;
	if (x == NULL)
		return kp_internal(&c->err);
	x->id = c->id;
	if (jin_only(c->body, fields, &c->err) || read_on_date(c, "held_on", e->held_on) ||
	    jin_enum(c->body, "reason", exit_reason_parse, true, &e->reason, &c->err) ||
	    jin_enum(c->body, "outcome", exit_outcome_parse, true, &e->outcome, &c->err) ||
	    notes_in(c, "notes", e->notes, sizeof e->notes) ||
	    journey_exit_interview_add(c->app, c->db, &c->who, x, &c->err))
		goto end;
	rc = reply_journey(c, 201, &x->out);
end:
	free(x);
	return rc;
}

int journeys_request(struct api_call *c)
{
	static const char *const fields[] = { "kind", "note", NULL };
	struct journey_ask *q = calloc(1, sizeof *q);
	int rc = KP_ERR;
	if (q == NULL)
		return kp_internal(&c->err);
	q->id = c->id;
	if (jin_only(c->body, fields, &c->err) ||
	    jin_enum(c->body, "kind", journey_request_parse, true, &q->kind, &c->err) ||
	    notes_in(c, "note", q->note, sizeof q->note) ||
	    journey_request_add(c->app, c->db, &c->who, q, &c->err))
		goto end;
	rc = reply_journey(c, 201, &q->out);
end:
	free(q);
	return rc;
}

struct visible {
	struct api_call *c;
	json_t *items;
};

static int add_visible(void *ctx, const struct journey *j)
{
	struct visible *v = ctx;
	json_t *doc = journey_full_json(v->c, j);
	if (doc == NULL)
		return -1;
	return json_array_append_new(v->items, doc);
}

int volunteer_journeys(struct api_call *c)
{
	struct page pg = { PAGE_MAX, 0 };
	struct visible v = { c, json_array() };
	if (journey_list_for_volunteer(c->app, c->db, &c->who, c->id, add_visible, &v, &c->err)) {
		json_decref(v.items);
		return KP_ERR; /* c->err was set by the use case or by journey_full_json */
	}
	int64_t n = (int64_t)json_array_size(v.items);
	return api_reply(c, 200, api_list_doc(v.items, n, pg));
}

static json_t *settings_json(const struct journey_settings *s)
{
	return json_pack("{s:I, s:b, s:b, s:i, s:i, s:i}", "organisation_id",
	                 (json_int_t)s->organisation_id, "requires_vog", s->requires_vog,
	                 "requires_training", s->requires_training, "intake_days", s->intake_days,
	                 "evaluation_months", s->evaluation_months, "vog_max_age_months",
	                 s->vog_max_age_months);
}

int journey_settings_show(struct api_call *c)
{
	struct journey_settings s;
	if (journey_settings_get(c->app, c->db, &c->who, c->id, &s, &c->err))
		return KP_ERR;
	return api_reply(c, 200, settings_json(&s));
}

int journey_settings_update(struct api_call *c)
{
	static const char *const fields[] = { "requires_vog", "requires_training", "intake_days",
	                                      "evaluation_months", NULL };
	struct journey_settings_edit e = { .organisation_id = c->id };
	int vog = -1, training = -1, intake = -1, evaluation = -1; /* -1: not in the body */
	if (jin_only(c->body, fields, &c->err) || jin_bool(c->body, "requires_vog", &vog, &c->err) ||
	    jin_bool(c->body, "requires_training", &training, &c->err) ||
	    jin_int(c->body, "intake_days", 1, JOURNEY_INTAKE_DAYS_MAX, false, &intake, &c->err) ||
	    jin_int(c->body, "evaluation_months", 1, JOURNEY_EVALUATION_MONTHS_MAX, false,
	            &evaluation, &c->err))
		return KP_ERR;
	e.given = (vog >= 0 ? SETTING_REQUIRES_VOG : 0) |
	          (training >= 0 ? SETTING_REQUIRES_TRAINING : 0) |
	          (intake >= 0 ? SETTING_INTAKE_DAYS : 0) |
	          (evaluation >= 0 ? SETTING_EVALUATION_MONTHS : 0);
	e.patch.requires_vog = vog > 0;
	e.patch.requires_training = training > 0;
	e.patch.intake_days = intake;
	e.patch.evaluation_months = evaluation;
	if (journey_settings_set(c->app, c->db, &c->who, &e, &c->err))
		return KP_ERR;
	return api_reply(c, 200, settings_json(&e.out));
}
