/*
 * Written forms of records, kept by what they were written from, so that a
 * record that has not changed is not read and written again for every page
 * that shows it.
 *
 * A key names the record, which of its forms (a reader who may see less gets
 * another form) and a stamp: what the form was written from, such as the
 * record's revision. An entry is found only under its whole key, so a form
 * can never outlive its stamp; the caller's part is a stamp that changes with
 * everything the form shows.
 *
 * Invariants: a fixed number of slots, one entry each (a new entry takes the
 * slot of the old); no entry longer than the cap given to memo_new, so the
 * memory held stays within slots × cap. Safe to share between threads.
 */
#ifndef KP_UTIL_MEMO_H
#define KP_UTIL_MEMO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"

struct memo_key {
	int64_t id;          /* the record */
	uint32_t form;       /* which of its written forms */
	uint64_t stamp[2];   /* what the form was written from */
};

struct memo;

/* A memo of `slots` entries (rounded up to a power of two) of at most
   `max_len` bytes each; NULL when out of memory. */
struct memo *memo_new(size_t slots, size_t max_len);
void memo_free(struct memo *m);

/* Appends the form kept under key to out and returns true; false (out as it
   was) when none is, or out is full. */
bool memo_get(struct memo *m, const struct memo_key *key, struct buf *out);

/* Keeps text[0..len) under key, in place of what its slot held; a text
   longer than the cap is not kept. */
void memo_put(struct memo *m, const struct memo_key *key, const char *text, size_t len);

/* How many memo_get found a form, and how many did not, since memo_new. */
void memo_stats(struct memo *m, unsigned long long *found, unsigned long long *missed);

#endif
