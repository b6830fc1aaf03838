/* /api/organisations/{id}/offer and /api/public/map: the social map. Public
   answers carry organisations' contact data only, never a person's. */
#include "api/offers.h"

#include <stdlib.h>

#include "api/json_in.h"
#include "api/json_out.h"
#include "model/organisation.h"
#include "service/offers.h"

static json_t *offer_json(struct catalog *cat, const struct offer *f)
{
	json_t *places = json_array();
	for (int i = 0; i < f->n_places; i++)
		json_array_append_new(places, json_string(f->places[i]));
	return json_pack("{s:I, s:s, s:b, s:b, s:o, s:o, s:o, s:o}", "organisation_id",
	                 (json_int_t)f->organisation_id, "address", f->address, "new_clients",
	                 f->new_clients, "new_volunteers", f->new_volunteers, "activities",
	                 jout_items(cat, &f->items[LIST_ACTIVITY]), "themes",
	                 jout_items(cat, &f->items[LIST_THEME]), "places", places, "updated_at",
	                 f->updated_at ? json_integer(f->updated_at) : json_null());
}

int offers_show(struct api_call *c)
{
	struct offer *f = malloc(sizeof *f);
	if (f == NULL)
		return kp_internal(&c->err);
	int rc = offer_show(c->app, c->db, &c->who, c->id, f, &c->err);
	if (rc == KP_OK)
		rc = api_reply(c, 200, offer_json(&c->app->lists, f));
	free(f);
	return rc;
}

static int add_place(void *ctx, const char *place)
{
	return offer_add_place(ctx, place);
}

static int from_json(struct api_call *c, struct offer *p, unsigned *given)
{
	static const char *const fields[] = { "address", "new_clients", "new_volunteers",
	                                      "activities", "themes", "places", NULL };
	struct catalog *cat = &c->app->lists;
	struct kp_error *e = &c->err;
	int clients = -1, volunteers = -1; /* -1: not in the body */
	bool places;
	if (jin_only(c->body, fields, e) ||
	    jin_text(c->body, "address", OFFER_ADDRESS_MAX, false, p->address, sizeof p->address,
	             e) ||
	    jin_bool(c->body, "new_clients", &clients, e) ||
	    jin_bool(c->body, "new_volunteers", &volunteers, e) ||
	    jin_items(c->body, "activities", cat, LIST_ACTIVITY, &p->items[LIST_ACTIVITY], e) ||
	    jin_items(c->body, "themes", cat, LIST_THEME, &p->items[LIST_THEME], e) ||
	    jin_texts(c->body, "places", OFFER_PLACES_MAX, OFFER_PLACE_MAX, &places, add_place, p, e))
		return KP_ERR;
	p->new_clients = clients > 0;
	p->new_volunteers = volunteers > 0;
	*given = (json_object_get(c->body, "address") ? OFFER_ADDRESS : 0) |
	         (clients >= 0 ? OFFER_NEW_CLIENTS : 0) |
	         (volunteers >= 0 ? OFFER_NEW_VOLUNTEERS : 0) |
	         (json_object_get(c->body, "activities") ? OFFER_ACTIVITIES : 0) |
	         (json_object_get(c->body, "themes") ? OFFER_THEMES : 0) |
	         (places ? OFFER_PLACES : 0);
	return KP_OK;
}

/* PUT with the fields to change; the others stay (service/offers.h). */
int offers_update(struct api_call *c)
{
	struct offer *patch = malloc(sizeof *patch), *out = malloc(sizeof *out);
	struct offer_edit e = { .organisation_id = c->id, .patch = patch, .out = out };
	int rc = patch && out ? KP_OK : kp_internal(&c->err);
	if (rc == KP_OK) {
		offer_init(patch, c->id);
		rc = from_json(c, patch, &e.given);
	}
	if (rc == KP_OK)
		rc = offer_update(c->app, c->db, &c->who, &e, &c->err);
	if (rc == KP_OK)
		rc = api_reply(c, 200, offer_json(&c->app->lists, out));
	free(patch);
	free(out);
	return rc;
}

struct map_ctx {
	struct catalog *cat;
	json_t *items;
};

/* One entry of the map: the organisation's public face and its offer. */
static int add_entry(void *ctx, const struct organisation *o, const struct offer *f)
{
	struct map_ctx *m = ctx;
	json_t *e = offer_json(m->cat, f);
	json_object_del(e, "organisation_id");
	json_object_set_new(e, "id", json_integer(o->id));
	json_object_set_new(e, "name", json_string(o->name));
	json_object_set_new(e, "kind", json_string(organisation_kind_name(o->kind)));
	json_object_set_new(e, "municipality", json_string(o->municipality));
	json_object_set_new(e, "description", json_string(o->description));
	json_object_set_new(e, "phone", json_string(o->phone));
	json_object_set_new(e, "email", json_string(o->email));
	json_object_set_new(e, "website", json_string(o->website));
	return json_array_append_new(m->items, e);
}

int public_map(struct api_call *c)
{
	struct map_query q = { .each = add_entry };
	struct map_ctx m = { &c->app->lists, NULL };
	if (api_page(c, &q.page) || api_query_text(c, "place", OFFER_PLACE_MAX, &q.place) ||
	    api_query_item(c, "activity", LIST_ACTIVITY, &q.activity_id) ||
	    api_query_item(c, "theme", LIST_THEME, &q.theme_id))
		return KP_ERR;
	m.items = json_array();
	q.ctx = &m;
	if (map_search(c->app, c->db, &c->who, &q, &c->err)) {
		json_decref(m.items);
		return KP_ERR;
	}
	return api_reply(c, 200, api_list_doc(m.items, q.total, q.page));
}
