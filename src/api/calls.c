/* /api/calls: calls for help and offers, with their schedule and requirements. */
#include "api/calls.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/audit.h"
#include "api/json_in.h"
#include "api/json_out.h"
#include "model/place.h"
#include "service/calls.h"
#include "service/public_calls.h"
#include "api/page_forms.h"

static const struct {
	int kind;
	const char *field;
} item_fields[] = {
	{ LIST_THEME, "themes" },
	{ LIST_TALENT, "required_skills" },
	{ LIST_TRAINING, "required_trainings" },
	{ LIST_LANGUAGE, "required_languages" },
};
#define N_ITEM_FIELDS (int)(sizeof item_fields / sizeof item_fields[0])

static int from_json(struct api_call *c, json_t *in, struct call *call, bool creating)
{
	struct kp_error *e = &c->err;
	struct catalog *cat = &c->app->lists;
	if (jin_only_fields(in, &call_fields, e) ||
	    jin_id(in, "organisation_id", false, &call->organisation_id, e) ||
	    jin_id(in, "location_id", false, &call->location_id, e) ||
	    jin_id(in, "volunteer_id", false, &call->volunteer_id, e) ||
	    jin_enum(in, "source", call_source_parse, false, &call->source, e) ||
	    jin_text(in, "title", CALL_TITLE_MAX, creating, call->title, sizeof call->title, e) ||
	    jin_text(in, "description", CALL_TEXT_MAX, false, call->description,
	             sizeof call->description, e) ||
	    jin_text(in, "public_title", CALL_TITLE_MAX, false, call->public_title,
	             sizeof call->public_title, e) ||
	    jin_text(in, "public_description", CALL_TEXT_MAX, false, call->public_description,
	             sizeof call->public_description, e) ||
	    jin_item(in, "activity", cat, LIST_ACTIVITY, creating, &call->activity_id, e) ||
	    jin_text(in, "place", 100, creating, call->place, sizeof call->place, e) ||
	    jin_date(in, "one_off_date", false, call->one_off_date, e) ||
	    jin_time(in, "start_time", call->start_time, e) ||
	    jin_dayparts(in, "dayparts", &call->dayparts, e) ||
	    jin_int(in, "duration_minutes", 15, CALL_MAX_DURATION_MINUTES, false,
	            &call->duration_minutes, e) ||
	    jin_int(in, "volunteers_needed", 1, CALL_MAX_VOLUNTEERS, false,
	            &call->volunteers_needed, e) ||
	    jin_bool(in, "requires_vog", &call->requires_vog, e) ||
	    jin_bool(in, "requires_driving_licence", &call->requires_driving_licence, e) ||
	    jin_bool(in, "requires_car", &call->requires_car, e) ||
	    jin_enum(in, "engagement", engagement_parse, false, &call->engagement, e) ||
	    jin_enum(in, "status", call_status_parse, false, &call->status, e) ||
	    jin_bool(in, "public_page", &call->public_page, e))
		return KP_ERR;
	for (int i = 0; i < N_ITEM_FIELDS; i++)
		if (jin_items(in, item_fields[i].field, cat, item_fields[i].kind,
		              &call->items[item_fields[i].kind], e))
			return KP_ERR;
	if (json_object_get(in, "place") != NULL)
		return place_resolve(call->place, sizeof call->place, &call->lat, &call->lon, "place",
		                     e);
	return KP_OK;
}

/* One call: whole, or (public_view) only what the network's public pages
   show of it: no one who posted it, no place but the town, no edit state. */
static void write_fields(struct jw *w, const struct call *call, struct catalog *cat,
                         bool public_view)
{
	jw_object(w);
	JW_KEY(w, "id"); jw_int(w, call->id);
	JW_KEY(w, "organisation_id"); jw_int(w, call->organisation_id);
	if (!public_view) {
		JW_KEY(w, "location_id"); jw_opt_id(w, call->location_id);
		JW_KEY(w, "location_name"); jw_opt_string(w, call->location_name);
		JW_KEY(w, "location_address"); jw_opt_string(w, call->location_address);
		JW_KEY(w, "volunteer_id"); jw_opt_id(w, call->volunteer_id);
		JW_KEY(w, "source"); jw_string(w, call_source_name(call->source));
	}
	JW_KEY(w, "title"); jw_string(w, call->title);
	JW_KEY(w, "description"); jw_string(w, call->description);
	if (!public_view) {
		JW_KEY(w, "public_title"); jw_string(w, call->public_title);
		JW_KEY(w, "public_description"); jw_string(w, call->public_description);
		JW_KEY(w, "published"); jw_bool(w, call_is_published(call));
		JW_KEY(w, "public_page"); jw_bool(w, call->public_page);
	}
	JW_KEY(w, "activity"); jwout_item(w, cat, call->activity_id);
	JW_KEY(w, "place"); jw_string(w, call->place);
	if (!public_view) {
		JW_KEY(w, "lat"); jw_decimal(w, call->lat, 6);
		JW_KEY(w, "lon"); jw_decimal(w, call->lon, 6);
	}
	JW_KEY(w, "one_off_date"); jw_opt_string(w, call->one_off_date);
	JW_KEY(w, "start_time"); jw_opt_string(w, call->start_time);
	JW_KEY(w, "dayparts"); jwout_dayparts(w, call->dayparts);
	JW_KEY(w, "duration_minutes"); jw_int(w, call->duration_minutes);
	JW_KEY(w, "volunteers_needed"); jw_int(w, call->volunteers_needed);
	JW_KEY(w, "requires_vog"); jw_bool(w, call->requires_vog);
	JW_KEY(w, "requires_driving_licence"); jw_bool(w, call->requires_driving_licence);
	JW_KEY(w, "requires_car"); jw_bool(w, call->requires_car);
	JW_KEY(w, "engagement"); jw_string(w, engagement_name(call->engagement));
	JW_KEY(w, "status"); jw_string(w, call_status_name(call->status));
	for (int i = 0; i < N_ITEM_FIELDS; i++) {
		jw_key(w, item_fields[i].field);
		jwout_items(w, cat, &call->items[item_fields[i].kind]);
	}
	JW_KEY(w, "created_at"); jw_int(w, call->created_at);
	if (!public_view) {
		JW_KEY(w, "created_by"); jw_opt_id(w, call->created_by);
		JW_KEY(w, "updated_at"); jw_int(w, call->updated_at);
		JW_KEY(w, "version"); jw_int(w, call->version);
	}
	jw_end_object(w);
}

/* The answer for one call; arg is the catalog. */
static void write_call(struct jw *w, const void *obj, void *arg)
{
	write_fields(w, obj, arg, false);
}

static void call_write_public(struct jw *w, const void *obj, void *arg)
{
	write_fields(w, obj, arg, true);
}

/* A call in a list: what the reader may see of it is in the call itself
   (call_head_of), whatever its form. */
static void write_call_row(struct jw *w, const void *call, int form, void *cat)
{
	(void)form;
	write_call(w, call, cat);
}

void call_write_public_row(struct jw *w, const void *call, int form, void *cat)
{
	(void)form;
	call_write_public(w, call, cat);
}

json_t *call_public_json(struct catalog *cat, const struct call *call)
{
	return jwout_tree(call_write_public, call, cat);
}

json_t *call_to_json(struct catalog *cat, const struct call *call)
{
	return jwout_tree(write_call, call, cat);
}

int calls_list(struct api_call *c)
{
	struct call_query q = { .status = -1 };
	struct page pg;
	if (api_page(c, &pg) || api_query_id(c, "organisation_id", &q.organisation_id) ||
	    api_query_text(c, "q", 100, &q.q) || api_query_text(c, "place", 100, &q.place) ||
	    api_query_enum(c, "status", call_status_parse, &q.status) ||
	    api_query_item(c, "activity", LIST_ACTIVITY, &q.activity_id) ||
	    api_query_id(c, "location_id", &q.location_id))
		return KP_ERR;
	struct page_forms x;
	int64_t total = 0;
	page_forms_begin(&x, c, c->app->call_forms, CALL_VIEW_LIST, write_call_row,
	                 &c->app->lists);
	int rc = call_list(c->app, c->db, &c->who, &q, pg, &x.reader, &total, &c->err);
	return page_forms_end(&x, rc, total, pg);
}

/* The answer for whoever may edit the call: with the words of the health word
   list that its public text mentions, as a warning before it goes out in
   public ("health_words"; absent for everyone else). */
static json_t *edit_json(struct api_call *c, const struct call *call)
{
	json_t *doc = call_to_json(&c->app->lists, call);
	char words[HEALTH_WORDS_MAX][64];
	int n = 0;
	struct kp_error err = { 0 };
	if (doc == NULL || public_text_check(c->app, c->db, &c->who, call, words, &n, &err))
		return doc;
	json_t *found = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(found, json_string(words[i]));
	json_object_set_new(doc, "health_words", found);
	return doc;
}

int calls_show(struct api_call *c)
{
	struct call *call = malloc(sizeof *call);
	const char *reason = NULL;
	int rc = call ? api_audit_reason(c, &reason) : kp_internal(&c->err);
	if (rc == KP_OK)
		rc = call_view(c->app, c->db, &c->who, c->id, reason, call, &c->err);
	if (rc == KP_OK)
		rc = api_reply_versioned(c, 200, edit_json(c, call), call->version);
	free(call);
	return rc;
}

int calls_create(struct api_call *c)
{
	struct call *call = malloc(sizeof *call);
	if (call == NULL)
		return kp_internal(&c->err);
	call_init(call);
	call_defaults_for(&c->who, call);
	int rc = from_json(c, c->body, call, true);
	if (rc == KP_OK)
		rc = call_create(c->app, c->db, &c->who, call, &c->err);
	if (rc == KP_OK)
		rc = api_reply_versioned(c, 201, edit_json(c, call), call->version);
	free(call);
	return rc;
}

/* PATCH: only the fields the body names change; see service/calls.h. */
int calls_update(struct api_call *c)
{
	struct call *patch = malloc(sizeof *patch), *out = calloc(1, sizeof *out);
	struct call_edit e = { .id = c->id, .patch = patch, .out = out };
	int rc = patch && out ? KP_OK : kp_internal(&c->err);
	if (rc == KP_OK) {
		call_init(patch);
		rc = from_json(c, c->body, patch, false);
	}
	if (rc == KP_OK)
		rc = api_base_version(c, &e.base_version);
	if (rc == KP_OK) {
		e.mask = api_field_mask(c, &call_fields);
		rc = call_update(c->app, c->db, &c->who, &e, &c->err);
	}
	json_t *doc = out && out->id ? edit_json(c, out) : NULL;
	rc = api_reply_edit(c, rc, doc, out ? out->version : 0);
	free(patch);
	free(out);
	return rc;
}

static int add_change(void *ctx, const struct call_change *h)
{
	json_t *fields = json_array();
	char names[sizeof h->fields];
	snprintf(names, sizeof names, "%s", h->fields);
	for (char *p = names, *end; *p != '\0'; p = *end ? end + 1 : end) {
		end = p + strcspn(p, ",");
		json_array_append_new(fields, json_stringn(p, (size_t)(end - p)));
	}
	json_t *row = json_pack("{s:I, s:o, s:o, s:o, s:s, s:I}", "version", (json_int_t)h->version,
	                        "fields", fields, "status",
	                        h->status >= 0 ? json_string(call_status_name(h->status))
	                                       : json_null(),
	                        "actor_id", jout_opt_id(h->actor_id), "actor_name", h->actor_name,
	                        "at", (json_int_t)h->at);
	return json_array_append_new(ctx, row);
}

int calls_history(struct api_call *c)
{
	json_t *items = json_array();
	if (call_history(c->app, c->db, &c->who, c->id, add_change, items, &c->err)) {
		json_decref(items);
		return KP_ERR;
	}
	return api_reply(c, 200, json_pack("{s:o}", "items", items));
}
