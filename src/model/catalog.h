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

#include "model/types.h"

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
};

void catalog_init(struct catalog *c);
void catalog_free(struct catalog *c);

/* Takes ownership of items[0..n) (malloc'd) and replaces the contents. */
void catalog_replace(struct catalog *c, struct catalog_item *items, int n);

/* Finds an active item of `kind` by code; returns its id or 0. */
int64_t catalog_find(struct catalog *c, int kind, const char *code);

/* Copies the item with `id` into out; returns false when unknown. */
bool catalog_get(struct catalog *c, int64_t id, struct catalog_item *out);

#endif
