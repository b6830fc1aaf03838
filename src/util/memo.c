/* Written forms kept by what they were written from (memo.h). */
#include "util/memo.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* Slots share this many locks: a lookup holds one for a copy of about a
   kilobyte, so two threads seldom wait for each other. */
#define MEMO_LOCKS 64

struct memo_entry {
	struct memo_key key;
	size_t len;
	char text[];
};

/* A lock and what was counted under it: the counts of the whole memo are
   added up only when asked for, so that lookups share no counter. */
struct memo_stripe {
	pthread_mutex_t lock;
	unsigned long long found, missed;
};

struct memo {
	struct memo_stripe stripes[MEMO_LOCKS];
	struct memo_entry **slots;
	size_t mask;        /* slots - 1 */
	size_t max_len;
};

struct memo *memo_new(size_t slots, size_t max_len)
{
	size_t n = 1;
	while (n < slots)
		n <<= 1;
	struct memo *m = calloc(1, sizeof *m);
	if (m == NULL || (m->slots = calloc(n, sizeof *m->slots)) == NULL) {
		free(m);
		return NULL;
	}
	for (int i = 0; i < MEMO_LOCKS; i++)
		pthread_mutex_init(&m->stripes[i].lock, NULL);
	m->mask = n - 1;
	m->max_len = max_len;
	return m;
}

void memo_free(struct memo *m)
{
	if (m == NULL)
		return;
	for (size_t i = 0; i <= m->mask; i++)
		free(m->slots[i]);
	for (int i = 0; i < MEMO_LOCKS; i++)
		pthread_mutex_destroy(&m->stripes[i].lock);
	free(m->slots);
	free(m);
}

/* The slot of a record's form: its forms lie apart, so that readers who see
   a record differently do not push each other's form out. */
static size_t slot_of(const struct memo *m, const struct memo_key *key)
{
	uint64_t h = ((uint64_t)key->id * 0x9E3779B97F4A7C15ull) ^ ((uint64_t)key->form << 32);
	h ^= h >> 29;
	return (size_t)(h * 0xBF58476D1CE4E5B9ull >> 32) & m->mask;
}

static bool same_key(const struct memo_key *a, const struct memo_key *b)
{
	return a->id == b->id && a->form == b->form && a->stamp[0] == b->stamp[0] &&
	       a->stamp[1] == b->stamp[1];
}

bool memo_get(struct memo *m, const struct memo_key *key, struct buf *out)
{
	size_t slot = slot_of(m, key);
	struct memo_stripe *s = &m->stripes[slot % MEMO_LOCKS];
	pthread_mutex_lock(&s->lock);
	const struct memo_entry *e = m->slots[slot];
	bool found = e != NULL && same_key(&e->key, key) && buf_append(out, e->text, e->len) == 0;
	if (found)
		s->found++;
	else
		s->missed++;
	pthread_mutex_unlock(&s->lock);
	return found;
}

void memo_put(struct memo *m, const struct memo_key *key, const char *text, size_t len)
{
	if (len > m->max_len)
		return;
	struct memo_entry *e = malloc(sizeof *e + len);
	if (e == NULL)
		return; /* a memo that keeps nothing is still correct */
	e->key = *key;
	e->len = len;
	memcpy(e->text, text, len);
	size_t slot = slot_of(m, key);
	struct memo_stripe *s = &m->stripes[slot % MEMO_LOCKS];
	pthread_mutex_lock(&s->lock);
	struct memo_entry *old = m->slots[slot];
	m->slots[slot] = e;
	pthread_mutex_unlock(&s->lock);
	free(old);
}

void memo_stats(struct memo *m, unsigned long long *found, unsigned long long *missed)
{
	*found = *missed = 0;
	for (int i = 0; i < MEMO_LOCKS; i++) {
		pthread_mutex_lock(&m->stripes[i].lock);
		*found += m->stripes[i].found;
		*missed += m->stripes[i].missed;
		pthread_mutex_unlock(&m->stripes[i].lock);
	}
}
