/*
 * Writing answers: item sets as their codes, bit sets as names.
 */
#ifndef KP_API_JSON_OUT_H
#define KP_API_JSON_OUT_H

#include <jansson.h>
#include <stdint.h>

#include "model/catalog.h"
#include "util/json_write.h"
#include "model/types.h"

/* ["wandelen", "boodschappen"] for the ids in s. */
json_t *jout_items(struct catalog *cat, const struct id_set *s);
/* The code of one item, or null when unknown. */
json_t *jout_item(struct catalog *cat, int64_t id);
/* ["mon-morning", …] for a DAYPART bit set. */
json_t *jout_dayparts(uint32_t bits);
/* [name(i) for every bit i set], for i < n. */
json_t *jout_flags(uint32_t bits, const char *(*name)(int), int n);
/* A string or null for "". */
json_t *jout_opt_text(const char *s);
/* An integer or null for 0. */
json_t *jout_opt_id(int64_t id);

/* The same, written straight into a JSON writer (util/json_write.h). */
void jwout_items(struct jw *w, struct catalog *cat, const struct id_set *s);
void jwout_item(struct jw *w, struct catalog *cat, int64_t id);
void jwout_dayparts(struct jw *w, uint32_t bits);
void jwout_flags(struct jw *w, uint32_t bits, const char *(*name)(int), int n);

/* The document written by write(obj) into a fresh buffer, as a jansson
   tree (NULL when it could not be written): one writer serves both a page
   written straight out and a single record that handlers extend. */
json_t *jwout_tree(jw_write_fn *write, const void *obj, void *arg);

#endif
