/*
 * An in-memory copy of the shared lists, so that turning item codes into
 * ids (input) and ids into codes and labels (output) needs no query.
 *
 * Invariant: items[0..n) sorted by id; readers hold `lock` for reading,
 * catalog_replace holds it for writing. The database stays the source of
 * truth: after a change to list_items the caller reloads the catalog.
 */
#ifndef KP_MODEL_CATALOG_H
#define KP_MODEL_CATALOG_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "model/field.h"
#include "model/types.h"
#include "util/error.h"

struct catalog_item {
	int64_t id;
	int kind;             /* enum list_kind */
	bool active;
	char code[LIST_CODE_MAX + 1];
	char label_nl[LIST_LABEL_MAX * 4 + 1];
	char label_en[LIST_LABEL_MAX * 4 + 1];
};

struct catalog {
	pthread_rwlock_t lock;
	struct catalog_item *items;  /* owned, sorted by id */
	int n;
	uint64_t generation;         /* one up with every catalog_replace */
};

void catalog_init(struct catalog *c);
void catalog_free(struct catalog *c);

/* Takes ownership of items[0..n) (malloc'd) and replaces the contents. */
void catalog_replace(struct catalog *c, struct catalog_item *items, int n);

/* Which contents the catalog holds: what was written with one generation
   reads the same for as long as the catalog keeps it. */
uint64_t catalog_generation(struct catalog *c);

/* Finds an item of `kind` by code, switched off or not (records keep the
   values they carry); returns its id or 0. */
int64_t catalog_find(struct catalog *c, int kind, const char *code);

/* A value switched off stays on the records that carry it, and is no longer
   chosen anew: refuses every item in a set field (table t) of `after` that
   is switched off and was not in the same field of `before` (NULL for a new
   record). KP_INVALID "item_inactive" naming the field, with the code. */
int catalog_check_chosen(struct catalog *c, const struct field_table *t, const void *before,
                         const void *after, struct kp_error *err);

/* The same for one item id chosen in `field` (0: none), kept when equal to
   `was`. */
int catalog_check_one(struct catalog *c, int64_t id, int64_t was, const char *field,
                      struct kp_error *err);

/* Copies the item with `id` into out; returns false when unknown. */
bool catalog_get(struct catalog *c, int64_t id, struct catalog_item *out);

/* Copies only the code of the item with `id`: a list page names hundreds of
   items, and their labels need no copy. Returns false when unknown. */
bool catalog_code(struct catalog *c, int64_t id, char out[LIST_CODE_MAX + 1]);

#endif
