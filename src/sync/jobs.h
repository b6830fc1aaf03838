/*
 * Scheduled jobs (pruning the change log, retention, the journey's reminder
 * mails) that must run once per period for the whole network, however many
 * app servers share the database.
 *
 * Each tick, for every job: take the job's lock on the database (a
 * PostgreSQL advisory lock; a SQLite file has one server), then, in one
 * transaction, look up the job's last run in job_runs and run the job only
 * when its period has passed, recording the run. A second server that gets
 * the lock a moment later sees the recorded run and skips; should both ever
 * get past the lock, the serializable transaction lets only one record.
 *
 * Ownership: jobs_open copies nothing from `jobs`, which must outlive the
 * runner; jobs_close stops the thread.
 */
#ifndef KP_SYNC_JOBS_H
#define KP_SYNC_JOBS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "db/db.h"

#define JOBS_TICK_MS 1000
#define JOBS_RESULT_MAX 200

struct job {
	const char *name;      /* stable key in job_runs */
	int64_t lock_key;      /* advisory lock key, unique per job */
	int period_s;          /* at most one run per period */
	/* Runs inside the caller's transaction; writes a short result text. */
	int (*run)(void *ctx, struct db *db, int64_t now, char *result, size_t cap,
	           struct kp_error *err);
	/* NULL, or work that must not hold a transaction open (sending mail over the
	   network): runs after the run's commit, still under the job's lock. */
	int (*after)(void *ctx, struct db *db, int64_t now, struct kp_error *err);
	/* NULL, or whether this server can do the job (sending needs an SMTP
	   server): one that cannot leaves it to those that can, instead of
	   recording a run for the network that sent nothing. */
	bool (*able)(void *ctx);
};

#define JOBS_REMINDERS_PERIOD_S 3600
#define JOBS_MAIL_PERIOD_S 60
#define JOBS_MAIL_BUDGET_S 45   /* one send_mail run sends batches for at most this long */
#define JOBS_DIGEST_PERIOD_S 900   /* the digest goes soon after DIGEST_HOUR_UTC */

/* The jobs every server runs: pruning the change log, retention (retention.h)
   and queueing the reminder mails (service/reminders.h; hourly, and never with
   the test clock of util/testclock.h, whose tests queue them themselves). */
extern const struct job jobs_builtin[];
extern const int jobs_builtin_count;

struct jobs;

/* server names this process in job_runs (host:port); period_override_s > 0
   replaces every job's period (tests and operators). */
int jobs_open(const char *path, const struct job *jobs, int n, const char *server,
              int period_override_s, int64_t (*now)(void), void *ctx, struct jobs **out,
              struct kp_error *err);
int jobs_start(struct jobs *j, int tick_ms, struct kp_error *err);
/* One tick, synchronous; *ran counts the jobs this call ran. */
int jobs_tick(struct jobs *j, int *ran, struct kp_error *err);
void jobs_close(struct jobs *j);

#endif
