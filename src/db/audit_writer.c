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

struct pending {
	struct audit_entry entry;
	struct outcome *outcome;
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

		pthread_mutex_lock(&w->lock);
		for (int i = 0; i < n; i++) {
			w->batch[i].outcome->rc = rc;
			w->batch[i].outcome->err = err;
			w->batch[i].outcome->done = true;
			pthread_cond_signal(&w->batch[i].outcome->wake);
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

int audit_writer_append(struct audit_writer *w, const struct audit_entry *e, int n,
                        struct kp_error *err)
{
	struct outcome o = { .done = false, .rc = KP_ERR };
	assert(n >= 1 && n <= AUDIT_APPEND_MAX);
	pthread_mutex_lock(&w->lock);
	while (w->n + n > AUDIT_QUEUE_MAX && !w->stop)
		pthread_cond_wait(&w->room, &w->lock);
	if (w->stop) {
		pthread_mutex_unlock(&w->lock);
		return kp_fail_retry(err, KP_BUSY, "busy");
	}
	pthread_cond_init(&o.wake, NULL);
	for (int i = 0; i < n; i++) /* together, so they share one commit */
		w->queue[w->n++] = (struct pending){ e[i], &o };
	pthread_cond_signal(&w->work);
	while (!o.done)
		pthread_cond_wait(&o.wake, &w->lock);
	pthread_mutex_unlock(&w->lock);
	pthread_cond_destroy(&o.wake);
	if (o.rc != KP_OK && err != NULL)
		*err = o.err;
	return o.rc;
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

