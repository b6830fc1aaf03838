/*
 * Writing JSON text straight into a capped buffer, for answers whose tree
 * (jansson) would cost more than it gives: a page of 50 rows is a few
 * thousand small allocations as a tree and none written out like this.
 *
 * The text is byte for byte what jansson's json_dumps writes with
 * JSON_COMPACT | JSON_ENSURE_ASCII (keys in the order written, "\u00E9"
 * escapes in upper case, reals as "%.17g" with ".0" added when integral),
 * so an answer reads the same whichever way it was made. Bytes that are not
 * valid UTF-8 are written as U+FFFD.
 *
 * Invariants: after the first failed append (cap passed, out of memory)
 * every later call does nothing and jw_failed is true; nesting is at most
 * JW_DEPTH_MAX deep. The writer borrows the buffer; the caller owns it.
 */
#ifndef KP_UTIL_JSON_WRITE_H
#define KP_UTIL_JSON_WRITE_H

#include <stdbool.h>
#include <stdint.h>

#include "util/buf.h"

#define JW_DEPTH_MAX 32

struct jw {
	struct buf *out;     /* borrowed */
	int depth;           /* open objects and arrays */
	uint32_t has_value;  /* bit d: level d holds a value already (comma next) */
	bool after_key;      /* a key was written; its value comes next */
	bool failed;
};

void jw_init(struct jw *w, struct buf *out);
bool jw_failed(const struct jw *w);

void jw_object(struct jw *w);
void jw_array(struct jw *w);
void jw_end_object(struct jw *w);
void jw_end_array(struct jw *w);

/* A key inside an object: its value is the next call. */
void jw_key(struct jw *w, const char *key);

/* The same for a key written in the source, a plain ASCII name (no quote,
   backslash or control character): its quoted form "key": is made by the
   compiler instead of for every row of a page. */
#define JW_KEY(w, lit) jw_key_quoted((w), "\"" lit "\":", sizeof("\"" lit "\":") - 1)
void jw_key_quoted(struct jw *w, const char *quoted, size_t n);

void jw_string(struct jw *w, const char *s);  /* null for NULL */
void jw_int(struct jw *w, int64_t v);
void jw_real(struct jw *w, double v);
/* v rounded to `places` decimals (0..9), in its shortest form with at least
   one decimal ("72.35", "4.0", "-0.5"): for measures whose precision is
   known (coordinates, distances, scores), without printf. Falls back to
   jw_real beyond 1e9. */
void jw_decimal(struct jw *w, double v, int places);
void jw_bool(struct jw *w, bool v);
void jw_null(struct jw *w);
/* A string, or null for NULL or "". */
void jw_opt_string(struct jw *w, const char *s);
/* An integer, or null for 0 and below. */
void jw_opt_id(struct jw *w, int64_t id);

/* A value written before, by a writer of its own: text[0..n) is put as it
   is, so it must be one whole JSON value. */
void jw_raw(struct jw *w, const char *text, size_t n);

/* Writes one document, obj, with what it needs beside it in arg. */
typedef void jw_write_fn(struct jw *w, const void *obj, void *arg);

#endif
