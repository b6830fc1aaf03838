/* /api/journeys: the volunteer journey, its steps, exit interviews and the
   volunteer's own requests to pause or stop. */
#include "api/journey.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/consents.h"
#include "api/json_in.h"
#include "api/json_out.h"
#include "api/suggestions.h"
#include "model/competence.h"
#include "model/transfer.h"

static struct authz_target target_of(const struct journey *j)
{
	return (struct authz_target){ .organisation_id = j->organisation_id,
	                              .volunteer_id = j->volunteer_id };
}

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
	return json_pack("{s:I, s:I, s:I, s:s, s:s, s:s, s:s, s:I, s:I}", "id", (json_int_t)j->id,
	                 "volunteer_id", (json_int_t)j->volunteer_id, "organisation_id",
	                 (json_int_t)j->organisation_id, "step", journey_step_name(j->step),
	                 "step_label", journey_step_label(j->step, lang), "step_on", j->step_on,
	                 "started_on", j->started_on, "created_at", (json_int_t)j->created_at,
	                 "updated_at", (json_int_t)j->updated_at);
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
	return doc;
}

static int reply_journey(struct api_call *c, int status, const struct journey *j)
{
	json_t *doc = journey_full_json(c, j);
	return doc ? api_reply(c, status, doc) : KP_ERR;
}

static int load(struct api_call *c, enum resource res, enum action act, struct journey *j)
{
	if (store_journey_get(c->db, c->id, j, &c->err))
		return KP_ERR;
	struct authz_target t = target_of(j);
	return api_authorise(c, res, act, &t);
}

int journeys_show(struct api_call *c)
{
	struct journey j;
	if (load(c, RES_JOURNEY, ACT_READ, &j))
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

static long today(struct api_call *c)
{
	return journey_day_of(c->app->now());
}

/* on_date from the body, or today. */
static int read_on_date(struct api_call *c, const char *field, char on[11])
{
	on[0] = '\0';
	if (jin_date(c->body, field, false, on, &c->err))
		return KP_ERR;
	if (on[0] == '\0')
		journey_day_format(today(c), on);
	return KP_OK;
}

struct start {
	struct journey j;
	char notes[JOURNEY_NOTES_MAX * 4 + 1];
};

static int start(struct api_call *c, void *arg)
{
	struct start *s = arg;
	struct volunteer *v = malloc(sizeof *v);
	struct consent k;
	struct authz_target vt, jt = target_of(&s->j);
	int rc = KP_ERR;
	if (v == NULL)
		return kp_internal(&c->err);
	if (store_volunteer_get(c->db, s->j.volunteer_id, false, v, &c->err)) {
		if (c->err.kind == KP_NOT_FOUND)
			kp_invalid(&c->err, "volunteer_id", "unknown_reference");
		goto end;
	}
	if (s->j.organisation_id == 0)
		s->j.organisation_id = v->organisation_id;
	jt = target_of(&s->j);
	/* Seeing the volunteer (own organisation or consent) and acting for the organisation. */
	if (consents_target(c, v->organisation_id, v->id, &k, &vt) ||
	    api_authorise(c, RES_VOLUNTEER, ACT_READ, &vt) ||
	    api_authorise(c, RES_JOURNEY, ACT_CREATE, &jt))
		goto end;
	if (journey_day_parse(s->j.started_on) > today(c)) {
		kp_invalid(&c->err, "on_date", "date_in_future");
		goto end;
	}
	if (store_journey_insert(c->db, &s->j, c->who.account_id, s->notes, &c->err))
		goto end;
	rc = KP_OK;
	if (s->j.organisation_id == v->organisation_id)
		rc = store_volunteer_set_status(c->db, v->id, VOLUNTEER_APPLIED, c->app->now(),
		                                &c->err);
end:
	free(v);
	return rc;
}

int journeys_create(struct api_call *c)
{
	static const char *const fields[] = { "volunteer_id", "organisation_id", "on_date", "notes",
	                                      NULL };
	struct start *s = calloc(1, sizeof *s);
	int rc = KP_ERR;
	if (s == NULL)
		return kp_internal(&c->err);
	s->j.step = STEP_SIGNED_UP;
	if (jin_only(c->body, fields, &c->err) ||
	    jin_id(c->body, "volunteer_id", true, &s->j.volunteer_id, &c->err) ||
	    jin_id(c->body, "organisation_id", false, &s->j.organisation_id, &c->err) ||
	    read_on_date(c, "on_date", s->j.started_on) ||
	    jin_text(c->body, "notes", JOURNEY_NOTES_MAX, false, s->notes, sizeof s->notes,
	             &c->err))
		goto end;
	memcpy(s->j.step_on, s->j.started_on, sizeof s->j.step_on);
	s->j.created_at = s->j.updated_at = c->app->now();
	if (api_in_transaction(c, start, s))
		goto end;
	suggestions_after_volunteer(c, s->j.volunteer_id); /* status and gate changed */
	rc = reply_journey(c, 201, &s->j);
end:
	free(s);
	return rc;
}

/* Keeps the volunteer record in step with the journey at the home organisation. */
static int sync_volunteer(struct api_call *c, const struct journey *j,
                          const struct volunteer *v)
{
	int status = journey_step_volunteer_status(j->step);
	if (status < 0 || j->organisation_id != v->organisation_id || status == v->status)
		return KP_OK;
	return store_volunteer_set_status(c->db, v->id, status, c->app->now(), &c->err);
}

static int step_guarded(struct api_call *c, struct journey *j, int to, const char *on,
                        const char *notes, const struct volunteer *v, bool force)
{
	struct journey_settings s;
	struct journey_guard g = {
		.current_on = journey_day_parse(j->step_on),
		.on = journey_day_parse(on),
		.today = today(c),
		.vog_on = journey_day_parse(v->vog_date),
		.exit_outcome = -1,
	};
	if (store_journey_settings_get(c->db, j->organisation_id, &s, &c->err))
		return KP_ERR;
	if (j->step == STEP_EXIT_INTERVIEW &&
	    store_exit_interview_outcome(c->db, j->id, &g.exit_outcome, &c->err))
		return KP_ERR;
	if (force) { /* a transfer's referral: only the final steps are kept */
		if (journey_step_is_final(j->step))
			return kp_fail(&c->err, KP_CONFLICT, "invalid_step", "step");
	} else if (journey_check_step(&s, j->step, to, &g, &c->err)) {
		return KP_ERR;
	}
	return store_journey_step(c->db, j, to, on, c->who.account_id, notes, c->app->now(),
	                          &c->err);
}

int journey_take_step(struct api_call *c, struct journey *j, int to, const char *on,
                      const char *notes, const char *vog_date, bool force)
{
	struct volunteer *v = malloc(sizeof *v);
	int rc = KP_ERR;
	if (v == NULL)
		return kp_internal(&c->err);
	if (store_volunteer_get(c->db, j->volunteer_id, false, v, &c->err))
		goto end;
	if (vog_date != NULL && vog_date[0] != '\0') {
		if (journey_day_parse(vog_date) > today(c)) {
			kp_invalid(&c->err, "vog_date", "date_in_future");
			goto end;
		}
		if (store_volunteer_set_vog(c->db, v->id, vog_date, c->app->now(), &c->err))
			goto end;
		snprintf(v->vog_date, sizeof v->vog_date, "%s", vog_date);
	}
	if (step_guarded(c, j, to, on, notes, v, force) || sync_volunteer(c, j, v))
		goto end;
	rc = KP_OK;
end:
	free(v);
	return rc;
}

struct step_req {
	struct journey j;
	int to;
	char on[11];
	char vog_date[11];
	char notes[JOURNEY_NOTES_MAX * 4 + 1];
};

static int step_tx(struct api_call *c, void *arg)
{
	struct step_req *r = arg;
	/* Re-read inside the transaction: the guards see what the write changes. */
	if (store_journey_get(c->db, c->id, &r->j, &c->err))
		return KP_ERR;
	return journey_take_step(c, &r->j, r->to, r->on, r->notes, r->vog_date, false);
}

int journeys_step(struct api_call *c)
{
	static const char *const fields[] = { "step", "on_date", "notes", "vog_date", NULL };
	struct step_req *r = calloc(1, sizeof *r);
	int rc = KP_ERR;
	if (r == NULL)
		return kp_internal(&c->err);
	if (load(c, RES_JOURNEY, ACT_UPDATE, &r->j) || jin_only(c->body, fields, &c->err) ||
	    jin_enum(c->body, "step", journey_step_parse, true, &r->to, &c->err) ||
	    read_on_date(c, "on_date", r->on) ||
	    jin_date(c->body, "vog_date", false, r->vog_date, &c->err) ||
	    jin_text(c->body, "notes", JOURNEY_NOTES_MAX, false, r->notes, sizeof r->notes,
	             &c->err))
		goto end;
	if (api_in_transaction(c, step_tx, r))
		goto end;
	suggestions_after_volunteer(c, r->j.volunteer_id);
	rc = reply_journey(c, 200, &r->j);
end:
	free(r);
	return rc;
}

struct exit_req {
	struct journey j;
	struct exit_interview e;
};

static int exit_tx(struct api_call *c, void *arg)
{
	struct exit_req *r = arg;
	if (store_journey_get(c->db, c->id, &r->j, &c->err))
		return KP_ERR;
	if (r->j.step != STEP_EXIT_INTERVIEW)
		return kp_fail(&c->err, KP_CONFLICT, "not_in_exit_interview", "step");
	long held = journey_day_parse(r->e.held_on);
	if (held > today(c))
		return kp_invalid(&c->err, "held_on", "date_in_future");
	if (held < journey_day_parse(r->j.step_on))
		return kp_invalid(&c->err, "held_on", "date_before_current_step");
	r->e.journey_id = r->j.id;
	if (store_exit_interview_insert(c->db, &r->e, &c->err))
		return KP_ERR;
	/* The outcome decides the next step; a move to another organisation
	   waits for the transfer to be accepted. */
	int next = exit_outcome_next_step(r->e.outcome);
	if (next == STEP_REFERRED)
		return KP_OK;
	char note[128];
	snprintf(note, sizeof note, "exitgesprek: %s", exit_outcome_name(r->e.outcome));
	return journey_take_step(c, &r->j, next, r->e.held_on, note, NULL, false);
}

int journeys_exit_interview(struct api_call *c)
{
	static const char *const fields[] = { "held_on", "reason", "outcome", "notes", NULL };
	struct exit_req *r = calloc(1, sizeof *r);
	int rc = KP_ERR;
	if (r == NULL)
		return kp_internal(&c->err);
	r->e.actor_id = c->who.account_id;
	r->e.created_at = c->app->now();
	if (load(c, RES_JOURNEY, ACT_UPDATE, &r->j) || jin_only(c->body, fields, &c->err) ||
	    read_on_date(c, "held_on", r->e.held_on) ||
	    jin_enum(c->body, "reason", exit_reason_parse, true, &r->e.reason, &c->err) ||
	    jin_enum(c->body, "outcome", exit_outcome_parse, true, &r->e.outcome, &c->err) ||
	    jin_text(c->body, "notes", JOURNEY_NOTES_MAX, false, r->e.notes, sizeof r->e.notes,
	             &c->err))
		goto end;
	if (api_in_transaction(c, exit_tx, r))
		goto end;
	suggestions_after_volunteer(c, r->j.volunteer_id);
	rc = reply_journey(c, 201, &r->j);
end:
	free(r);
	return rc;
}

struct request_req {
	struct journey j;
	struct journey_request r;
};

static int request_tx(struct api_call *c, void *arg)
{
	struct request_req *q = arg;
	if (store_journey_get(c->db, c->id, &q->j, &c->err))
		return KP_ERR;
	if (journey_step_is_final(q->j.step) || journey_request_answered_by(q->r.kind, q->j.step))
		return kp_fail(&c->err, KP_CONFLICT, "request_not_needed", "kind");
	return store_journey_request_insert(c->db, &q->r, &c->err);
}

int journeys_request(struct api_call *c)
{
	static const char *const fields[] = { "kind", "note", NULL };
	struct request_req *q = calloc(1, sizeof *q);
	int rc = KP_ERR;
	if (q == NULL)
		return kp_internal(&c->err);
	q->r.journey_id = c->id;
	q->r.created_at = c->app->now();
	if (load(c, RES_JOURNEY_REQUEST, ACT_CREATE, &q->j) || jin_only(c->body, fields, &c->err) ||
	    jin_enum(c->body, "kind", journey_request_parse, true, &q->r.kind, &c->err) ||
	    jin_text(c->body, "note", JOURNEY_NOTES_MAX, false, q->r.note, sizeof q->r.note,
	             &c->err))
		goto end;
	if (api_in_transaction(c, request_tx, q))
		goto end;
	rc = reply_journey(c, 201, &q->j);
end:
	free(q);
	return rc;
}

struct visible {
	struct api_call *c;
	json_t *items;
	int failed;
};

static int add_visible(void *ctx, const struct journey *j)
{
	struct visible *v = ctx;
	struct authz_target t = target_of(j);
	if (!authz_allows(&v->c->who, RES_JOURNEY, ACT_READ, &t))
		return 0;
	json_t *doc = journey_full_json(v->c, j);
	if (doc == NULL) {
		v->failed = 1;
		return -1;
	}
	return json_array_append_new(v->items, doc);
}

int volunteer_journeys(struct api_call *c)
{
	struct list_filter f;
	struct page pg = { PAGE_MAX, 0 };
	struct volunteer *vol = malloc(sizeof *vol);
	struct consent k;
	struct authz_target vt;
	list_filter_init(&f);
	f.volunteer_id = c->id;
	if (vol == NULL)
		return kp_internal(&c->err);
	/* Only who may see the volunteer sees the journeys, each as far as its organisation. */
	int rc = store_volunteer_get(c->db, c->id, false, vol, &c->err);
	if (rc == KP_OK)
		rc = consents_target(c, vol->organisation_id, vol->id, &k, &vt);
	free(vol);
	if (rc || api_authorise(c, RES_VOLUNTEER, ACT_READ, &vt) ||
	    api_authorise(c, RES_JOURNEY, ACT_LIST, NULL))
		return KP_ERR;
	struct visible v = { c, json_array(), 0 };
	int64_t total = 0;
	if (store_journey_list(c->db, &f, pg, add_visible, &v, &total, &c->err)) {
		json_decref(v.items);
		return KP_ERR; /* c->err was set by the store or by journey_full_json */
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
	struct authz_target t = { .organisation_id = c->id };
	if (api_authorise(c, RES_ORGANISATION, ACT_READ, &t) ||
	    store_journey_settings_get(c->db, c->id, &s, &c->err))
		return KP_ERR;
	return api_reply(c, 200, settings_json(&s));
}

static int put_settings(struct api_call *c, void *arg)
{
	return store_journey_settings_put(c->db, arg, c->app->now(), &c->err);
}

int journey_settings_update(struct api_call *c)
{
	static const char *const fields[] = { "requires_vog", "requires_training", "intake_days",
	                                      "evaluation_months", NULL };
	struct journey_settings s;
	struct authz_target t = { .organisation_id = c->id };
	int vog, training;
	if (api_authorise(c, RES_ORGANISATION, ACT_UPDATE, &t) ||
	    store_journey_settings_get(c->db, c->id, &s, &c->err))
		return KP_ERR;
	vog = s.requires_vog;
	training = s.requires_training;
	if (jin_only(c->body, fields, &c->err) || jin_bool(c->body, "requires_vog", &vog, &c->err) ||
	    jin_bool(c->body, "requires_training", &training, &c->err) ||
	    jin_int(c->body, "intake_days", 1, JOURNEY_INTAKE_DAYS_MAX, false, &s.intake_days,
	            &c->err) ||
	    jin_int(c->body, "evaluation_months", 1, JOURNEY_EVALUATION_MONTHS_MAX, false,
	            &s.evaluation_months, &c->err))
		return KP_ERR;
	s.requires_vog = vog != 0;
	s.requires_training = training != 0;
	if (journey_settings_validate(&s, &c->err) || api_in_transaction(c, put_settings, &s))
		return KP_ERR;
	return api_reply(c, 200, settings_json(&s));
}

/* The journey that decides deployment: at the call's organisation, else at home. */
static int gate_journey(struct api_call *c, const struct volunteer *v, int64_t org,
                        struct journey *j, bool *found)
{
	*found = false;
	int64_t orgs[2] = { org, v->organisation_id };
	for (int i = 0; i < 2 && !*found; i++) {
		if (store_journey_find(c->db, v->id, orgs[i], j, &c->err) == KP_OK) {
			*found = true;
		} else if (c->err.kind != KP_NOT_FOUND) {
			return KP_ERR;
		} else {
			memset(&c->err, 0, sizeof c->err);
		}
	}
	return KP_OK;
}

int journey_check_match(struct api_call *c, const struct volunteer *v, const struct call *call)
{
	struct journey j;
	struct journey_settings s;
	bool found;
	if (gate_journey(c, v, call->organisation_id, &j, &found) ||
	    store_journey_settings_get(c->db, call->organisation_id, &s, &c->err))
		return KP_ERR;
	struct journey_gate g = {
		.has_journey = found,
		.step = found ? j.step : -1,
		.needs_vog = call->requires_vog != 0 || s.requires_vog,
		.vog_on = journey_day_parse(v->vog_date),
		.vog_max_age_months = s.vog_max_age_months,
		.today = today(c),
	};
	return journey_check_deployable(&g, &c->err);
}
