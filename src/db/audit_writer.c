/* Group commit of audit rows (audit_writer.h). */
#include "db/audit_writer.h"

#include <assert.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Where a waiting appender learns the outcome; lives on its stack. */
struct outcome {
	pthread_cond_t wake;   /* signalled once done is set: each waiter its own */
	bool done;
	int rc;
	struct kp_error err;
};

/* Entries handed over without waiting: done is called once `pending` is 0
   and someone waits (done set). */
struct audit_ticket {
	pthread_mutex_t lock;
	int pending;           /* entries not yet committed or failed */
	bool failed;
	audit_done_fn done;    /* NULL until audit_ticket_wait */
	void *arg;
};

/* One queued entry: an appender waits on outcome, or a ticket counts it. */
struct pending {
	struct audit_entry entry;
	struct outcome *outcome;
	struct audit_ticket *ticket;
};

struct audit_writer {
	struct db *db;                        /* the writer thread's own connection */
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t work;                  /* something queued, or stop */
	pthread_cond_t room;                  /* the queue has room again, or stop */
	struct pending queue[AUDIT_QUEUE_MAX];/* under lock */
	int n;
	struct pending batch[AUDIT_QUEUE_MAX];/* the writer's, outside the lock */
	bool stop;
	long long rows, commits;
};

static int write_batch(struct db *db, const struct pending *p, int n, struct kp_error *err)
{
	if (db_begin(db, err))
		return KP_ERR;
	for (int i = 0; i < n; i++)
		if (store_audit_append(db, &p[i].entry, err)) {
			db_rollback(db);
			return KP_ERR;
		}
	if (db_commit(db, err)) {
		db_rollback(db);
		return KP_ERR;
	}
	return KP_OK;
}

/* A busy database or a lost race passes: try the same batch again. */
static int write_with_retry(struct db *db, const struct pending *p, int n, struct kp_error *err)
{
	int rc = KP_ERR;
	for (int i = 0; i < AUDIT_ATTEMPTS; i++) {
		*err = (struct kp_error){ 0 };
		rc = write_batch(db, p, n, err);
		if (rc == KP_OK || !err->retry)
			break;
		struct timespec ts = { 0, (long)(i + 1) * 5000000L };
		nanosleep(&ts, NULL);
	}
	return rc;
}

/* Frees t once it has nothing pending and nobody to tell. */
static void ticket_free(struct audit_ticket *t)
{
	pthread_mutex_destroy(&t->lock);
	free(t);
}

/* One entry of t is committed (ok) or failed; tells the waiter when it was
   the last. */
static void ticket_settle(struct audit_ticket *t, bool ok)
{
	pthread_mutex_lock(&t->lock);
	t->failed |= !ok;
	bool last = --t->pending == 0 && t->done != NULL;
	pthread_mutex_unlock(&t->lock);
	if (last) {
		t->done(t->arg, !t->failed);
		ticket_free(t);
	}
}

void audit_ticket_wait(struct audit_ticket *t, audit_done_fn done, void *arg)
{
	pthread_mutex_lock(&t->lock);
	t->done = done;
	t->arg = arg;
	bool now = t->pending == 0;
	pthread_mutex_unlock(&t->lock);
	if (now) {
		done(arg, !t->failed);
		ticket_free(t);
	}
}

static void *run(void *arg)
{
	struct audit_writer *w = arg;
	pthread_mutex_lock(&w->lock);
	for (;;) {
		while (w->n == 0 && !w->stop)
			pthread_cond_wait(&w->work, &w->lock);
		if (w->n == 0 && w->stop)
			break;
		int n = w->n;
		memcpy(w->batch, w->queue, (size_t)n * sizeof w->queue[0]);
		w->n = 0;
		pthread_cond_broadcast(&w->room);
		pthread_mutex_unlock(&w->lock);

		struct kp_error err = { 0 };
		int rc = write_with_retry(w->db, w->batch, n, &err);

		for (int i = 0; i < n; i++) /* the batch is the writer's: no lock needed */
			if (w->batch[i].ticket != NULL)
				ticket_settle(w->batch[i].ticket, rc == KP_OK);
		pthread_mutex_lock(&w->lock);
		for (int i = 0; i < n; i++) {
			struct outcome *o = w->batch[i].outcome;
			if (o == NULL)
				continue;
			o->rc = rc;
			o->err = err;
			o->done = true;
			pthread_cond_signal(&o->wake);
		}
		if (rc == KP_OK) {
			w->rows += n;
			w->commits++;
		}
	}
	pthread_mutex_unlock(&w->lock);
	return NULL;
}

int audit_writer_open(const char *path, struct audit_writer **out, struct kp_error *err)
{
	struct audit_writer *w = calloc(1, sizeof *w);
	*out = NULL;
	if (w == NULL)
		return kp_internal(err);
	if (db_open(path, &w->db, err)) {
		free(w);
		return KP_ERR;
	}
	pthread_mutex_init(&w->lock, NULL);
	pthread_cond_init(&w->work, NULL);
	pthread_cond_init(&w->room, NULL);
	if (pthread_create(&w->thread, NULL, run, w) != 0) {
		pthread_cond_destroy(&w->room);
		pthread_cond_destroy(&w->work);
		pthread_mutex_destroy(&w->lock);
		db_close(w->db);
		free(w);
		return kp_internal(err);
	}
	*out = w;
	return KP_OK;
}

/* Waits for room for n entries and queues them together, so that they share
   one commit; under w->lock. */
static int enqueue(struct audit_writer *w, const struct audit_entry *e, int n,
                   struct outcome *o, struct audit_ticket *t, struct kp_error *err)
{
	assert(n >= 1 && n <= AUDIT_APPEND_MAX);
	while (w->n + n > AUDIT_QUEUE_MAX && !w->stop)
		pthread_cond_wait(&w->room, &w->lock);
	if (w->stop)
		return kp_fail_retry(err, KP_BUSY, "busy");
	for (int i = 0; i < n; i++)
		w->queue[w->n++] = (struct pending){ e[i], o, t };
	pthread_cond_signal(&w->work);
	return KP_OK;
}

int audit_writer_append(struct audit_writer *w, const struct audit_entry *e, int n,
                        struct kp_error *err)
{
	struct outcome o = { .done = false, .rc = KP_ERR };
	pthread_cond_init(&o.wake, NULL);
	pthread_mutex_lock(&w->lock);
	if (enqueue(w, e, n, &o, NULL, err) != KP_OK) {
		pthread_mutex_unlock(&w->lock);
		pthread_cond_destroy(&o.wake);
		return KP_ERR;
	}
	while (!o.done)
		pthread_cond_wait(&o.wake, &w->lock);
	pthread_mutex_unlock(&w->lock);
	pthread_cond_destroy(&o.wake);
	if (o.rc != KP_OK && err != NULL)
		*err = o.err;
	return o.rc;
}

int audit_writer_submit(struct audit_writer *w, const struct audit_entry *e, int n,
                        struct audit_ticket **ticket, struct kp_error *err)
{
	struct audit_ticket *t = *ticket;
	if (t == NULL) {
		t = calloc(1, sizeof *t);
		if (t == NULL)
			return kp_internal(err);
		pthread_mutex_init(&t->lock, NULL);
		*ticket = t;
	}
	/* Counted before the writer can see them, so that no commit finds the
	   ticket at 0 while more of its entries are on the way. */
	pthread_mutex_lock(&t->lock);
	t->pending += n;
	pthread_mutex_unlock(&t->lock);
	pthread_mutex_lock(&w->lock);
	int rc = enqueue(w, e, n, NULL, t, err);
	pthread_mutex_unlock(&w->lock);
	if (rc != KP_OK) {
		pthread_mutex_lock(&t->lock);
		t->pending -= n;
		t->failed = true;
		pthread_mutex_unlock(&t->lock);
	}
	return rc;
}

void audit_writer_stats(struct audit_writer *w, long long *rows, long long *commits)
{
	pthread_mutex_lock(&w->lock);
	*rows = w->rows;
	*commits = w->commits;
	pthread_mutex_unlock(&w->lock);
}

void audit_writer_close(struct audit_writer *w)
{
	if (w == NULL)
		return;
	pthread_mutex_lock(&w->lock);
	w->stop = true;
	pthread_cond_broadcast(&w->work);
	pthread_cond_broadcast(&w->room);
	pthread_mutex_unlock(&w->lock);
	pthread_join(w->thread, NULL);
	pthread_cond_destroy(&w->room);
	pthread_cond_destroy(&w->work);
	pthread_mutex_destroy(&w->lock);
	db_close(w->db);
	free(w);
}

