/* /api/volunteers: the register of volunteers on the four building blocks. */
#include "api/volunteers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/audit.h"
#include "api/consents.h"
#include "api/json_in.h"
#include "api/json_out.h"
#include "model/place.h"
#include "service/volunteers.h"
#include "util/parse.h"

/* The JSON field of each list kind on a volunteer. */
static const char *const item_fields[LIST_KIND_COUNT] = {
	[LIST_ACTIVITY] = "activities", [LIST_THEME] = "themes", [LIST_MOTIVE] = "motives",
	[LIST_TALENT] = "talents", [LIST_TRAINING] = "trainings", [LIST_LANGUAGE] = "languages",
	[LIST_EXPERIENCE] = "lived_experience",
};

static int from_json(struct api_call *c, json_t *in, struct volunteer *v, bool creating)
{
	struct kp_error *e = &c->err;
	if (jin_only_fields(in, &volunteer_fields, e) ||
	    jin_id(in, "organisation_id", false, &v->organisation_id, e) ||
	    jin_text(in, "first_name", VOLUNTEER_NAME_MAX, creating, v->first_name,
	             sizeof v->first_name, e) ||
	    jin_text(in, "last_name", VOLUNTEER_NAME_MAX, creating, v->last_name,
	             sizeof v->last_name, e) ||
	    jin_text(in, "email", VOLUNTEER_EMAIL_MAX, false, v->email, sizeof v->email, e) ||
	    jin_text(in, "phone", VOLUNTEER_PHONE_MAX, false, v->phone, sizeof v->phone, e) ||
	    jin_int(in, "birth_year", 1900, 2020, false, &v->birth_year, e) ||
	    jin_enum(in, "status", volunteer_status_parse, false, &v->status, e) ||
	    jin_text(in, "place", 100, creating, v->place, sizeof v->place, e) ||
	    jin_dayparts(in, "availability", &v->availability, e) ||
	    jin_int(in, "hours_per_week", 0, VOLUNTEER_MAX_HOURS, false, &v->hours_per_week, e) ||
	    jin_flags(in, "engagement", engagement_parse, &v->engagement, e) ||
	    jin_int(in, "max_distance_km", 0, VOLUNTEER_MAX_DISTANCE_KM, false,
	            &v->max_distance_km, e) ||
	    jin_enum(in, "travel_mode", travel_mode_parse, false, &v->travel_mode, e) ||
	    jin_bool(in, "driving_licence", &v->driving_licence, e) ||
	    jin_int(in, "max_matches", 1, VOLUNTEER_MAX_MATCHES, false, &v->max_matches, e) ||
	    jin_date(in, "vog_date", false, v->vog_date, e) ||
	    jin_text(in, "motivation_text", VOLUNTEER_TEXT_MAX, false, v->motivation_text,
	             sizeof v->motivation_text, e) ||
	    jin_date(in, "started_on", false, v->started_on, e))
		return KP_ERR;
	for (int k = 0; k < LIST_KIND_COUNT; k++)
		if (jin_items(in, item_fields[k], &c->app->lists, k, &v->items[k], e))
			return KP_ERR;
	if (json_object_get(in, "place") != NULL)
		return place_resolve(v->place, sizeof v->place, &v->lat, &v->lon, "place", e);
	return KP_OK;
}

json_t *volunteer_to_json(struct catalog *cat, const struct volunteer *v, bool with_experience)
{
	json_t *doc = json_object();
	json_object_set_new(doc, "id", json_integer(v->id));
	json_object_set_new(doc, "organisation_id", json_integer(v->organisation_id));
	json_object_set_new(doc, "first_name", json_string(v->first_name));
	json_object_set_new(doc, "last_name", json_string(v->last_name));
	json_object_set_new(doc, "email", json_string(v->email));
	json_object_set_new(doc, "phone", json_string(v->phone));
	json_object_set_new(doc, "birth_year",
	                    v->birth_year ? json_integer(v->birth_year) : json_null());
	json_object_set_new(doc, "status", json_string(volunteer_status_name(v->status)));
	json_object_set_new(doc, "place", json_string(v->place));
	json_object_set_new(doc, "lat", json_real(v->lat));
	json_object_set_new(doc, "lon", json_real(v->lon));
	json_object_set_new(doc, "availability", jout_dayparts(v->availability));
	json_object_set_new(doc, "hours_per_week", json_integer(v->hours_per_week));
	json_object_set_new(doc, "engagement",
	                    jout_flags(v->engagement, engagement_name, ENGAGEMENT_COUNT));
	json_object_set_new(doc, "max_distance_km", json_integer(v->max_distance_km));
	json_object_set_new(doc, "travel_mode", json_string(travel_mode_name(v->travel_mode)));
	json_object_set_new(doc, "driving_licence", json_boolean(v->driving_licence));
	json_object_set_new(doc, "max_matches", json_integer(v->max_matches));
	json_object_set_new(doc, "vog_date", jout_opt_text(v->vog_date));
	json_object_set_new(doc, "motivation_text", json_string(v->motivation_text));
	json_object_set_new(doc, "started_on", json_string(v->started_on));
	for (int k = 0; k < LIST_KIND_COUNT; k++)
		if (k != LIST_EXPERIENCE || with_experience)
			json_object_set_new(doc, item_fields[k], jout_items(cat, &v->items[k]));
	json_object_set_new(doc, "created_at", json_integer(v->created_at));
	json_object_set_new(doc, "updated_at", json_integer(v->updated_at));
	json_object_set_new(doc, "version", json_integer(v->version));
	return doc;
}



struct list_ctx {
	struct api_call *c;
	json_t *items;
};

static int add_row(void *ctx, const struct volunteer *v)
{
	struct list_ctx *x = ctx;
	return json_array_append_new(x->items, volunteer_to_json(&x->c->app->lists, v, false));
}

int volunteers_list(struct api_call *c)
{
	struct volunteer_query q = { .status = -1 };
	struct page pg;
	const char *activity = NULL, *theme = NULL;
	if (api_page(c, &pg) || api_query_id(c, "organisation_id", &q.organisation_id) ||
	    api_query_text(c, "q", 100, &q.q) || api_query_text(c, "place", 100, &q.place) ||
	    api_query_enum(c, "status", volunteer_status_parse, &q.status) ||
	    api_query_text(c, "activity", LIST_CODE_MAX, &activity) ||
	    api_query_text(c, "theme", LIST_CODE_MAX, &theme))
		return KP_ERR;
	if (activity && (q.activity_id = catalog_find(&c->app->lists, LIST_ACTIVITY, activity)) == 0)
		return kp_fail(&c->err, KP_MALFORMED, "unknown_item", "activity");
	if (theme && (q.theme_id = catalog_find(&c->app->lists, LIST_THEME, theme)) == 0)
		return kp_fail(&c->err, KP_MALFORMED, "unknown_item", "theme");
	struct list_ctx x = { c, json_array() };
	int64_t total = 0;
	if (volunteer_list(c->app, c->db, &c->who, &q, pg, add_row, &x, &total, &c->err)) {
		json_decref(x.items);
		return KP_ERR;
	}
	return api_reply(c, 200, api_list_doc(x.items, total, pg));
}

int volunteers_show(struct api_call *c)
{
	struct volunteer *v = malloc(sizeof *v);
	const char *reason = NULL;
	bool experience = false;
	int rc = v ? api_audit_reason(c, &reason) : kp_internal(&c->err);
	if (rc == KP_OK)
		rc = volunteer_view(c->app, c->db, &c->who, c->id, reason, v, &experience, &c->err);
	if (rc == KP_OK)
		rc = api_reply_versioned(c, 200, volunteer_to_json(&c->app->lists, v, experience),
		                         v->version);
	free(v);
	return rc;
}

/* A likely duplicate answers 409 with the existing person (name and place,
   which a registering coordinator may see) in "current". */
static void show_duplicate(struct api_call *c, const struct volunteer_new *n)
{
	c->current = json_pack("{s:I, s:s, s:s, s:s}", "id", (json_int_t)n->duplicate_of,
	                       "first_name", n->duplicate_first, "last_name", n->duplicate_last,
	                       "place", n->duplicate_place);
}

int volunteers_create(struct api_call *c)
{
	struct volunteer *v = malloc(sizeof *v);
	if (v == NULL)
		return kp_internal(&c->err);
	volunteer_init(v);
	v->organisation_id = c->who.organisation_id;
	parse_format_date(c->app->now(), v->started_on);
	struct volunteer_new n = { .v = v,
	                           .confirmed_new = json_is_true(json_object_get(c->body,
	                                                                         "confirm_new")) };
	json_object_del(c->body, "confirm_new");
	int rc = from_json(c, c->body, v, true);
	if (rc == KP_OK)
		rc = volunteer_create(c->app, c->db, &c->who, &n, &c->err);
	if (rc == KP_OK)
		rc = api_reply_versioned(c, 201, volunteer_to_json(&c->app->lists, v, false),
		                         v->version);
	else if (n.duplicate_of)
		show_duplicate(c, &n);
	free(v);
	return rc;
}

/* PATCH: only the fields the body names change; see service/volunteers.h. */
int volunteers_update(struct api_call *c)
{
	struct volunteer *patch = malloc(sizeof *patch), *out = calloc(1, sizeof *out);
	struct volunteer_edit e = { .id = c->id, .patch = patch, .out = out };
	int rc = patch && out ? KP_OK : kp_internal(&c->err);
	if (rc == KP_OK) {
		volunteer_init(patch);
		rc = from_json(c, c->body, patch, false);
	}
	if (rc == KP_OK)
		rc = api_base_version(c, &e.base_version);
	if (rc == KP_OK) {
		e.mask = api_field_mask(c, &volunteer_fields);
		rc = volunteer_update(c->app, c->db, &c->who, &e, &c->err);
	}
	json_t *doc = out && out->id ? volunteer_to_json(&c->app->lists, out, e.show_experience) : NULL;
	rc = api_reply_edit(c, rc, doc, out ? out->version : 0);
	free(patch);
	free(out);
	return rc;
}
