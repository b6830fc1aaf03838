/* /api/lists: the shared lists a network administrator keeps. */
#include "api/lists.h"

#include <stdio.h>
#include <string.h>

#include "api/json_in.h"
#include "service/lists.h"

static json_t *to_json(const struct list_item *it)
{
	return json_pack("{s:I, s:s, s:s, s:s, s:s, s:b, s:i}", "id", (json_int_t)it->id, "kind",
	                 list_kind_name(it->kind), "code", it->code, "label_nl", it->label_nl,
	                 "label_en", it->label_en, "active", it->active, "position", it->position);
}

static int kind_of(struct api_call *c, int *kind)
{
	*kind = list_kind_parse(c->param);
	return *kind < 0 ? kp_fail(&c->err, KP_NOT_FOUND, "no_route", "kind") : KP_OK;
}

static int add_row(void *ctx, const struct list_item *it)
{
	return json_array_append_new(ctx, to_json(it));
}

/* Into the object of lists: each item in its kind's array. */
static int add_to_kind(void *ctx, const struct list_item *it)
{
	return add_row(json_object_get(ctx, list_kind_name(it->kind)), it);
}

/* Every kind with all its items, those switched off included (marked
   "active": false; records keep them), so that a page learns all shared
   lists in one request. */
int lists_all_doc(struct api_call *c, json_t **out)
{
	json_t *kinds = json_array(), *lists = json_object();
	for (int k = 0; k < LIST_KIND_COUNT; k++) {
		json_array_append_new(kinds, json_string(list_kind_name(k)));
		json_object_set_new(lists, list_kind_name(k), json_array());
	}
	struct list_item_query q = { .kind = -1, .all = true, .each = add_to_kind, .ctx = lists };
	if (list_item_list(c->app, c->db, &c->who, &q, &c->err)) {
		json_decref(kinds);
		json_decref(lists);
		return KP_ERR;
	}
	*out = json_pack("{s:o, s:o}", "kinds", kinds, "lists", lists);
	return *out != NULL ? KP_OK : kp_internal(&c->err);
}

int lists_index(struct api_call *c)
{
	json_t *doc;
	return lists_all_doc(c, &doc) ? KP_ERR : api_reply(c, 200, doc);
}

int lists_list(struct api_call *c)
{
	struct list_item_query q = { .all = http_query(c->req, "all") != NULL, .each = add_row };
	if (kind_of(c, &q.kind))
		return KP_ERR;
	q.ctx = json_array();
	if (list_item_list(c->app, c->db, &c->who, &q, &c->err)) {
		json_decref(q.ctx);
		return KP_ERR;
	}
	size_t n = json_array_size(q.ctx);
	struct page pg = { .limit = (int)n, .offset = 0 };
	return api_reply(c, 200, api_list_doc(q.ctx, (int64_t)n, pg));
}

static bool valid_code(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return false;
	return true;
}

static int from_json(struct api_call *c, struct list_item *it, bool creating)
{
	static const char *const create_fields[] = { "code", "label_nl", "label_en", "active",
	                                             "position", NULL };
	static const char *const update_fields[] = { "label_nl", "label_en", "active", "position",
	                                             NULL };
	struct kp_error *e = &c->err;
	if (jin_only(c->body, creating ? create_fields : update_fields, e) ||
	    (creating &&
	     jin_text(c->body, "code", LIST_CODE_MAX, true, it->code, sizeof it->code, e)) ||
	    jin_text(c->body, "label_nl", LIST_LABEL_MAX, creating, it->label_nl,
	             sizeof it->label_nl, e) ||
	    jin_text(c->body, "label_en", LIST_LABEL_MAX, false, it->label_en, sizeof it->label_en,
	             e) ||
	    jin_bool(c->body, "active", &it->active, e) ||
	    jin_int(c->body, "position", 0, 100000, false, &it->position, e))
		return KP_ERR;
	if (creating && !valid_code(it->code))
		return kp_invalid(e, "code", "invalid_code");
	return KP_OK;
}

int lists_create(struct api_call *c)
{
	struct list_item it = { .active = 1, .position = 1000 };
	if (kind_of(c, &it.kind) || from_json(c, &it, true) ||
	    list_item_create(c->app, c->db, &c->who, &it, &c->err))
		return KP_ERR;
	return api_reply(c, 201, to_json(&it));
}

/* PATCH: only the fields the body names change; see service/lists.h. */
int lists_update(struct api_call *c)
{
	struct list_item patch = { 0 }, out = { 0 };
	struct list_item_edit e = { .id = c->id, .patch = &patch, .out = &out };
	if (kind_of(c, &e.kind) || from_json(c, &patch, false))
		return KP_ERR;
	e.mask = api_field_mask(c, &list_item_fields);
	if (list_item_update(c->app, c->db, &c->who, &e, &c->err))
		return KP_ERR;
	return api_reply(c, 200, to_json(&out));
}
