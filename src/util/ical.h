/*
 * Writing iCalendar (RFC 5545) content lines: every line ends in CRLF, a
 * line longer than 75 octets is folded (CRLF and a space) without cutting a
 * UTF-8 character in two, and TEXT values are escaped (backslash, comma,
 * semicolon, newline). Knows nothing of events; model/calendar.c builds
 * those from these lines.
 *
 * Ownership: every function appends to a buffer the caller owns; a failed
 * append (the buffer's cap) returns -1 and may leave a partial line, so the
 * caller discards the whole buffer then.
 */
#ifndef KP_UTIL_ICAL_H
#define KP_UTIL_ICAL_H

#include "util/buf.h"

#define ICAL_LINE_OCTETS 75   /* the longest line before folding, CRLF not counted */

/* Appends "name:value" as it is (a value that needs no escaping: dates, RRULEs,
   property parameters in name such as "DTSTART;TZID=Europe/Amsterdam"), folded. */
int ical_line(struct buf *out, const char *name, const char *value)
	__attribute__((warn_unused_result));

/* Appends "name:value" with value escaped as TEXT, folded. A CR is dropped,
   other control characters become a space. */
int ical_text(struct buf *out, const char *name, const char *value)
	__attribute__((warn_unused_result));

/* Appends value escaped as TEXT (no name, no folding, no line end) to out. */
int ical_escape(struct buf *out, const char *value) __attribute__((warn_unused_result));

#endif
