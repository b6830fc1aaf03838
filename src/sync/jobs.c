/* The scheduled-job runner (jobs.h) and the built-in jobs. */
#include "sync/jobs.h"

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "app.h"
#include "db/store.h"
#include "service/calls.h"
#include "service/notify.h"
#include "service/reminders.h"
#include "sync/mailer.h"
#include "sync/retention.h"
#include "util/testclock.h"

#define CHANGES_KEEP_S 3600   /* followers need seconds; an hour is ample */

struct jobs {
	struct db *db;            /* owned, used only by the runner's thread */
	const struct job *jobs;
	int n;
	char server[128];
	int period_override_s;
	int64_t (*now)(void);
	void *ctx;
	int tick_ms;
	pthread_t thread;
	bool running;
	bool stop;                /* under lock */
	pthread_mutex_t lock;
	pthread_cond_t wake;
};

static int prune_changes(void *ctx, struct db *db, int64_t now, char *result, size_t cap,
                         struct kp_error *err)
{
	(void)ctx;
	int64_t deleted = 0;
	if (store_changes_prune(db, now - CHANGES_KEEP_S, &deleted, err))
		return KP_ERR;
	snprintf(result, cap, "%lld verwijderd", (long long)deleted);
	return KP_OK;
}

/* With the test clock the tests queue reminders themselves, at the time they
   set; a run here would queue them behind their backs. */
static int queue_reminders(void *ctx, struct db *db, int64_t now, char *result, size_t cap,
                           struct kp_error *err)
{
	(void)ctx;
	int queued = 0, tasks = 0;
	if (testclock_enabled()) {
		snprintf(result, cap, "overgeslagen: testklok");
		return KP_OK;
	}
	if (reminders_queue(ctx, db, 0, now, &queued, &tasks, err))
		return KP_ERR;
	snprintf(result, cap, "%d taak/taken, %d nieuwe e-mail(s)", tasks, queued);
	return KP_OK;
}

/* One-off calls whose day has passed close themselves (the matching
   engine already leaves them out from the next day on). */
static int close_past_calls(void *ctx, struct db *db, int64_t now, char *result, size_t cap,
                            struct kp_error *err)
{
	(void)ctx;
	int closed = 0;
	if (calls_close_past(db, now, &closed, err))
		return KP_ERR;
	snprintf(result, cap, "%d oproep(en) gesloten", closed);
	return KP_OK;
}

/* Each morning, one mail per person with the notifications they chose to
   read in a digest (model/notification.h: DIGEST_HOUR_UTC). */
static int queue_digests(void *ctx, struct db *db, int64_t now, char *result, size_t cap,
                         struct kp_error *err)
{
	int mails = 0;
	struct notifier nf = { db, ctx, now, NULL, err };
	if (notify_digests(&nf, &mails))
		return KP_ERR;
	snprintf(result, cap, "%d overzicht(en)", mails);
	return KP_OK;
}

/* Volunteers whose VOG is almost too old hear of it, once per VOG. */
static int tell_vog_expiring(void *ctx, struct db *db, int64_t now, char *result, size_t cap,
                             struct kp_error *err)
{
	int queued = 0;
	struct notifier nf = { db, ctx, now, &queued, err };
	if (notify_vog_expiring(&nf))
		return KP_ERR;
	snprintf(result, cap, "%d nieuwe e-mail(s)", queued);
	return KP_OK;
}

/* Sending happens in send_mail, after the run is recorded: the SMTP
   conversation must not hold a write transaction open. */
static int note_sending(void *ctx, struct db *db, int64_t now, char *result, size_t cap,
                        struct kp_error *err)
{
	(void)ctx;
	(void)db;
	(void)now;
	(void)err;
	snprintf(result, cap, "verzenden");
	return KP_OK;
}

static bool can_send(void *ctx)
{
	const struct app *app = ctx;
	return app->cfg.smtp.url[0] != '\0';
}

static double seconds_since(const struct timespec *start)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - start->tv_sec) + (double)(t.tv_nsec - start->tv_nsec) / 1e9;
}

/* Batch after batch while full ones come (a newsletter queues thousands at
   once), for at most JOBS_MAIL_BUDGET_S, so that the lock is free again
   before the next period. */
static int send_mail(void *ctx, struct db *db, int64_t now, struct kp_error *err)
{
	const struct app *app = ctx;
	struct mailer_result r, all = { 0 };
	struct timespec start;
	clock_gettime(CLOCK_MONOTONIC, &start);
	do {
		if (mailer_run(&app->cfg.smtp, db, now, &r, err))
			return KP_ERR;
		all.sent += r.sent;
		all.failed += r.failed;
		all.given_up += r.given_up;
	} while (r.sent + r.failed == MAILER_BATCH && seconds_since(&start) < JOBS_MAIL_BUDGET_S);
	if (all.sent || all.failed)
		printf("E-mail: %d verzonden, %d mislukt (%d opgegeven).\n", all.sent, all.failed,
		       all.given_up);
	fflush(stdout);
	return KP_OK;
}

const struct job jobs_builtin[] = {
	{ "prune_changes", 0x6b6e6f6f7001LL, 600, prune_changes },
	{ "retention", 0x6b6e6f6f7002LL, RETENTION_PERIOD_S, retention_job, retention_after },
	{ "reminders", 0x6b6e6f6f7003LL, JOBS_REMINDERS_PERIOD_S, queue_reminders },
	{ "send_mail", 0x6b6e6f6f7004LL, JOBS_MAIL_PERIOD_S, note_sending, send_mail, can_send },
	{ "close_past_calls", 0x6b6e6f6f7005LL, 3600, close_past_calls },
	{ "digest", 0x6b6e6f6f7006LL, JOBS_DIGEST_PERIOD_S, queue_digests },
	{ "vog_expiring", 0x6b6e6f6f7007LL, 86400, tell_vog_expiring },
};
const int jobs_builtin_count = sizeof jobs_builtin / sizeof jobs_builtin[0];

/* Runs job when its period has passed; *ran tells whether it did. */
static int run_if_due(struct jobs *j, const struct job *job, bool *ran, struct kp_error *err)
{
	int period = j->period_override_s > 0 ? j->period_override_s : job->period_s;
	int64_t now = j->now(), last = 0;
	char result[JOBS_RESULT_MAX] = "";
	*ran = false;
	if (db_begin(j->db, err) || store_job_last_run(j->db, job->name, &last, err))
		goto fail;
	if (last > 0 && now - last < period) {
		db_rollback(j->db);
		return KP_OK;
	}
	if (job->run(j->ctx, j->db, now, result, sizeof result, err) ||
	    store_job_record_run(j->db, job->name, j->server, now, result, err) ||
	    db_commit(j->db, err))
		goto fail;
	*ran = true;
	if (job->after != NULL && job->after(j->ctx, j->db, now, err))
		return KP_ERR;
	return KP_OK;
fail:
	db_rollback(j->db);
	return KP_ERR;
}

int jobs_tick(struct jobs *j, int *ran, struct kp_error *err)
{
	*ran = 0;
	for (int i = 0; i < j->n; i++) {
		const struct job *job = &j->jobs[i];
		bool got = false, did = false;
		if (job->able != NULL && !job->able(j->ctx))
			continue;
		if (db_try_job_lock(j->db, job->lock_key, &got, err))
			return KP_ERR;
		if (!got)
			continue; /* another server is running it right now */
		int rc = run_if_due(j, job, &did, err);
		db_job_unlock(j->db, job->lock_key);
		if (rc && err->kind != KP_CONFLICT) /* a conflict: another server recorded it first */
			return KP_ERR;
		*ran += did;
	}
	return KP_OK;
}

static void *run(void *arg)
{
	struct jobs *j = arg;
	pthread_mutex_lock(&j->lock);
	while (!j->stop) {
		pthread_mutex_unlock(&j->lock);
		struct kp_error err = { 0 };
		int ran;
		if (jobs_tick(j, &ran, &err) != KP_OK)
			fprintf(stderr, "knooppunt: jobs: %s\n", err.code);
		pthread_mutex_lock(&j->lock);
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_nsec += (long)j->tick_ms * 1000000L;
		until.tv_sec += until.tv_nsec / 1000000000L;
		until.tv_nsec %= 1000000000L;
		while (!j->stop && pthread_cond_timedwait(&j->wake, &j->lock, &until) != ETIMEDOUT)
			;
	}
	pthread_mutex_unlock(&j->lock);
	return NULL;
}

int jobs_open(const char *path, const struct job *jobs, int n, const char *server,
              int period_override_s, int64_t (*now)(void), void *ctx, struct jobs **out,
              struct kp_error *err)
{
	struct jobs *j = calloc(1, sizeof *j);
	if (j == NULL)
		return kp_internal(err);
	j->jobs = jobs;
	j->n = n;
	snprintf(j->server, sizeof j->server, "%s", server);
	j->period_override_s = period_override_s;
	j->now = now;
	j->ctx = ctx;
	pthread_mutex_init(&j->lock, NULL);
	pthread_cond_init(&j->wake, NULL);
	if (db_open(path, &j->db, err)) {
		jobs_close(j);
		return KP_ERR;
	}
	*out = j;
	return KP_OK;
}

int jobs_start(struct jobs *j, int tick_ms, struct kp_error *err)
{
	j->tick_ms = tick_ms > 0 ? tick_ms : JOBS_TICK_MS;
	if (pthread_create(&j->thread, NULL, run, j) != 0)
		return kp_internal(err);
	j->running = true;
	return KP_OK;
}

void jobs_close(struct jobs *j)
{
	if (j == NULL)
		return;
	if (j->running) {
		pthread_mutex_lock(&j->lock);
		j->stop = true;
		pthread_cond_signal(&j->wake);
		pthread_mutex_unlock(&j->lock);
		pthread_join(j->thread, NULL);
	}
	db_close(j->db);
	pthread_cond_destroy(&j->wake);
	pthread_mutex_destroy(&j->lock);
	free(j);
}
