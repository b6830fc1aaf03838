/*
 * Reading request bodies: every field checked against a named limit, every
 * failure naming the field. Absent optional fields leave the destination as
 * it is, which is how PATCH updates only what was sent.
 */
#ifndef KP_API_JSON_IN_H
#define KP_API_JSON_IN_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/catalog.h"
#include "model/field.h"
#include "model/types.h"
#include "util/error.h"

/* True when `text` nests arrays/objects no deeper than max_depth. */
bool jin_depth_ok(const char *text, size_t len, int max_depth);

/* Rejects any key of obj not in the NULL-terminated `allowed` list. */
int jin_only(json_t *obj, const char *const *allowed, struct kp_error *err);
/* The same for a record's editable fields (model/field.h), and "version". */
int jin_only_fields(json_t *obj, const struct field_table *t, struct kp_error *err);

/* Text of at most max_chars characters into dst (capacity cap). Clean UTF-8 only. */
int jin_text(json_t *obj, const char *field, size_t max_chars, bool required, char *dst,
             size_t cap, struct kp_error *err);
/* Integer in [min, max]. */
int jin_int(json_t *obj, const char *field, long long min, long long max, bool required,
            int *dst, struct kp_error *err);
int jin_id(json_t *obj, const char *field, bool required, int64_t *dst, struct kp_error *err);
int jin_bool(json_t *obj, const char *field, int *dst, struct kp_error *err);
/* "YYYY-MM-DD", or null/"" for none. */
int jin_date(json_t *obj, const char *field, bool required, char dst[11], struct kp_error *err);
/* "HH:MM", or null/"" for none. */
int jin_time(json_t *obj, const char *field, char dst[6], struct kp_error *err);
/* A string turned into an enum by parse(); -1 from parse is "invalid_choice". */
int jin_enum(json_t *obj, const char *field, int (*parse)(const char *), bool required,
             int *dst, struct kp_error *err);
/* An array of list item codes of `kind`, resolved through the catalog. */
int jin_items(json_t *obj, const char *field, struct catalog *cat, int kind,
              struct id_set *dst, struct kp_error *err);
/* An array of at most max_n texts, each read as jin_text (required, at most
   max_chars <= JIN_TEXTS_CHARS_MAX characters): each(ctx, text) for every
   one, in order; a non-zero return refuses the field as too_many. *present
   tells whether the field was there. */
#define JIN_TEXTS_CHARS_MAX 200
int jin_texts(json_t *obj, const char *field, size_t max_n, size_t max_chars, bool *present,
              int (*each)(void *ctx, const char *s), void *ctx, struct kp_error *err);
/* One list item code of `kind`. */
int jin_item(json_t *obj, const char *field, struct catalog *cat, int kind, bool required,
             int64_t *dst, struct kp_error *err);
/* An array of "mon-morning"-style names into a DAYPART bit set. */
int jin_dayparts(json_t *obj, const char *field, uint32_t *dst, struct kp_error *err);
/* An array of enum names into a bit set. */
int jin_flags(json_t *obj, const char *field, int (*parse)(const char *), uint32_t *dst,
              struct kp_error *err);

#endif
