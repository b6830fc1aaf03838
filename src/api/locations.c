/* /api/locations and where professionals work (locations.h). */
#include "api/locations.h"

#include <stdio.h>
#include <stdlib.h>

#include "api/json_in.h"
#include "model/place.h"
#include "service/locations.h"

static json_t *to_json(const struct location *l)
{
	return json_pack("{s:I, s:I, s:s, s:s, s:s, s:b, s:I, s:I}", "id", (json_int_t)l->id,
	                 "organisation_id", (json_int_t)l->organisation_id, "name", l->name,
	                 "address", l->address, "place", l->place, "active", l->active,
	                 "created_at", (json_int_t)l->created_at, "updated_at",
	                 (json_int_t)l->updated_at);
}

struct list_ctx {
	json_t *items;
	int64_t caller;
};

static int add_row(void *ctx, const struct location *l)
{
	struct list_ctx *x = ctx;
	json_t *o = to_json(l);
	json_object_set_new(o, "account_ids", json_array());
	json_object_set_new(o, "mine", json_false());
	return json_array_append_new(x->items, o);
}

static int add_pair(void *ctx, int64_t account_id, int64_t location_id)
{
	struct list_ctx *x = ctx;
	size_t i;
	json_t *o;
	json_array_foreach(x->items, i, o) {
		if (json_integer_value(json_object_get(o, "id")) != location_id)
			continue;
		if (account_id == x->caller)
			json_object_set_new(o, "mine", json_true());
		return json_array_append_new(json_object_get(o, "account_ids"),
		                             json_integer(account_id));
	}
	return 0;
}

int locations_list(struct api_call *c)
{
	struct list_ctx x = { json_array(), c->who.account_id };
	struct location_query q = { .each = add_row, .each_pair = add_pair, .ctx = &x };
	if (api_query_id(c, "organisation_id", &q.organisation_id) ||
	    location_list(c->app, c->db, &c->who, &q, &c->err)) {
		json_decref(x.items);
		return KP_ERR;
	}
	return api_reply(c, 200, json_pack("{s:o}", "items", x.items));
}

/* A location does not move to another organisation: PATCH takes no organisation_id. */
static const char *const create_fields[] = { "organisation_id", "name", "address", "place",
	                                     NULL };
static const char *const edit_fields[] = { "name", "address", "place", "active", NULL };

/* Reads the body into l; *given tells which of name, address, place and
   active it names (in that order). */
static int from_json(struct api_call *c, bool creating, struct location *l, bool given[4])
{
	struct kp_error *e = &c->err;
	json_t *in = c->body;
	if (jin_only(in, creating ? create_fields : edit_fields, e) ||
	    jin_id(in, "organisation_id", false, &l->organisation_id, e) ||
	    jin_text(in, "name", LOCATION_NAME_MAX, creating, l->name, sizeof l->name, e) ||
	    jin_text(in, "address", LOCATION_ADDRESS_MAX, false, l->address, sizeof l->address, e) ||
	    jin_text(in, "place", 100, creating, l->place, sizeof l->place, e) ||
	    jin_bool(in, "active", &l->active, e))
		return KP_ERR;
	given[0] = json_object_get(in, "name") != NULL;
	given[1] = json_object_get(in, "address") != NULL;
	given[2] = json_object_get(in, "place") != NULL;
	given[3] = json_object_get(in, "active") != NULL;
	if (given[2])
		return place_resolve(l->place, sizeof l->place, &l->lat, &l->lon, "place", e);
	return KP_OK;
}

int locations_create(struct api_call *c)
{
	struct location *l = calloc(1, sizeof *l);
	bool given[4];
	int rc = l ? from_json(c, true, l, given) : kp_internal(&c->err);
	if (rc == KP_OK)
		rc = location_create(c->app, c->db, &c->who, l, &c->err);
	if (rc == KP_OK)
		rc = api_reply(c, 201, to_json(l));
	free(l);
	return rc ? KP_ERR : KP_OK;
}

int locations_update(struct api_call *c)
{
	struct location *patch = calloc(1, sizeof *patch), *out = calloc(1, sizeof *out);
	bool given[4];
	int rc = patch && out ? from_json(c, false, patch, given) : kp_internal(&c->err);
	if (rc == KP_OK) {
		struct location_edit e = { .id = c->id, .name = given[0], .address = given[1],
			                   .place = given[2], .active = given[3], .patch = patch,
			                   .out = out };
		rc = location_update(c->app, c->db, &c->who, &e, &c->err);
	}
	if (rc == KP_OK)
		rc = api_reply(c, 200, to_json(out));
	free(patch);
	free(out);
	return rc ? KP_ERR : KP_OK;
}

/* location_ids: an array of location ids, at most LOCATIONS_PER_ACCOUNT_MAX. */
static int read_ids(struct api_call *c, int64_t *ids, int *n)
{
	static const char *const allowed[] = { "location_ids", NULL };
	json_t *a = json_object_get(c->body, "location_ids");
	size_t i;
	json_t *v;
	*n = 0;
	if (jin_only(c->body, allowed, &c->err))
		return KP_ERR;
	if (a == NULL)
		return kp_invalid(&c->err, "location_ids", "required");
	if (!json_is_array(a))
		return kp_invalid(&c->err, "location_ids", "wrong_type");
	if (json_array_size(a) > LOCATIONS_PER_ACCOUNT_MAX)
		return kp_fail_limit(&c->err, KP_INVALID, "too_many", "location_ids",
		                     LOCATIONS_PER_ACCOUNT_MAX);
	json_array_foreach(a, i, v) {
		if (!json_is_integer(v) || json_integer_value(v) <= 0)
			return kp_invalid(&c->err, "location_ids", "wrong_type");
		ids[(*n)++] = json_integer_value(v);
	}
	return KP_OK;
}

int account_locations_update(struct api_call *c)
{
	int64_t ids[LOCATIONS_PER_ACCOUNT_MAX];
	int n;
	if (read_ids(c, ids, &n) ||
	    location_assign(c->app, c->db, &c->who, c->id, ids, n, &c->err))
		return KP_ERR;
	json_t *list = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(list, json_integer(ids[i]));
	return api_reply(c, 200, json_pack("{s:I, s:o}", "account_id", (json_int_t)c->id,
	                                   "location_ids", list));
}
