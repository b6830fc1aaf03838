/*
 * Internal to src/db/: the item sets of volunteers and calls, kept in the
 * link tables volunteer_items, volunteer_experiences and call_items.
 */
#ifndef KP_DB_ITEMS_H
#define KP_DB_ITEMS_H

#include <stdint.h>

#include "db/db.h"
#include "model/types.h"

/* Loads the items linked to owner_id in `table` (owner column `owner`) into
   sets[kind], sorted by the lists' position. */
int items_load(struct db *db, const char *table, const char *owner, int64_t owner_id,
               struct id_set sets[LIST_KIND_COUNT], struct kp_error *err);

/* Replaces the links of owner_id in `table` with the items of the given sets. */
int items_replace(struct db *db, const char *table, const char *owner, int64_t owner_id,
                  const struct id_set *sets, const int *kinds, int n_kinds,
                  struct kp_error *err);

#endif
