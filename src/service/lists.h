/*
 * Use cases of the shared lists (activities, themes, motives, …) that the
 * network administrator keeps: reading a list, adding an item, editing one.
 *
 * An item's code is its stable key and never changes; an edit names its
 * fields (a mask of list_item_fields bits) and changes only those, on the
 * item as it is inside the transaction. An item without an English label
 * takes its Dutch one. After a change commits, the catalog every request
 * reads (app->lists) is reloaded.
 *
 * Ownership: the caller owns every struct passed in; `out` is written. The
 * item handed to a list callback lives only for that call.
 */
#ifndef KP_SERVICE_LISTS_H
#define KP_SERVICE_LISTS_H

#include "service/service.h"

/* The editable fields of a list item (model/field.h); the code is not one. */
extern const struct field_table list_item_fields;

struct list_item_query {
	int kind;              /* enum list_kind; -1 for every kind, kind by kind */
	bool all;              /* also items switched off: records that carry one
	                          still show its label */
	list_item_fn each;     /* called once per item, by position */
	void *ctx;
};

struct list_item_edit {
	int64_t id;                       /* the item */
	int kind;                         /* the list it must be on */
	const struct list_item *patch;    /* new values of the fields in mask */
	uint64_t mask;                    /* list_item_fields bits the request names */
	struct list_item *out;            /* the item after the edit */
};

int list_item_list(struct app *app, struct db *db, const struct principal *who,
                   struct list_item_query *q, struct kp_error *err);

/* Adds it (kind, code and values filled in) to its list; on success it is
   the stored item. */
int list_item_create(struct app *app, struct db *db, const struct principal *who,
                     struct list_item *it, struct kp_error *err);

/* Applies an edit as described above; KP_NOT_FOUND when the item is not on
   list e->kind. */
int list_item_update(struct app *app, struct db *db, const struct principal *who,
                     struct list_item_edit *e, struct kp_error *err);

#endif
