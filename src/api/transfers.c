/* /api/transfers: warm transfers between organisations of the network. */
#include "api/transfers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/json_in.h"
#include "api/json_out.h"
#include "service/transfers.h"

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
	if (shows_profile(t, transfer_side(&c->who, t, ACT_READ))) {
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
	if (transfer_get(c->app, c->db, &c->who, c->id, t, &c->err) == KP_OK)
		rc = reply_transfer(c, 200, t);
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

int transfers_create(struct api_call *c)
{
	static const char *const fields[] = { "volunteer_id", "to_organisation_id", "message",
	                                      "shared_parts", NULL };
	struct transfer_request *r = calloc(1, sizeof *r);
	int rc = KP_ERR;
	if (r == NULL)
		return kp_internal(&c->err);
	bool by_volunteer = c->who.role == ROLE_VOLUNTEER;
	if (jin_only(c->body, fields, &c->err) ||
	    jin_id(c->body, "volunteer_id", !by_volunteer, &r->volunteer_id, &c->err) ||
	    jin_id(c->body, "to_organisation_id", true, &r->to_organisation, &c->err) ||
	    jin_text(c->body, "message", TRANSFER_MESSAGE_MAX, false, r->message,
	             sizeof r->message, &c->err) ||
	    jin_flags(c->body, "shared_parts", transfer_part_parse, &r->shared_parts, &c->err))
		goto end;
	r->parts_given = json_object_get(c->body, "shared_parts") != NULL;
	if (transfer_create(c->app, c->db, &c->who, r, &c->err) == KP_OK)
		rc = reply_transfer(c, 201, &r->out);
end:
	free(r);
	return rc;
}

int transfers_update(struct api_call *c)
{
	static const char *const fields[] = { "action", "shared_parts", "note", NULL };
	struct transfer_decision *d = calloc(1, sizeof *d);
	int rc = KP_ERR;
	if (d == NULL)
		return kp_internal(&c->err);
	d->id = c->id;
	d->action = -1;
	if (jin_only(c->body, fields, &c->err) ||
	    jin_enum(c->body, "action", transfer_action_parse, true, &d->action, &c->err) ||
	    jin_flags(c->body, "shared_parts", transfer_part_parse, &d->parts, &c->err) ||
	    jin_text(c->body, "note", TRANSFER_NOTE_MAX, false, d->note, sizeof d->note, &c->err))
		goto end;
	d->parts_given = json_object_get(c->body, "shared_parts") != NULL;
	if (transfer_decide(c->app, c->db, &c->who, d, &c->err) == KP_OK)
		rc = reply_transfer(c, 200, &d->out);
end:
	free(d);
	return rc;
}
