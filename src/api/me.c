/*
 * GET /api/volunteers/{id}/export: the right of access. One JSON document
 * with everything stored about the volunteer (read by the use case of
 * service/export.h), each section holding only rows that belong to this
 * volunteer:
 *
 *   volunteer        the profile (lived experience when the caller may see it)
 *   consent          the current consent; consent_history every change of it
 *   accounts         the logins with their open sessions
 *   matches          with the call's title, their status history and the nazorg
 *                    answer (aftercare)
 *   offers           calls the volunteer placed
 *   journeys         at every organisation, with steps (and notes), exit
 *                    interviews and the volunteer's own pause/stop requests
 *   transfers        warm transfers about the volunteer, with messages and notes
 *   trainings        trainings followed and certificates
 *   competences      the EVC-A self-assessment
 *   hours            hour entries, corrected versions included
 *   expenses         expense claims (has_receipt; the file is at its own route)
 *   notes            the coordinators' private notes and contact log about them
 *   newsletters      the newsletters that were sent to them
 *   audit            who viewed or changed the data
 */
#include "api/erasure.h"

#include "api/aftercare.h"
#include "api/appreciation.h"
#include "api/audit.h"
#include "api/calls.h"
#include "api/consents.h"
#include "api/expenses.h"
#include "api/hours.h"
#include "api/journey.h"
#include "api/notes.h"
#include "api/json_out.h"
#include "api/transfers.h"
#include "api/volunteers.h"
#include "service/export.h"

/* The document being built; each section's array, to append to. */
struct doc {
	struct api_call *c;
	json_t *doc;
	json_t *history, *accounts, *matches, *offers, *audit;
	json_t *journeys, *transfers, *trainings, *competences, *hours, *expenses, *notes;
	json_t *newsletters;
	json_t *sessions;          /* of the account added last */
	json_t *events;            /* of the match added last */
};

static void restart(void *ctx)
{
	struct doc *d = ctx;
	json_decref(d->doc);
	*d = (struct doc){ .c = d->c };
}

static json_t *section(struct doc *d, const char *name)
{
	json_t *arr = json_array();
	json_object_set_new(d->doc, name, arr);
	return arr;
}

static int add_person(void *ctx, const struct export_person *p)
{
	struct doc *d = ctx;
	struct catalog *cat = &d->c->app->lists;
	d->doc = json_object();
	json_object_set_new(d->doc, "exported_at", json_integer(p->exported_at));
	json_object_set_new(d->doc, "volunteer",
	                    volunteer_to_json(cat, p->volunteer, p->with_experience));
	json_object_set_new(d->doc, "consent", consent_to_json(p->consent));
	json_object_set_new(d->doc, "bank_account",
	                    p->iban[0] ? json_pack("{s:s, s:s}", "iban", p->iban, "holder",
	                                           p->iban_holder) : json_null());
	/* Whether a calendar feed address exists; the address itself is not kept. */
	json_object_set_new(d->doc, "calendar_feed",
	                    json_pack("{s:b, s:o}", "active", p->calendar_feed_at != 0, "created_at",
	                              p->calendar_feed_at ? json_integer(p->calendar_feed_at)
	                                                  : json_null()));
	d->history = section(d, "consent_history");
	d->accounts = section(d, "accounts");
	d->matches = section(d, "matches");
	d->offers = section(d, "offers");
	d->audit = section(d, "audit");
	d->journeys = section(d, "journeys");
	d->transfers = section(d, "transfers");
	d->trainings = section(d, "trainings");
	d->competences = section(d, "competences");
	d->hours = section(d, "hours");
	d->expenses = section(d, "expenses");
	d->notes = section(d, "notes");
	d->newsletters = section(d, "newsletters");
	return 0;
}

static int add_event(void *ctx, const struct consent_event *e)
{
	struct doc *d = ctx;
	json_t *doc = consent_to_json(&e->consent);
	json_object_del(doc, "current_text_version");
	json_object_set_new(doc, "action", json_string(e->action));
	json_object_set_new(doc, "actor_id", jout_opt_id(e->actor_id));
	return json_array_append_new(d->history, doc);
}

static int add_account(void *ctx, const struct account *a)
{
	struct doc *d = ctx;
	d->sessions = json_array();
	json_t *doc = json_pack("{s:I, s:s, s:s, s:s, s:b, s:o}", "id", (json_int_t)a->id, "email",
	                        a->email, "display_name", a->display_name, "role",
	                        role_name(a->role), "active", a->active, "sessions", d->sessions);
	return json_array_append_new(d->accounts, doc);
}

static int add_session(void *ctx, const struct session_info *s)
{
	struct doc *d = ctx;
	return json_array_append_new(d->sessions, json_pack("{s:I, s:I}", "created_at",
	                                                    (json_int_t)s->created_at, "expires_at",
	                                                    (json_int_t)s->expires_at));
}

/* With its nazorg answer, null while there is none. */
static int add_match(void *ctx, const struct match *m, const struct aftercare *a)
{
	struct doc *d = ctx;
	d->events = json_array();
	json_t *doc = json_pack("{s:I, s:I, s:s, s:s, s:s, s:I, s:I, s:o}", "id", (json_int_t)m->id,
	                        "call_id", (json_int_t)m->call_id, "status",
	                        match_status_name(m->status), "reason", m->reason, "explanation",
	                        m->explanation, "created_at", (json_int_t)m->created_at,
	                        "updated_at", (json_int_t)m->updated_at, "events", d->events);
	json_object_set_new(doc, "call_title", json_string(m->call_title));
	json_object_set_new(doc, "aftercare", a ? aftercare_to_json(a) : json_null());
	return json_array_append_new(d->matches, doc);
}

static int add_match_event(void *ctx, const struct match_event *e)
{
	struct doc *d = ctx;
	return json_array_append_new(
		d->events, json_pack("{s:s, s:s, s:I}", "to", match_status_name(e->to_status),
		                     "reason", e->reason, "at", (json_int_t)e->at));
}

static int add_call(void *ctx, const struct call *call)
{
	struct doc *d = ctx;
	return json_array_append_new(d->offers, call_to_json(&d->c->app->lists, call));
}

static int add_journey(void *ctx, const struct journey *j)
{
	struct doc *d = ctx;
	json_t *doc = journey_full_json(d->c, j);
	if (doc == NULL)
		return -1;
	json_object_del(doc, "next_steps"); /* advice, not stored data */
	return json_array_append_new(d->journeys, doc);
}

static int add_transfer(void *ctx, const struct transfer *t)
{
	struct doc *d = ctx;
	return json_array_append_new(d->transfers, transfer_to_json(t));
}

static int add_training(void *ctx, const struct volunteer_training *t)
{
	struct doc *d = ctx;
	return json_array_append_new(d->trainings, training_to_json(&d->c->app->lists, t));
}

static int add_competence(void *ctx, const struct competence_rating *r)
{
	struct doc *d = ctx;
	return json_array_append_new(d->competences, competence_to_json(r, d->c->lang));
}

static int add_hour(void *ctx, const struct hour_entry *e)
{
	struct doc *d = ctx;
	return json_array_append_new(d->hours, hour_to_json(&d->c->app->lists, e));
}

static int add_expense(void *ctx, const struct expense_claim *e)
{
	struct doc *d = ctx;
	return json_array_append_new(d->expenses, expense_to_json(e));
}

static int add_note(void *ctx, const struct volunteer_note *n)
{
	struct doc *d = ctx;
	return json_array_append_new(d->notes, note_to_json(n));
}

static int add_newsletter(void *ctx, const struct newsletter *n)
{
	struct doc *d = ctx;
	return json_array_append_new(d->newsletters,
	                             json_pack("{s:I, s:o, s:s, s:I}", "id", (json_int_t)n->id,
	                                       "organisation_id", jout_opt_id(n->organisation_id),
	                                       "subject", n->subject, "sent_at",
	                                       (json_int_t)n->sent_at));
}

static int add_audit(void *ctx, const struct audit_entry *e)
{
	struct doc *d = ctx;
	return json_array_append_new(d->audit, audit_entry_to_json(e));
}

int me_export(struct api_call *c)
{
	struct doc d = { .c = c };
	const struct export_sink sink = {
		.ctx = &d,
		.restart = restart,
		.person = add_person,
		.consent_event = add_event,
		.account = add_account,
		.session = add_session,
		.match = add_match,
		.match_event = add_match_event,
		.offer = add_call,
		.journey = add_journey,
		.transfer = add_transfer,
		.training = add_training,
		.competence = add_competence,
		.hour = add_hour,
		.expense = add_expense,
		.note = add_note,
		.newsletter = add_newsletter,
		.audit = add_audit,
	};
	if (volunteer_export(c->app, c->db, &c->who, c->id, &sink, &c->err)) {
		json_decref(d.doc);
		return KP_ERR;
	}
	return api_reply(c, 200, d.doc);
}
