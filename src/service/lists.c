/* Reading and keeping the shared lists (lists.h). */
#include "service/lists.h"

#include <stdio.h>

#define LF(name, type, member) FIELD(struct list_item, name, type, member)

static const struct field_def list_item_field_defs[] = {
	LF("label_nl", FIELD_TEXT, label_nl),
	LF("label_en", FIELD_TEXT, label_en),
	LF("active", FIELD_BYTES, active),
	LF("position", FIELD_BYTES, position),
};

const struct field_table list_item_fields = {
	"list_item", list_item_field_defs,
	(int)(sizeof list_item_field_defs / sizeof list_item_field_defs[0]),
};

static int read_list(struct svc *s, void *arg)
{
	struct list_item_query *q = arg;
	if (svc_authorise(s, RES_LIST_ITEM, ACT_LIST, NULL))
		return KP_ERR;
	return store_list_items(s->db, q->kind, q->all, q->each, q->ctx, s->err);
}

int list_item_list(struct app *app, struct db *db, const struct principal *who,
                   struct list_item_query *q, struct kp_error *err)
{
	return svc_read(app, db, who, read_list, q, err);
}

static void default_labels(struct list_item *it)
{
	if (it->label_en[0] == '\0')
		snprintf(it->label_en, sizeof it->label_en, "%s", it->label_nl);
}

static int write_new(struct svc *s, void *arg)
{
	struct list_item *it = arg;
	if (svc_authorise(s, RES_LIST_ITEM, ACT_CREATE, NULL))
		return KP_ERR;
	default_labels(it);
	return store_list_item_insert(s->db, it, s->err);
}

int list_item_create(struct app *app, struct db *db, const struct principal *who,
                     struct list_item *it, struct kp_error *err)
{
	it->id = 0;
	if (svc_run(app, db, who, write_new, it, err))
		return KP_ERR;
	return app_reload_lists(app, db, err);
}

static int write_edit(struct svc *s, void *arg)
{
	struct list_item_edit *e = arg;
	if (svc_authorise(s, RES_LIST_ITEM, ACT_UPDATE, NULL) ||
	    store_list_item_get(s->db, e->id, e->out, s->err))
		return KP_ERR;
	if (e->out->kind != e->kind)
		return kp_fail(s->err, KP_NOT_FOUND, "not_found", "id");
	field_copy(&list_item_fields, e->mask, e->out, e->patch);
	default_labels(e->out);
	return store_list_item_update(s->db, e->out, s->err);
}

int list_item_update(struct app *app, struct db *db, const struct principal *who,
                     struct list_item_edit *e, struct kp_error *err)
{
	if (svc_run(app, db, who, write_edit, e, err))
		return KP_ERR;
	return app_reload_lists(app, db, err);
}
