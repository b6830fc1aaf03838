#include "auth/ratelimit.h"

#include <pthread.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#define RATELIMIT_MAX_FAILURES 32 /* upper bound of max_failures */

struct slot {
	unsigned char key[16];               /* keyed hash of the key text */
	bool used;
	int n;                               /* failures in times[] */
	int64_t times[RATELIMIT_MAX_FAILURES]; /* oldest first */
};

struct ratelimit {
	pthread_mutex_t lock;
	int max_failures;
	int64_t window;
	int capacity;
	unsigned char secret[crypto_shorthash_KEYBYTES];
	struct slot *slots;
};

struct ratelimit *ratelimit_new(int max_failures, int64_t window_seconds, int capacity)
{
	if (max_failures < 1 || max_failures > RATELIMIT_MAX_FAILURES || window_seconds < 1 ||
	    capacity < 1)
		return NULL;
	struct ratelimit *rl = calloc(1, sizeof *rl);
	if (rl == NULL)
		return NULL;
	rl->slots = calloc((size_t)capacity, sizeof *rl->slots);
	if (rl->slots == NULL) {
		free(rl);
		return NULL;
	}
	rl->max_failures = max_failures;
	rl->window = window_seconds;
	rl->capacity = capacity;
	randombytes_buf(rl->secret, sizeof rl->secret);
	pthread_mutex_init(&rl->lock, NULL);
	return rl;
}

void ratelimit_free(struct ratelimit *rl)
{
	if (rl == NULL)
		return;
	pthread_mutex_destroy(&rl->lock);
	free(rl->slots);
	free(rl);
}

static void hash_key(const struct ratelimit *rl, const char *key, unsigned char out[16])
{
	crypto_generichash(out, 16, (const unsigned char *)key, strlen(key), rl->secret,
	                   sizeof rl->secret);
}

/* Drops failures older than the window. */
static void expire(const struct ratelimit *rl, struct slot *s, int64_t now)
{
	int keep = 0;
	while (keep < s->n && s->times[keep] <= now - rl->window)
		keep++;
	if (keep > 0) {
		memmove(s->times, s->times + keep, (size_t)(s->n - keep) * sizeof s->times[0]);
		s->n -= keep;
	}
	if (s->n == 0)
		s->used = false;
}

static struct slot *find(struct ratelimit *rl, const unsigned char h[16])
{
	for (int i = 0; i < rl->capacity; i++)
		if (rl->slots[i].used && memcmp(rl->slots[i].key, h, 16) == 0)
			return &rl->slots[i];
	return NULL;
}

/* A free slot, or the one whose newest failure is oldest. */
static struct slot *victim(struct ratelimit *rl)
{
	struct slot *best = &rl->slots[0];
	for (int i = 0; i < rl->capacity; i++) {
		struct slot *s = &rl->slots[i];
		if (!s->used)
			return s;
		if (s->times[s->n - 1] < best->times[best->n - 1])
			best = s;
	}
	return best;
}

bool ratelimit_allowed(struct ratelimit *rl, const char *key, int64_t now)
{
	unsigned char h[16];
	hash_key(rl, key, h);
	pthread_mutex_lock(&rl->lock);
	struct slot *s = find(rl, h);
	if (s != NULL)
		expire(rl, s, now);
	bool ok = s == NULL || !s->used || s->n < rl->max_failures;
	pthread_mutex_unlock(&rl->lock);
	return ok;
}

void ratelimit_fail(struct ratelimit *rl, const char *key, int64_t now)
{
	unsigned char h[16];
	hash_key(rl, key, h);
	pthread_mutex_lock(&rl->lock);
	struct slot *s = find(rl, h);
	if (s != NULL)
		expire(rl, s, now);
	if (s == NULL)
		s = victim(rl);
	if (!s->used || memcmp(s->key, h, 16) != 0) {
		memset(s, 0, sizeof *s);
		memcpy(s->key, h, 16);
		s->used = true;
	}
	if (s->n == rl->max_failures) { /* keep the newest max_failures */
		memmove(s->times, s->times + 1, (size_t)(s->n - 1) * sizeof s->times[0]);
		s->n--;
	}
	s->times[s->n++] = now;
	pthread_mutex_unlock(&rl->lock);
}

void ratelimit_clear(struct ratelimit *rl, const char *key)
{
	unsigned char h[16];
	hash_key(rl, key, h);
	pthread_mutex_lock(&rl->lock);
	struct slot *s = find(rl, h);
	if (s != NULL)
		memset(s, 0, sizeof *s);
	pthread_mutex_unlock(&rl->lock);
}
