/*
 * A clock that tests can set: when the environment variable KNOOPPUNT_NOW is
 * set, the application's now() reads it on every call instead of the real
 * clock. Its value is unix seconds ("1767225600"), a date ("2027-01-01",
 * read as 12:00 UTC), or "@FILE": a file holding either, read on every call
 * so that a test can move the clock of a running server forward.
 * For tests only; `knooppunt` warns on stderr when it is in force.
 */
#ifndef KP_UTIL_TESTCLOCK_H
#define KP_UTIL_TESTCLOCK_H

#include <stdbool.h>
#include <stdint.h>

bool testclock_enabled(void);

/* The set time; the real time when the value cannot be read. */
int64_t testclock_now(void);

/* Parses a value as described above (without "@"); -1 when invalid. */
int64_t testclock_parse(const char *text);

#endif
