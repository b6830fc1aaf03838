/*
 * Login rate limiting: at most RATELIMIT_FAILURES failed logins per key
 * (an account's e-mail address, a client address) within RATELIMIT_WINDOW
 * seconds; after that the key is refused until its oldest failure in the
 * window has aged out. A successful login clears the account's key.
 *
 * The table holds at most RATELIMIT_KEYS keys; when full, the key whose
 * newest failure is oldest is evicted, so memory stays bounded under an
 * attack from many addresses. Keys are hashed, never stored as given.
 * All calls are thread-safe (one mutex). The state is per server process.
 *
 * Ownership: ratelimit_new returns a table the caller frees with
 * ratelimit_free.
 */
#ifndef KP_AUTH_RATELIMIT_H
#define KP_AUTH_RATELIMIT_H

#include <stdbool.h>
#include <stdint.h>

#define RATELIMIT_FAILURES 5
#define RATELIMIT_WINDOW (15 * 60)
#define RATELIMIT_KEYS 4096
/* The same table counts every sign-up and reset-mail request of a client
   address (each one a "failure"): at most this many per hour, unless serve
   gets KNOOPPUNT_SIGNUPS_PER_HOUR. */
#define RATELIMIT_SIGNUPS_PER_HOUR 20

struct ratelimit;

struct ratelimit *ratelimit_new(int max_failures, int64_t window_seconds, int capacity);
void ratelimit_free(struct ratelimit *rl);

/* True when `key` may try now (fewer than max failures in the window). */
bool ratelimit_allowed(struct ratelimit *rl, const char *key, int64_t now);

/* Records a failed attempt of `key` at `now`. */
void ratelimit_fail(struct ratelimit *rl, const char *key, int64_t now);

/* Forgets the failures of `key` (after a successful login). */
void ratelimit_clear(struct ratelimit *rl, const char *key);

#endif
