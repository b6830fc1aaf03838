/*
 * Safe parsing of numbers and dates from untrusted text, after OpenBSD's
 * strtonum: the whole string must be the number, and it must lie in range.
 */
#ifndef KP_UTIL_PARSE_H
#define KP_UTIL_PARSE_H

#include <stdbool.h>

/* Parses a decimal integer in [min, max]; returns 0 and sets *out, or -1. */
int parse_int(const char *s, long long min, long long max, long long *out);

/* True when s is a real calendar date written YYYY-MM-DD. */
bool parse_is_date(const char *s);

/* True when s is a time of day written HH:MM (00:00..23:59). */
bool parse_is_time(const char *s);

/* Days since 1970-01-01 for a valid YYYY-MM-DD date. */
long parse_date_days(const char *s);

/* Writes today's date (UTC, from a unix time) as YYYY-MM-DD into out[11]. */
void parse_format_date(long long unix_time, char out[11]);

/* True when s is valid UTF-8 without control characters other than \n and \t. */
bool parse_is_clean_utf8(const char *s);

/* Number of characters (code points) in a valid UTF-8 string. */
long parse_utf8_length(const char *s);

#endif
