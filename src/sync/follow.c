/*
 * The change-log follower (follow.h).
 * Invariants: every id < next was delivered or given up; seen[0..n_seen)
 * holds the delivered ids >= next, ascending; stats and stop are read and
 * written under `lock`; so are the poll counters (a poll numbered n has begun
 * when begun >= n and delivered when done >= n) and poll_now.
 */
#include "sync/follow.h"

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct follow {
	struct db *db;            /* owned, used only by the polling thread */
	follow_hook hook;
	void *ctx;
	int64_t next;
	int64_t seen[FOLLOW_BATCH];
	int n_seen;
	struct change_entry read[FOLLOW_BATCH]; /* one poll's changes, before delivery */
	int n_read;
	int64_t gap_since_ms;     /* when a gap at `next` was first noticed, 0 when none */
	int interval_ms;
	pthread_t thread;
	bool running;
	bool stop;
	bool poll_now;            /* follow_sync wants a poll before the interval ends */
	uint64_t begun, done;
	pthread_mutex_t lock;
	pthread_cond_t wake;      /* the thread: stop, or poll now */
	pthread_cond_t polled;    /* follow_sync: a poll was delivered */
	struct follow_stats stats;
};

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static bool was_seen(const struct follow *f, int64_t id)
{
	for (int i = 0; i < f->n_seen; i++)
		if (f->seen[i] == id)
			return true;
	return false;
}

static void mark_seen(struct follow *f, int64_t id)
{
	int i = f->n_seen;
	while (i > 0 && f->seen[i - 1] > id) {
		f->seen[i] = f->seen[i - 1];
		i--;
	}
	f->seen[i] = id;
	f->n_seen++;
}

static int deliver(void *ctx, const struct change_entry *c)
{
	struct follow *f = ctx;
	if (c->id < f->next || was_seen(f, c->id) || f->n_seen == FOLLOW_BATCH)
		return 0;
	if (f->hook != NULL)
		f->hook(f->ctx, f->db, c);
	mark_seen(f, c->id);
	pthread_mutex_lock(&f->lock);
	f->stats.delivered++;
	f->stats.last_id = c->id;
	f->stats.last_kind = c->kind;
	f->stats.last_ref_id = c->ref_id;
	pthread_mutex_unlock(&f->lock);
	return 0;
}

/* Moves `next` past delivered ids, and past a gap that has waited too long
   (or when the seen list is full). */
static void advance(struct follow *f)
{
	int drop = 0;
	while (drop < f->n_seen && f->seen[drop] == f->next) {
		drop++;
		f->next++;
	}
	memmove(f->seen, f->seen + drop, (size_t)(f->n_seen - drop) * sizeof f->seen[0]);
	f->n_seen -= drop;
	if (f->n_seen == 0) {
		f->gap_since_ms = 0;
		return;
	}
	int64_t t = now_ms();
	if (f->gap_since_ms == 0)
		f->gap_since_ms = t;
	if (t - f->gap_since_ms >= FOLLOW_GAP_WAIT_MS || f->n_seen == FOLLOW_BATCH) {
		f->next = f->seen[0];
		f->gap_since_ms = 0;
		advance(f);
	}
}

static int keep(void *ctx, const struct change_entry *c)
{
	struct follow *f = ctx;
	if (f->n_read < FOLLOW_BATCH)
		f->read[f->n_read++] = *c;
	return 0;
}

/* The changes are read first and delivered after: while the reading
   statement is open, a hook's reads on the same connection would see the
   database as it was when the poll began, and could put a record the API
   refreshed since back in its older state. */
int follow_poll(struct follow *f, struct kp_error *err)
{
	f->n_read = 0;
	if (store_changes_since(f->db, f->next, FOLLOW_BATCH, keep, f, err))
		return KP_ERR;
	for (int i = 0; i < f->n_read; i++)
		deliver(f, &f->read[i]);
	advance(f);
	return KP_OK;
}

static void *run(void *arg)
{
	struct follow *f = arg;
	pthread_mutex_lock(&f->lock);
	while (!f->stop) {
		uint64_t n = ++f->begun;
		f->poll_now = false;
		pthread_mutex_unlock(&f->lock);
		struct kp_error err = { 0 };
		if (follow_poll(f, &err) != KP_OK)
			fprintf(stderr, "knooppunt: change log: %s\n", err.code);
		pthread_mutex_lock(&f->lock);
		f->done = n;
		pthread_cond_broadcast(&f->polled);
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_nsec += (long)f->interval_ms * 1000000L;
		until.tv_sec += until.tv_nsec / 1000000000L;
		until.tv_nsec %= 1000000000L;
		while (!f->stop && !f->poll_now &&
		       pthread_cond_timedwait(&f->wake, &f->lock, &until) != ETIMEDOUT)
			;
	}
	pthread_mutex_unlock(&f->lock);
	return NULL;
}

int follow_open(const char *path, follow_hook hook, void *ctx, struct follow **out,
                struct kp_error *err)
{
	struct follow *f = calloc(1, sizeof *f);
	if (f == NULL)
		return kp_internal(err);
	f->hook = hook;
	f->ctx = ctx;
	f->stats.last_kind = -1;
	pthread_mutex_init(&f->lock, NULL);
	pthread_cond_init(&f->wake, NULL);
	pthread_cond_init(&f->polled, NULL);
	if (db_open(path, &f->db, err) || store_changes_next_id(f->db, &f->next, err)) {
		follow_close(f);
		return KP_ERR;
	}
	*out = f;
	return KP_OK;
}

int follow_start(struct follow *f, int interval_ms, struct kp_error *err)
{
	f->interval_ms = interval_ms > 0 ? interval_ms : FOLLOW_INTERVAL_MS;
	if (pthread_create(&f->thread, NULL, run, f) != 0)
		return kp_internal(err);
	f->running = true;
	return KP_OK;
}

bool follow_sync(struct follow *f, int timeout_ms)
{
	if (f == NULL || !f->running)
		return false;
	struct timespec until;
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_nsec += (long)timeout_ms * 1000000L;
	until.tv_sec += until.tv_nsec / 1000000000L;
	until.tv_nsec %= 1000000000L;
	pthread_mutex_lock(&f->lock);
	uint64_t want = f->begun + 1; /* the first poll to begin from now on */
	f->poll_now = true;
	pthread_cond_signal(&f->wake);
	while (f->done < want && !f->stop &&
	       pthread_cond_timedwait(&f->polled, &f->lock, &until) != ETIMEDOUT)
		;
	bool caught_up = f->done >= want;
	pthread_mutex_unlock(&f->lock);
	return caught_up;
}

void follow_stats(struct follow *f, struct follow_stats *out)
{
	pthread_mutex_lock(&f->lock);
	*out = f->stats;
	pthread_mutex_unlock(&f->lock);
}

void follow_close(struct follow *f)
{
	if (f == NULL)
		return;
	if (f->running) {
		pthread_mutex_lock(&f->lock);
		f->stop = true;
		pthread_cond_signal(&f->wake);
		pthread_mutex_unlock(&f->lock);
		pthread_join(f->thread, NULL);
	}
	db_close(f->db);
	pthread_cond_destroy(&f->wake);
	pthread_cond_destroy(&f->polled);
	pthread_mutex_destroy(&f->lock);
	free(f);
}
