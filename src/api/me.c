/*
 * GET /api/volunteers/{id}/export: the right of access. One JSON document
 * with everything stored about the volunteer, each section holding only
 * rows that belong to this volunteer:
 *
 *   volunteer        the profile (lived experience when the caller may see it)
 *   consent          the current consent; consent_history every change of it
 *   accounts         the logins with their open sessions
 *   matches          with their status history and the nazorg answer (aftercare)
 *   offers           calls the volunteer placed
 *   journeys         at every organisation, with steps (and notes), exit
 *                    interviews and the volunteer's own pause/stop requests
 *   transfers        warm transfers about the volunteer, with messages and notes
 *   trainings        trainings followed and certificates
 *   competences      the EVC-A self-assessment
 *   audit            who viewed or changed the data
 */
#include "api/erasure.h"

#include <stdlib.h>
#include <string.h>

#include "api/aftercare.h"
#include "api/appreciation.h"
#include "api/audit.h"
#include "api/calls.h"
#include "api/consents.h"
#include "api/journey.h"
#include "api/json_out.h"
#include "api/transfers.h"
#include "api/volunteers.h"
#include "model/match.h"

#define EXPORT_PAGE PAGE_MAX

struct doc {
	struct api_call *c;
	json_t *arr;
};

static int add_event(void *ctx, const struct consent_event *e)
{
	json_t *doc = consent_to_json(&e->consent);
	json_object_del(doc, "current_text_version");
	json_object_set_new(doc, "action", json_string(e->action));
	json_object_set_new(doc, "actor_id", jout_opt_id(e->actor_id));
	return json_array_append_new(ctx, doc);
}

static int add_session(void *ctx, const struct session_info *s)
{
	return json_array_append_new(ctx, json_pack("{s:I, s:I}", "created_at",
	                                            (json_int_t)s->created_at, "expires_at",
	                                            (json_int_t)s->expires_at));
}

static int add_account(void *ctx, const struct account *a)
{
	struct doc *d = ctx;
	json_t *sessions = json_array();
	json_t *doc = json_pack("{s:I, s:s, s:s, s:s, s:b, s:o}", "id", (json_int_t)a->id, "email",
	                        a->email, "display_name", a->display_name, "role",
	                        role_name(a->role), "active", a->active, "sessions", sessions);
	if (store_session_list(d->c->db, a->id, NULL, d->c->app->now(), add_session, sessions,
	                       &d->c->err)) {
		json_decref(doc);
		return -1;
	}
	return json_array_append_new(d->arr, doc);
}

static int add_match_event(void *ctx, const struct match_event *e)
{
	return json_array_append_new(
		ctx, json_pack("{s:s, s:s, s:I}", "to", match_status_name(e->to_status), "reason",
		               e->reason, "at", (json_int_t)e->at));
}

/* The nazorg answer of a match, null while there is none. */
static int add_aftercare(struct api_call *c, int64_t match_id, json_t *doc)
{
	struct aftercare a;
	if (store_aftercare_get(c->db, match_id, &a, &c->err) == KP_OK)
		return json_object_set_new(doc, "aftercare", aftercare_to_json(&a));
	if (c->err.kind != KP_NOT_FOUND)
		return KP_ERR;
	memset(&c->err, 0, sizeof c->err);
	return json_object_set_new(doc, "aftercare", json_null());
}

static int add_match(void *ctx, const struct match *m)
{
	struct doc *d = ctx;
	json_t *events = json_array();
	json_t *doc = json_pack("{s:I, s:I, s:s, s:s, s:s, s:I, s:I, s:o}", "id", (json_int_t)m->id,
	                        "call_id", (json_int_t)m->call_id, "status",
	                        match_status_name(m->status), "reason", m->reason, "explanation",
	                        m->explanation, "created_at", (json_int_t)m->created_at,
	                        "updated_at", (json_int_t)m->updated_at, "events", events);
	if (store_match_events(d->c->db, m->id, add_match_event, events, &d->c->err) ||
	    add_aftercare(d->c, m->id, doc)) {
		json_decref(doc);
		return -1;
	}
	return json_array_append_new(d->arr, doc);
}

static int add_call(void *ctx, const struct call *call)
{
	struct doc *d = ctx;
	return json_array_append_new(d->arr, call_to_json(&d->c->app->lists, call));
}

static int add_journey(void *ctx, const struct journey *j)
{
	struct doc *d = ctx;
	json_t *doc = journey_full_json(d->c, j);
	if (doc == NULL)
		return -1;
	json_object_del(doc, "next_steps"); /* advice, not stored data */
	return json_array_append_new(d->arr, doc);
}

static int add_transfer(void *ctx, const struct transfer *t)
{
	return json_array_append_new(ctx, transfer_to_json(t));
}

static int add_training(void *ctx, const struct volunteer_training *t)
{
	struct doc *d = ctx;
	return json_array_append_new(d->arr, training_to_json(&d->c->app->lists, t));
}

static int add_competence(void *ctx, const struct competence_rating *r)
{
	struct doc *d = ctx;
	return json_array_append_new(d->arr, competence_to_json(r, d->c->lang));
}

static int add_audit(void *ctx, const struct audit_entry *e)
{
	return json_array_append_new(ctx, audit_entry_to_json(e));
}

/* Reads one page of a list about the person into arr, setting *total. */
typedef int (*page_fn)(struct api_call *c, struct page pg, json_t *arr, int64_t *total);

/* Every page of a list, so that the export is complete. */
static int every_page(struct api_call *c, page_fn fetch, json_t *arr)
{
	int64_t total = 0;
	for (struct page pg = { EXPORT_PAGE, 0 };; pg.offset += EXPORT_PAGE) {
		if (fetch(c, pg, arr, &total))
			return KP_ERR;
		if (pg.offset + EXPORT_PAGE >= total)
			return KP_OK;
	}
}

static struct list_filter about_person(const struct api_call *c)
{
	struct list_filter f;
	list_filter_init(&f);
	f.volunteer_id = c->id;
	return f;
}

static int matches_page(struct api_call *c, struct page pg, json_t *arr, int64_t *total)
{
	struct list_filter f = about_person(c);
	struct doc d = { c, arr };
	return store_match_list(c->db, &f, pg, add_match, &d, total, &c->err);
}

static int offers_page(struct api_call *c, struct page pg, json_t *arr, int64_t *total)
{
	struct list_filter f = about_person(c);
	struct doc d = { c, arr };
	return store_call_list(c->db, &f, pg, add_call, &d, total, &c->err);
}

static int audit_page(struct api_call *c, struct page pg, json_t *arr, int64_t *total)
{
	struct audit_filter f = { .volunteer_id = c->id };
	return store_audit_list(c->db, &f, pg, add_audit, arr, total, &c->err);
}

static int journeys_page(struct api_call *c, struct page pg, json_t *arr, int64_t *total)
{
	struct list_filter f = about_person(c);
	struct doc d = { c, arr };
	return store_journey_list(c->db, &f, pg, add_journey, &d, total, &c->err);
}

static int transfers_page(struct api_call *c, struct page pg, json_t *arr, int64_t *total)
{
	return store_transfer_list(c->db, 0, c->id, -1, pg, add_transfer, arr, total, &c->err);
}

static int all_accounts(struct api_call *c, json_t *arr)
{
	struct list_filter f = about_person(c);
	struct doc d = { c, arr };
	int64_t total = 0;
	struct page pg = { EXPORT_PAGE, 0 }; /* a person has one or two accounts */
	return store_account_list(c->db, &f, pg, add_account, &d, &total, &c->err);
}

/* The volunteer journey of issue 6: journeys, transfers, appreciation. */
static int build_journey(struct api_call *c, json_t *doc)
{
	json_t *journeys = json_array(), *transfers = json_array();
	json_t *trainings = json_array(), *competences = json_array();
	json_object_set_new(doc, "journeys", journeys);
	json_object_set_new(doc, "transfers", transfers);
	json_object_set_new(doc, "trainings", trainings);
	json_object_set_new(doc, "competences", competences);
	struct doc tr = { c, trainings }, co = { c, competences };
	if (every_page(c, journeys_page, journeys) || every_page(c, transfers_page, transfers) ||
	    store_trainings(c->db, c->id, add_training, &tr, &c->err) ||
	    store_competences(c->db, c->id, add_competence, &co, &c->err))
		return KP_ERR;
	return KP_OK;
}

static int build(struct api_call *c, const struct volunteer *v, const struct consent *k,
                 bool with_experience, json_t *doc)
{
	json_t *history = json_array(), *accounts = json_array(), *matches = json_array();
	json_t *offers = json_array(), *audit = json_array();
	json_object_set_new(doc, "exported_at", json_integer(c->app->now()));
	json_object_set_new(doc, "volunteer", volunteer_to_json(&c->app->lists, v, with_experience));
	json_object_set_new(doc, "consent", consent_to_json(k));
	json_object_set_new(doc, "consent_history", history);
	json_object_set_new(doc, "accounts", accounts);
	json_object_set_new(doc, "matches", matches);
	json_object_set_new(doc, "offers", offers);
	json_object_set_new(doc, "audit", audit);
	if (store_consent_events(c->db, v->id, add_event, history, &c->err) ||
	    all_accounts(c, accounts) || every_page(c, matches_page, matches) ||
	    every_page(c, offers_page, offers) || build_journey(c, doc) ||
	    every_page(c, audit_page, audit))
		return KP_ERR;
	return KP_OK;
}

int me_export(struct api_call *c)
{
	struct volunteer *v = malloc(sizeof *v);
	json_t *doc = json_object();
	struct consent k;
	struct authz_target t;
	int rc = KP_ERR;
	if (v == NULL) {
		kp_internal(&c->err);
		goto end;
	}
	if (store_volunteer_get(c->db, c->id, true, v, &c->err) ||
	    consents_target(c, v->organisation_id, v->id, &k, &t) ||
	    api_authorise(c, RES_VOLUNTEER, ACT_EXPORT, &t))
		goto end;
	bool with_experience = authz_allows(&c->who, RES_EXPERIENCE, ACT_READ, &t);
	/* Logged first, so that the export lists its own making. */
	if (api_audit(c, "export", "volunteer", v->id, v->id, NULL) ||
	    build(c, v, &k, with_experience, doc))
		goto end;
	rc = api_reply(c, 200, doc);
	doc = NULL;
end:
	json_decref(doc);
	free(v);
	return rc;
}
