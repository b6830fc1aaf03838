/* /api/transfers: warm transfers between organisations of the network. */
#include "api/transfers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/journey.h"
#include "api/json_in.h"
#include "api/json_out.h"
#include "api/suggestions.h"
#include "service/journey.h"
#include "service/notify.h"

static struct authz_target side_target(const struct transfer *t, int64_t org)
{
	return (struct authz_target){ .organisation_id = org, .volunteer_id = t->volunteer_id };
}

/* Which side the caller is on; SIDE_NONE when it may not see the transfer.
   The receiver sees nothing before the volunteer consented. */
static int side_of(const struct api_call *c, const struct transfer *t, enum action act)
{
	struct authz_target from = side_target(t, t->from_organisation);
	struct authz_target to = side_target(t, t->to_organisation);
	if (c->who.role == ROLE_ADMIN)
		return SIDE_ADMIN;
	if (c->who.role == ROLE_VOLUNTEER)
		return authz_allows(&c->who, RES_TRANSFER, act, &from) ? SIDE_VOLUNTEER : SIDE_NONE;
	if (authz_allows(&c->who, RES_TRANSFER, act, &from))
		return SIDE_SENDER;
	if (t->status != TRANSFER_AWAITING_CONSENT && authz_allows(&c->who, RES_TRANSFER, act, &to))
		return SIDE_RECEIVER;
	return SIDE_NONE;
}

static json_t *parts_json(uint32_t bits)
{
	return jout_flags(bits, transfer_part_name, TRANSFER_PART_COUNT);
}

json_t *transfer_to_json(const struct transfer *t)
{
	return json_pack("{s:I, s:I, s:I, s:I, s:s, s:s, s:s, s:o, s:o, s:s, s:o, s:o, s:I, s:I}",
	                 "id", (json_int_t)t->id, "volunteer_id", (json_int_t)t->volunteer_id,
	                 "from_organisation_id", (json_int_t)t->from_organisation,
	                 "to_organisation_id", (json_int_t)t->to_organisation, "status",
	                 transfer_status_name(t->status), "initiator",
	                 t->by_volunteer ? "volunteer" : "coordinator", "message", t->message,
	                 "shared_parts", parts_json(t->shared_parts), "consent_at",
	                 t->consent_at ? json_integer(t->consent_at) : json_null(),
	                 "decision_note", t->decision_note, "created_by",
	                 jout_opt_id(t->created_by), "decided_by", jout_opt_id(t->decided_by),
	                 "created_at", (json_int_t)t->created_at, "updated_at",
	                 (json_int_t)t->updated_at);
}

static int add_training(void *ctx, const struct volunteer_training *t)
{
	json_t *o = json_pack("{s:s, s:s, s:s}", "title", t->title, "completed_on",
	                      t->completed_on, "certificate", t->certificate);
	return json_array_append_new(ctx, o);
}

/* The sending journey's steps, without notes: dates and steps only. */
static int add_history(void *ctx, const struct journey_step_row *r)
{
	json_t *o = json_pack("{s:s, s:s}", "step", journey_step_name(r->step), "on_date",
	                      r->on_date);
	return json_array_append_new(ctx, o);
}

static void put_items(struct api_call *c, json_t *p, const struct volunteer *v)
{
	static const struct { const char *field; int kind; } items[] = {
		{ "activities", LIST_ACTIVITY }, { "themes", LIST_THEME }, { "motives", LIST_MOTIVE },
		{ "talents", LIST_TALENT }, { "languages", LIST_LANGUAGE },
	};
	for (size_t i = 0; i < sizeof items / sizeof items[0]; i++)
		json_object_set_new(p, items[i].field,
		                    jout_items(&c->app->lists, &v->items[items[i].kind]));
}

static int put_parts(struct api_call *c, json_t *p, const struct volunteer *v,
                     const struct transfer *t)
{
	uint32_t bits = t->shared_parts;
	if (bits & (1u << PART_CONTACT))
		json_object_update_new(p, json_pack("{s:s, s:s, s:s}", "email", v->email, "phone",
		                                    v->phone, "place", v->place));
	if (bits & (1u << PART_AVAILABILITY))
		json_object_update_new(
			p, json_pack("{s:o, s:i, s:o, s:i, s:s}", "availability",
			             jout_dayparts(v->availability), "hours_per_week", v->hours_per_week,
			             "engagement", jout_flags(v->engagement, engagement_name,
			                                      ENGAGEMENT_COUNT),
			             "max_distance_km", v->max_distance_km, "travel_mode",
			             travel_mode_name(v->travel_mode)));
	if (bits & (1u << PART_INTERESTS))
		put_items(c, p, v);
	if (bits & (1u << PART_VOG))
		json_object_set_new(p, "vog_date", jout_opt_text(v->vog_date));
	if (bits & (1u << PART_MOTIVATION))
		json_object_set_new(p, "motivation_text", json_string(v->motivation_text));
	if (bits & (1u << PART_TRAININGS)) {
		json_t *a = json_array();
		json_object_set_new(p, "trainings", jout_items(&c->app->lists,
		                                               &v->items[LIST_TRAINING]));
		json_object_set_new(p, "certificates", a);
		if (store_trainings(c->db, v->id, add_training, a, &c->err))
			return KP_ERR;
	}
	if (bits & (1u << PART_JOURNEY)) {
		json_t *a = json_array();
		struct journey j;
		json_object_set_new(p, "journey", a);
		if (store_journey_find(c->db, v->id, t->from_organisation, &j, &c->err) == KP_OK)
			return store_journey_steps(c->db, j.id, add_history, a, &c->err);
		if (c->err.kind != KP_NOT_FOUND)
			return KP_ERR;
		memset(&c->err, 0, sizeof c->err);
	}
	return KP_OK;
}

/* Exactly the consented parts, read live; the name is always shared. */
static json_t *profile_json(struct api_call *c, const struct transfer *t)
{
	struct volunteer *v = malloc(sizeof *v);
	json_t *p = NULL;
	if (v == NULL) {
		kp_internal(&c->err);
		return NULL;
	}
	if (store_volunteer_get(c->db, t->volunteer_id, false, v, &c->err) == KP_OK) {
		p = json_pack("{s:s, s:s}", "first_name", v->first_name, "last_name", v->last_name);
		if (put_parts(c, p, v, t)) {
			json_decref(p);
			p = NULL;
		}
	}
	free(v);
	return p;
}

/* The consented parts go to the receiver; the volunteer and the administrator
   see them too, the sender only while it is still the home organisation. */
static bool shows_profile(const struct transfer *t, int side)
{
	if (t->status == TRANSFER_OFFERED)
		return side != SIDE_NONE;
	return t->status == TRANSFER_ACCEPTED && side != SIDE_SENDER && side != SIDE_NONE;
}

static int reply_transfer(struct api_call *c, int status, const struct transfer *t)
{
	json_t *doc = transfer_to_json(t);
	if (shows_profile(t, side_of(c, t, ACT_READ))) {
		json_t *p = profile_json(c, t);
		if (p == NULL) {
			json_decref(doc);
			return KP_ERR;
		}
		json_object_set_new(doc, "profile", p);
	}
	return api_reply(c, status, doc);
}

int transfers_show(struct api_call *c)
{
	struct transfer *t = malloc(sizeof *t);
	int rc = KP_ERR;
	if (t == NULL)
		return kp_internal(&c->err);
	if (store_transfer_get(c->db, c->id, t, &c->err))
		goto end;
	if (side_of(c, t, ACT_READ) == SIDE_NONE) {
		api_authorise(c, RES_TRANSFER, ACT_READ, &(struct authz_target){ 0 });
		goto end;
	}
	rc = reply_transfer(c, 200, t);
end:
	free(t);
	return rc;
}

static int add_row(void *ctx, const struct transfer *t)
{
	return json_array_append_new(ctx, transfer_to_json(t));
}

int transfers_list(struct api_call *c)
{
	struct authz_scope scope = authz_list_scope(&c->who, RES_TRANSFER);
	if (scope.none)
		return api_authorise(c, RES_TRANSFER, ACT_LIST, NULL);
	struct page pg;
	int64_t volunteer = 0;
	int status = -1;
	if (api_page(c, &pg) || api_query_id(c, "volunteer_id", &volunteer) ||
	    api_query_enum(c, "status", transfer_status_parse, &status))
		return KP_ERR;
	if (scope.volunteer_id) {
		if (volunteer && volunteer != scope.volunteer_id)
			return kp_fail(&c->err, KP_FORBIDDEN, "forbidden", "volunteer_id");
		volunteer = scope.volunteer_id;
	}
	json_t *items = json_array();
	int64_t total = 0;
	if (store_transfer_list(c->db, scope.organisation_id, volunteer, status, pg, add_row, items,
	                        &total, &c->err)) {
		json_decref(items);
		return KP_ERR;
	}
	return api_reply(c, 200, api_list_doc(items, total, pg));
}

static int organisation_name(struct api_call *c, int64_t id, char *out, size_t cap)
{
	struct organisation *o = malloc(sizeof *o);
	int rc = KP_ERR;
	if (o == NULL)
		return kp_internal(&c->err);
	if (store_organisation_get(c->db, id, o, &c->err) == KP_OK) {
		snprintf(out, cap, "%s", o->name);
		rc = KP_OK;
	}
	free(o);
	return rc;
}

/* The mails of a transfer's new state; the key makes each go once. */
static int mail_state(struct api_call *c, const struct transfer *t, const struct volunteer *v)
{
	char key[64], from[ORGANISATION_NAME_MAX * 4 + 1], to[ORGANISATION_NAME_MAX * 4 + 1];
	char subject[1600], body[12288];
	int64_t now = c->app->now();
	if (organisation_name(c, t->from_organisation, from, sizeof from) ||
	    organisation_name(c, t->to_organisation, to, sizeof to))
		return KP_ERR;
	snprintf(key, sizeof key, "transfer:%lld:%s", (long long)t->id,
	         transfer_status_name(t->status));
	switch (t->status) {
	case TRANSFER_AWAITING_CONSENT:
		snprintf(subject, sizeof subject, "Doorverwijzing naar %s: uw toestemming", to);
		snprintf(body, sizeof body,
		         "Beste %s,\n\nUw coördinator bij %s wil u graag in contact brengen met %s. "
		         "Log in bij Knooppunt om te kiezen welke gegevens u wilt delen, of om te "
		         "weigeren.\n", v->first_name, from, to);
		return notify_address(c->db, v->email, t->from_organisation, key, subject, body, now,
		                      NULL, &c->err);
	case TRANSFER_OFFERED:
		snprintf(subject, sizeof subject, "Warme doorverwijzing van %s", from);
		snprintf(body, sizeof body,
		         "%s verwijst vrijwilliger %s %s naar uw organisatie door.\n\n%s\n\n"
		         "Log in bij Knooppunt om de doorverwijzing te accepteren of af te wijzen.\n",
		         from, v->first_name, v->last_name, t->message);
		return notify_coordinators(c->db, t->to_organisation, key, subject, body, now, NULL,
		                           &c->err);
	case TRANSFER_ACCEPTED:
	case TRANSFER_DECLINED:
		snprintf(subject, sizeof subject, "Doorverwijzing naar %s %s", to,
		         t->status == TRANSFER_ACCEPTED ? "geaccepteerd" : "afgewezen");
		snprintf(body, sizeof body, "De doorverwijzing van %s %s naar %s is %s.\n%s\n",
		         v->first_name, v->last_name, to,
		         t->status == TRANSFER_ACCEPTED ? "geaccepteerd" : "afgewezen",
		         t->decision_note);
		if (notify_coordinators(c->db, t->from_organisation, key, subject, body, now, NULL,
		                        &c->err))
			return KP_ERR;
		return notify_address(c->db, v->email, t->to_organisation, key, subject, body, now,
		                      NULL, &c->err);
	default:
		return KP_OK;
	}
}

static int mail_for(struct api_call *c, const struct transfer *t)
{
	struct volunteer *v = malloc(sizeof *v);
	int rc = KP_ERR;
	if (v == NULL)
		return kp_internal(&c->err);
	if (store_volunteer_get(c->db, t->volunteer_id, false, v, &c->err) == KP_OK)
		rc = mail_state(c, t, v);
	free(v);
	return rc;
}

static int no_open_transfer(struct api_call *c, int64_t volunteer)
{
	struct page pg = { 1, 0 };
	int64_t a = 0, b = 0;
	json_t *ignore = json_array();
	int rc = store_transfer_list(c->db, 0, volunteer, TRANSFER_AWAITING_CONSENT, pg, add_row,
	                             ignore, &a, &c->err) ||
	         store_transfer_list(c->db, 0, volunteer, TRANSFER_OFFERED, pg, add_row, ignore, &b,
	                             &c->err);
	json_decref(ignore);
	if (rc)
		return KP_ERR;
	return a + b > 0 ? kp_fail(&c->err, KP_CONFLICT, "transfer_open", "volunteer_id") : KP_OK;
}

static int create_tx(struct api_call *c, void *arg)
{
	struct transfer *t = arg;
	struct volunteer *v = malloc(sizeof *v);
	struct organisation *o = malloc(sizeof *o);
	int rc = KP_ERR;
	if (v == NULL || o == NULL) {
		kp_internal(&c->err);
		goto end;
	}
	if (store_volunteer_get(c->db, t->volunteer_id, false, v, &c->err)) {
		if (c->err.kind == KP_NOT_FOUND)
			kp_invalid(&c->err, "volunteer_id", "unknown_reference");
		goto end;
	}
	t->from_organisation = v->organisation_id;
	struct authz_target from = side_target(t, t->from_organisation);
	if (api_authorise(c, RES_TRANSFER, ACT_CREATE, &from))
		goto end;
	if (store_organisation_get(c->db, t->to_organisation, o, &c->err) || !o->active) {
		kp_invalid(&c->err, "to_organisation_id", "unknown_reference");
		goto end;
	}
	if (t->to_organisation == t->from_organisation) {
		kp_invalid(&c->err, "to_organisation_id", "same_organisation");
		goto end;
	}
	if (no_open_transfer(c, v->id) || store_transfer_insert(c->db, t, &c->err) ||
	    mail_state(c, t, v))
		goto end;
	rc = KP_OK;
end:
	free(v);
	free(o);
	return rc;
}

int transfers_create(struct api_call *c)
{
	static const char *const fields[] = { "volunteer_id", "to_organisation_id", "message",
	                                      "shared_parts", NULL };
	struct transfer *t = calloc(1, sizeof *t);
	int rc = KP_ERR;
	if (t == NULL)
		return kp_internal(&c->err);
	bool by_volunteer = c->who.role == ROLE_VOLUNTEER;
	if (by_volunteer)
		t->volunteer_id = c->who.volunteer_id;
	if (jin_only(c->body, fields, &c->err) ||
	    jin_id(c->body, "volunteer_id", !by_volunteer, &t->volunteer_id, &c->err) ||
	    jin_id(c->body, "to_organisation_id", true, &t->to_organisation, &c->err) ||
	    jin_text(c->body, "message", TRANSFER_MESSAGE_MAX, false, t->message,
	             sizeof t->message, &c->err) ||
	    jin_flags(c->body, "shared_parts", transfer_part_parse, &t->shared_parts, &c->err))
		goto end;
	if (by_volunteer && t->volunteer_id != c->who.volunteer_id) {
		kp_fail(&c->err, KP_FORBIDDEN, "forbidden", "volunteer_id");
		goto end;
	}
	/* The volunteer's own request carries their consent; a coordinator's waits for it. */
	if (by_volunteer && json_object_get(c->body, "shared_parts") == NULL) {
		kp_invalid(&c->err, "shared_parts", "required");
		goto end;
	}
	t->by_volunteer = by_volunteer;
	t->status = by_volunteer ? TRANSFER_OFFERED : TRANSFER_AWAITING_CONSENT;
	t->created_by = c->who.account_id;
	t->created_at = t->updated_at = c->app->now();
	t->consent_at = by_volunteer ? t->created_at : 0;
	if (api_in_transaction(c, create_tx, t))
		goto end;
	rc = reply_transfer(c, 201, t);
end:
	free(t);
	return rc;
}

static int take_step(struct api_call *c, struct journey *j, int to, const char *on,
                     const char *notes, const char *vog_date, bool force)
{
	static struct svc zero;
	struct svc s = zero;
	s.app = c->app;
	s.db = c->db;
	s.who = &c->who;
	s.now = c->app->now();
	s.err = &c->err;
	return journey_take_step(&s, j, to, on, notes, vog_date, force);
}

/* Hands the volunteer over: sending journey referred, receiving journey started,
   home organisation moved. */
static int hand_over(struct api_call *c, const struct transfer *t)
{
	struct journey j;
	char today[11], note[700], from[ORGANISATION_NAME_MAX * 4 + 1];
	int64_t now = c->app->now();
	journey_day_format(journey_day_of(now), today);
	if (organisation_name(c, t->from_organisation, from, sizeof from))
		return KP_ERR;
	if (store_journey_find(c->db, t->volunteer_id, t->from_organisation, &j, &c->err) == KP_OK) {
		if (!journey_step_is_final(j.step) &&
		    take_step(c, &j, STEP_REFERRED, today, "warme doorverwijzing", NULL, true))
			return KP_ERR;
	} else if (c->err.kind != KP_NOT_FOUND) {
		return KP_ERR;
	}
	memset(&c->err, 0, sizeof c->err);
	if (store_volunteer_set_organisation(c->db, t->volunteer_id, t->to_organisation, now,
	                                     &c->err))
		return KP_ERR;
	snprintf(note, sizeof note, "Warme doorverwijzing van %s", from);
	if (store_journey_find(c->db, t->volunteer_id, t->to_organisation, &j, &c->err) == KP_OK) {
		if (journey_step_is_final(j.step))
			return take_step(c, &j, STEP_SIGNED_UP, today, note, NULL, false);
		int status = journey_step_volunteer_status(j.step);
		return status < 0 ? KP_OK
		                  : store_volunteer_set_status(c->db, t->volunteer_id, status, now,
		                                               &c->err);
	}
	if (c->err.kind != KP_NOT_FOUND)
		return KP_ERR;
	memset(&c->err, 0, sizeof c->err);
	memset(&j, 0, sizeof j);
	j.volunteer_id = t->volunteer_id;
	j.organisation_id = t->to_organisation;
	j.step = STEP_SIGNED_UP;
	memcpy(j.step_on, today, sizeof j.step_on);
	memcpy(j.started_on, today, sizeof j.started_on);
	j.created_at = j.updated_at = now;
	if (store_journey_insert(c->db, &j, c->who.account_id, note, &c->err))
		return KP_ERR;
	return store_volunteer_set_status(c->db, t->volunteer_id, VOLUNTEER_APPLIED, now, &c->err);
}

struct decision {
	struct transfer *t;
	int action;
	uint32_t parts;
	bool parts_given;
	char note[TRANSFER_NOTE_MAX * 4 + 1];
};

static int decide_tx(struct api_call *c, void *arg)
{
	struct decision *d = arg;
	struct transfer *t = d->t;
	if (store_transfer_get(c->db, c->id, t, &c->err))
		return KP_ERR;
	int side = side_of(c, t, ACT_UPDATE);
	if (side == SIDE_NONE)
		return api_authorise(c, RES_TRANSFER, ACT_UPDATE, &(struct authz_target){ 0 });
	if (transfer_check_action(t->status, d->action, side, &c->err))
		return KP_ERR;
	if (d->action == TACT_CONSENT && !d->parts_given)
		return kp_invalid(&c->err, "shared_parts", "required");
	if (d->action == TACT_DECLINE && d->note[0] == '\0')
		return kp_invalid(&c->err, "note", "required");
	int from = t->status;
	int64_t now = c->app->now();
	t->status = transfer_next_status(from, d->action);
	t->updated_at = now;
	snprintf(t->decision_note, sizeof t->decision_note, "%s", d->note);
	if (d->action == TACT_CONSENT) {
		t->shared_parts = d->parts;
		t->consent_at = now;
	}
	if (d->action == TACT_ACCEPT || d->action == TACT_DECLINE)
		t->decided_by = c->who.account_id;
	if (store_transfer_update(c->db, t, from, &c->err))
		return KP_ERR;
	if (d->action == TACT_ACCEPT && hand_over(c, t))
		return KP_ERR;
	return mail_for(c, t);
}

int transfers_update(struct api_call *c)
{
	static const char *const fields[] = { "action", "shared_parts", "note", NULL };
	struct decision d = { .action = -1 };
	int rc = KP_ERR;
	d.t = calloc(1, sizeof *d.t);
	if (d.t == NULL)
		return kp_internal(&c->err);
	if (jin_only(c->body, fields, &c->err) ||
	    jin_enum(c->body, "action", transfer_action_parse, true, &d.action, &c->err) ||
	    jin_flags(c->body, "shared_parts", transfer_part_parse, &d.parts, &c->err) ||
	    jin_text(c->body, "note", TRANSFER_NOTE_MAX, false, d.note, sizeof d.note, &c->err))
		goto end;
	d.parts_given = json_object_get(c->body, "shared_parts") != NULL;
	if (api_in_transaction(c, decide_tx, &d))
		goto end;
	if (d.t->status == TRANSFER_ACCEPTED) /* new home organisation and status */
		suggestions_after_volunteer(c, d.t->volunteer_id);
	rc = reply_transfer(c, 200, d.t);
end:
	free(d.t);
	return rc;
}
