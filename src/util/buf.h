/*
 * A growable byte buffer with a hard cap, always NUL-terminated.
 *
 * Invariants: len < cap_alloc when data != NULL; data[len] == '\0';
 * len <= max. An append that would pass `max` fails and leaves the buffer
 * as it was, so a caller can answer "too large" without a half-written value.
 * The buffer owns `data`; buf_free releases it, buf_take hands it to the caller.
 */
#ifndef KP_UTIL_BUF_H
#define KP_UTIL_BUF_H

#include <stddef.h>

struct buf {
	char *data;        /* owned, NUL-terminated; NULL until the first append */
	size_t len;        /* bytes used, not counting the NUL */
	size_t cap_alloc;  /* bytes allocated */
	size_t max;        /* hard cap on len */
};

void buf_init(struct buf *b, size_t max);
void buf_free(struct buf *b);
/* Empties the buffer and keeps its memory for what comes next. */
void buf_reset(struct buf *b);

/* Append bytes; returns 0, or -1 when the cap would be passed or memory ran out. */
int buf_append(struct buf *b, const void *p, size_t n) __attribute__((warn_unused_result));
int buf_appends(struct buf *b, const char *s) __attribute__((warn_unused_result));
int buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3), warn_unused_result));

/* Gives the data to the caller (who must free it) and resets the buffer. */
char *buf_take(struct buf *b);

#endif
