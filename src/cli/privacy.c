/*
 * knooppunt erase-person --volunteer ID [--reason TEXT]: anonymises one
 * volunteer (right to be forgotten).
 * knooppunt retention [--years N]: anonymises every volunteer that stopped
 * more than N years ago (default: the configured retention period). The
 * server runs the same once a day (see serve.c).
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "db/store.h"
#include "util/parse.h"

#define RETENTION_JOB_KEY 0x4b50524554LL /* "KPRET": one run per network at a time */
#define RETENTION_BATCH_MAX 100000       /* volunteers anonymised per run */

/* Erases one volunteer in its own transaction, with an audit entry by "the system". */
static int erase_one(struct db *db, int64_t id, int64_t now, const char *reason,
                     struct kp_error *err)
{
	struct audit_entry e = { .at = now, .role = ROLE_ANONYMOUS, .volunteer_id = id,
	                         .record_id = id };
	snprintf(e.action, sizeof e.action, "erase");
	snprintf(e.resource, sizeof e.resource, "volunteer");
	snprintf(e.reason, sizeof e.reason, "%s", reason);
	if (db_begin(db, err) || store_volunteer_erase(db, id, now, err) ||
	    store_audit_append(db, &e, err) || db_commit(db, err)) {
		db_rollback(db);
		return KP_ERR;
	}
	return KP_OK;
}

struct ids {
	int64_t *v;
	int n, cap;
};

static int collect(void *ctx, int64_t id)
{
	struct ids *ids = ctx;
	if (ids->n == ids->cap) {
		if (ids->cap >= RETENTION_BATCH_MAX)
			return 0; /* the rest waits for the next run */
		int cap = ids->cap ? ids->cap * 2 : 64;
		int64_t *p = realloc(ids->v, (size_t)cap * sizeof *p);
		if (p == NULL)
			return -1;
		ids->v = p;
		ids->cap = cap;
	}
	ids->v[ids->n++] = id;
	return 0;
}

int privacy_retention_run(struct db *db, int years, int64_t now, int *erased,
                          struct kp_error *err)
{
	bool got = false;
	struct ids ids = { 0 };
	int rc = KP_ERR;
	*erased = 0;
	if (db_try_job_lock(db, RETENTION_JOB_KEY, &got, err))
		return KP_ERR;
	if (!got) /* another server runs it now */
		return KP_OK;
	int64_t before = now - (int64_t)years * 36525 * 864; /* 365.25 days a year */
	if (store_retention_due(db, before, collect, &ids, err))
		goto end;
	for (int i = 0; i < ids.n; i++) {
		if (erase_one(db, ids.v[i], now, "bewaartermijn verstreken", err))
			goto end;
		(*erased)++;
	}
	rc = KP_OK;
end:
	free(ids.v);
	db_job_unlock(db, RETENTION_JOB_KEY);
	return rc;
}

static int option(int argc, char **argv, int *i, const char *name, const char **value)
{
	size_t n = strlen(name);
	if (strncmp(argv[*i], name, n) != 0)
		return 0;
	if (argv[*i][n] == '=') {
		*value = argv[*i] + n + 1;
		return 1;
	}
	if (argv[*i][n] != '\0')
		return 0;
	if (*i + 1 >= argc)
		return -1;
	*value = argv[++*i];
	return 1;
}

int cmd_erase_person(int argc, char **argv, struct app *app)
{
	const char *id_text = NULL, *reason = "opdrachtregel";
	long long id = 0;
	for (int i = 0; i < argc; i++) {
		int a = option(argc, argv, &i, "--volunteer", &id_text);
		int b = a ? 0 : option(argc, argv, &i, "--reason", &reason);
		if (a < 0 || b < 0 || (a == 0 && b == 0)) {
			fprintf(stderr, "knooppunt erase-person: onbekende of onvolledige optie %s\n",
			        argv[i]);
			return 2;
		}
	}
	if (id_text == NULL || parse_int(id_text, 1, INT64_MAX, &id) != 0) {
		fprintf(stderr, "knooppunt erase-person: geef --volunteer ID (een positief getal)\n");
		return 2;
	}
	if (strlen(reason) > AUDIT_REASON_MAX) {
		fprintf(stderr, "knooppunt erase-person: --reason is te lang (maximaal %d tekens)\n",
		        AUDIT_REASON_MAX);
		return 2;
	}
	struct kp_error err = { 0 };
	struct db *db = NULL;
	int status = 1;
	if (cli_open(app, &db, &err) || erase_one(db, id, app->now(), reason, &err))
		goto end;
	printf("Vrijwilliger %lld is geanonimiseerd.\n", id);
	status = 0;
end:
	if (status != 0)
		cli_print_error(&err);
	db_close(db);
	return status;
}

int cmd_retention(int argc, char **argv, struct app *app)
{
	int years = app->cfg.retention_years;
	for (int i = 0; i < argc; i++) {
		const char *v = NULL;
		long long n;
		int a = option(argc, argv, &i, "--years", &v);
		if (a <= 0 || parse_int(v, 1, 100, &n) != 0) {
			fprintf(stderr, "knooppunt retention: gebruik --years N (1 tot 100)\n");
			return 2;
		}
		years = (int)n;
	}
	struct kp_error err = { 0 };
	struct db *db = NULL;
	int status = 1, erased = 0;
	if (cli_open(app, &db, &err) ||
	    privacy_retention_run(db, years, app->now(), &erased, &err))
		goto end;
	printf("Bewaartermijn %d jaar: %d vrijwilliger(s) geanonimiseerd.\n", years, erased);
	status = 0;
end:
	if (status != 0)
		cli_print_error(&err);
	db_close(db);
	return status;
}

/* The server's daily retention run: a thread that runs once shortly after
   start and then every RETENTION_INTERVAL seconds until stopped. */
#define RETENTION_INTERVAL (24 * 3600)
#define RETENTION_FIRST_DELAY 5

struct retention_job {
	struct app *app;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	bool stop;
};

static void *retention_loop(void *arg)
{
	struct retention_job *job = arg;
	int64_t delay = RETENTION_FIRST_DELAY;
	pthread_mutex_lock(&job->lock);
	while (!job->stop) {
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += (time_t)delay;
		while (!job->stop &&
		       pthread_cond_timedwait(&job->wake, &job->lock, &until) != ETIMEDOUT)
			;
		if (job->stop)
			break;
		pthread_mutex_unlock(&job->lock);
		struct db *db = db_pool_acquire(job->app->pool);
		struct kp_error err = { 0 };
		int erased = 0;
		if (privacy_retention_run(db, job->app->cfg.retention_years, job->app->now(), &erased,
		                          &err))
			cli_print_error(&err);
		else if (erased > 0)
			printf("Bewaartermijn: %d vrijwilliger(s) geanonimiseerd.\n", erased);
		fflush(stdout);
		db_pool_release(job->app->pool, db);
		pthread_mutex_lock(&job->lock);
		delay = RETENTION_INTERVAL;
	}
	pthread_mutex_unlock(&job->lock);
	return NULL;
}

struct retention_job *retention_job_start(struct app *app)
{
	struct retention_job *job = calloc(1, sizeof *job);
	if (job == NULL)
		return NULL;
	job->app = app;
	pthread_mutex_init(&job->lock, NULL);
	pthread_cond_init(&job->wake, NULL);
	if (pthread_create(&job->thread, NULL, retention_loop, job) != 0) {
		pthread_cond_destroy(&job->wake);
		pthread_mutex_destroy(&job->lock);
		free(job);
		return NULL;
	}
	return job;
}

void retention_job_stop(struct retention_job *job)
{
	if (job == NULL)
		return;
	pthread_mutex_lock(&job->lock);
	job->stop = true;
	pthread_cond_signal(&job->wake);
	pthread_mutex_unlock(&job->lock);
	pthread_join(job->thread, NULL);
	pthread_cond_destroy(&job->wake);
	pthread_mutex_destroy(&job->lock);
	free(job);
}
