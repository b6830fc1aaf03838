/* /api/volunteers: the register of volunteers on the four building blocks. */
#include "api/volunteers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/audit.h"
#include "api/consents.h"
#include "api/json_in.h"
#include "api/json_out.h"
#include "api/page_forms.h"
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

/* What write_volunteer needs beside the volunteer. */
struct volunteer_out {
	struct catalog *cat;
	bool with_experience; /* lived experience, for whoever may see it */
};

static void write_volunteer(struct jw *w, const void *obj, void *arg)
{
	const struct volunteer *v = obj;
	const struct volunteer_out *o = arg;
	jw_object(w);
	JW_KEY(w, "id"); jw_int(w, v->id);
	JW_KEY(w, "organisation_id"); jw_int(w, v->organisation_id);
	JW_KEY(w, "first_name"); jw_string(w, v->first_name);
	JW_KEY(w, "last_name"); jw_string(w, v->last_name);
	JW_KEY(w, "email"); jw_string(w, v->email);
	JW_KEY(w, "phone"); jw_string(w, v->phone);
	JW_KEY(w, "birth_year");
	if (v->birth_year)
		jw_int(w, v->birth_year);
	else
		jw_null(w);
	JW_KEY(w, "status"); jw_string(w, volunteer_status_name(v->status));
	JW_KEY(w, "place"); jw_string(w, v->place);
	JW_KEY(w, "lat"); jw_real(w, v->lat);
	JW_KEY(w, "lon"); jw_real(w, v->lon);
	JW_KEY(w, "availability"); jwout_dayparts(w, v->availability);
	JW_KEY(w, "hours_per_week"); jw_int(w, v->hours_per_week);
	JW_KEY(w, "engagement"); jwout_flags(w, v->engagement, engagement_name, ENGAGEMENT_COUNT);
	JW_KEY(w, "max_distance_km"); jw_int(w, v->max_distance_km);
	JW_KEY(w, "travel_mode"); jw_string(w, travel_mode_name(v->travel_mode));
	JW_KEY(w, "driving_licence"); jw_bool(w, v->driving_licence);
	JW_KEY(w, "max_matches"); jw_int(w, v->max_matches);
	JW_KEY(w, "vog_date"); jw_opt_string(w, v->vog_date);
	JW_KEY(w, "motivation_text"); jw_string(w, v->motivation_text);
	JW_KEY(w, "started_on"); jw_string(w, v->started_on);
	for (int k = 0; k < LIST_KIND_COUNT; k++) {
		if (k != LIST_EXPERIENCE || o->with_experience) {
			jw_key(w, item_fields[k]);
			jwout_items(w, o->cat, &v->items[k]);
		}
	}
	JW_KEY(w, "created_at"); jw_int(w, v->created_at);
	JW_KEY(w, "updated_at"); jw_int(w, v->updated_at);
	JW_KEY(w, "version"); jw_int(w, v->version);
	jw_end_object(w);
}

/* A volunteer in its form (VOLUNTEER_FORM_*), as lists and the record show
   it; cat is the catalog. */
static void write_volunteer_form(struct jw *w, const void *v, int form, void *cat)
{
	write_volunteer(w, v, &(struct volunteer_out){ cat, form == VOLUNTEER_FORM_EXPERIENCE });
}

json_t *volunteer_to_json(struct catalog *cat, const struct volunteer *v, bool with_experience)
{
	struct volunteer_out o = { cat, with_experience };
	return jwout_tree(write_volunteer, v, &o);
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
	struct page_forms x;
	int64_t total = 0;
	page_forms_begin(&x, c, c->app->volunteer_forms, 0, write_volunteer_form, &c->app->lists);
	int rc = volunteer_list(c->app, c->db, &c->who, &q, pg, &x.reader, &total, &c->err);
	return page_forms_end(&x, rc, total, pg);
}

/* A record is kept in the same memo as the list's rows: the plain form is
   the very row a list shows. */
int volunteers_show(struct api_call *c)
{
	const char *reason = NULL;
	if (api_audit_reason(c, &reason))
		return KP_ERR;
	struct page_forms x;
	int64_t version = 0;
	record_form_begin(&x, c, c->app->volunteer_forms, 0, write_volunteer_form, &c->app->lists);
	int rc = volunteer_view(c->app, c->db, &c->who, c->id, reason, &x.reader, &version,
	                        &c->err);
	return record_form_end(&x, rc, version);
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
