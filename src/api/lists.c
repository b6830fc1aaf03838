/* /api/lists: the shared lists a network administrator keeps. */
#include "api/lists.h"

#include <stdio.h>
#include <string.h>

#include "api/json_in.h"

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

int lists_index(struct api_call *c)
{
	if (api_authorise(c, RES_LIST_ITEM, ACT_LIST, NULL))
		return KP_ERR;
	json_t *kinds = json_array();
	for (int k = 0; k < LIST_KIND_COUNT; k++)
		json_array_append_new(kinds, json_string(list_kind_name(k)));
	return api_reply(c, 200, json_pack("{s:o}", "kinds", kinds));
}

static int add_row(void *ctx, const struct list_item *it)
{
	return json_array_append_new(ctx, to_json(it));
}

int lists_list(struct api_call *c)
{
	int kind;
	if (kind_of(c, &kind) || api_authorise(c, RES_LIST_ITEM, ACT_LIST, NULL))
		return KP_ERR;
	bool all = c->who.role == ROLE_ADMIN && http_query(c->req, "all") != NULL;
	json_t *items = json_array();
	if (store_list_items(c->db, kind, all, add_row, items, &c->err)) {
		json_decref(items);
		return KP_ERR;
	}
	struct page pg = { .limit = (int)json_array_size(items), .offset = 0 };
	return api_reply(c, 200, api_list_doc(items, (int64_t)json_array_size(items), pg));
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
	if (it->label_en[0] == '\0')
		snprintf(it->label_en, sizeof it->label_en, "%s", it->label_nl);
	return KP_OK;
}

static int save(struct api_call *c, void *arg)
{
	struct list_item *it = arg;
	return it->id == 0 ? store_list_item_insert(c->db, it, &c->err)
	                   : store_list_item_update(c->db, it, &c->err);
}

static int saved(struct api_call *c, int status, const struct list_item *it)
{
	if (app_reload_lists(c->app, c->db, &c->err))
		return KP_ERR;
	return api_reply(c, status, to_json(it));
}

int lists_create(struct api_call *c)
{
	int kind;
	struct list_item it = { .active = 1, .position = 1000 };
	if (kind_of(c, &kind) || api_authorise(c, RES_LIST_ITEM, ACT_CREATE, NULL) ||
	    from_json(c, &it, true))
		return KP_ERR;
	it.kind = kind;
	if (api_in_transaction(c, save, &it))
		return KP_ERR;
	return saved(c, 201, &it);
}

int lists_update(struct api_call *c)
{
	int kind;
	struct list_item it;
	if (kind_of(c, &kind) || api_authorise(c, RES_LIST_ITEM, ACT_UPDATE, NULL) ||
	    store_list_item_get(c->db, c->id, &it, &c->err))
		return KP_ERR;
	if (it.kind != kind)
		return kp_fail(&c->err, KP_NOT_FOUND, "not_found", "id");
	if (from_json(c, &it, false) || api_in_transaction(c, save, &it))
		return KP_ERR;
	return saved(c, 200, &it);
}
